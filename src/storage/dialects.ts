import { SqliteAdapter, sql, type RawBuilder } from 'kysely';
import type { Dialect, Executor } from './database.js';

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
