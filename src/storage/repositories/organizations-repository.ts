import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Database, Executor } from '../database.js';
import { dialectSql } from '../dialects.js';
import type { NewOrganizationRow, OrganizationRow, OrganizationUpdate } from '../tables/organization-tables.js';
import { organizationIdsMatching } from './organizations-search.js';
import type { IncludeExclude } from './user-list-repository.js';

export async function insertOrganization(db: Executor, row: NewOrganizationRow): Promise<void> {
  await db.insertInto('organizations').values(row).execute();
}

export async function findOrganizationById(db: Executor, id: string): Promise<OrganizationRow | undefined> {
  return db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst();
}

/** By id, else by slug (GET /v1/organizations/{id_or_slug}). */
export async function findOrganizationByIdOrSlug(db: Executor, idOrSlug: string): Promise<OrganizationRow | undefined> {
  return (
    (await findOrganizationById(db, idOrSlug)) ??
    db.selectFrom('organizations').selectAll().where('slug', '=', idOrSlug).executeTakeFirst()
  );
}

/** Reads an organization and holds it until commit, so membership limits and metadata merges cannot interleave. */
export async function findOrganizationForUpdate(trx: Executor, id: string): Promise<OrganizationRow | undefined> {
  return dialectSql(trx).lockForUpdate(trx.selectFrom('organizations').selectAll().where('id', '=', id)).executeTakeFirst();
}

export async function findOrganizationsByIds(db: Executor, ids: readonly string[]): Promise<OrganizationRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('organizations').selectAll().where('id', 'in', [...new Set(ids)]).execute();
}

export async function updateOrganization(db: Executor, id: string, update: OrganizationUpdate): Promise<OrganizationRow | undefined> {
  return db.updateTable('organizations').set(update).where('id', '=', id).returningAll().executeTakeFirst();
}

/** Deletes the organization; memberships, invitations and the logo go with it (ON DELETE CASCADE). */
export async function deleteOrganization(db: Executor, id: string): Promise<boolean> {
  const result = await db.deleteFrom('organizations').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function countOrganizationsCreatedBy(db: Executor, userId: string): Promise<number> {
  const row = await db
    .selectFrom('organizations')
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .where('created_by', '=', userId)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** What `GET /v1/organizations` filters on, already parsed. */
export interface OrganizationListFilter {
  /** Exact id, or a substring of name or slug. */
  query?: string;
  /** Organizations having (include) or not having (exclude) any of these users as members. */
  userIds?: IncludeExclude;
  organizationIds?: IncludeExclude;
}

export interface OrganizationListPage {
  orderBy: 'created_at' | 'name' | 'members_count';
  direction: 'asc' | 'desc';
  limit: number;
  offset: number;
}

function whereOrganizations(db: Executor, filter: OrganizationListFilter) {
  return (eb: ExpressionBuilder<Database, 'organizations'>): Expression<SqlBool> => {
    const and: Expression<SqlBool>[] = [];
    if (filter.query) and.push(eb.or([eb('id', '=', filter.query), eb('id', 'in', organizationIdsMatching(db, filter.query))]));
    const members = (userIds: readonly string[]) =>
      db.selectFrom('organization_memberships').select('organization_id').where('user_id', 'in', userIds);
    if (filter.userIds?.include.length) and.push(eb('id', 'in', members(filter.userIds.include)));
    if (filter.userIds?.exclude.length) and.push(eb('id', 'not in', members(filter.userIds.exclude)));
    if (filter.organizationIds?.include.length) and.push(eb('id', 'in', filter.organizationIds.include));
    if (filter.organizationIds?.exclude.length) and.push(eb('id', 'not in', filter.organizationIds.exclude));
    return and.length ? eb.and(and) : sql<SqlBool>`1 = 1`;
  };
}

export async function listOrganizations(db: Executor, filter: OrganizationListFilter, page: OrganizationListPage): Promise<OrganizationRow[]> {
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

export async function countOrganizations(db: Executor, filter: OrganizationListFilter): Promise<number> {
  const row = await db
    .selectFrom('organizations')
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .where(whereOrganizations(db, filter))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
