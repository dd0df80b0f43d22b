import { sql } from 'kysely';
import { dialectSql } from '../dialects.js';
/** The page of users matching the filter, in the requested order. */
export async function listUsers(db, filter, page) {
    let query = db
        .selectFrom('users')
        .selectAll()
        .where((eb) => whereFilter(db, eb, filter));
    if (page.after) {
        const { createdAt, id } = page.after;
        const op = page.direction === 'desc' ? '<' : '>';
        query = query.where(({ eb, refTuple, tuple }) => eb(refTuple('created_at', 'id'), op, tuple(createdAt, id)));
    }
    // Empty values sort last in both directions on both databases; `id` makes the order total.
    query = query
        .orderBy(page.orderBy, (ob) => {
        const ordered = page.direction === 'asc' ? ob.asc() : ob.desc();
        // created_at/updated_at are never null: a NULLS clause would only keep PostgreSQL off their index.
        return NOT_NULL_ORDERINGS.has(page.orderBy) ? ordered : ordered.nullsLast();
    })
        .orderBy('id', page.direction);
    return query.limit(page.limit).offset(page.offset).execute();
}
/** How many users match; counted by the database, never by loading rows. */
export async function countUsers(db, filter) {
    const row = await db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll().as('count'))
        .where((eb) => whereFilter(db, eb, filter))
        .executeTakeFirstOrThrow();
    return Number(row.count);
}
/** The ids of the users matching the filter, as a subquery (organization memberships filter on it). */
export function userIdsMatching(db, filter) {
    return db
        .selectFrom('users')
        .select('users.id')
        .where((eb) => whereFilter(db, eb, filter));
}
function whereFilter(db, eb, filter) {
    if (filter.matchNothing)
        return sql `1 = 0`;
    const and = [];
    // A filter whose values all failed to normalise matches nobody (`IN ()` is not valid SQL).
    const nothing = sql `1 = 0`;
    const byIdentifier = (type, values) => {
        if (values === undefined)
            return;
        if (values.length === 0)
            return void and.push(nothing);
        and.push(eb('users.id', 'in', eb.selectFrom('identifications').select('user_id').where('type', '=', type).where('identifier', 'in', values)));
    };
    byIdentifier('email_address', filter.emailAddresses);
    byIdentifier('phone_number', filter.phoneNumbers);
    byIdentifier('web3_wallet', filter.web3Wallets);
    if (filter.usernames)
        and.push(filter.usernames.length > 0 ? eb('username_normalized', 'in', filter.usernames) : nothing);
    for (const [column, values] of [
        ['external_id', filter.externalIds],
        ['id', filter.userIds],
    ]) {
        if (!values)
            continue;
        if (values.include.length > 0)
            and.push(eb(column, 'in', values.include));
        if (values.exclude.length > 0) {
            and.push(column === 'external_id' ? eb.or([eb(column, 'is', null), eb(column, 'not in', values.exclude)]) : eb(column, 'not in', values.exclude));
        }
    }
    // Served by the memberships' (organization_id, user_id) unique index.
    const membersOf = (organizationIds) => eb.selectFrom('organization_memberships').select('organization_memberships.user_id').where('organization_memberships.organization_id', 'in', organizationIds);
    if (filter.organizationIds?.include.length)
        and.push(eb('users.id', 'in', membersOf(filter.organizationIds.include)));
    if (filter.organizationIds?.exclude.length)
        and.push(eb('users.id', 'not in', membersOf(filter.organizationIds.exclude)));
    const searches = [
        [filter.query, null],
        [filter.emailAddressQuery, 'emails'],
        [filter.phoneNumberQuery, 'phones'],
        [filter.usernameQuery, 'usernames'],
        [filter.nameQuery, 'names'],
    ];
    for (const [needle, column] of searches) {
        if (needle !== undefined && needle !== '')
            and.push(eb('users.id', 'in', searchSubquery(db, needle, column)));
    }
    if (filter.banned !== undefined)
        and.push(eb('banned', '=', filter.banned ? 1 : 0));
    const ranges = [
        ['last_active_at', '<', filter.lastActiveAtBefore],
        ['last_active_at', '>', filter.lastActiveAtAfter],
        ['last_active_at', '>=', filter.lastActiveAtSince],
        ['created_at', '<', filter.createdAtBefore],
        ['created_at', '>', filter.createdAtAfter],
        ['last_sign_in_at', '<', filter.lastSignInAtBefore],
        ['last_sign_in_at', '>', filter.lastSignInAtAfter],
    ];
    for (const [column, op, value] of ranges)
        if (value !== undefined)
            and.push(eb(column, op, value));
    return eb.and(and);
}
const NOT_NULL_ORDERINGS = new Set(['created_at', 'updated_at']);
/**
 * User ids whose search document contains `needle` (case-insensitive) in `column`, or anywhere when
 * null: `everything` holds every column, so `query` is a single indexed test.
 */
function searchSubquery(db, needle, column) {
    const searched = column ?? 'everything';
    const index = {
        trigram: { table: 'user_search_docs', key: 'user_id', columns: [searched] },
        fts5: { docs: 'user_search_docs', key: 'user_id', fts: 'user_search', ftsColumn: column, text: searched },
    };
    return dialectSql(db).keysMatching(db, index, needle);
}
//# sourceMappingURL=user-list-repository.js.map