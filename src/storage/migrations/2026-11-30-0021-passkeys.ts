import type { Kysely } from 'kysely';

/** Passkeys (WebAuthn credentials) and their challenges, each used once. */
export function passkeysMigration() {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('passkeys')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('credential_id', 'text', (c) => c.unique())
        .addColumn('public_key', 'text')
        .addColumn('counter', 'bigint', (c) => c.notNull())
        .addColumn('transports', 'text', (c) => c.notNull())
        .addColumn('backed_up', 'integer', (c) => c.notNull())
        .addColumn('verification_status', 'text', (c) => c.notNull())
        .addColumn('last_used_at', 'bigint')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('passkeys_user_id_idx').on('passkeys').columns(['user_id', 'created_at']).execute();
      await db.schema
        .createTable('webauthn_challenges')
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('ceremony', 'text', (c) => c.notNull())
        .addColumn('challenge', 'text', (c) => c.notNull())
        .addColumn('expire_at', 'bigint', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('webauthn_challenges_pkey', ['subject', 'ceremony'])
        .execute();
      await db.schema.createIndex('webauthn_challenges_expire_at_idx').on('webauthn_challenges').columns(['expire_at']).execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropTable('webauthn_challenges').ifExists().execute();
      await db.schema.dropTable('passkeys').ifExists().execute();
    },
  };
}
