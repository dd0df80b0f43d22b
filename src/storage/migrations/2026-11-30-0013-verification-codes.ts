import type { Kysely } from 'kysely';

/** One-time verification codes (email codes at sign-up, and later sign-in and phone codes). */
export function verificationCodesMigration() {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('verification_codes')
        .addColumn('id', 'text', (c) => c.primaryKey())
        // One live code per subject: issuing a new one replaces the row (an upsert on this constraint).
        .addColumn('subject', 'text', (c) => c.notNull().unique())
        .addColumn('code_digest', 'text', (c) => c.notNull())
        .addColumn('expire_at', 'bigint', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('max_attempts', 'integer', (c) => c.notNull())
        .addColumn('consumed_at', 'bigint')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      // Expired codes are purged by expiry.
      await db.schema.createIndex('verification_codes_expire_at_idx').on('verification_codes').column('expire_at').execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropTable('verification_codes').ifExists().execute();
    },
  };
}
