import type { Kysely } from 'kysely';

/**
 * Verification attempts that are running are counted apart from the ones that failed, so parallel right
 * answers can never add up to a lockout, and a refusal can tell "locked" from "busy".
 */
export function verificationsInFlightMigration() {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('users').addColumn('verifications_in_flight', 'integer', (c) => c.notNull().defaultTo(0)).execute();
      await db.schema.alterTable('users').addColumn('verification_reserved_at', 'bigint').execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('users').dropColumn('verification_reserved_at').execute();
      await db.schema.alterTable('users').dropColumn('verifications_in_flight').execute();
    },
  };
}
