/**
 * One row holding a known constant sealed with the instance key: every later start (on any node) must
 * be able to open it, so a node with another key refuses to start instead of answering 500s.
 */
export function instanceKeyCheckMigration() {
    return {
        async up(db) {
            await db.schema
                .createTable('instance_key_check')
                // Always 1: the primary key makes "insert if absent" race-safe between nodes starting at once.
                .addColumn('id', 'integer', (c) => c.primaryKey())
                .addColumn('sealed_constant', 'text', (c) => c.notNull())
                .addColumn('created_at', 'bigint', (c) => c.notNull())
                .execute();
        },
        async down(db) {
            await db.schema.dropTable('instance_key_check').ifExists().execute();
        },
    };
}
//# sourceMappingURL=2026-11-30-0005-instance-key-check.js.map