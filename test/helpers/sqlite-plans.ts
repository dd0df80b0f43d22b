// SQLite's query plans for the index tests: a migrated in-memory database per test file, and `plan(query)`, the
// details `EXPLAIN QUERY PLAN` gives for a Kysely query.
import { CompiledQuery, type Compilable } from 'kysely';
import { afterAll, beforeAll } from 'vitest';
import { createDatabase, type RosterDatabase } from '../../src/storage/database.js';
import { migrateToLatest } from '../../src/storage/migrate.js';

export function useSqlitePlans() {
  let database: RosterDatabase | undefined;
  beforeAll(async () => {
    database = await createDatabase({ databaseUrl: null, sqliteFile: ':memory:' });
    await migrateToLatest(database);
  });
  afterAll(async () => database?.close());

  return {
    get db() {
      return database!.db;
    },
    /** The `detail` lines of SQLite's plan for `query`. */
    async plan(query: Compilable): Promise<string[]> {
      const compiled = query.compile();
      const result = await database!.db.executeQuery<{ detail: string }>(CompiledQuery.raw(`EXPLAIN QUERY PLAN ${compiled.sql}`, [...compiled.parameters]));
      return result.rows.map((row) => row.detail);
    },
  };
}
