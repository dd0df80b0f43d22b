import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import {
  Kysely,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type QueryResult,
} from 'kysely';

/**
 * Read connections on worker threads, for the queries whose cost grows with the data (lists with searches,
 * deep offsets, counts). better-sqlite3 runs a statement to completion on the thread that calls it, so a
 * search that reads a hundred thousand rows would hold the event loop and every other request with it. In WAL
 * mode readers do not wait for the writer, and each statement reads the latest committed state, so a worker
 * sees every write the main connection has finished.
 */
export interface SqliteReadPool {
  /** Runs one read-only statement on the least busy worker and answers its rows. */
  all(sql: string, parameters: readonly unknown[]): Promise<unknown[]>;
  close(): Promise<void>;
}

export interface SqliteReadPoolOptions {
  /** The database file (the pool needs a file: an in-memory database is private to its connection). */
  file: string;
  /** Worker threads. @default the number of cores, between 1 and 4 */
  size?: number;
  /** Page cache of each worker's connection, in KiB. */
  cacheKiB: number;
}

/** The default pool size: one reader per core (at most 4), so searches use the cores the event loop does not. */
export function defaultReadWorkers(cores: number = availableParallelism()): number {
  return Math.min(4, Math.max(1, cores));
}

/**
 * Distinct SQL texts a connection keeps prepared, the main one and each worker's: lists with many `IN (?, …)`
 * values make a long tail, so the caches are bounded.
 */
export const STATEMENT_CACHE_SIZE = 500;

// Plain JavaScript evaluated in the worker: the same source under `tsc` output and under vitest (a worker
// file written in TypeScript would not run under the test runner), and it needs nothing from Roster.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
db.pragma('busy_timeout = 5000');
db.pragma('query_only = ON');
db.pragma('cache_size = -' + workerData.cacheKiB);
const statements = new Map();
const bind = (value) => (value instanceof Uint8Array && !Buffer.isBuffer(value) ? Buffer.from(value) : value);
// Rows travel as JSON text: parsing it on the event loop costs half of what structured cloning the same rows
// does. A statement that can return a BLOB travels structured-cloned, so bytes stay bytes.
const prepared = (sql) => {
  let entry = statements.get(sql);
  if (!entry) {
    const statement = db.prepare(sql);
    if (!statement.reader) throw new Error('the read pool runs only statements that return rows');
    const json = !statement.columns().some((column) => column.type !== null && /BLOB/i.test(column.type));
    entry = { statement, json };
    if (statements.size >= ${STATEMENT_CACHE_SIZE}) statements.delete(statements.keys().next().value);
    statements.set(sql, entry);
  }
  return entry;
};
parentPort.on('message', ({ id, sql, parameters }) => {
  try {
    const { statement, json } = prepared(sql);
    const rows = statement.all(parameters.map(bind));
    parentPort.postMessage(json ? { id, json: JSON.stringify(rows) } : { id, rows });
  } catch (error) {
    parentPort.postMessage({ id, error: { message: String(error && error.message), code: error && error.code } });
  }
});
`;

interface Pending {
  resolve(rows: unknown[]): void;
  reject(error: Error): void;
  /** Where the query was asked for: a worker's error would otherwise carry only the message handler's stack. */
  caller: Error;
}

interface ReadWorker {
  worker: Worker;
  inFlight: Map<number, Pending>;
}

/** Starts the workers on first use: a server that never lists pays nothing, and start-up stays fast. */
export function createSqliteReadPool(options: SqliteReadPoolOptions): SqliteReadPool {
  const size = options.size ?? defaultReadWorkers();
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const workers: ReadWorker[] = [];
  let nextId = 0;
  let closed = false;

  function start(): ReadWorker {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, file: options.file, cacheKiB: options.cacheKiB } });
    const entry: ReadWorker = { worker, inFlight: new Map() };
    worker.on('message', (message: { id: number; rows?: unknown[]; json?: string; error?: { message: string; code?: string } }) => {
      const pending = entry.inFlight.get(message.id);
      if (!pending) return;
      entry.inFlight.delete(message.id);
      if (message.error) pending.reject(Object.assign(new Error(message.error.message, { cause: pending.caller }), { code: message.error.code }));
      else pending.resolve(message.json !== undefined ? (JSON.parse(message.json) as unknown[]) : (message.rows ?? []));
    });
    // A worker that dies fails what it was running; the next query starts a new one in its place.
    const fail = (error: Error) => {
      const index = workers.indexOf(entry);
      if (index >= 0) workers.splice(index, 1);
      for (const pending of entry.inFlight.values()) pending.reject(error);
      entry.inFlight.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`SQLite read worker exited (${code})`)));
    worker.unref();
    workers.push(entry);
    return entry;
  }

  function leastBusy(): ReadWorker {
    if (workers.length < size) {
      const idle = workers.find((entry) => entry.inFlight.size === 0);
      return idle ?? start();
    }
    return workers.reduce((best, entry) => (entry.inFlight.size < best.inFlight.size ? entry : best));
  }

  return {
    all(sql, parameters) {
      if (closed) return Promise.reject(new Error('the SQLite read pool is closed'));
      const entry = leastBusy();
      const id = nextId++;
      const caller = new Error('SQLite read pool query');
      return new Promise<unknown[]>((resolve, reject) => {
        entry.inFlight.set(id, { resolve, reject, caller });
        entry.worker.postMessage({ id, sql, parameters });
      });
    },
    async close() {
      closed = true;
      await Promise.all(workers.splice(0).map((entry) => entry.worker.terminate()));
    },
  };
}

/**
 * A Kysely handle whose queries run on the read pool. Reads only, and no transactions: a read that must see
 * a transaction's own writes runs on that transaction.
 */
export function readPoolKysely<DB>(pool: SqliteReadPool): Kysely<DB> {
  const connection: DatabaseConnection = {
    async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
      return { rows: (await pool.all(query.sql, query.parameters)) as R[] };
    },
    streamQuery() {
      throw new Error('the SQLite read pool does not stream');
    },
  };
  const noTransactions = async () => {
    throw new Error('the SQLite read pool runs no transactions');
  };
  const driver: Driver = {
    init: async () => {},
    acquireConnection: async () => connection,
    beginTransaction: noTransactions,
    commitTransaction: noTransactions,
    rollbackTransaction: noTransactions,
    releaseConnection: async () => {},
    destroy: () => pool.close(),
  };
  const dialect: Dialect = {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => driver,
    createIntrospector: (db) => new SqliteIntrospector(db),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  };
  return new Kysely<DB>({ dialect });
}
