import { sql, type Kysely } from 'kysely';
import type { Database, Executor, RosterDatabase } from '../database.js';
import type { NewIdentificationRow, NewUserRow } from '../tables/user-tables.js';
import { buildUserSearchDoc } from './user-search-repository.js';

/** One user to import: its row and its identifications (the rows `users` and `identifications` will hold). */
export interface UserImport {
  user: NewUserRow;
  identifications: readonly NewIdentificationRow[];
}

/**
 * Bound parameters one statement may carry: SQLite's limit (SQLITE_MAX_VARIABLE_NUMBER, 32766 since 3.32),
 * the lower of the two databases (PostgreSQL's is 65535), so one statement shape serves both.
 */
const MAX_PARAMETERS = 32_766;

/**
 * Writes users, their identifications and their search documents in one transaction, with multi-row
 * INSERTs: the seeding path (`npm run seed`), tens of times faster than creating users one by one. The
 * caller has already validated and normalised everything (ids from `newId('user', createdAt)`, E.164
 * phones, lower-cased emails); the unique indexes still refuse a duplicate, and then nothing of the batch
 * is written. Search documents are what `refreshUserSearchDoc` writes, built by the same function.
 * Every user row, and every identification row, must have the same keys (one column list per statement).
 */
export async function insertUserBatch(db: Kysely<Database>, batch: readonly UserImport[]): Promise<void> {
  if (batch.length === 0) return;
  await db.transaction().execute(async (trx) => {
    await insertChunked(trx, 'users', batch.map(({ user }) => user));
    await insertChunked(
      trx,
      'identifications',
      batch.flatMap(({ identifications }) => identifications),
    );
    await insertChunked(
      trx,
      'user_search_docs',
      batch.map(({ user, identifications }) => ({
        user_id: user.id,
        ...buildUserSearchDoc(
          { id: user.id, username: user.username ?? null, first_name: user.first_name ?? null, last_name: user.last_name ?? null },
          identifications,
        ),
      })),
    );
  });
}

type BulkTable = 'users' | 'identifications' | 'user_search_docs';

/** INSERTs `rows` as few statements as the parameter limit allows. */
async function insertChunked<T extends BulkTable>(trx: Executor, table: T, rows: readonly Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / Object.keys(rows[0]!).length));
  for (let start = 0; start < rows.length; start += perStatement) {
    // The rows are the table's insertable shape; the table is chosen by name, so the builder is untyped here.
    await (trx as Kysely<any>).insertInto(table).values(rows.slice(start, start + perStatement)).execute();
  }
}

/** The tables a user import writes. */
const IMPORT_TABLES = ['users', 'identifications', 'user_search_docs'] as const;

/**
 * Runs `load` (which calls insertUserBatch) with the import tables' secondary indexes dropped and, on SQLite,
 * the FTS5 index's triggers too; afterwards every index is created again from its own definition (read from
 * the catalogue, so indexes added by later migrations are covered) and the FTS5 index is rebuilt. Building
 * an index once from sorted data is several times faster than growing it row by row. Only for tables
 * that start empty (a first seed), where nothing else reads them meanwhile. Indexes that back a primary key
 * or unique constraint stay in place and keep checking every row; the others are checked when they are
 * created again (a duplicate then fails the import). If the process dies half-way, the indexes are missing:
 * such a database is half-seeded anyway, and is to be deleted and seeded again.
 */
export async function withDeferredUserIndexes<T>(database: RosterDatabase, load: () => Promise<T>): Promise<T> {
  const deferred = database.dialect === 'sqlite' ? await sqliteDeferrable(database.db) : await postgresDeferrable(database.db);
  for (const { drop } of deferred.statements) await sql.raw(drop).execute(database.db);
  let result: T;
  try {
    result = await load();
  } finally {
    // PostgreSQL builds each index in one backend: two at a time keep two cores busy. SQLite has one connection.
    const lanes = database.dialect === 'postgres' ? 2 : 1;
    const queue = deferred.statements.map(({ create }) => create);
    await Promise.all(
      Array.from({ length: lanes }, async () => {
        for (let create = queue.shift(); create !== undefined; create = queue.shift()) await createIndex(database, create);
      }),
    );
    for (const table of deferred.ftsTables) await sql.raw(`INSERT INTO ${table}(${table}) VALUES ('rebuild')`).execute(database.db);
  }
  return result;
}

interface Deferrable {
  /** What to drop before the load and how to create it again (the catalogue's own DDL). */
  statements: { drop: string; create: string }[];
  /** SQLite FTS5 tables whose content is `user_search_docs`: rebuilt after the load. */
  ftsTables: string[];
}

const quoteIdentifier = (name: string) => `"${name.replace(/"/g, '""')}"`;

async function sqliteDeferrable(db: Kysely<Database>): Promise<Deferrable> {
  // Indexes with SQL are the ones CREATE INDEX made; constraint indexes (sqlite_autoindex_*) have none.
  const { rows } = await sql<{ type: string; name: string; tbl_name: string; sql: string }>`
    SELECT type, name, tbl_name, sql FROM sqlite_master
    WHERE type IN ('index', 'trigger') AND sql IS NOT NULL AND tbl_name IN (${sql.join(IMPORT_TABLES)})`.execute(db);
  const fts = await sql<{ name: string }>`
    SELECT name FROM sqlite_master
    WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%' AND sql LIKE '%content=''user_search_docs''%'`.execute(db);
  // Without its triggers an external-content FTS5 table is stale until the rebuild below: only drop them
  // when there is such a table to rebuild (other triggers on these tables are left alone).
  const ftsTables = fts.rows.map((row) => quoteIdentifier(row.name));
  const names = fts.rows.map((row) => row.name);
  const statements = rows
    .filter((row) => row.type === 'index' || (row.tbl_name === 'user_search_docs' && names.some((name) => row.sql.includes(name))))
    .map((row) => ({ drop: `DROP ${row.type.toUpperCase()} ${quoteIdentifier(row.name)}`, create: row.sql }));
  return { statements, ftsTables };
}

async function postgresDeferrable(db: Kysely<Database>): Promise<Deferrable> {
  const { rows } = await sql<{ name: string; definition: string }>`
    SELECT i.indexname AS name, i.indexdef AS definition FROM pg_indexes i
    WHERE i.schemaname = current_schema() AND i.tablename IN (${sql.join(IMPORT_TABLES)})
      AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname AND c.connamespace = current_schema()::regnamespace)`.execute(db);
  return { statements: rows.map((row) => ({ drop: `DROP INDEX ${quoteIdentifier(row.name)}`, create: row.definition })), ftsTables: [] };
}

/** Creates one index again; PostgreSQL gets more sort memory for it than its 64 MB default. */
async function createIndex(database: RosterDatabase, create: string): Promise<void> {
  if (database.dialect === 'sqlite') {
    await sql.raw(create).execute(database.db);
    return;
  }
  await database.db.transaction().execute(async (trx) => {
    await sql`SET LOCAL maintenance_work_mem = '512MB'`.execute(trx);
    await sql.raw(create).execute(trx);
  });
}
