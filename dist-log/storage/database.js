import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
const INT8_OID = 20;
/** Opens the configured database: SQLite (WAL, foreign keys, busy timeout) or a PostgreSQL pool. */
export async function createDatabase(options) {
    if (options.databaseUrl)
        return createPostgres(options.databaseUrl, options.pgSchema);
    return createSqlite(options.sqliteFile);
}
function createSqlite(file) {
    if (file !== ':memory:')
        prepareOwnerOnlyFile(file);
    const connection = new BetterSqlite3(file);
    connection.pragma('journal_mode = WAL');
    connection.pragma('foreign_keys = ON');
    connection.pragma('busy_timeout = 5000');
    connection.pragma('synchronous = NORMAL');
    const db = new Kysely({ dialect: new SqliteDialect({ database: withStatementCache(connection) }) });
    return { db, dialect: 'sqlite', schema: null, close: () => db.destroy() };
}
/** Distinct SQL texts kept prepared; lists with many `IN (?, …)` values make a long tail, so the cache is bounded. */
const STATEMENT_CACHE_SIZE = 500;
/**
 * The connection as Kysely sees it, with a prepared-statement cache keyed by SQL text: Kysely's SQLite driver
 * prepares every query anew, which cost about a quarter of a point read's CPU time. Reusing a statement is
 * safe here because the driver runs one query at a time on the single connection and never streams.
 * Least recently used statements are dropped past the bound (SQLite re-prepares them after a schema change).
 */
function withStatementCache(connection) {
    const cache = new Map();
    return {
        close: () => connection.close(),
        prepare(text) { if (process.env.SQL_LOG) console.error("SQL", text.slice(0, 400));
            let statement = cache.get(text);
            if (statement) {
                cache.delete(text);
            }
            else {
                statement = connection.prepare(text);
                if (cache.size >= STATEMENT_CACHE_SIZE)
                    cache.delete(cache.keys().next().value);
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
function prepareOwnerOnlyFile(file) {
    const dir = path.dirname(file);
    if (!fs.existsSync(dir)) {
        fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
        fs.chmodSync(dir, 0o700);
    }
    fs.closeSync(fs.openSync(file, 'a', 0o600));
    for (const name of [file, `${file}-wal`, `${file}-shm`]) {
        if (fs.existsSync(name))
            fs.chmodSync(name, 0o600);
    }
}
async function createPostgres(connectionString, schema = 'public') {
    if (!/^[a-z_][a-z0-9_]*$/.test(schema))
        throw new Error(`invalid PostgreSQL schema name: ${schema}`);
    const pool = new pg.Pool({
        connectionString,
        max: 10,
        // BIGINT timestamps fit in a double for the next 285,000 years: read them as numbers.
        types: {
            getTypeParser: ((oid, format) => oid === INT8_OID ? (value) => Number(value) : pg.types.getTypeParser(oid, format)),
        },
        options: `-c search_path=${schema},public`,
    });
    const db = new Kysely({ dialect: new PostgresDialect({ pool }) });
    if (schema !== 'public')
        await sql `CREATE SCHEMA IF NOT EXISTS ${sql.id(schema)}`.execute(db);
    return { db, dialect: 'postgres', schema, close: () => db.destroy() };
}
/**
 * Refreshes the query planner's statistics (ANALYZE) — after a bulk import, so the planner picks the
 * indexes instead of guessing from empty-table estimates. Both databases also do this on their own later.
 */
export async function refreshPlannerStatistics(database) {
    await sql `ANALYZE`.execute(database.db);
}
//# sourceMappingURL=database.js.map