// Where `npm run seed` and `npm run bench` write users: opening the database (SQLite file or PostgreSQL),
// migrating it, and seeding it with a progress bar. Imports the built dist/ (npm run build).
import path from 'node:path';
import { loadConfig } from '../../dist/config/config.js';
import { newId } from '../../dist/lib/ids.js';
import { argon2idWriter } from '../../dist/passwords/argon2id.js';
import { createDatabase, refreshPlannerStatistics } from '../../dist/storage/database.js';
import { migrateToLatest } from '../../dist/storage/migrate.js';
import { insertUserBatch, withDeferredUserIndexes } from '../../dist/storage/repositories/bulk-user-import.js';
import { countUsers } from '../../dist/storage/repositories/user-list-repository.js';
import { createProgress } from './progress.mjs';
import { seedUsers } from './seed-users.mjs';

/** A connection string with its password left out, for printing. */
export function redactUrl(databaseUrl) {
  try {
    const url = new URL(databaseUrl);
    if (url.password) url.password = '';
    return url.toString().replace(/:@/, '@');
  } catch {
    return '(unparseable database URL)';
  }
}

/**
 * Opens and migrates the database to seed: PostgreSQL when `databaseUrl` is set (in `schema`, default public),
 * else the SQLite file of `dataDir` (default: ROSTER_DATA_DIR or ./data, as `npm start` does). With
 * `migrate: false` it is only looked at: `countUsers()` is then 0 where Roster's tables do not exist.
 */
export async function openTarget({ databaseUrl = null, schema, dataDir, migrate = true }) {
  let database;
  let description;
  let startCommand;
  if (databaseUrl) {
    database = await createDatabase({ databaseUrl, sqliteFile: ':memory:', pgSchema: schema });
    description = `PostgreSQL ${redactUrl(databaseUrl)}${schema && schema !== 'public' ? ` (schema ${schema})` : ''}`;
    startCommand =
      schema && schema !== 'public'
        ? `(Roster serves the public schema only: seed without --schema to start Roster on the data)`
        : `DATABASE_URL='${redactUrl(databaseUrl)}' ROSTER_SECRET_KEYS=sk_test_… ROSTER_INSTANCE_KEY=… npm start`;
  } else {
    // The SQLite file `npm start` would open with this environment (ROSTER_SQLITE_FILE is honoured too).
    const env = { ...process.env, DATABASE_URL: '', ...(dataDir ? { ROSTER_DATA_DIR: dataDir } : {}) };
    const config = loadConfig(env);
    database = await createDatabase({ databaseUrl: null, sqliteFile: config.sqliteFile });
    description = `SQLite ${config.sqliteFile}`;
    startCommand = `ROSTER_DATA_DIR='${config.dataDir}'${process.env.ROSTER_SQLITE_FILE ? ` ROSTER_SQLITE_FILE='${process.env.ROSTER_SQLITE_FILE}'` : ''} npm start`;
    if (path.resolve(config.dataDir) === path.resolve('data')) startCommand = 'npm start';
  }
  try {
    if (migrate) await migrateToLatest(database);
  } catch (error) {
    await database.close();
    throw error;
  }
  // 42P01 (PostgreSQL) and "no such table" (SQLite): a database Roster has never used has no users.
  const missingTable = (error) => error?.code === '42P01' || /no such table/.test(error?.message ?? '');
  return {
    database,
    description,
    startCommand,
    countUsers: () => countUsers(database.db, {}).catch((error) => (!migrate && missingTable(error) ? 0 : Promise.reject(error))),
    close: () => database.close(),
  };
}

/**
 * Seeds `users` fake users numbered from `startIndex` into an opened target, with a progress bar on stderr,
 * then refreshes the planner's statistics. `password`: when set, `passwordShare` of the users get its digest.
 */
export async function seedInto(target, { users, startIndex = 0, batchSize = 5_000, password = null, passwordShare = 0.1 }) {
  const passwordDigest = password ? await argon2idWriter.hash(password) : null;
  const progress = createProgress({ total: users });
  const started = performance.now();
  const { written, passwordUsers } = await seedUsers({
    database: target.database,
    roster: { newId, insertUserBatch, withDeferredUserIndexes },
    total: users,
    startIndex,
    batchSize,
    passwordDigest,
    passwordShare: passwordDigest ? passwordShare : 0,
    onProgress: (done) => progress.update(done),
    onIndexing: () => progress.note('building the indexes…'),
  });
  // As after any bulk import: fresh statistics, so plans do not depend on when autovacuum last ran.
  await refreshPlannerStatistics(target.database);
  const seconds = (performance.now() - started) / 1000;
  progress.finish();
  return { seconds, written, passwordUsers };
}
