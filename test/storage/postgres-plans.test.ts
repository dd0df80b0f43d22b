// What PostgreSQL's planner does with the users list, search and count queries on a seeded table (issue 10):
// every statement the repository sends is captured, EXPLAINed with its parameters, and its plan tree checked
// for the indexes that should serve it. PostgreSQL only: set TEST_DATABASE_URL.
import { randomBytes } from 'node:crypto';
import { Kysely, PostgresDialect, sql, type Transaction } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/storage/database.js';
import { createDatabase, type RosterDatabase } from '../../src/storage/database.js';
import { migrateToLatest } from '../../src/storage/migrate.js';
import {
  countUsers,
  listUsers,
  type UserListFilter,
  type UserListPage,
  type UserOrderColumn,
} from '../../src/storage/repositories/user-list-repository.js';
import { dropTestSchema, testDatabaseUrl, withSchemaLock } from '../helpers/test-server.js';

if (!testDatabaseUrl) {
  console.warn('test/storage/postgres-plans.test.ts: TEST_DATABASE_URL is not set, so the PostgreSQL query plan checks are skipped.');
}

/** Enough users for PostgreSQL to prefer indexes for what they serve, few enough to seed in seconds. */
const USERS = 40_000;
const BASE_MS = Date.UTC(2024, 0, 1);
/** User `i` was created at minute `i`. */
const minute = (i: number) => BASE_MS + i * 60_000;
const FIRST = ['ada', 'grace', 'alan', 'barbara', 'edsger', 'donald', 'frances', 'john', 'katherine', 'linus'];
const LAST = ['lovelace', 'hopper', 'turing', 'liskov', 'dijkstra', 'knuth', 'allen', 'backus', 'johnson', 'torvalds'];

/** Tables that have an index for every filter the list offers: reading them whole is a wrong plan. */
const INDEXED_TABLES = ['users', 'user_search_docs', 'identifications', 'organization_memberships'];

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Scan Direction'?: string;
  'Index Cond'?: string;
  'Parent Relationship'?: string;
  'Plan Rows': number;
  Plans?: PlanNode[];
}

interface Statement {
  sql: string;
  plan: PlanNode;
}

const nodesOf = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodesOf)];
const typesOf = (node: PlanNode) => nodesOf(node).map((n) => n['Node Type']);
const indexesOf = (node: PlanNode) => nodesOf(node).flatMap((n) => (n['Index Name'] ? [n['Index Name']] : []));
const scanOf = (node: PlanNode, index: string) => nodesOf(node).find((n) => n['Index Name'] === index);

/** One line per node, for failure messages: `Limit > Index Scan users_created_at_idx (Backward)`. */
function shapeOf(node: PlanNode, depth = 0): string {
  const name = [node['Node Type'], node['Index Name'] ?? node['Relation Name'], node['Scan Direction'] === 'Backward' ? '(Backward)' : '']
    .filter(Boolean)
    .join(' ');
  return [`${'  '.repeat(depth)}${name}`, ...(node.Plans ?? []).map((child) => shapeOf(child, depth + 1))].join('\n');
}

describe.skipIf(!testDatabaseUrl)('PostgreSQL plans for the users list, searches and counts', () => {
  const schema = `roster_test_plans_${randomBytes(6).toString('hex')}`;
  let database: RosterDatabase;
  let pool: pg.Pool;
  /** The repository's handle: a Kysely on the test schema that records every statement it sends. */
  let db: Kysely<Database>;
  const sent: { sql: string; parameters: readonly unknown[] }[] = [];

  beforeAll(async () => {
    database = await createDatabase({ databaseUrl: testDatabaseUrl, sqliteFile: ':memory:', pgSchema: schema });
    await withSchemaLock(() => migrateToLatest(database));
    // The session Roster's own pool opens (createDatabase), so the plans are the ones it gets.
    pool = new pg.Pool({ connectionString: testDatabaseUrl!, max: 2, options: `-c search_path=${schema},public -c jit=off` });
    db = new Kysely<Database>({
      dialect: new PostgresDialect({ pool }),
      log: (event) => {
        if (event.level === 'query') sent.push({ sql: event.query.sql, parameters: event.query.parameters });
      },
    });
    await seed(db, USERS);
  }, 120_000);

  afterAll(async () => {
    await db?.destroy();
    if (database) {
      await dropTestSchema(database, schema);
      await database.close();
    }
  });

  /** The plans of the statements `work` sends (the planner estimates it asks for along the way left out). */
  async function plansOf(work: () => Promise<unknown>): Promise<Statement[]> {
    sent.length = 0;
    await work();
    const statements = sent.splice(0).filter((statement) => !/^explain/i.test(statement.sql));
    const plans: Statement[] = [];
    for (const statement of statements) {
      const { rows } = await pool.query(`EXPLAIN (FORMAT JSON) ${statement.sql}`, [...statement.parameters]);
      plans.push({ sql: statement.sql, plan: (rows[0]['QUERY PLAN'] as [{ Plan: PlanNode }])[0].Plan });
    }
    return plans;
  }

  /** The plan of the query that reads the users (always the last statement: the ones before plan it). */
  async function planOf(work: () => Promise<unknown>, options: { seqScanOn?: string } = {}): Promise<PlanNode> {
    const statements = await plansOf(work);
    expectNoSeqScan(statements, options.seqScanOn);
    return statements.at(-1)!.plan;
  }

  const list = (filter: UserListFilter, page: Partial<UserListPage> = {}, options?: { seqScanOn?: string }) =>
    planOf(() => listUsers(db, filter, { orderBy: 'created_at', direction: 'desc', limit: 10, offset: 0, ...page }), options);
  const count = (filter: UserListFilter, options?: { seqScanOn?: string }) => planOf(() => countUsers(db, filter), options);

  function expectNoSeqScan(statements: Statement[], except?: string): void {
    for (const { sql: text, plan } of statements) {
      const seqScans = nodesOf(plan).filter((n) => n['Node Type'] === 'Seq Scan' && INDEXED_TABLES.includes(n['Relation Name']!));
      const unexpected = seqScans.filter((n) => n['Relation Name'] !== except);
      expect(unexpected, `${text}\n${shapeOf(plan)}`).toEqual([]);
    }
  }

  /** A page served by walking `index` in the page's order and stopping when it is full: no Sort. */
  function expectWalk(plan: PlanNode, index: string, direction: 'Forward' | 'Backward'): void {
    const why = shapeOf(plan);
    expect(plan['Node Type'], why).toBe('Limit');
    expect(scanOf(plan, index)?.['Scan Direction'], why).toBe(direction);
    expect(typesOf(plan), why).not.toContain('Sort');
    expect(typesOf(plan), why).not.toContain('Incremental Sort');
  }

  /** A count served by `index`: an index-only scan, or its bitmap (a trigram bitmap still rechecks the documents). */
  function expectIndexCount(plan: PlanNode, index: string): void {
    const scan = scanOf(plan, index);
    expect(scan?.['Node Type'], shapeOf(plan)).toMatch(/^(Index Only Scan|Bitmap Index Scan)$/);
  }

  describe('orderings walk their index under the Limit, without a Sort', () => {
    it('the default page (newest first) reads users_created_at_idx backwards', async () => {
      expectWalk(await list({}), 'users_created_at_idx', 'Backward');
    });

    // Nullable columns sort empty values last both ways: ascending is the (column, id) index read forwards,
    // descending its DESC NULLS LAST twin read forwards. created_at and updated_at are never null and have
    // no NULLS clause, so one index serves both directions.
    const orderings: [UserOrderColumn, 'asc' | 'desc', string, 'Forward' | 'Backward'][] = [
      ['created_at', 'asc', 'users_created_at_idx', 'Forward'],
      ['created_at', 'desc', 'users_created_at_idx', 'Backward'],
      ['updated_at', 'asc', 'users_updated_at_idx', 'Forward'],
      ['updated_at', 'desc', 'users_updated_at_idx', 'Backward'],
      ...(
        [
          'primary_email_address',
          'primary_phone_number',
          'primary_web3_wallet',
          'first_name',
          'last_name',
          'username_normalized',
          'last_active_at',
          'last_sign_in_at',
        ] as const
      ).flatMap((column): [UserOrderColumn, 'asc' | 'desc', string, 'Forward' | 'Backward'][] => [
        [column, 'asc', `users_${column}_idx`, 'Forward'],
        [column, 'desc', `users_${column}_desc_idx`, 'Forward'],
      ]),
    ];
    it.each(orderings)('order by %s %s reads %s', async (orderBy, direction, index, scanDirection) => {
      expectWalk(await list({}, { orderBy, direction }), index, scanDirection);
    });

    it('a starting_after cursor starts the walk at the cursor, in both directions', async () => {
      const after = { createdAt: minute(20_000), id: 'user_' };
      for (const [direction, scanDirection] of [
        ['desc', 'Backward'],
        ['asc', 'Forward'],
      ] as const) {
        const plan = await list({}, { direction, after });
        expectWalk(plan, 'users_created_at_idx', scanDirection);
        expect(scanOf(plan, 'users_created_at_idx')?.['Index Cond'], shapeOf(plan)).toContain('created_at');
      }
    });

    it('a deep offset skips through the ordering index alone, then reads only the page rows by primary key', async () => {
      for (const [orderBy, index] of [
        ['created_at', 'users_created_at_idx'],
        ['first_name', 'users_first_name_desc_idx'],
      ] as const) {
        const plan = await list({}, { orderBy, offset: 20_000 });
        expect(scanOf(plan, index)?.['Node Type'], shapeOf(plan)).toBe('Index Only Scan');
        expect(scanOf(plan, 'users_pkey')?.['Node Type'], shapeOf(plan)).toBe('Index Scan');
      }
    });
  });

  describe('filters', () => {
    it('banned=true walks users_banned_created_at_idx and counts in it', async () => {
      expectWalk(await list({ banned: true }), 'users_banned_created_at_idx', 'Backward');
      expectIndexCount(await count({ banned: true }), 'users_banned_created_at_idx');
    });

    it('banned=false (98% of users) walks the ordering; its count reads the table', async () => {
      expectWalk(await list({ banned: false }), 'users_created_at_idx', 'Backward');
      // Reading 98% of the rows: the table is cheaper than the index (at a million users, 100 ms against
      // 265 ms for an index-only scan forced with enable_seqscan=off). What is true, not what is wished.
      const plan = await count({ banned: false }, { seqScanOn: 'users' });
      expect(typesOf(plan), shapeOf(plan)).not.toContain('Sort');
    });

    it('a created_at range walks the ordering from the range bound and counts in the index', async () => {
      const filter = { createdAtAfter: minute(10_000), createdAtBefore: minute(12_000) };
      const plan = await list(filter);
      expectWalk(plan, 'users_created_at_idx', 'Backward');
      expect(scanOf(plan, 'users_created_at_idx')?.['Index Cond'], shapeOf(plan)).toContain('created_at');
      expectIndexCount(await count(filter), 'users_created_at_idx');
    });

    // Activity follows creation, so a window in the past holds users far down the default ordering: walking
    // created_at to find them read every newer user first. A range that selects fewer users than the walk
    // budget (√(rows needed × users)) is read through its own index and sorted.
    it.each([
      ['last_active_at', { lastActiveAtAfter: minute(10_000), lastActiveAtBefore: minute(10_300) }],
      ['last_sign_in_at', { lastSignInAtAfter: minute(10_000), lastSignInAtBefore: minute(10_300) }],
    ] as const)('a narrow %s range is read through its index and sorted', async (column, filter) => {
      for (const page of [{}, { orderBy: 'first_name', direction: 'asc', offset: 20 }] as const) {
        const plan = await list(filter, page);
        expect(indexesOf(plan).some((index) => index.startsWith(`users_${column}_`)), shapeOf(plan)).toBe(true);
        expect(typesOf(plan), shapeOf(plan)).toContain('Sort');
        expect(indexesOf(plan), shapeOf(plan)).not.toContain('users_created_at_idx');
      }
      const plan = await count(filter);
      expect(nodesOf(plan).some((n) => n['Node Type'] === 'Index Only Scan' && n['Index Name']!.startsWith(`users_${column}_`)), shapeOf(plan)).toBe(true);
    });

    it('a wide last_active_at range walks the ordering, which fills the page soon', async () => {
      expectWalk(await list({ lastActiveAtSince: minute(USERS / 2) }), 'users_created_at_idx', 'Backward');
    });

    it('exact identifiers look the users up by their index, and count in it', async () => {
      const cases: [UserListFilter, string][] = [
        [{ emailAddresses: ['ada.hopper12310@example88.com'] }, 'identifications_type_identifier_idx'],
        [{ phoneNumbers: ['+14155012340'] }, 'identifications_type_identifier_idx'],
        [{ externalIds: { include: ['ext_12340'], exclude: [] } }, 'users_external_id_key'],
        [{ userIds: { include: ['user_a', 'user_b'], exclude: [] } }, 'users_pkey'],
      ];
      for (const [filter, index] of cases) {
        expect(indexesOf(await list(filter))).toContain(index);
        expect(indexesOf(await count(filter))).toContain(index);
      }
      // The unique key and the ordering indexes all start with username_normalized.
      for (const plan of [await list({ usernames: ['ada_12340'] }), await count({ usernames: ['ada_12340'] })]) {
        expect(indexesOf(plan).some((index) => index.startsWith('users_username_normalized_')), shapeOf(plan)).toBe(true);
      }
    });

    it('organization_id reads the memberships through their (organization_id, user_id) key', async () => {
      const filter = { organizationIds: { include: ['org_3'], exclude: [] } };
      expect(indexesOf(await list(filter))).toContain('organization_memberships_organization_user_key');
      expect(indexesOf(await count(filter))).toContain('organization_memberships_organization_user_key');
    });
  });

  describe('substring searches', () => {
    it('a common query (10% of users) walks the ordering and tests each user’s document, no hash join', async () => {
      for (const [page, index, direction] of [
        [{}, 'users_created_at_idx', 'Backward'],
        [{ orderBy: 'first_name', direction: 'asc' }, 'users_first_name_idx', 'Forward'],
      ] as const) {
        const plan = await list({ query: 'hopper' }, page);
        expectWalk(plan, index, direction);
        // Each page row's identifications and backup-code flag are SubPlans too: the search's is on its document.
        const subPlans = nodesOf(plan).filter((n) => n['Parent Relationship'] === 'SubPlan');
        expect(subPlans.map((n) => n['Index Name']), shapeOf(plan)).toContain('user_search_docs_user_id_key');
        expect(typesOf(plan), shapeOf(plan)).not.toContain('Hash Join');
      }
      // One search alone is counted in its trigram index.
      expectIndexCount(await count({ query: 'hopper' }), 'user_search_docs_everything_trgm');
    });

    it('a rare query reads the trigram index, then the few users by primary key', async () => {
      const plan = await list({ query: '12345@' });
      expect(scanOf(plan, 'user_search_docs_everything_trgm')?.['Node Type'], shapeOf(plan)).toBe('Bitmap Index Scan');
      expect(indexesOf(plan), shapeOf(plan)).toContain('users_pkey');
      expectIndexCount(await count({ query: '12345@' }), 'user_search_docs_everything_trgm');
    });

    it.each([
      ['email_address_query', { emailAddressQuery: 'hopper12315@' }, 'emails'],
      ['phone_number_query', { phoneNumberQuery: '5012345' }, 'phones'],
      ['username_query', { usernameQuery: 'ada_12340' }, 'usernames'],
      ['name_query', { nameQuery: 'hamilton' }, 'names'],
    ] as const)('a rare %s reads its column’s trigram index', async (_name, filter, column) => {
      const index = `user_search_docs_${column}_trgm`;
      const plan = await list(filter);
      expect(scanOf(plan, index)?.['Node Type'], shapeOf(plan)).toBe('Bitmap Index Scan');
      expectIndexCount(await count(filter), index);
    });

    // A trigram index holds 3-character sequences: a 1- or 2-character needle has none to look up, and pg_trgm
    // would have to read its whole index. So the list walks the ordering testing each document (fast when the
    // needle is common, a walk over every user when it matches nobody), and the count reads every document.
    it.each([
      ['a 1-character query', 'k'],
      ['a 2-character query', 'ov'],
    ])('%s cannot use a trigram index: the list walks, the count reads the documents', async (_name, needle) => {
      const plan = await list({ query: needle });
      expectWalk(plan, 'users_created_at_idx', 'Backward');
      expect(indexesOf(plan), shapeOf(plan)).toContain('user_search_docs_user_id_key');
      const counted = await count({ query: needle }, { seqScanOn: 'user_search_docs' });
      expect(nodesOf(counted).some((n) => n['Node Type'] === 'Seq Scan' && n['Relation Name'] === 'user_search_docs'), shapeOf(counted)).toBe(true);
    });

    it('a common query with banned=true tests the documents of the banned users only', async () => {
      const plan = await list({ query: 'hopper', banned: true });
      expectWalk(plan, 'users_banned_created_at_idx', 'Backward');
      expect(indexesOf(plan), shapeOf(plan)).toContain('user_search_docs_user_id_key');
    });
  });

  it('pages read through a range index or past an offset hold the users a plain query finds', async () => {
    const plain = async (where: string, orderBy: string, offset: number) => {
      const { rows } = await pool.query<{ id: string }>(`SELECT id FROM users WHERE ${where} ORDER BY ${orderBy} LIMIT 10 OFFSET ${offset}`);
      return rows.map((row) => row.id);
    };
    const ids = async (filter: UserListFilter, page: Partial<UserListPage>) =>
      (await listUsers(db, filter, { orderBy: 'created_at', direction: 'desc', limit: 10, offset: 0, ...page })).map((row) => row.user.id);
    const range = { lastActiveAtAfter: minute(10_000), lastActiveAtBefore: minute(10_300) };
    const inRange = `last_active_at > ${range.lastActiveAtAfter} AND last_active_at < ${range.lastActiveAtBefore}`;
    expect(await ids(range, {})).toEqual(await plain(inRange, 'created_at DESC, id DESC', 0));
    expect(await ids(range, { orderBy: 'first_name', direction: 'asc', offset: 20 })).toEqual(
      await plain(inRange, 'first_name ASC NULLS LAST, id ASC', 20),
    );
    expect(await ids({}, { orderBy: 'username_normalized', direction: 'desc', offset: 35_000 })).toEqual(
      await plain('true', 'username_normalized DESC NULLS LAST, id DESC', 35_000),
    );
    expect(await ids({ query: 'hopper' }, { offset: 100 })).toEqual(
      await plain(`id IN (SELECT user_id FROM user_search_docs WHERE everything ILIKE '%hopper%')`, 'created_at DESC, id DESC', 100),
    );
  });
});

/**
 * `users` users in a few statements. Most have an email, 40% a phone, 5% a web3 wallet; names, usernames, activity
 * and external ids are missing for some, so the NULLS LAST orderings have empty values to place. Activity and
 * sign-in times follow creation (within ten days), as they do in life. Every tenth user belongs to one of 20
 * organizations. Statistics and the visibility map are refreshed at the end, as after a bulk import.
 */
async function seed(db: Kysely<Database>, users: number): Promise<void> {
  const tables = ['users', 'identifications', 'user_search_docs', 'organizations', 'organization_memberships', 'user_count'];
  await db.transaction().execute(async (trx) => {
    // Another test process's database-wide ANALYZE (after a bulk import) could sample these tables empty and
    // record that after our ANALYZE, leaving estimates of nothing: it waits for the seeded tables instead.
    await sql`LOCK TABLE ${sql.join(tables.map((table) => sql.table(table)))} IN SHARE UPDATE EXCLUSIVE MODE`.execute(trx);
    await insertUsers(trx, users);
    await sql`ANALYZE ${sql.join(tables.map((table) => sql.table(table)))}`.execute(trx);
  });
  // The visibility map, for index-only scans.
  for (const table of tables) await sql`VACUUM ${sql.table(table)}`.execute(db);
}

async function insertUsers(db: Transaction<Database>, users: number): Promise<void> {
  const first = sql.val(FIRST);
  const last = sql.val(LAST);
  const base = sql.lit(BASE_MS);
  await sql`
    INSERT INTO users (id, external_id, username, username_normalized, first_name, last_name,
      primary_email_address_id, primary_email_address, primary_phone_number_id, primary_phone_number,
      primary_web3_wallet_id, primary_web3_wallet, banned, last_sign_in_at, last_active_at, created_at, updated_at)
    SELECT 'user_' || lpad(to_hex(i), 8, '0') || substr(md5(i::text), 1, 19),
      CASE WHEN i % 2 = 0 THEN 'ext_' || i END,
      CASE WHEN i % 5 <> 4 THEN initcap(f) || '_' || i END,
      CASE WHEN i % 5 <> 4 THEN f || '_' || i END,
      CASE WHEN i % 13 <> 0 THEN initcap(f) END,
      CASE WHEN i % 997 = 5 THEN 'Hamilton' WHEN i % 17 <> 0 THEN initcap(l) END,
      CASE WHEN i % 20 <> 7 THEN 'idn_e' || i END,
      CASE WHEN i % 20 <> 7 THEN f || '.' || l || i || '@example' || (i % 97) || '.com' END,
      CASE WHEN i % 5 < 2 THEN 'idn_p' || i END,
      CASE WHEN i % 5 < 2 THEN '+1415' || lpad((5000000 + i)::text, 7, '0') END,
      CASE WHEN i % 20 = 3 THEN 'idn_w' || i END,
      CASE WHEN i % 20 = 3 THEN '0x' || md5(i::text) || substr(md5(f || i), 1, 8) END,
      CASE WHEN i % 50 = 0 THEN 1 ELSE 0 END,
      CASE WHEN i % 5 < 3 THEN ${base} + i * 60000 + (i * 7919 % 86400000) END,
      CASE WHEN i % 10 < 7 THEN ${base} + i * 60000 + (i * 104729 % 864000000) END,
      ${base} + i * 60000,
      ${base} + i * 60000 + (i * 31 % 1000000)
    FROM generate_series(0::bigint, ${users - 1}) AS i,
      LATERAL (SELECT (${first}::text[])[i::int % 10 + 1] AS f, (${last}::text[])[(i::int / 10) % 10 + 1] AS l) AS names`.execute(db);
  await sql`
    INSERT INTO identifications (id, user_id, type, identifier, verified, position, created_at, updated_at)
    SELECT primary_email_address_id, id, 'email_address', primary_email_address, 1, 0, created_at, created_at FROM users WHERE primary_email_address IS NOT NULL
    UNION ALL
    SELECT primary_phone_number_id, id, 'phone_number', primary_phone_number, 1, 1, created_at, created_at FROM users WHERE primary_phone_number IS NOT NULL
    UNION ALL
    SELECT primary_web3_wallet_id, id, 'web3_wallet', primary_web3_wallet, 1, 2, created_at, created_at FROM users WHERE primary_web3_wallet IS NOT NULL`.execute(db);
  // As refreshUserSearchDoc writes them: one line per value, `everything` joining the non-empty columns.
  await sql`
    INSERT INTO user_search_docs (user_id, ids, emails, phones, usernames, web3_wallets, names, everything)
    SELECT id, id, e, p, u, w, n, concat_ws(E'\n', id, nullif(e, ''), nullif(p, ''), nullif(u, ''), nullif(w, ''), nullif(n, ''))
    FROM users, LATERAL (SELECT coalesce(primary_email_address, '') AS e, coalesce(primary_phone_number, '') AS p,
      coalesce(username, '') AS u, coalesce(primary_web3_wallet, '') AS w, concat_ws(' ', first_name, last_name) AS n) AS doc`.execute(db);
  await sql`
    INSERT INTO organizations (id, name, slug, created_at, updated_at)
    SELECT 'org_' || k, 'Organization ' || k, 'org-' || k, ${base}, ${base} FROM generate_series(0, 19) AS k`.execute(db);
  await sql`
    INSERT INTO organization_memberships (id, organization_id, user_id, role, created_at, updated_at)
    SELECT 'orgmem_' || id, 'org_' || ((created_at - ${base}) / 600000 % 20), id, 'org:member', created_at, created_at
    FROM users WHERE (created_at - ${base}) / 60000 % 10 = 0`.execute(db);
}
