/** Sessions and the session-token signing keys. */
export function sessionsMigration(_dialect) {
    return {
        async up(db) {
            await db.schema
                .createTable('sessions')
                .addColumn('id', 'text', (c) => c.primaryKey())
                .addColumn('user_id', 'text', (c) => c.notNull())
                .addColumn('client_id', 'text', (c) => c.notNull())
                .addColumn('status', 'text', (c) => c.notNull())
                .addColumn('actor', 'text')
                .addColumn('active_organization_id', 'text')
                .addColumn('first_factor_verified_at', 'bigint', (c) => c.notNull())
                .addColumn('last_active_at', 'bigint', (c) => c.notNull())
                .addColumn('expire_at', 'bigint', (c) => c.notNull())
                .addColumn('max_expire_at', 'bigint', (c) => c.notNull())
                .addColumn('abandon_at', 'bigint', (c) => c.notNull())
                .addColumn('created_at', 'bigint', (c) => c.notNull())
                .addColumn('updated_at', 'bigint', (c) => c.notNull())
                .execute();
            // Lists are newest first: each filter has an index ending in (created_at, id). Revocation by user
            // uses the user_id one too.
            await db.schema.createIndex('sessions_user_id_idx').on('sessions').columns(['user_id', 'created_at', 'id']).execute();
            await db.schema.createIndex('sessions_client_id_idx').on('sessions').columns(['client_id', 'created_at', 'id']).execute();
            await db.schema.createIndex('sessions_status_idx').on('sessions').columns(['status', 'created_at', 'id']).execute();
            await db.schema.createIndex('sessions_created_at_idx').on('sessions').columns(['created_at', 'id']).execute();
            await db.schema
                .createTable('signing_keys')
                .addColumn('kid', 'text', (c) => c.primaryKey())
                // NULLs are distinct in a unique constraint on both dialects: at most one row holds 1.
                .addColumn('is_current', 'integer', (c) => c.unique())
                .addColumn('private_key', 'text', (c) => c.notNull())
                .addColumn('public_jwk', 'text', (c) => c.notNull())
                .addColumn('created_at', 'bigint', (c) => c.notNull())
                .addColumn('retired_at', 'bigint')
                .addColumn('tokens_expire_at', 'bigint')
                .execute();
        },
        async down(db) {
            await db.schema.dropTable('signing_keys').ifExists().execute();
            await db.schema.dropTable('sessions').ifExists().execute();
        },
    };
}
//# sourceMappingURL=2026-11-28-0004-sessions.js.map