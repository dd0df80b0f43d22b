import type { Kysely } from 'kysely';

/**
 * External (OAuth) accounts and the trips to providers that make them: the provider's tokens sealed, the `state`
 * stored only as its SHA-256. Sign-ins and sign-ups remember their OAuth verification.
 */
export function externalAccountsMigration() {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('external_accounts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('identification_id', 'text', (c) => c.notNull().unique())
        .addColumn('provider', 'text', (c) => c.notNull())
        .addColumn('provider_user_id', 'text')
        .addColumn('email_address', 'text', (c) => c.notNull())
        .addColumn('email_address_verified', 'integer')
        .addColumn('first_name', 'text', (c) => c.notNull())
        .addColumn('last_name', 'text', (c) => c.notNull())
        .addColumn('image_url', 'text')
        .addColumn('username', 'text')
        .addColumn('phone_number', 'text')
        .addColumn('public_metadata', 'text', (c) => c.notNull())
        .addColumn('label', 'text')
        .addColumn('approved_scopes', 'text', (c) => c.notNull())
        .addColumn('access_token_sealed', 'text')
        .addColumn('refresh_token_sealed', 'text')
        .addColumn('id_token_sealed', 'text')
        .addColumn('access_token_expires_at', 'bigint')
        .addColumn('token_version', 'integer', (c) => c.notNull())
        .addColumn('refresh_lease_until', 'bigint')
        .addColumn('verification_status', 'text', (c) => c.notNull())
        .addColumn('verification_error', 'text')
        .addColumn('verification_expire_at', 'bigint')
        .addColumn('verification_external_url', 'text')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      // One user per provider account (NULLs, pending connections, never collide), one account per provider per user.
      await db.schema.createIndex('external_accounts_provider_subject_key').on('external_accounts').columns(['provider', 'provider_user_id']).unique().execute();
      await db.schema.createIndex('external_accounts_user_provider_key').on('external_accounts').columns(['user_id', 'provider']).unique().execute();
      // `GET /v1/users?provider_user_id=…` without `provider`.
      await db.schema.createIndex('external_accounts_provider_user_id_idx').on('external_accounts').columns(['provider_user_id']).execute();
      await db.schema
        .createTable('oauth_authorizations')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('state_digest', 'text', (c) => c.notNull().unique())
        .addColumn('client_id', 'text', (c) => c.notNull())
        .addColumn('purpose', 'text', (c) => c.notNull())
        .addColumn('attempt_id', 'text', (c) => c.notNull())
        .addColumn('provider', 'text', (c) => c.notNull())
        .addColumn('secrets_sealed', 'text', (c) => c.notNull())
        .addColumn('redirect_url', 'text', (c) => c.notNull())
        .addColumn('action_complete_redirect_url', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('identity_sealed', 'text')
        .addColumn('expire_at', 'bigint', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('oauth_authorizations_expire_at_idx').on('oauth_authorizations').columns(['expire_at']).execute();
      for (const column of ['oauth_authorization_id', 'first_factor_external_url', 'first_factor_error']) {
        await db.schema.alterTable('sign_ins').addColumn(column, 'text').execute();
      }
      for (const column of ['external_strategy', 'external_status', 'external_url', 'external_error', 'oauth_authorization_id']) {
        await db.schema.alterTable('sign_ups').addColumn(column, 'text').execute();
      }
    },
    async down(db: Kysely<any>): Promise<void> {
      for (const column of ['external_strategy', 'external_status', 'external_url', 'external_error', 'oauth_authorization_id']) {
        await db.schema.alterTable('sign_ups').dropColumn(column).execute();
      }
      for (const column of ['oauth_authorization_id', 'first_factor_external_url', 'first_factor_error']) {
        await db.schema.alterTable('sign_ins').dropColumn(column).execute();
      }
      await db.schema.dropTable('oauth_authorizations').ifExists().execute();
      await db.schema.dropTable('external_accounts').ifExists().execute();
    },
  };
}
