import { createHash } from 'node:crypto';
import { sql } from 'kysely';
/**
 * One table for every uploaded image (users' profile images, organizations' logos), in the database so
 * every node serving it serves the images. Each image belongs to exactly one user or one organization and
 * goes with it. Logos move here from `organization_logos`, keeping their ids (and so their URLs).
 */
export function imagesMigration(dialect) {
    const blob = dialect === 'postgres' ? 'bytea' : 'blob';
    return {
        async up(db) {
            await db.schema
                .createTable('images')
                .addColumn('id', 'text', (c) => c.primaryKey())
                .addColumn('user_id', 'text', (c) => c.unique().references('users.id').onDelete('cascade'))
                .addColumn('organization_id', 'text', (c) => c.unique().references('organizations.id').onDelete('cascade'))
                .addColumn('content_type', 'text', (c) => c.notNull())
                .addColumn('bytes', blob, (c) => c.notNull())
                .addColumn('sha256', 'text', (c) => c.notNull())
                .addColumn('uploader_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
                .addColumn('created_at', 'bigint', (c) => c.notNull())
                .addCheckConstraint('images_one_owner', sql `(user_id is null) <> (organization_id is null)`)
                .execute();
            // Deleting a user sets uploader_user_id to NULL: indexed so that does not scan the table.
            await db.schema.createIndex('images_uploader_user_id_idx').on('images').column('uploader_user_id').execute();
            await db.schema.alterTable('users').addColumn('image_id', 'text').execute();
            const logos = await db.selectFrom('organization_logos').selectAll().execute();
            for (const logo of logos) {
                const bytes = Buffer.from(logo.bytes);
                await db
                    .insertInto('images')
                    .values({
                    id: logo.id,
                    organization_id: logo.organization_id,
                    content_type: logo.content_type,
                    bytes,
                    sha256: createHash('sha256').update(bytes).digest('hex'),
                    uploader_user_id: logo.uploader_user_id,
                    created_at: logo.created_at,
                })
                    .execute();
            }
            await db.schema.dropTable('organization_logos').execute();
        },
        async down(db) {
            await db.schema
                .createTable('organization_logos')
                .addColumn('id', 'text', (c) => c.primaryKey())
                .addColumn('organization_id', 'text', (c) => c.notNull().unique().references('organizations.id').onDelete('cascade'))
                .addColumn('content_type', 'text', (c) => c.notNull())
                .addColumn('bytes', blob, (c) => c.notNull())
                .addColumn('uploader_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
                .addColumn('created_at', 'bigint', (c) => c.notNull())
                .execute();
            await db.schema.createIndex('organization_logos_uploader_user_id_idx').on('organization_logos').columns(['uploader_user_id']).execute();
            await db
                .insertInto('organization_logos')
                .columns(['id', 'organization_id', 'content_type', 'bytes', 'uploader_user_id', 'created_at'])
                .expression(db
                .selectFrom('images')
                .select(['id', 'organization_id', 'content_type', 'bytes', 'uploader_user_id', 'created_at'])
                .where('organization_id', 'is not', null))
                .execute();
            await db.schema.alterTable('users').dropColumn('image_id').execute();
            await db.schema.dropTable('images').execute();
        },
    };
}
//# sourceMappingURL=2026-11-30-0007-images.js.map