import { sql, type Kysely } from 'kysely';

/**
 * Instance invitations (`/v1/invitations`), the allowlist and blocklist of identifiers, and the invitation a
 * ticket sign-up redeems.
 */
export function invitationsAllowlistMigration() {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('invitations')
        .addColumn('id', 'text', (c) => c.primaryKey())
        // Normalised (lower-cased) address.
        .addColumn('email_address', 'text', (c) => c.notNull())
        .addColumn('public_metadata', 'text', (c) => c.notNull().defaultTo('{}'))
        .addColumn('redirect_url', 'text')
        .addColumn('notify', 'integer', (c) => c.notNull().defaultTo(1))
        // pending | accepted | revoked | expired (a stored `pending` past `expires_at` reads as expired).
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('accepted_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      // One pending invitation per address: the database decides between concurrent creates.
      await db.schema
        .createIndex('invitations_pending_key')
        .on('invitations')
        .column('email_address')
        .unique()
        .where(sql<boolean>`status = 'pending'`)
        .execute();
      // One index per ordering (and the `query` prefix search on the address); `id` breaks ties.
      for (const column of ['created_at', 'email_address', 'expires_at']) {
        await db.schema.createIndex(`invitations_${column}_idx`).on('invitations').columns([column, 'id']).execute();
      }
      await db.schema.createIndex('invitations_status_idx').on('invitations').columns(['status', 'expires_at']).execute();
      await db.schema.createIndex('invitations_accepted_user_id_idx').on('invitations').column('accepted_user_id').execute();

      for (const list of ['allowlist_identifiers', 'blocklist_identifiers']) {
        await db.schema
          .createTable(list)
          .addColumn('id', 'text', (c) => c.primaryKey())
          // As given (an email address lower-cased, `*@domain`, E.164 phone, lower-cased wallet)...
          .addColumn('identifier', 'text', (c) => c.notNull().unique())
          .addColumn('identifier_type', 'text', (c) => c.notNull())
          .addColumn('invitation_id', 'text')
          .addColumn('created_at', 'bigint', (c) => c.notNull())
          .addColumn('updated_at', 'bigint', (c) => c.notNull())
          .execute();
        await db.schema.createIndex(`${list}_created_at_idx`).on(list).columns(['created_at', 'id']).execute();
      }

      // The invitation (instance `inv_…` or organization `orginv_…`) a ticket sign-up redeems when it completes.
      await db.schema.alterTable('sign_ups').addColumn('ticket_invitation_id', 'text').execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('sign_ups').dropColumn('ticket_invitation_id').execute();
      for (const table of ['blocklist_identifiers', 'allowlist_identifiers', 'invitations']) await db.schema.dropTable(table).ifExists().execute();
    },
  };
}
