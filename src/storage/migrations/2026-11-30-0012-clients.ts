import type { Kysely } from 'kysely';

/**
 * The Frontend API's own objects: clients (a browser, known by its `__client` cookie), their sign-in and
 * sign-up attempts, and handshake nonces redeemed once by the middleware through the Backend API.
 */
export function clientsMigration() {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('clients')
        .addColumn('id', 'text', (c) => c.primaryKey())
        // SHA-256 of the cookie's secret: a stolen database does not hand out live browser cookies.
        .addColumn('token_digest', 'text', (c) => c.notNull().unique())
        .addColumn('sign_in_id', 'text')
        .addColumn('sign_up_id', 'text')
        .addColumn('last_active_session_id', 'text')
        .addColumn('last_authentication_strategy', 'text')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('clients_created_at_idx').on('clients').columns(['created_at', 'id']).execute();

      await db.schema
        .createTable('sign_ins')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('client_id', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('identifier', 'text')
        .addColumn('user_id', 'text')
        .addColumn('identification_id', 'text')
        .addColumn('first_factor_strategy', 'text')
        .addColumn('first_factor_status', 'text')
        .addColumn('first_factor_attempts', 'integer')
        .addColumn('created_session_id', 'text')
        .addColumn('abandon_at', 'bigint', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('sign_ins_client_id_idx').on('sign_ins').columns(['client_id']).execute();

      await db.schema
        .createTable('sign_ups')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('client_id', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('email_address', 'text')
        .addColumn('username', 'text')
        .addColumn('first_name', 'text')
        .addColumn('last_name', 'text')
        .addColumn('password_digest', 'text')
        .addColumn('password_hasher', 'text')
        .addColumn('unsafe_metadata', 'text')
        .addColumn('legal_accepted_at', 'bigint')
        .addColumn('email_verification_status', 'text')
        .addColumn('email_verification_expire_at', 'bigint')
        .addColumn('email_verification_attempts', 'integer')
        .addColumn('created_user_id', 'text')
        .addColumn('created_session_id', 'text')
        .addColumn('abandon_at', 'bigint', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('sign_ups_client_id_idx').on('sign_ups').columns(['client_id']).execute();

      await db.schema
        .createTable('handshake_nonces')
        // SHA-256 of the nonce handed to the browser.
        .addColumn('nonce_digest', 'text', (c) => c.primaryKey())
        // JSON array of Set-Cookie strings: the session token and client markers the middleware sets.
        .addColumn('directives', 'text', (c) => c.notNull())
        .addColumn('expire_at', 'bigint', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('handshake_nonces_expire_at_idx').on('handshake_nonces').columns(['expire_at']).execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      for (const table of ['handshake_nonces', 'sign_ups', 'sign_ins', 'clients']) await db.schema.dropTable(table).ifExists().execute();
    },
  };
}
