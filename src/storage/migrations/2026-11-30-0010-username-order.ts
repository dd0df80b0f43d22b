import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../database.js';

/**
 * `order_by=username` walks an index like every other ordering. The unique index on `username_normalized` alone
 * cannot give `id` order among the users without a username: PostgreSQL sorted the whole table for
 * `-username` (0.6 s at a million users) and sorted the users without a username for `+username`; SQLite sorted
 * the `id` tie-breaker in a temporary B-tree. PostgreSQL also gets the DESC NULLS LAST twin the other nullable
 * orderings have.
 */
export function usernameOrderMigration(dialect: Dialect) {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.createIndex('users_username_normalized_idx').on('users').columns(['username_normalized', 'id']).execute();
      if (dialect === 'postgres') {
        await sql`CREATE INDEX users_username_normalized_desc_idx ON users (username_normalized DESC NULLS LAST, id DESC)`.execute(db);
      }
    },
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropIndex('users_username_normalized_desc_idx').ifExists().execute();
      await db.schema.dropIndex('users_username_normalized_idx').ifExists().execute();
    },
  };
}
