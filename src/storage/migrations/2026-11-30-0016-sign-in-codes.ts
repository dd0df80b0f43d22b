import type { Kysely } from 'kysely';

/** When the email code of a sign-in's first factor (sign-in by code, or a password reset) expires. */
export function signInCodesMigration() {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('sign_ins').addColumn('first_factor_expire_at', 'bigint').execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('sign_ins').dropColumn('first_factor_expire_at').execute();
    },
  };
}
