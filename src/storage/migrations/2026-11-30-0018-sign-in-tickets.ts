import type { Kysely } from 'kysely';

/**
 * Sign-in tokens and actor tokens (impersonation): tickets the Backend API issues and a browser redeems once at
 * sign-in (`strategy: ticket`). Only the SHA-256 of the ticket is stored.
 */
export function signInTicketsMigration() {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('sign_in_tickets')
        .addColumn('id', 'text', (c) => c.primaryKey())
        // `sign_in_token` or `actor_token`.
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('token_digest', 'text', (c) => c.notNull().unique())
        // `pending` until redeemed (`accepted`) or revoked.
        .addColumn('status', 'text', (c) => c.notNull())
        // Actor tokens: the actor as JSON (the session's `act`) and the impersonation session's longest life.
        .addColumn('actor', 'text')
        .addColumn('session_max_duration_in_seconds', 'integer')
        // Sign-in tokens: the organization the session activates (`org_id`).
        .addColumn('organization_id', 'text')
        .addColumn('expire_at', 'bigint', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('sign_in_tickets_user_id_idx').on('sign_in_tickets').columns(['user_id']).execute();
      // A sign-in with a sign-in token that names an organization, waiting for the second factor, remembers it here.
      await db.schema.alterTable('sign_ins').addColumn('activate_organization_id', 'text').execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('sign_ins').dropColumn('activate_organization_id').execute();
      await db.schema.dropTable('sign_in_tickets').ifExists().execute();
    },
  };
}
