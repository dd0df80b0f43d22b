import type { Kysely } from 'kysely';

/**
 * How a verified identification was verified: null for Roster's admin verification (the Backend API), or the
 * strategy a person completed (`email_code` at a Frontend API sign-up), which the `verification` object shows.
 */
export function verificationStrategyMigration() {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('identifications').addColumn('verification_strategy', 'text').execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('identifications').dropColumn('verification_strategy').execute();
    },
  };
}
