/**
 * Verification attempts that are running are counted apart from the ones that failed, so parallel right
 * answers can never add up to a lockout, and a refusal can tell "locked" from "busy".
 */
export function verificationsInFlightMigration() {
    return {
        async up(db) {
            await db.schema.alterTable('users').addColumn('verifications_in_flight', 'integer', (c) => c.notNull().defaultTo(0)).execute();
            await db.schema.alterTable('users').addColumn('verification_reserved_at', 'bigint').execute();
        },
        async down(db) {
            await db.schema.alterTable('users').dropColumn('verification_reserved_at').execute();
            await db.schema.alterTable('users').dropColumn('verifications_in_flight').execute();
        },
    };
}
//# sourceMappingURL=2026-11-30-0006-verifications-in-flight.js.map