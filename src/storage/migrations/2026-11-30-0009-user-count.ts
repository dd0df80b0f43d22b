import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../database.js';

/**
 * The number of users, kept by triggers in the same transaction as every insert and delete, so the unfiltered
 * `GET /v1/users/count` (which `@clerk/backend` asks for beside every `getUserList`) reads a few rows instead of
 * counting an index of a million entries. Triggers also cover bulk imports and deletes that cascade.
 *
 * On PostgreSQL the count is striped over COUNT_STRIPES rows, each connection adding to its own (by backend pid):
 * with one row, every transaction that created or deleted a user held it until commit, so concurrent sign-ups ran
 * one at a time and, waiting, held every pooled connection (a GET of one user waited 0.4 s during a storm). A
 * transaction touches one stripe only, so the stripes add no lock-order cycles. SQLite writes one at a time anyway.
 */
/** Rows the PostgreSQL count is striped over. */
const COUNT_STRIPES = 16;

export function userCountMigration(dialect: Dialect) {
  return {
    async up(db: Kysely<any>): Promise<void> {
      // Nodes of the previous version may be creating users meanwhile: hold their inserts and deletes until the
      // count and its triggers are both in place (the migration's transaction keeps the lock), so none is missed.
      if (dialect === 'postgres') await sql`LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE`.execute(db);
      await db.schema
        .createTable('user_count')
        .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id BETWEEN 1 AND ${sql.lit(COUNT_STRIPES)}`))
        .addColumn('users', 'bigint', (c) => c.notNull())
        .execute();
      await sql`INSERT INTO user_count (id, users) SELECT 1, count(*) FROM users`.execute(db);
      if (dialect === 'sqlite') {
        await sql`CREATE TRIGGER user_count_ai AFTER INSERT ON users BEGIN UPDATE user_count SET users = users + 1 WHERE id = 1; END`.execute(db);
        await sql`CREATE TRIGGER user_count_ad AFTER DELETE ON users BEGIN UPDATE user_count SET users = users - 1 WHERE id = 1; END`.execute(db);
        return;
      }
      await sql`INSERT INTO user_count (id, users) SELECT stripe, 0 FROM generate_series(2, ${sql.lit(COUNT_STRIPES)}) AS stripe`.execute(db);
      // One statement-level trigger per change: a bulk insert of a thousand rows updates the count once.
      await sql`CREATE FUNCTION user_count_changed() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          -- A statement that changed no row (a delete of a missing id) leaves the count's row alone, unlocked.
          IF NOT EXISTS (SELECT 1 FROM changed) THEN
            RETURN NULL;
          END IF;
          IF TG_OP = 'INSERT' THEN
            UPDATE user_count SET users = users + (SELECT count(*) FROM changed) WHERE id = 1 + pg_backend_pid() % ${sql.lit(COUNT_STRIPES)};
          ELSE
            UPDATE user_count SET users = users - (SELECT count(*) FROM changed) WHERE id = 1 + pg_backend_pid() % ${sql.lit(COUNT_STRIPES)};
          END IF;
          RETURN NULL;
        END $$`.execute(db);
      await sql`CREATE TRIGGER user_count_ai AFTER INSERT ON users REFERENCING NEW TABLE AS changed
        FOR EACH STATEMENT EXECUTE FUNCTION user_count_changed()`.execute(db);
      await sql`CREATE TRIGGER user_count_ad AFTER DELETE ON users REFERENCING OLD TABLE AS changed
        FOR EACH STATEMENT EXECUTE FUNCTION user_count_changed()`.execute(db);
      // TRUNCATE fires no row or statement triggers for the deleted rows: keep the count true anyway.
      await sql`CREATE FUNCTION user_count_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN UPDATE user_count SET users = 0; RETURN NULL; END $$`.execute(db);
      await sql`CREATE TRIGGER user_count_at AFTER TRUNCATE ON users FOR EACH STATEMENT EXECUTE FUNCTION user_count_truncated()`.execute(db);
    },
    async down(db: Kysely<any>): Promise<void> {
      if (dialect === 'postgres') {
        await sql`DROP TRIGGER IF EXISTS user_count_ai ON users`.execute(db);
        await sql`DROP TRIGGER IF EXISTS user_count_ad ON users`.execute(db);
        await sql`DROP TRIGGER IF EXISTS user_count_at ON users`.execute(db);
        await sql`DROP FUNCTION IF EXISTS user_count_changed()`.execute(db);
        await sql`DROP FUNCTION IF EXISTS user_count_truncated()`.execute(db);
      } else {
        await sql`DROP TRIGGER IF EXISTS user_count_ai`.execute(db);
        await sql`DROP TRIGGER IF EXISTS user_count_ad`.execute(db);
      }
      await db.schema.dropTable('user_count').ifExists().execute();
    },
  };
}
