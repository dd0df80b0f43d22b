// The SQLite database (password digests, private metadata) and the key files are the owner's only: the
// data directory 0700, roster.db, -wal, -shm, secret-key and instance-key 0600, on creation and on every
// later start for files an earlier version left readable.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureInstanceKey, ensureSecretKey } from '../src/instance-files.js';
import { createDatabase } from '../src/storage/database.js';

const modeOf = (file: string) => (fs.statSync(file).mode & 0o777).toString(8);
const modes = (dir: string, names: string[]) => Object.fromEntries(names.map((name) => [name, modeOf(path.join(dir, name))]));

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'roster-modes-'));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Opens the SQLite database at `file` and writes to it, so -wal and -shm exist while it stays open. */
async function openAndWrite(file: string) {
  const database = await createDatabase({ databaseUrl: null, sqliteFile: file });
  cleanups.push(() => database.close());
  await sql`CREATE TABLE IF NOT EXISTS probe (id INTEGER)`.execute(database.db);
  await sql`INSERT INTO probe (id) VALUES (1)`.execute(database.db);
  return database;
}

describe('SQLite files', () => {
  it('a new database directory is 0700; roster.db, -wal and -shm are 0600', async () => {
    const dir = path.join(tempDir(), 'a', 'data');
    await openAndWrite(path.join(dir, 'roster.db'));
    expect(modeOf(dir)).toBe('700');
    expect(modes(dir, ['roster.db', 'roster.db-wal', 'roster.db-shm'])).toEqual({ 'roster.db': '600', 'roster.db-wal': '600', 'roster.db-shm': '600' });
  });

  it('a database file an earlier version left 0644 (with its -wal and -shm) is tightened when opened', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'roster.db');
    for (const name of ['roster.db', 'roster.db-wal', 'roster.db-shm']) fs.writeFileSync(path.join(dir, name), '', { mode: 0o644 });
    for (const name of ['roster.db', 'roster.db-wal', 'roster.db-shm']) fs.chmodSync(path.join(dir, name), 0o644);
    await openAndWrite(file);
    expect(modes(dir, ['roster.db', 'roster.db-wal', 'roster.db-shm'])).toEqual({ 'roster.db': '600', 'roster.db-wal': '600', 'roster.db-shm': '600' });
  });
});

describe('key files', () => {
  it('a new data directory is 0700 and the generated keys 0600', () => {
    const dir = path.join(tempDir(), 'data');
    expect(ensureSecretKey(dir).created).toBe(true);
    ensureInstanceKey(dir);
    expect(modeOf(dir)).toBe('700');
    expect(modes(dir, ['secret-key', 'instance-key'])).toEqual({ 'secret-key': '600', 'instance-key': '600' });
  });

  it('key files and a data directory an earlier version left readable are tightened on the next start', () => {
    const dir = path.join(tempDir(), 'data');
    const { key } = ensureSecretKey(dir);
    ensureInstanceKey(dir);
    fs.chmodSync(path.join(dir, 'secret-key'), 0o644);
    fs.chmodSync(path.join(dir, 'instance-key'), 0o644);
    fs.chmodSync(dir, 0o755);
    expect(ensureSecretKey(dir)).toMatchObject({ key, created: false });
    ensureInstanceKey(dir);
    expect(modeOf(dir)).toBe('700');
    expect(modes(dir, ['secret-key', 'instance-key'])).toEqual({ 'secret-key': '600', 'instance-key': '600' });
  });
});
