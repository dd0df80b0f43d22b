/** JWT templates: named claim sets that session tokens for third parties are minted from. */
export function jwtTemplatesMigration() {
    return {
        async up(db) {
            await db.schema
                .createTable('jwt_templates')
                .addColumn('id', 'text', (c) => c.primaryKey())
                // Tokens are asked for by name: one template per name, enforced by the database.
                .addColumn('name', 'text', (c) => c.notNull().unique())
                .addColumn('claims', 'text', (c) => c.notNull())
                .addColumn('lifetime', 'integer', (c) => c.notNull())
                .addColumn('allowed_clock_skew', 'integer', (c) => c.notNull())
                .addColumn('custom_signing_key', 'integer', (c) => c.notNull())
                .addColumn('signing_algorithm', 'text', (c) => c.notNull())
                .addColumn('signing_key', 'text')
                .addColumn('created_at', 'bigint', (c) => c.notNull())
                .addColumn('updated_at', 'bigint', (c) => c.notNull())
                .execute();
            // The list is ordered by creation.
            await db.schema.createIndex('jwt_templates_created_at_idx').on('jwt_templates').columns(['created_at', 'id']).execute();
        },
        async down(db) {
            await db.schema.dropTable('jwt_templates').ifExists().execute();
        },
    };
}
//# sourceMappingURL=2026-11-30-0008-jwt-templates.js.map