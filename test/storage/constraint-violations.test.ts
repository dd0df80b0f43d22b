import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isForeignKeyViolation, uniqueConstraints, uniqueViolationTarget } from '../../src/storage/constraint-violations.js';
import type { RosterDatabase } from '../../src/storage/database.js';
import { createDatabase } from '../../src/storage/database.js';
import { migrateToLatest } from '../../src/storage/migrate.js';
import { dropTestSchema, testDatabaseUrl, withSchemaLock } from '../helpers/test-server.js';

/**
 * Unique constraints that guard Roster's own bookkeeping (search documents, the current signing key, one
 * image per owner, one live code per verification subject), not something a client chose: a violation there
 * stays a server fault, answered 500.
 * A new unique constraint goes into the table in `constraint-violations.ts` or here, on purpose.
 */
const NOT_MAPPED = {
  sqlite: [
    'user_search_docs.user_id',
    'organization_search_docs.ref_id',
    'organization_invitation_search_docs.ref_id',
    'signing_keys.is_current',
    'images.user_id',
    'images.organization_id',
    'verification_codes.subject',
    // A client's cookie secret is random (256 bits): a collision is no user's mistake to report.
    'clients.token_digest',
    // Sign-in and actor tokens: 256 random bits too.
    'sign_in_tickets.token_digest',
    // OAuth: ids and states are random (128 and 256 bits).
    'external_accounts.identification_id',
    'oauth_authorizations.state_digest',
  ],
  postgres: [
    'user_search_docs_user_id_key',
    'signing_keys_is_current_key',
    'images_user_id_key',
    'images_organization_id_key',
    'verification_codes_subject_key',
    'clients_token_digest_key',
    'sign_in_tickets_token_digest_key',
    'external_accounts_identification_id_key',
    'oauth_authorizations_state_digest_key',
  ],
};

/** How the dialect under test reports each unique constraint of the migrated schema (primary keys left out). */
async function uniqueConstraintNames(database: RosterDatabase): Promise<string[]> {
  if (database.dialect === 'postgres') {
    const { rows } = await sql<{ name: string }>`
      SELECT i.relname AS name FROM pg_index x
      JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_namespace n ON n.oid = i.relnamespace
      WHERE x.indisunique AND NOT x.indisprimary AND n.nspname = ${database.schema}`.execute(database.db);
    return rows.map((row) => row.name);
  }
  const names: string[] = [];
  const tables = await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table'`.execute(database.db);
  for (const table of tables.rows) {
    const indexes = await sql<{ name: string; unique: number; origin: string }>`
      SELECT name, "unique", origin FROM pragma_index_list(${table.name})`.execute(database.db);
    for (const index of indexes.rows.filter((candidate) => candidate.unique && candidate.origin !== 'pk')) {
      const columns = await sql<{ name: string }>`SELECT name FROM pragma_index_info(${index.name})`.execute(database.db);
      names.push(columns.rows.map((column) => `${table.name}.${column.name}`).join(', '));
    }
  }
  return names;
}

describe(`the constraint table against the migrated schema (${testDatabaseUrl ? 'PostgreSQL' : 'SQLite'})`, () => {
  let database: RosterDatabase;
  const schema = testDatabaseUrl ? `roster_test_${randomBytes(6).toString('hex')}` : undefined;

  beforeAll(async () => {
    database = await createDatabase({ databaseUrl: testDatabaseUrl, sqliteFile: ':memory:', pgSchema: schema });
    await withSchemaLock(() => migrateToLatest(database));
  });

  afterAll(async () => {
    await dropTestSchema(database, schema);
    await database.close();
  });

  it('names every unique constraint of the schema, or leaves it out on purpose', async () => {
    const dialect = database.dialect;
    const inSchema = await uniqueConstraintNames(database);
    const mapped = uniqueConstraints.map((entry) => entry[dialect]);
    expect(mapped.filter((name) => !inSchema.includes(name)), 'table rows the schema does not have').toEqual([]);
    expect(
      inSchema.filter((name) => !mapped.includes(name) && !NOT_MAPPED[dialect].includes(name)),
      'unique constraints neither in the table nor left out on purpose',
    ).toEqual([]);
  });
});

describe('uniqueViolationTarget', () => {
  it.each([
    [{ code: 'SQLITE_CONSTRAINT_UNIQUE', message: 'UNIQUE constraint failed: users.external_id' }, 'external_id'],
    [{ code: '23505', constraint: 'users_external_id_key' }, 'external_id'],
    [{ code: 'SQLITE_CONSTRAINT_UNIQUE', message: 'UNIQUE constraint failed: users.username_normalized' }, 'username'],
    [{ code: '23505', constraint: 'users_username_normalized_key' }, 'username'],
    [{ code: 'SQLITE_CONSTRAINT_UNIQUE', message: 'UNIQUE constraint failed: identifications.type, identifications.identifier' }, 'identification'],
    [{ code: '23505', constraint: 'identifications_claimed_key' }, 'identification'],
    [{ code: '23505', constraint: 'identifications_user_type_identifier_key' }, 'identification'],
    [{ code: 'SQLITE_CONSTRAINT_UNIQUE', message: 'UNIQUE constraint failed: organizations.slug' }, 'organization_slug'],
    [{ code: '23505', constraint: 'organization_memberships_organization_user_key' }, 'organization_membership'],
    [{ code: '23505', constraint: 'organization_invitations_pending_key' }, 'pending_invitation'],
    [{ code: 'SQLITE_CONSTRAINT_UNIQUE', message: 'UNIQUE constraint failed: jwt_templates.name' }, 'jwt_template_name'],
    [{ code: '23505', constraint: 'jwt_templates_name_key' }, 'jwt_template_name'],
  ] as const)('%o collided on %s', (error, target) => {
    expect(uniqueViolationTarget(error)).toBe(target);
  });

  it.each([
    ['a primary key (SQLite)', { code: 'SQLITE_CONSTRAINT_PRIMARYKEY', message: 'UNIQUE constraint failed: identifications.id' }],
    ['a primary key (PostgreSQL)', { code: '23505', constraint: 'jwt_templates_pkey' }],
    ['an unmapped unique constraint', { code: 'SQLITE_CONSTRAINT_UNIQUE', message: 'UNIQUE constraint failed: images.user_id' }],
    ['a constraint name in another code', { code: '23503', constraint: 'users_external_id_key' }],
    ['a foreign-key failure', { code: 'SQLITE_CONSTRAINT_FOREIGNKEY', message: 'FOREIGN KEY constraint failed' }],
    ['a plain Error', new Error('UNIQUE constraint failed: users.external_id')],
    ['null', null],
    ['a string', 'UNIQUE constraint failed: users.external_id'],
  ])('%s is no known collision', (_what, error) => {
    expect(uniqueViolationTarget(error)).toBeNull();
  });
});

describe('isForeignKeyViolation', () => {
  it.each([
    [{ code: 'SQLITE_CONSTRAINT_FOREIGNKEY' }, true],
    [{ code: '23503' }, true],
    [{ code: 'SQLITE_CONSTRAINT_UNIQUE' }, false],
    [{ code: '23505' }, false],
    [null, false],
  ])('%o → %s', (error, expected) => {
    expect(isForeignKeyViolation(error)).toBe(expected);
  });
});
