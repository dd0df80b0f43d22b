import { sql, type Expression, type ExpressionBuilder, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { Database, Executor } from '../database.js';
import type { IdentificationType, UserRow } from '../tables/user-tables.js';
import { dialectSql, type SubstringIndex } from '../dialects.js';
import { toUserWithDetails, withDetails, type UserWithDetails } from './user-details-repository.js';

export interface IncludeExclude {
  include: readonly string[];
  exclude: readonly string[];
}

/** Everything `GET /v1/users` and `/count` can filter on, already parsed and normalised. */
export interface UserListFilter {
  emailAddresses?: readonly string[];
  phoneNumbers?: readonly string[];
  web3Wallets?: readonly string[];
  /** Lower-cased usernames. */
  usernames?: readonly string[];
  externalIds?: IncludeExclude;
  userIds?: IncludeExclude;
  query?: string;
  emailAddressQuery?: string;
  phoneNumberQuery?: string;
  usernameQuery?: string;
  nameQuery?: string;
  banned?: boolean;
  lastActiveAtBefore?: number;
  lastActiveAtAfter?: number;
  lastActiveAtSince?: number;
  createdAtBefore?: number;
  createdAtAfter?: number;
  lastSignInAtBefore?: number;
  lastSignInAtAfter?: number;
  /** Members (include) or non-members (exclude) of these organizations. */
  organizationIds?: IncludeExclude;
  /**
   * Users with a verified external account of `provider` (a strategy, `oauth_google`) and, when given, one of these
   * provider user ids; `providerUserIds` alone matches those ids at any provider.
   */
  externalAccounts?: { provider?: string; providerUserIds?: readonly string[] };
  /** Set when another filter can match nobody. */
  matchNothing?: boolean;
}

export type UserOrderColumn =
  | 'created_at'
  | 'updated_at'
  | 'primary_email_address'
  | 'primary_phone_number'
  | 'primary_web3_wallet'
  | 'first_name'
  | 'last_name'
  | 'username_normalized'
  | 'last_active_at'
  | 'last_sign_in_at';

export interface UserListPage {
  orderBy: UserOrderColumn;
  direction: 'asc' | 'desc';
  limit: number;
  offset: number;
  /** Keyset cursor: the row after which to continue (only with `created_at` ordering). */
  after?: { createdAt: number; id: string };
}

type SearchColumn = 'emails' | 'phones' | 'usernames' | 'names' | null;
type Eb = ExpressionBuilder<Database, 'users'>;

/**
 * How a substring search is served: `index` looks the needle up in the trigram index and filters on the ids it
 * finds (cheap for a rare needle, costly for one that matches a large share of users, since every match is
 * read before ordering); `scan` walks the rows in the requested order and tests each row's search document,
 * stopping once the page is full (cheap for a common needle, and the only way for needles shorter than a
 * trigram).
 */
type SearchAccess = 'index' | 'scan';

interface Search {
  needle: string;
  column: SearchColumn;
  access: SearchAccess;
}

/** The page of users matching the filter, in the requested order. */
export async function listUsers(db: Executor, filter: UserListFilter, page: UserListPage): Promise<UserWithDetails[]> {
  const offOrdering = rangeConditions(filter).filter(([column]) => column !== page.orderBy);
  const terms = searchTerms(filter);
  const enough = terms.length > 0 || offOrdering.length > 0 ? await walkBudget(db, page.offset + page.limit) : 0;
  const searches = await planSearches(db, terms, enough);
  const order: PageOrder = { ...page, sortMatches: await fewInRange(db, offOrdering, enough) };
  let matching = db.selectFrom('users').where((eb) => whereFilter(db, eb, filter, searches));
  if (page.after) {
    const { createdAt, id } = page.after;
    const op = page.direction === 'desc' ? '<' : '>';
    matching = matching.where(({ eb, refTuple, tuple }) => eb(refTuple('created_at', 'id'), op, tuple(createdAt, id)));
  }
  if (page.offset === 0) return (await withDetails(db, inOrder(db, matching.selectAll(), order)).limit(page.limit).execute()).map(toUserWithDetails);
  // A deep page finds its ids in the ordering's index alone and reads only its own rows: skipping rows that are
  // read whole cost PostgreSQL a table visit per skipped row (0.35 s at offset 500,000; 0.07 s this way), and
  // SQLite's skip gets four times faster too.
  const ids = inOrder(db, matching.select('users.id'), order).limit(page.limit).offset(page.offset);
  const rows = await withDetails(db, inOrder(db, db.selectFrom('users').selectAll().where(dialectSql(db).oneOf('users.id', ids)), order))
    .limit(page.limit)
    .execute();
  return rows.map(toUserWithDetails);
}

interface PageOrder extends UserListPage {
  /** Read the matching users and sort them, instead of walking the ordering's index (see fewInRange). */
  sortMatches: boolean;
}

/** The page's order. Empty values sort last in both directions on both databases; `id` makes the order total. */
function inOrder<O>(db: Executor, query: SelectQueryBuilder<Database, 'users', O>, page: PageOrder): SelectQueryBuilder<Database, 'users', O> {
  const column = page.sortMatches ? dialectSql(db).unindexed(page.orderBy, NUMERIC_ORDERINGS.has(page.orderBy) ? 'number' : 'text') : page.orderBy;
  return query
    .orderBy(column, (ob) => {
      const ordered = page.direction === 'asc' ? ob.asc() : ob.desc();
      // created_at/updated_at are never null: a NULLS clause would only keep PostgreSQL off their index.
      return NOT_NULL_ORDERINGS.has(page.orderBy) ? ordered : ordered.nullsLast();
    })
    .orderBy('id', page.direction);
}

/** How many users match; counted by the database, never by loading rows. */
export async function countUsers(db: Executor, filter: UserListFilter): Promise<number> {
  const terms = searchTerms(filter);
  const others = { ...filter, query: undefined, emailAddressQuery: undefined, phoneNumberQuery: undefined, usernameQuery: undefined, nameQuery: undefined };
  if (isUnfiltered(others)) {
    if (terms.length === 0) return countAllUsers(db);
    // Every user has exactly one search document: one search alone is counted in its index.
    if (terms.length === 1) return dialectSql(db).countMatching(db, searchIndex(terms[0]!.column), terms[0]!.needle);
  }
  // Reading every match through the index costs a lookup of each matching user; testing the users the other
  // filters select costs a look at each one's document. The cheaper of the two, per search.
  const selected = terms.length > 0 ? await countUsers(db, others) : 0;
  const searches = await Promise.all(
    terms.map(async (term): Promise<Search> => {
      const matches = await estimate(db, term, selected);
      return { ...term, access: matches !== null && matches < selected ? 'index' : 'scan' };
    }),
  );
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .where((eb) => whereFilter(db, eb, filter, searches))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Every user: the rows that triggers keep (one on SQLite, a few stripes on PostgreSQL), not a million index entries. */
export async function countAllUsers(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('user_count')
    .select((eb) => eb.fn.sum<number | string | null>('users').as('users'))
    .executeTakeFirst();
  return Number(row?.users ?? 0);
}

/** The ids of the users matching the filter, as a subquery (organization memberships filter on it). */
export function userIdsMatching(db: Executor, filter: UserListFilter) {
  const searches = searchTerms(filter).map((search): Search => ({ ...search, access: 'index' }));
  return db
    .selectFrom('users')
    .select('users.id')
    .where((eb) => whereFilter(db, eb, filter, searches));
}

function searchTerms(filter: UserListFilter): Omit<Search, 'access'>[] {
  const terms: [string | undefined, SearchColumn][] = [
    [filter.query, null],
    [filter.emailAddressQuery, 'emails'],
    [filter.phoneNumberQuery, 'phones'],
    [filter.usernameQuery, 'usernames'],
    [filter.nameQuery, 'names'],
  ];
  return terms.filter(([needle]) => needle !== undefined && needle !== '').map(([needle, column]) => ({ needle: needle!, column }));
}

/** No filter at all: the count is the user count. */
function isUnfiltered(filter: UserListFilter): boolean {
  return Object.values(filter).every((value) => value === undefined);
}

/**
 * Walking the ordering's index to fill a page of `rowsNeeded` rows (offset + limit) reads about
 * rowsNeeded × users ÷ matches rows when the matches are spread over the ordering; reading every match through a
 * filter's own index reads `matches`. So the walk wins once matches exceed √(rowsNeeded × users), and estimates
 * only have to count that far.
 */
async function walkBudget(db: Executor, rowsNeeded: number): Promise<number> {
  const users = await countAllUsers(db);
  return Math.max(1, Math.ceil(Math.sqrt(rowsNeeded * Math.max(users, 1))));
}

/**
 * Whether the time ranges on columns other than the ordering select fewer than `enough` users, which are then
 * cheaper to read through the range's index and sort than to find by walking the ordering. PostgreSQL walks
 * whenever the range looks wide enough to fill the page soon, assuming its users are spread evenly over the
 * ordering; but activity and sign-in times follow creation, so a window in the past made it walk past every
 * newer user first (0.3 s for 1,300 matches at a million users, against 1 ms on SQLite, whose planner reads the
 * range first on its own).
 */
async function fewInRange(db: Executor, ranges: readonly RangeCondition[], enough: number): Promise<boolean> {
  if (ranges.length === 0) return false;
  const selected = db
    .selectFrom('users')
    .select('users.id')
    .where((eb) => eb.and(ranges.map(([column, op, value]) => eb(column, op, value))));
  return (await dialectSql(db).estimateRows(db, selected, enough)) < enough;
}

/** Chooses each search's access path: see walkBudget. */
async function planSearches(db: Executor, terms: readonly Omit<Search, 'access'>[], enough: number): Promise<Search[]> {
  return Promise.all(
    terms.map(async (term) => {
      const matches = await estimate(db, term, enough);
      return { ...term, access: matches !== null && matches < enough ? 'index' : 'scan' } as Search;
    }),
  );
}

function estimate(db: Executor, search: Omit<Search, 'access'>, enough: number): Promise<number | null> {
  return dialectSql(db).estimateMatches(db, searchIndex(search.column), search.needle, enough);
}

function whereFilter(db: Executor, eb: Eb, filter: UserListFilter, searches: readonly Search[]): Expression<SqlBool> {
  if (filter.matchNothing) return sql<SqlBool>`1 = 0`;
  const and: Expression<SqlBool>[] = [];
  // A filter whose values all failed to normalise matches nobody (`IN ()` is not valid SQL).
  const nothing = sql<SqlBool>`1 = 0`;
  const byIdentifier = (type: IdentificationType, values: readonly string[] | undefined) => {
    if (values === undefined) return;
    if (values.length === 0) return void and.push(nothing);
    and.push(
      eb('users.id', 'in', eb.selectFrom('identifications').select('user_id').where('type', '=', type).where('identifier', 'in', values)),
    );
  };
  byIdentifier('email_address', filter.emailAddresses);
  byIdentifier('phone_number', filter.phoneNumbers);
  byIdentifier('web3_wallet', filter.web3Wallets);
  if (filter.usernames) and.push(filter.usernames.length > 0 ? eb('username_normalized', 'in', filter.usernames) : nothing);
  for (const [column, values] of [
    ['external_id', filter.externalIds],
    ['id', filter.userIds],
  ] as const) {
    if (!values) continue;
    if (values.include.length > 0) and.push(eb(column, 'in', values.include));
    if (values.exclude.length > 0) {
      and.push(column === 'external_id' ? eb.or([eb(column, 'is', null), eb(column, 'not in', values.exclude)]) : eb(column, 'not in', values.exclude));
    }
  }
  // Served by the memberships' (organization_id, user_id) unique index.
  const membersOf = (organizationIds: readonly string[]) =>
    eb.selectFrom('organization_memberships').select('organization_memberships.user_id').where('organization_memberships.organization_id', 'in', organizationIds);
  if (filter.organizationIds?.include.length) and.push(eb('users.id', 'in', membersOf(filter.organizationIds.include)));
  if (filter.organizationIds?.exclude.length) and.push(eb('users.id', 'not in', membersOf(filter.organizationIds.exclude)));
  if (filter.externalAccounts) and.push(eb('users.id', 'in', holdersOf(eb, filter.externalAccounts)));
  for (const { needle, column, access } of searches) {
    if (access === 'index') {
      and.push(eb('users.id', 'in', dialectSql(db).keysMatching(db, searchIndex(column), needle)));
    } else {
      // A scalar subquery, evaluated per row: the database keeps walking the ordering's index.
      const doc = eb
        .selectFrom('user_search_docs')
        .select(column ?? 'everything')
        .whereRef('user_search_docs.user_id', '=', 'users.id')
        .$castTo<string>();
      and.push(dialectSql(db).containsText(doc, needle, true));
    }
  }
  if (filter.banned !== undefined) and.push(eb('banned', '=', filter.banned ? 1 : 0));
  for (const [column, op, value] of rangeConditions(filter)) and.push(eb(column, op, value));
  return eb.and(and);
}

/**
 * The users holding matching verified external accounts: served by the (provider, provider_user_id) unique index,
 * or the provider_user_id index when no provider is given. A pending connection (not yet verified) finds nobody.
 */
function holdersOf(eb: Eb, accounts: NonNullable<UserListFilter['externalAccounts']>) {
  let query = eb.selectFrom('external_accounts').select('external_accounts.user_id').where('external_accounts.verification_status', '=', 'verified');
  if (accounts.provider !== undefined) query = query.where('external_accounts.provider', '=', accounts.provider);
  if (accounts.providerUserIds !== undefined) query = query.where('external_accounts.provider_user_id', 'in', accounts.providerUserIds);
  return query;
}

type RangeCondition = ['last_active_at' | 'created_at' | 'last_sign_in_at', '<' | '>' | '>=', number];

/** The filter's time ranges, each bound a condition. */
function rangeConditions(filter: UserListFilter): RangeCondition[] {
  const bounds: [RangeCondition[0], RangeCondition[1], number | undefined][] = [
    ['last_active_at', '<', filter.lastActiveAtBefore],
    ['last_active_at', '>', filter.lastActiveAtAfter],
    ['last_active_at', '>=', filter.lastActiveAtSince],
    ['created_at', '<', filter.createdAtBefore],
    ['created_at', '>', filter.createdAtAfter],
    ['last_sign_in_at', '<', filter.lastSignInAtBefore],
    ['last_sign_in_at', '>', filter.lastSignInAtAfter],
  ];
  return bounds.filter((bound): bound is RangeCondition => bound[2] !== undefined);
}

const NOT_NULL_ORDERINGS: ReadonlySet<UserOrderColumn> = new Set(['created_at', 'updated_at']);
const NUMERIC_ORDERINGS: ReadonlySet<UserOrderColumn> = new Set(['created_at', 'updated_at', 'last_active_at', 'last_sign_in_at']);

/**
 * The search document's index for `column`, or for every column when null: `everything` holds them all,
 * so `query` is a single indexed test.
 */
function searchIndex(column: SearchColumn): SubstringIndex {
  const searched = column ?? 'everything';
  return {
    trigram: { table: 'user_search_docs', key: 'user_id', columns: [searched] },
    fts5: { docs: 'user_search_docs', key: 'user_id', fts: 'user_search', ftsColumn: column, text: searched, folded: true },
  };
}
