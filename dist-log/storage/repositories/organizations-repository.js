import { sql } from 'kysely';
import { dialectSql } from '../dialects.js';
import { organizationIdsMatching } from './organizations-search.js';
export async function insertOrganization(db, row) {
    await db.insertInto('organizations').values(row).execute();
}
export async function findOrganizationById(db, id) {
    return db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst();
}
/** By id, else by slug (GET /v1/organizations/{id_or_slug}). */
export async function findOrganizationByIdOrSlug(db, idOrSlug) {
    return ((await findOrganizationById(db, idOrSlug)) ??
        db.selectFrom('organizations').selectAll().where('slug', '=', idOrSlug).executeTakeFirst());
}
/** Reads an organization and holds it until commit, so membership limits and metadata merges cannot interleave. */
export async function findOrganizationForUpdate(trx, id) {
    return dialectSql(trx).lockForUpdate(trx.selectFrom('organizations').selectAll().where('id', '=', id)).executeTakeFirst();
}
export async function findOrganizationsByIds(db, ids) {
    if (ids.length === 0)
        return [];
    return db.selectFrom('organizations').selectAll().where('id', 'in', [...new Set(ids)]).execute();
}
export async function updateOrganization(db, id, update) {
    return db.updateTable('organizations').set(update).where('id', '=', id).returningAll().executeTakeFirst();
}
/** Deletes the organization; memberships, invitations and the logo go with it (ON DELETE CASCADE). */
export async function deleteOrganization(db, id) {
    const result = await db.deleteFrom('organizations').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
}
export async function countOrganizationsCreatedBy(db, userId) {
    const row = await db
        .selectFrom('organizations')
        .select((eb) => eb.fn.countAll().as('count'))
        .where('created_by', '=', userId)
        .executeTakeFirstOrThrow();
    return Number(row.count);
}
function whereOrganizations(db, filter) {
    return (eb) => {
        const and = [];
        if (filter.query)
            and.push(eb.or([eb('id', '=', filter.query), eb('id', 'in', organizationIdsMatching(db, filter.query))]));
        const members = (userIds) => db.selectFrom('organization_memberships').select('organization_id').where('user_id', 'in', userIds);
        if (filter.userIds?.include.length)
            and.push(eb('id', 'in', members(filter.userIds.include)));
        if (filter.userIds?.exclude.length)
            and.push(eb('id', 'not in', members(filter.userIds.exclude)));
        if (filter.organizationIds?.include.length)
            and.push(eb('id', 'in', filter.organizationIds.include));
        if (filter.organizationIds?.exclude.length)
            and.push(eb('id', 'not in', filter.organizationIds.exclude));
        return and.length ? eb.and(and) : sql `1 = 1`;
    };
}
export async function listOrganizations(db, filter, page) {
    return db
        .selectFrom('organizations')
        .selectAll()
        .where(whereOrganizations(db, filter))
        .orderBy(page.orderBy, page.direction)
        .orderBy('id', page.direction)
        .limit(page.limit)
        .offset(page.offset)
        .execute();
}
export async function countOrganizations(db, filter) {
    const row = await db
        .selectFrom('organizations')
        .select((eb) => eb.fn.countAll().as('count'))
        .where(whereOrganizations(db, filter))
        .executeTakeFirstOrThrow();
    return Number(row.count);
}
//# sourceMappingURL=organizations-repository.js.map