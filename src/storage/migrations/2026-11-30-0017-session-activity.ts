import type { Kysely } from 'kysely';

/** The browser each session was last used from (`latest_activity` in `<UserProfile/>`'s device list). */
export function sessionActivityMigration() {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('session_activities')
        .addColumn('session_id', 'text', (c) => c.primaryKey())
        .addColumn('user_agent', 'text')
        .addColumn('ip_address', 'text')
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropTable('session_activities').ifExists().execute();
    },
  };
}
