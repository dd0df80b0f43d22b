import type { Kysely } from 'kysely';

/** What the purge of stale Frontend API rows reads: abandoned attempts, and clients idle for long. */
export function frontendPurgeIndexesMigration() {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.createIndex('sign_ins_abandon_at_idx').on('sign_ins').column('abandon_at').execute();
      await db.schema.createIndex('sign_ups_abandon_at_idx').on('sign_ups').column('abandon_at').execute();
      await db.schema.createIndex('clients_updated_at_idx').on('clients').column('updated_at').execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      for (const index of ['clients_updated_at_idx', 'sign_ups_abandon_at_idx', 'sign_ins_abandon_at_idx']) await db.schema.dropIndex(index).ifExists().execute();
    },
  };
}
