/** TOTP (encrypted secret, replay guard), the compromised-password mark, and hashed backup codes. */
export function credentialsMigration() {
    return {
        async up(db) {
            await db.schema.alterTable('users').addColumn('totp_id', 'text').execute();
            await db.schema.alterTable('users').addColumn('totp_secret', 'text').execute();
            await db.schema.alterTable('users').addColumn('totp_verified', 'integer', (c) => c.notNull().defaultTo(0)).execute();
            await db.schema.alterTable('users').addColumn('totp_last_step', 'bigint').execute();
            await db.schema.alterTable('users').addColumn('password_compromised_at', 'bigint').execute();
            await db.schema.alterTable('users').addColumn('mfa_active', 'integer', (c) => c.notNull().defaultTo(0)).execute();
            await db.schema
                .createTable('backup_codes')
                .addColumn('id', 'text', (c) => c.primaryKey())
                .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
                .addColumn('digest', 'text', (c) => c.notNull())
                .addColumn('consumed_at', 'bigint')
                .addColumn('created_at', 'bigint', (c) => c.notNull())
                .execute();
            await db.schema.createIndex('backup_codes_user_id_idx').on('backup_codes').columns(['user_id']).execute();
        },
        async down(db) {
            await db.schema.dropTable('backup_codes').ifExists().execute();
            for (const column of ['totp_id', 'totp_secret', 'totp_verified', 'totp_last_step', 'password_compromised_at', 'mfa_active']) {
                await db.schema.alterTable('users').dropColumn(column).execute();
            }
        },
    };
}
//# sourceMappingURL=2026-11-28-0002-credentials.js.map