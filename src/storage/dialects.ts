import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteAdapter, SqliteDialect, sql, type RawBuilder } from 'kysely';
import pg from 'pg';
import type { Database, Dialect, Executor, RosterDatabase } from './database.js';

export interface DatabaseOptions {
  /** PostgreSQL connection string; when absent, SQLite at `sqliteFile` is used. */
  databaseUrl: string | null;
  /** SQLite file path, or ':memory:'. */
  sqliteFile: string;
  /** PostgreSQL schema to work in (tests use one per run); created when missing. @default public */
  pgSchema?: string;
}

const INT8_OID = 20;

/** Opens the configured database: SQLite (WAL, foreign keys, busy timeout) or a PostgreSQL pool. */
export async function createDatabase(options: DatabaseOptions): Promise<RosterDatabase> {
  if (options.databaseUrl) return createPostgres(options.databaseUrl, options.pgSchema);
  return createSqlite(options.sqliteFile);
}

function createSqlite(file: string): RosterDatabase {
  if (file !== ':memory:') prepareOwnerOnlyFile(file);
  const connection = new BetterSqlite3(file);
  connection.pragma('journal_mode = WAL');
  connection.pragma('foreign_keys = ON');
  connection.pragma('busy_timeout = 5000');
  connection.pragma('synchronous = NORMAL');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: connection }) });
  return { db, dialect: 'sqlite', schema: null, close: () => db.destroy() };
}

/**
 * The database holds password digests and private metadata: its directory is created 0700 and the file
 * 0600 before SQLite opens it (SQLite gives the -wal and -shm files the main file's mode). Files left
 * readable by an earlier version are tightened on every start.
 */
function prepareOwnerOnlyFile(file: string): void {
  const dir = path.dirname(file);
  if (!fs.existsSync(dir)) {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    fs.chmodSync(dir, 0o700);
  }
  fs.closeSync(fs.openSync(file, 'a', 0o600));
  for (const name of [file, `${file}-wal`, `${file}-shm`]) {
    if (fs.existsSync(name)) fs.chmodSync(name, 0o600);
  }
}

async function createPostgres(connectionString: string, schema = 'public'): Promise<RosterDatabase> {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid PostgreSQL schema name: ${schema}`);
  const pool = new pg.Pool({
    connectionString,
    max: 10,
    // BIGINT timestamps fit in a double for the next 285,000 years: read them as numbers.
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8_OID ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
    options: `-c search_path=${schema},public`,
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  if (schema !== 'public') await sql`CREATE SCHEMA IF NOT EXISTS ${sql.id(schema)}`.execute(db);
  return { db, dialect: 'postgres', schema, close: () => db.destroy() };
}

/** Which dialect an executor (database or transaction) speaks. */
export function dialectOf(db: Executor): Dialect {
  return db.getExecutor().adapter instanceof SqliteAdapter ? 'sqlite' : 'postgres';
}

/**
 * The database server's clock in Unix milliseconds: one clock for every node, for timestamps that nodes
 * compare with each other's (a node whose clock is off must not judge another node's work stale).
 */
export function databaseNowMs(dialect: Dialect): RawBuilder<number> {
  if (dialect === 'postgres') return sql<number>`(extract(epoch from clock_timestamp()) * 1000)::bigint`;
  return sql<number>`CAST(unixepoch('subsec') * 1000 AS INTEGER)`;
}

/** A case-insensitive "contains" test on a text column, in the dialect's own words. */
export function containsInsensitive(dialect: Dialect, column: RawBuilder<unknown>, needle: string): RawBuilder<boolean> {
  if (dialect === 'postgres') return sql<boolean>`${column} ILIKE ${`%${escapeLike(needle)}%`}`;
  return sql<boolean>`instr(lower(${column}), ${needle.toLowerCase()}) > 0`;
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/**
 * Refreshes the query planner's statistics (ANALYZE) — after a bulk import, so the planner picks the
 * indexes instead of guessing from empty-table estimates. Both databases also do this on their own later.
 */
export async function refreshPlannerStatistics(database: RosterDatabase): Promise<void> {
  await sql`ANALYZE`.execute(database.db);
}
