import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type RosterDatabase } from '../../src/storage/database.js';
import { migrateToLatest } from '../../src/storage/migrate.js';
import { createSqliteReadPool } from '../../src/storage/sqlite-read-pool.js';

/** A statement that keeps a worker busy for a while: SQLite counts to ten million. */
const SLOW = `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000000) SELECT count(*) AS c FROM n`;

describe('SQLite read workers', () => {
  let dir: string;
  let database: RosterDatabase;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'roster-read-pool-'));
    database = await createDatabase({ databaseUrl: null, sqliteFile: path.join(dir, 'roster.db'), sqliteReadWorkers: 2 });
    await migrateToLatest(database);
  });

  afterAll(async () => {
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('are separate from the main connection, and see each write as soon as it has committed', async () => {
    expect(database.reads).not.toBe(database.db);
    await sql`CREATE TABLE pool_probe (n INTEGER)`.execute(database.db);
    for (const n of [1, 2, 3]) {
      await sql`INSERT INTO pool_probe (n) VALUES (${n})`.execute(database.db);
      const { rows } = await sql<{ total: number }>`SELECT sum(n) AS total FROM pool_probe`.execute(database.reads);
      expect(rows[0]?.total).toBe((n * (n + 1)) / 2);
    }
  });

  it('keep a long read off the event loop: the main connection answers while a worker is still counting', async () => {
    const order: string[] = [];
    const slow = sql<{ c: number }>`${sql.raw(SLOW)}`.execute(database.reads).then((result) => {
      order.push('slow read');
      return result.rows[0]?.c;
    });
    await new Promise((resolve) => setImmediate(resolve));
    await sql`SELECT 1`.execute(database.db);
    order.push('main connection');
    expect(await slow).toBe(10_000_000);
    expect(order).toEqual(['main connection', 'slow read']);
  });

  it("answer SQLite's errors as rejections, and refuse statements that write", async () => {
    await expect(sql`SELECT * FROM no_such_table`.execute(database.reads)).rejects.toThrow(/no such table/);
    await expect(sql`INSERT INTO pool_probe (n) VALUES (4)`.execute(database.reads)).rejects.toThrow();
    await expect(database.reads.transaction().execute(async () => undefined)).rejects.toThrow(/no transactions/);
    const { rows } = await sql<{ c: number }>`SELECT count(*) AS c FROM pool_probe`.execute(database.db);
    expect(rows[0]?.c).toBe(3);
  });

  it('refuse work once closed', async () => {
    const pool = createSqliteReadPool({ file: path.join(dir, 'roster.db'), size: 1, cacheKiB: 1024 });
    expect(await pool.all('SELECT 41 + 1 AS answer', [])).toEqual([{ answer: 42 }]);
    await pool.close();
    await expect(pool.all('SELECT 1', [])).rejects.toThrow(/closed/);
  });

  it('are not used for an in-memory database, which no other connection can open', async () => {
    const memory = await createDatabase({ databaseUrl: null, sqliteFile: ':memory:' });
    expect(memory.reads).toBe(memory.db);
    await memory.close();
  });
});
