import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { CompiledQuery, Kysely, PostgresDialect, SqliteDialect, sql, type DatabaseConnection, type SqliteDatabase, type Transaction } from 'kysely';
import { requestContextJSON } from '../lib/request-context.js';
import type pg from 'pg';
import { STATEMENT_CACHE_SIZE, createSqliteReadPool, defaultReadWorkers, readPoolKysely } from './sqlite-read-pool.js';
import type { ClientTables } from './tables/client-tables.js';
import type { ImageTables } from './tables/image-tables.js';
import type { InstanceTables } from './tables/instance-tables.js';
import type { InvitationTables } from './tables/invitation-tables.js';
import type { JwtTemplateTables } from './tables/jwt-template-tables.js';
import type { OAuthTables } from './tables/oauth-tables.js';
import type { PasskeyTables } from './tables/passkey-tables.js';
import type { OrganizationTables } from './tables/organization-tables.js';
import type { SessionActivityTables } from './tables/session-activity-tables.js';
import type { SessionTables } from './tables/session-tables.js';
import type { TicketTables } from './tables/ticket-tables.js';
import type { UserTables } from './tables/user-tables.js';
import type { VerificationTables } from './tables/verification-tables.js';
import type { WebhookTables } from './tables/webhook-tables.js';

// Code outside storage/ imports the user-side row types from here.
export type {
  BackupCodeRow,
  IdentificationRow,
  IdentificationType,
  IdentificationUpdate,
  NewIdentificationRow,
  NewUserRow,
  UserRow,
  UserUpdate,
} from './tables/user-tables.js';

/**
 * Every table Roster stores, one file per area under `tables/`. Booleans are stored as 0/1 integers on
 * both dialects so rows read the same everywhere; timestamps are Unix milliseconds (BIGINT on
 * PostgreSQL); JSON documents are stored as text.
 */
export interface Database
  extends UserTables,
    OrganizationTables,
    SessionTables,
    SessionActivityTables,
    InstanceTables,
    JwtTemplateTables,
    ImageTables,
    VerificationTables,
    ClientTables,
    TicketTables,
    InvitationTables,
    OAuthTables,
    PasskeyTables,
    WebhookTables {}

export type Dialect = 'sqlite' | 'postgres';

/** A database handle or an open transaction: repositories accept either. */
export type Executor = Kysely<Database> | Transaction<Database>;

/** What the rest of Roster holds: the Kysely handle and which dialect it speaks. */
export interface RosterDatabase {
  db: Kysely<Database>;
  /**
   * Where reads whose cost grows with the data run (searches, deep offsets, counts): on SQLite, a pool of
   * read connections on worker threads, so one slow search cannot hold the event loop; on PostgreSQL (and an
   * in-memory SQLite database, which no other connection can open) the same handle as `db`. Reads only.
   */
  reads: Kysely<Database>;
  dialect: Dialect;
  /** PostgreSQL schema Roster's tables live in (null on SQLite). */
  schema: string | null;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** PostgreSQL connection string; when absent, SQLite at `sqliteFile` is used. */
  databaseUrl: string | null;
  /** SQLite file path, or ':memory:'. */
  sqliteFile: string;
  /** PostgreSQL schema to work in (tests use one per run); created when missing. @default public */
  pgSchema?: string;
  /** SQLite read workers for `reads` (0: reads run on the main connection). @default one per core, at most 4 */
  sqliteReadWorkers?: number | null;
}

const INT8_OID = 20;

/** Connections of the PostgreSQL pool that lists, searches and counts use (the main pool has 10). */
const PG_READ_CONNECTIONS = 4;

/** Opens the configured database: SQLite (WAL, foreign keys, busy timeout) or a PostgreSQL pool. */
export async function createDatabase(options: DatabaseOptions): Promise<RosterDatabase> {
  if (options.databaseUrl) return createPostgres(options.databaseUrl, options.pgSchema);
  return createSqlite(options.sqliteFile, options.sqliteReadWorkers ?? defaultReadWorkers());
}

function createSqlite(file: string, readWorkers: number): RosterDatabase {
  if (file !== ':memory:') prepareOwnerOnlyFile(file);
  const connection = new BetterSqlite3(file);
  connection.pragma('journal_mode = WAL');
  connection.pragma('foreign_keys = ON');
  connection.pragma('busy_timeout = 5000');
  connection.pragma('synchronous = NORMAL');
  connection.pragma(`cache_size = -${SQLITE_CACHE_KIB}`);
  // The webhook triggers record which request made a change: better-sqlite3 runs them synchronously inside the
  // statement, so this function sees the async context of the code that ran it.
  connection.function('roster_http_request', { deterministic: false }, () => requestContextJSON());
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(connection) }) });
  if (file === ':memory:' || readWorkers === 0) return { db, reads: db, dialect: 'sqlite', schema: null, close: () => db.destroy() };
  const reads = readPoolKysely<Database>(createSqliteReadPool({ file, size: readWorkers, cacheKiB: SQLITE_CACHE_KIB }));
  return {
    db,
    reads,
    dialect: 'sqlite',
    schema: null,
    close: async () => {
      await reads.destroy();
      await db.destroy();
    },
  };
}

/**
 * Page cache per connection, in KiB. SQLite's default (2 MiB) holds a sliver of a million users' indexes, and
 * searches that probe documents row by row ran twice as slow with it. Each read worker has its own.
 */
export const SQLITE_CACHE_KIB = 32_768;

/**
 * The connection as Kysely sees it, with a prepared-statement cache keyed by SQL text: Kysely's SQLite driver
 * prepares every query anew, which cost about a quarter of a point read's CPU time. Reusing a statement is
 * safe here because the driver runs one query at a time on the single connection and never streams.
 * Least recently used statements are dropped past the bound (SQLite re-prepares them after a schema change).
 */
function withStatementCache(connection: BetterSqlite3.Database): SqliteDatabase {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => connection.close(),
    prepare(text: string) {
      let statement = cache.get(text);
      if (statement) {
        cache.delete(text);
      } else {
        statement = connection.prepare(text);
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
      }
      cache.set(text, statement);
      return statement;
    },
  };
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
  // Loaded only with DATABASE_URL: an embedded SQLite start does not pay for the PostgreSQL client.
  const { default: pg } = await import('pg');
  const poolOptions = (max: number): pg.PoolConfig => ({
    connectionString,
    max,
    // BIGINT timestamps fit in a double for the next 285,000 years: read them as numbers.
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8_OID ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
    // JIT compilation is for long analytical queries. Roster's statements take milliseconds, but a list that walks an
    // index under a LIMIT carries the cost of the whole walk in its estimate, which crossed jit_above_cost at a
    // million users and spent 80–860 ms compiling a query that then ran in 2 ms.
    options: `-c search_path=${schema},public -c jit=off`,
  });
  // The webhook triggers read `roster.http_request` for the request a change comes from: set on each write
  // connection as it is taken for a query or a transaction, only when it differs from what that connection holds.
  const heldContext = new WeakMap<object, string>();
  const onReserveConnection = async (connection: DatabaseConnection) => {
    const wanted = requestContextJSON() ?? '';
    if ((heldContext.get(connection) ?? '') === wanted) return;
    await connection.executeQuery(CompiledQuery.raw(`SELECT set_config('roster.http_request', $1, false)`, [wanted]));
    heldContext.set(connection, wanted);
  };
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool(poolOptions(10)), onReserveConnection }) });
  // Lists, searches and counts get a pool of their own: fifty slow counts at once held all ten connections, and a
  // GET of one user waited three seconds for one. Now they wait for each other, and point reads and writes do not.
  const reads = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool(poolOptions(PG_READ_CONNECTIONS)) }) });
  if (schema !== 'public') await sql`CREATE SCHEMA IF NOT EXISTS ${sql.id(schema)}`.execute(db);
  return {
    db,
    reads,
    dialect: 'postgres',
    schema,
    close: async () => {
      await reads.destroy();
      await db.destroy();
    },
  };
}

/**
 * Refreshes the query planner's statistics (ANALYZE) — after a bulk import, so the planner picks the
 * indexes instead of guessing from empty-table estimates. On PostgreSQL it also VACUUMs, which marks the freshly
 * written pages all-visible, so counts over an index read the index alone (count?last_active_at_before=… at a
 * million users: 114 ms with heap visits). Both databases also do this on their own later.
 */
export async function refreshPlannerStatistics(database: RosterDatabase): Promise<void> {
  await (database.dialect === 'postgres' ? sql`VACUUM (ANALYZE)` : sql`ANALYZE`).execute(database.db);
}
