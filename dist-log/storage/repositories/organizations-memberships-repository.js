import { userIdsMatching } from './user-list-repository.js';
export async function insertMembership(db, row) {
    await db.insertInto('organization_memberships').values(row).execute();
}
export async function findMembership(db, organizationId, userId) {
    return db
        .selectFrom('organization_memberships')
        .selectAll()
        .where('organization_id', '=', organizationId)
        .where('user_id', '=', userId)
        .executeTakeFirst();
}
export async function updateMembership(db, id, update) {
    return db.updateTable('organization_memberships').set(update).where('id', '=', id).returningAll().executeTakeFirst();
}
export async function deleteMembership(db, id) {
    await db.deleteFrom('organization_memberships').where('id', '=', id).execute();
}
/** Members of the organization holding one of `roles`, leaving out `exceptUserId`. */
export async function countMembersWithRoles(db, organizationId, roles, exceptUserId) {
    if (roles.length === 0)
        return 0;
    let query = db
        .selectFrom('organization_memberships')
        .select((eb) => eb.fn.countAll().as('count'))
        .where('organization_id', '=', organizationId)
        .where('role', 'in', roles);
    if (exceptUserId)
        query = query.where('user_id', '!=', exceptUserId);
    const row = await query.executeTakeFirstOrThrow();
    return Number(row.count);
}
/** Which of these organizations have at least one member holding one of `roles`. */
export async function organizationsWithRoles(db, organizationIds, roles) {
    if (organizationIds.length === 0 || roles.length === 0)
        return new Set();
    const rows = await db
        .selectFrom('organization_memberships')
        .select('organization_id')
        .distinct()
        .where('organization_id', 'in', organizationIds)
        .where('role', 'in', roles)
        .execute();
    return new Set(rows.map((row) => row.organization_id));
}
function filtered(db, filter) {
    let query = db.selectFrom('organization_memberships as m').innerJoin('users as u', 'u.id', 'm.user_id');
    if (filter.organizationId !== undefined)
        query = query.where('m.organization_id', '=', filter.organizationId);
    if (filter.userId !== undefined)
        query = query.where('m.user_id', '=', filter.userId);
    if (filter.roles)
        query = filter.roles.length ? query.where('m.role', 'in', filter.roles) : query.where('m.id', 'is', null);
    if (filter.users)
        query = query.where('m.user_id', 'in', userIdsMatching(db, filter.users));
    return query;
}
export async function listMemberships(db, filter, page) {
    let query = filtered(db, filter).selectAll('m');
    query =
        page.orderBy === 'created_at'
            ? query.orderBy('m.created_at', page.direction)
            : query.orderBy(`u.${page.orderBy}`, (ob) => (page.direction === 'asc' ? ob.asc().nullsLast() : ob.desc().nullsLast()));
    return query.orderBy('m.id', page.direction).limit(page.limit).offset(page.offset).execute();
}
export async function countMemberships(db, filter) {
    const row = await filtered(db, filter)
        .select((eb) => eb.fn.countAll().as('count'))
        .executeTakeFirstOrThrow();
    return Number(row.count);
}
//# sourceMappingURL=organizations-memberships-repository.js.map