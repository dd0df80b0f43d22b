// Start-up: the instance-key check every node passes, owner-only SQLite and key files on a real start,
// and a generated secret key printed only on the start that generated it. (The configuration rules are
// in config-keys.test.ts.)
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { ConfigError, loadConfig } from '../src/config/config.js';
import { createManualClock } from '../src/lib/clock.js';
import { createHasherRegistry } from '../src/passwords/registry.js';
import { startServer, type StartedServer } from '../src/start-server.js';
import type { RosterDatabase } from '../src/storage/database.js';
import { createDatabase } from '../src/storage/database.js';
import { migrateToLatest } from '../src/storage/migrate.js';
import { dropTestSchema, testDatabaseUrl, TEST_SECRET_KEY, withSchemaLock } from './helpers/test-server.js';

const newInstanceKey = () => randomBytes(32).toString('base64');
const modeOf = (file: string) => fs.statSync(file).mode & 0o777;

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'roster-startup-'));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

describe('the instance-key check', () => {
  /** A migrated database (a temp SQLite file, or a fresh PostgreSQL schema when TEST_DATABASE_URL is set). */
  async function freshDatabase(): Promise<{ database: RosterDatabase; dataDir: string }> {
    const dataDir = tempDir();
    const schema = testDatabaseUrl ? `roster_test_${randomBytes(6).toString('hex')}` : undefined;
    const database = await createDatabase({ databaseUrl: testDatabaseUrl, sqliteFile: path.join(dataDir, 'roster.db'), pgSchema: schema });
    cleanups.push(async () => {
      await dropTestSchema(database, schema);
      await database.close();
    });
    await withSchemaLock(() => migrateToLatest(database));
    return { database, dataDir };
  }

  /** Builds an app (a "node") on `database` with `instanceKey`; closes it at the end of the test. */
  async function startNode(database: RosterDatabase, dataDir: string, instanceKey: string) {
    const config = loadConfig({ ROSTER_DATA_DIR: dataDir, ROSTER_SECRET_KEYS: TEST_SECRET_KEY, ROSTER_INSTANCE_KEY: instanceKey });
    const app = await buildApp({ config, database, clock: createManualClock(Date.now()), hashers: createHasherRegistry(), logger: false });
    cleanups.push(() => app.close());
    return app;
  }

  it('a second node on the same database with another instance key refuses to start, naming ROSTER_INSTANCE_KEY', async () => {
    const { database, dataDir } = await freshDatabase();
    const key = newInstanceKey();
    await startNode(database, dataDir, key);
    const refused = startNode(database, dataDir, newInstanceKey());
    await expect(refused).rejects.toBeInstanceOf(ConfigError);
    await expect(refused).rejects.toThrow(/ROSTER_INSTANCE_KEY/);
    // The same key keeps working, on any number of nodes.
    await startNode(database, dataDir, key);
  });

  it('nodes starting at once with different keys: exactly one key wins, and every later start agrees with it', async () => {
    const { database, dataDir } = await freshDatabase();
    const keys = [newInstanceKey(), newInstanceKey(), newInstanceKey()];
    const results = await Promise.allSettled(keys.map((key) => startNode(database, dataDir, key)));
    const winners = keys.filter((_, i) => results[i]!.status === 'fulfilled');
    expect(winners).toHaveLength(1);
    for (const [i, result] of results.entries()) {
      if (result.status === 'rejected') expect(result.reason).toBeInstanceOf(ConfigError);
      else expect(keys[i]).toBe(winners[0]);
    }
    await startNode(database, dataDir, winners[0]!);
    await expect(startNode(database, dataDir, keys.find((key) => key !== winners[0])!)).rejects.toThrow(/ROSTER_INSTANCE_KEY/);
  });

  it('a database from before the check adopts the key only if it opens the secrets already sealed there', async () => {
    const { database, dataDir } = await freshDatabase();
    const key = newInstanceKey();
    await startNode(database, dataDir, key); // seals a signing key with `key`
    await database.db.deleteFrom('instance_key_check').execute();
    await expect(startNode(database, dataDir, newInstanceKey())).rejects.toThrow(/ROSTER_INSTANCE_KEY/);
    await startNode(database, dataDir, key);
    expect(await database.db.selectFrom('instance_key_check').selectAll().execute()).toHaveLength(1);
  });
});

describe('starting on PostgreSQL', () => {
  it('refuses without ROSTER_SECRET_KEYS and ROSTER_INSTANCE_KEY, before connecting anywhere', async () => {
    const start = startServer({ DATABASE_URL: 'postgres://roster@db.invalid:5432/roster', ROSTER_DATA_DIR: tempDir() }, { logger: false });
    await expect(start).rejects.toBeInstanceOf(ConfigError);
    await expect(start).rejects.toThrow(/ROSTER_SECRET_KEYS and ROSTER_INSTANCE_KEY must be set/);
  });
});

describe.skipIf(testDatabaseUrl)('starting on SQLite', () => {
  async function start(env: Record<string, string>): Promise<StartedServer> {
    const server = await startServer({ PORT: '0', HOST: '127.0.0.1', ...env }, { logger: false });
    cleanups.push(() => server.close());
    return server;
  }

  it('the data directory is 0700 and roster.db, -wal, -shm and the key files are 0600', async () => {
    const dataDir = path.join(tempDir(), 'nested', 'data');
    const server = await start({ ROSTER_DATA_DIR: dataDir });
    expect(server.database.dialect).toBe('sqlite');
    expect(modeOf(dataDir).toString(8)).toBe('700');
    for (const name of ['roster.db', 'roster.db-wal', 'roster.db-shm', 'secret-key', 'instance-key']) {
      expect({ name, mode: modeOf(path.join(dataDir, name)).toString(8) }).toEqual({ name, mode: '600' });
    }
  });

  it('files and a data directory left readable by an earlier version are tightened on start', async () => {
    const dataDir = path.join(tempDir(), 'data');
    fs.mkdirSync(dataDir, { mode: 0o755 });
    fs.chmodSync(dataDir, 0o755);
    const first = await start({ ROSTER_DATA_DIR: dataDir });
    await first.close();
    cleanups.pop();
    for (const name of ['roster.db', 'secret-key', 'instance-key']) fs.chmodSync(path.join(dataDir, name), 0o644);
    fs.chmodSync(dataDir, 0o755);

    await start({ ROSTER_DATA_DIR: dataDir });
    expect(modeOf(dataDir).toString(8)).toBe('700');
    for (const name of ['roster.db', 'roster.db-wal', 'roster.db-shm', 'secret-key', 'instance-key']) {
      expect({ name, mode: modeOf(path.join(dataDir, name)).toString(8) }).toEqual({ name, mode: '600' });
    }
  });

  it('an existing directory without Roster files keeps its mode (ROSTER_DATA_DIR may point at a shared one)', async () => {
    const dataDir = tempDir();
    fs.chmodSync(dataDir, 0o755);
    await start({ ROSTER_DATA_DIR: dataDir, ROSTER_SQLITE_FILE: 'db/roster.db', ROSTER_SECRET_KEYS: TEST_SECRET_KEY, ROSTER_INSTANCE_KEY: newInstanceKey() });
    expect(modeOf(dataDir).toString(8)).toBe('755');
    expect(modeOf(path.join(dataDir, 'db')).toString(8)).toBe('700');
    expect(modeOf(path.join(dataDir, 'db', 'roster.db')).toString(8)).toBe('600');
  });

  it('prints the generated secret key on the start that generated it only; later starts say where it is stored', async () => {
    const dataDir = tempDir();
    const first = await start({ ROSTER_DATA_DIR: dataDir });
    const key = fs.readFileSync(path.join(dataDir, 'secret-key'), 'utf8').trim();
    expect(key).toMatch(/^sk_test_/);
    expect(first.banner).toContain(key);
    await first.close();
    cleanups.pop();

    const second = await start({ ROSTER_DATA_DIR: dataDir });
    expect(second.banner).not.toContain(key);
    expect(second.banner).toContain(`stored in ${path.join(dataDir, 'secret-key')}`);
    expect(second.config.secretKeys).toEqual([key]);
  });

  it('a configured key is never printed', async () => {
    const server = await start({ ROSTER_DATA_DIR: tempDir(), ROSTER_SECRET_KEYS: TEST_SECRET_KEY });
    expect(server.banner).not.toContain(TEST_SECRET_KEY);
    expect(server.banner).toContain('one of ROSTER_SECRET_KEYS');
  });

  it('a restart with another ROSTER_INSTANCE_KEY refuses, naming the variable and the instance-key file', async () => {
    const dataDir = tempDir();
    const first = await start({ ROSTER_DATA_DIR: dataDir });
    await first.close();
    cleanups.pop();
    const refused = start({ ROSTER_DATA_DIR: dataDir, ROSTER_INSTANCE_KEY: newInstanceKey() });
    await expect(refused).rejects.toBeInstanceOf(ConfigError);
    await expect(refused).rejects.toThrow(/ROSTER_INSTANCE_KEY/);
    await expect(refused).rejects.toThrow(path.join(dataDir, 'instance-key'));
    // Without the variable, the key in the data directory (the one the database was sealed with) works.
    await start({ ROSTER_DATA_DIR: dataDir });
  });
});
