import type { Kysely } from 'kysely';

/** JWT templates: named claim sets that session tokens for third parties are minted from. */
export function jwtTemplatesMigration() {
  return {
    async up(db: Kysely<any>): Promise<void> {
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
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropTable('jwt_templates').ifExists().execute();
    },
  };
}
