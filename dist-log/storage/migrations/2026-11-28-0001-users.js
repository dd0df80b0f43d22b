import { sql } from 'kysely';
/** Users, their identifications (email, phone, web3) and the substring-search documents. */
export function usersMigration(dialect) {
    return {
        async up(db) {
            await db.schema
                .createTable('users')
                .addColumn('id', 'text', (c) => c.primaryKey())
                .addColumn('external_id', 'text', (c) => c.unique())
                .addColumn('username', 'text')
                .addColumn('username_normalized', 'text', (c) => c.unique())
                .addColumn('first_name', 'text')
                .addColumn('last_name', 'text')
                .addColumn('locale', 'text')
                .addColumn('password_digest', 'text')
                .addColumn('password_hasher', 'text')
                .addColumn('password_last_updated_at', 'bigint')
                .addColumn('public_metadata', 'text', (c) => c.notNull().defaultTo('{}'))
                .addColumn('private_metadata', 'text', (c) => c.notNull().defaultTo('{}'))
                .addColumn('unsafe_metadata', 'text', (c) => c.notNull().defaultTo('{}'))
                .addColumn('primary_email_address_id', 'text')
                .addColumn('primary_phone_number_id', 'text')
                .addColumn('primary_web3_wallet_id', 'text')
                .addColumn('primary_email_address', 'text')
                .addColumn('primary_phone_number', 'text')
                .addColumn('primary_web3_wallet', 'text')
                .addColumn('banned', 'integer', (c) => c.notNull().defaultTo(0))
                .addColumn('locked_at', 'bigint')
                .addColumn('failed_verification_attempts', 'integer', (c) => c.notNull().defaultTo(0))
                .addColumn('delete_self_enabled', 'integer', (c) => c.notNull().defaultTo(1))
                .addColumn('create_organization_enabled', 'integer', (c) => c.notNull().defaultTo(1))
                .addColumn('create_organizations_limit', 'integer')
                .addColumn('bypass_client_trust', 'integer', (c) => c.notNull().defaultTo(0))
                .addColumn('mfa_enabled_at', 'bigint')
                .addColumn('mfa_disabled_at', 'bigint')
                .addColumn('legal_accepted_at', 'bigint')
                .addColumn('last_sign_in_at', 'bigint')
                .addColumn('last_active_at', 'bigint')
                .addColumn('sessions_revoked_at', 'bigint')
                .addColumn('created_at', 'bigint', (c) => c.notNull())
                .addColumn('updated_at', 'bigint', (c) => c.notNull())
                .execute();
            // One index per ordering and range filter; `id` breaks ties so keyset pagination is exact.
            const orderings = [
                'created_at',
                'updated_at',
                'last_active_at',
                'last_sign_in_at',
                'first_name',
                'last_name',
                'primary_email_address',
                'primary_phone_number',
                'primary_web3_wallet',
            ];
            for (const column of orderings) {
                await db.schema.createIndex(`users_${column}_idx`).on('users').columns([column, 'id']).execute();
            }
            if (dialect === 'postgres') {
                // Empty values sort last in both directions. A PostgreSQL B-tree read backwards yields DESC NULLS
                // FIRST, so the nullable orderings get a DESC NULLS LAST twin (SQLite serves both from one index).
                for (const column of orderings.filter((c) => c !== 'created_at' && c !== 'updated_at')) {
                    await sql
                        .raw(`CREATE INDEX users_${column}_desc_idx ON users (${column} DESC NULLS LAST, id DESC)`)
                        .execute(db);
                }
            }
            await db.schema.createIndex('users_banned_created_at_idx').on('users').columns(['banned', 'created_at', 'id']).execute();
            await db.schema
                .createTable('identifications')
                .addColumn('id', 'text', (c) => c.primaryKey())
                .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
                .addColumn('type', 'text', (c) => c.notNull())
                .addColumn('identifier', 'text', (c) => c.notNull())
                .addColumn('verified', 'integer', (c) => c.notNull().defaultTo(0))
                .addColumn('reserved', 'integer', (c) => c.notNull().defaultTo(0))
                .addColumn('reserved_for_second_factor', 'integer', (c) => c.notNull().defaultTo(0))
                .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
                .addColumn('default_second_factor', 'integer', (c) => c.notNull().defaultTo(0))
                .addColumn('created_at', 'bigint', (c) => c.notNull())
                .addColumn('updated_at', 'bigint', (c) => c.notNull())
                .addUniqueConstraint('identifications_user_type_identifier_key', ['user_id', 'type', 'identifier'])
                .execute();
            // A verified or reserved identifier belongs to one user only: the database enforces it.
            await db.schema
                .createIndex('identifications_claimed_key')
                .on('identifications')
                .columns(['type', 'identifier'])
                .unique()
                .where(sql `verified = 1 OR reserved = 1`)
                .execute();
            await db.schema.createIndex('identifications_type_identifier_idx').on('identifications').columns(['type', 'identifier']).execute();
            await db.schema.createIndex('identifications_user_id_idx').on('identifications').columns(['user_id', 'position']).execute();
            const searchColumns = ['ids', 'emails', 'phones', 'usernames', 'web3_wallets', 'names'];
            // `everything` joins every column, so `query` is one trigram lookup on PostgreSQL (FTS5 on SQLite
            // already indexes all columns together and leaves it out).
            const pgTrigramColumns = ['everything', 'emails', 'phones', 'usernames', 'names'];
            await db.schema
                .createTable('user_search_docs')
                .addColumn('id', dialect === 'postgres' ? 'bigserial' : 'integer', (c) => c.primaryKey())
                .addColumn('user_id', 'text', (c) => c.notNull().unique().references('users.id').onDelete('cascade'))
                .$call((builder) => {
                let next = builder;
                for (const column of [...searchColumns, 'everything'])
                    next = next.addColumn(column, 'text', (c) => c.notNull().defaultTo(''));
                return next;
            })
                .execute();
            if (dialect === 'sqlite') {
                // External-content FTS5 index with the trigram tokenizer, kept in step by triggers.
                const cols = searchColumns.join(', ');
                const newCols = searchColumns.map((c) => `new.${c}`).join(', ');
                const oldCols = searchColumns.map((c) => `old.${c}`).join(', ');
                await sql
                    .raw(`CREATE VIRTUAL TABLE user_search USING fts5(${cols}, content='user_search_docs', content_rowid='id', tokenize='trigram')`)
                    .execute(db);
                await sql
                    .raw(`CREATE TRIGGER user_search_ai AFTER INSERT ON user_search_docs BEGIN
              INSERT INTO user_search(rowid, ${cols}) VALUES (new.id, ${newCols}); END`)
                    .execute(db);
                await sql
                    .raw(`CREATE TRIGGER user_search_ad AFTER DELETE ON user_search_docs BEGIN
              INSERT INTO user_search(user_search, rowid, ${cols}) VALUES ('delete', old.id, ${oldCols}); END`)
                    .execute(db);
                await sql
                    .raw(`CREATE TRIGGER user_search_au AFTER UPDATE ON user_search_docs BEGIN
              INSERT INTO user_search(user_search, rowid, ${cols}) VALUES ('delete', old.id, ${oldCols});
              INSERT INTO user_search(rowid, ${cols}) VALUES (new.id, ${newCols}); END`)
                    .execute(db);
            }
            else {
                await sql.raw('CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public').execute(db);
                for (const column of pgTrigramColumns) {
                    await sql
                        .raw(`CREATE INDEX user_search_docs_${column}_trgm ON user_search_docs USING gin (${column} public.gin_trgm_ops)`)
                        .execute(db);
                }
            }
        },
        async down(db) {
            if (dialect === 'sqlite')
                await sql.raw('DROP TABLE IF EXISTS user_search').execute(db);
            await db.schema.dropTable('user_search_docs').ifExists().execute();
            await db.schema.dropTable('identifications').ifExists().execute();
            await db.schema.dropTable('users').ifExists().execute();
        },
    };
}
//# sourceMappingURL=2026-11-28-0001-users.js.map