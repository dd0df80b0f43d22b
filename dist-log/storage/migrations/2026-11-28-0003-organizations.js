import { sql } from 'kysely';
/**
 * SQLite substring search for `source`: a docs table with a stable integer key (FTS5 external content
 * needs one), kept in step with the source row by triggers, and an FTS5 trigram index over it.
 */
async function createSqliteSearch(db, source, columns, textExpression) {
    const docs = source === 'organizations' ? 'organization_search_docs' : 'organization_invitation_search_docs';
    const fts = `${docs.replace(/_docs$/, '')}_fts`;
    await db.schema
        .createTable(docs)
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('ref_id', 'text', (c) => c.notNull().unique().references(`${source}.id`).onDelete('cascade'))
        .addColumn('text', 'text', (c) => c.notNull().defaultTo(''))
        .execute();
    const statements = [
        `CREATE VIRTUAL TABLE ${fts} USING fts5(text, content='${docs}', content_rowid='id', tokenize='trigram')`,
        `CREATE TRIGGER ${docs}_ai AFTER INSERT ON ${docs} BEGIN INSERT INTO ${fts}(rowid, text) VALUES (new.id, new.text); END`,
        `CREATE TRIGGER ${docs}_ad AFTER DELETE ON ${docs} BEGIN INSERT INTO ${fts}(${fts}, rowid, text) VALUES ('delete', old.id, old.text); END`,
        `CREATE TRIGGER ${docs}_au AFTER UPDATE ON ${docs} BEGIN
       INSERT INTO ${fts}(${fts}, rowid, text) VALUES ('delete', old.id, old.text);
       INSERT INTO ${fts}(rowid, text) VALUES (new.id, new.text); END`,
        `CREATE TRIGGER ${source}_search_ai AFTER INSERT ON ${source} BEGIN
       INSERT INTO ${docs}(ref_id, text) VALUES (new.id, ${textExpression}); END`,
        `CREATE TRIGGER ${source}_search_au AFTER UPDATE OF ${columns.join(', ')} ON ${source} BEGIN
       UPDATE ${docs} SET text = ${textExpression} WHERE ref_id = new.id; END`,
    ];
    for (const statement of statements)
        await sql.raw(statement).execute(db);
}
/** Organizations, memberships, invitations and logos. */
export function organizationsMigration(dialect) {
    const blob = dialect === 'postgres' ? 'bytea' : 'blob';
    return {
        async up(db) {
            await db.schema
                .createTable('organizations')
                .addColumn('id', 'text', (c) => c.primaryKey())
                .addColumn('name', 'text', (c) => c.notNull())
                .addColumn('slug', 'text', (c) => c.notNull().unique())
                .addColumn('image_id', 'text')
                .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
                .addColumn('max_allowed_memberships', 'bigint', (c) => c.notNull().defaultTo(0))
                .addColumn('admin_delete_enabled', 'integer', (c) => c.notNull().defaultTo(1))
                .addColumn('public_metadata', 'text', (c) => c.notNull().defaultTo('{}'))
                .addColumn('private_metadata', 'text', (c) => c.notNull().defaultTo('{}'))
                .addColumn('role_set_key', 'text')
                .addColumn('members_count', 'integer', (c) => c.notNull().defaultTo(0))
                .addColumn('created_at', 'bigint', (c) => c.notNull())
                .addColumn('updated_at', 'bigint', (c) => c.notNull())
                .execute();
            // One index per ordering; `id` breaks ties so offset pagination is stable.
            for (const column of ['created_at', 'name', 'members_count']) {
                await db.schema.createIndex(`organizations_${column}_idx`).on('organizations').columns([column, 'id']).execute();
            }
            await db.schema.createIndex('organizations_created_by_idx').on('organizations').column('created_by').execute();
            await db.schema
                .createTable('organization_memberships')
                .addColumn('id', 'text', (c) => c.primaryKey())
                .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
                .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
                .addColumn('role', 'text', (c) => c.notNull())
                .addColumn('public_metadata', 'text', (c) => c.notNull().defaultTo('{}'))
                .addColumn('private_metadata', 'text', (c) => c.notNull().defaultTo('{}'))
                .addColumn('created_at', 'bigint', (c) => c.notNull())
                .addColumn('updated_at', 'bigint', (c) => c.notNull())
                .addUniqueConstraint('organization_memberships_organization_user_key', ['organization_id', 'user_id'])
                .execute();
            await db.schema
                .createIndex('organization_memberships_organization_created_idx')
                .on('organization_memberships')
                .columns(['organization_id', 'created_at', 'id'])
                .execute();
            await db.schema
                .createIndex('organization_memberships_organization_role_idx')
                .on('organization_memberships')
                .columns(['organization_id', 'role'])
                .execute();
            await db.schema.createIndex('organization_memberships_user_idx').on('organization_memberships').columns(['user_id', 'created_at', 'id']).execute();
            await db.schema.createIndex('organization_memberships_created_idx').on('organization_memberships').columns(['created_at', 'id']).execute();
            await db.schema
                .createTable('organization_invitations')
                .addColumn('id', 'text', (c) => c.primaryKey())
                .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
                .addColumn('email_address', 'text', (c) => c.notNull())
                .addColumn('role', 'text', (c) => c.notNull())
                .addColumn('status', 'text', (c) => c.notNull())
                .addColumn('inviter_id', 'text', (c) => c.references('users.id').onDelete('set null'))
                .addColumn('public_metadata', 'text', (c) => c.notNull().defaultTo('{}'))
                .addColumn('private_metadata', 'text', (c) => c.notNull().defaultTo('{}'))
                .addColumn('redirect_url', 'text')
                .addColumn('notify', 'integer', (c) => c.notNull().defaultTo(1))
                .addColumn('expires_at', 'bigint', (c) => c.notNull())
                .addColumn('created_at', 'bigint', (c) => c.notNull())
                .addColumn('updated_at', 'bigint', (c) => c.notNull())
                .execute();
            // One pending invitation per address and organization: the database enforces it.
            await db.schema
                .createIndex('organization_invitations_pending_key')
                .on('organization_invitations')
                .columns(['organization_id', 'email_address'])
                .unique()
                .where(sql `status = 'pending'`)
                .execute();
            const invitationIndexes = [
                ['organization_created', ['organization_id', 'created_at', 'id']],
                ['organization_status', ['organization_id', 'status', 'expires_at']],
                ['organization_email', ['organization_id', 'email_address']],
                ['email_created', ['email_address', 'created_at', 'id']],
                ['status_created', ['status', 'created_at', 'id']],
                ['created', ['created_at', 'id']],
                ['email', ['email_address', 'id']],
            ];
            for (const [name, columns] of invitationIndexes) {
                await db.schema.createIndex(`organization_invitations_${name}_idx`).on('organization_invitations').columns(columns).execute();
            }
            await db.schema
                .createTable('organization_logos')
                .addColumn('id', 'text', (c) => c.primaryKey())
                .addColumn('organization_id', 'text', (c) => c.notNull().unique().references('organizations.id').onDelete('cascade'))
                .addColumn('content_type', 'text', (c) => c.notNull())
                .addColumn('bytes', blob, (c) => c.notNull())
                .addColumn('uploader_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
                .addColumn('created_at', 'bigint', (c) => c.notNull())
                .execute();
            // Deleting a user sets these to NULL: indexed so that does not scan the tables.
            await db.schema.createIndex('organization_invitations_inviter_id_idx').on('organization_invitations').columns(['inviter_id']).execute();
            await db.schema.createIndex('organization_logos_uploader_user_id_idx').on('organization_logos').columns(['uploader_user_id']).execute();
            if (dialect === 'sqlite') {
                // members_count follows memberships, including rows removed by a user's cascade delete.
                await sql
                    .raw(`CREATE TRIGGER organization_memberships_count_ai AFTER INSERT ON organization_memberships BEGIN
              UPDATE organizations SET members_count = members_count + 1 WHERE id = new.organization_id; END`)
                    .execute(db);
                await sql
                    .raw(`CREATE TRIGGER organization_memberships_count_ad AFTER DELETE ON organization_memberships BEGIN
              UPDATE organizations SET members_count = members_count - 1 WHERE id = old.organization_id; END`)
                    .execute(db);
                await createSqliteSearch(db, 'organizations', ['name', 'slug'], "new.name || char(10) || new.slug");
                await createSqliteSearch(db, 'organization_invitations', ['email_address'], 'new.email_address');
            }
            else {
                await sql
                    .raw(`CREATE FUNCTION organization_members_count() RETURNS trigger LANGUAGE plpgsql AS $$
              BEGIN
                IF TG_OP = 'INSERT' THEN
                  UPDATE organizations SET members_count = members_count + 1 WHERE id = NEW.organization_id;
                  RETURN NEW;
                END IF;
                UPDATE organizations SET members_count = members_count - 1 WHERE id = OLD.organization_id;
                RETURN OLD;
              END $$`)
                    .execute(db);
                await sql
                    .raw(`CREATE TRIGGER organization_memberships_count AFTER INSERT OR DELETE ON organization_memberships
              FOR EACH ROW EXECUTE FUNCTION organization_members_count()`)
                    .execute(db);
                for (const [table, column] of [
                    ['organizations', 'name'],
                    ['organizations', 'slug'],
                    ['organization_invitations', 'email_address'],
                ]) {
                    await sql.raw(`CREATE INDEX ${table}_${column}_trgm ON ${table} USING gin (${column} public.gin_trgm_ops)`).execute(db);
                }
            }
        },
        async down(db) {
            if (dialect === 'sqlite') {
                await sql.raw('DROP TABLE IF EXISTS organization_search_fts').execute(db);
                await sql.raw('DROP TABLE IF EXISTS organization_invitation_search_fts').execute(db);
                await db.schema.dropTable('organization_search_docs').ifExists().execute();
                await db.schema.dropTable('organization_invitation_search_docs').ifExists().execute();
            }
            await db.schema.dropTable('organization_logos').ifExists().execute();
            await db.schema.dropTable('organization_invitations').ifExists().execute();
            await db.schema.dropTable('organization_memberships').ifExists().execute();
            await db.schema.dropTable('organizations').ifExists().execute();
            if (dialect === 'postgres')
                await sql.raw('DROP FUNCTION IF EXISTS organization_members_count()').execute(db);
        },
    };
}
//# sourceMappingURL=2026-11-28-0003-organizations.js.map