import type { Executor } from '../database.js';
import type { MembershipRow, NewMembershipRow } from '../tables/organization-tables.js';
import { userIdsMatching, type UserListFilter } from './user-list-repository.js';

export async function insertMembership(db: Executor, row: NewMembershipRow): Promise<void> {
  await db.insertInto('organization_memberships').values(row).execute();
}

export async function findMembership(db: Executor, organizationId: string, userId: string): Promise<MembershipRow | undefined> {
  return db
    .selectFrom('organization_memberships')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export async function findMembershipById(db: Executor, id: string): Promise<MembershipRow | undefined> {
  return db.selectFrom('organization_memberships').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateMembership(db: Executor, id: string, update: Partial<Omit<MembershipRow, 'id'>>): Promise<MembershipRow | undefined> {
  return db.updateTable('organization_memberships').set(update).where('id', '=', id).returningAll().executeTakeFirst();
}

export async function deleteMembership(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('organization_memberships').where('id', '=', id).execute();
}

/** Members of the organization holding one of `roles`, leaving out `exceptUserId`. */
export async function countMembersWithRoles(db: Executor, organizationId: string, roles: readonly string[], exceptUserId?: string): Promise<number> {
  if (roles.length === 0) return 0;
  let query = db
    .selectFrom('organization_memberships')
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .where('organization_id', '=', organizationId)
    .where('role', 'in', roles);
  if (exceptUserId) query = query.where('user_id', '!=', exceptUserId);
  const row = await query.executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Which of these organizations have at least one member holding one of `roles`. */
export async function organizationsWithRoles(db: Executor, organizationIds: readonly string[], roles: readonly string[]): Promise<Set<string>> {
  if (organizationIds.length === 0 || roles.length === 0) return new Set();
  const rows = await db
    .selectFrom('organization_memberships')
    .select('organization_id')
    .distinct()
    .where('organization_id', 'in', organizationIds)
    .where('role', 'in', roles)
    .execute();
  return new Set(rows.map((row) => row.organization_id));
}

/** Memberships to list: of one organization, of one user, or of the whole instance. */
export interface MembershipListFilter {
  organizationId?: string;
  userId?: string;
  /** Filters on the member (the users list's filters). */
  users?: UserListFilter;
  roles?: readonly string[];
}

export type MembershipOrderColumn =
  | 'created_at'
  | 'primary_email_address'
  | 'primary_phone_number'
  | 'first_name'
  | 'last_name'
  | 'username_normalized';

export interface MembershipListPage {
  orderBy: MembershipOrderColumn;
  direction: 'asc' | 'desc';
  limit: number;
  offset: number;
}

function filtered(db: Executor, filter: MembershipListFilter) {
  let query = db.selectFrom('organization_memberships as m').innerJoin('users as u', 'u.id', 'm.user_id');
  if (filter.organizationId !== undefined) query = query.where('m.organization_id', '=', filter.organizationId);
  if (filter.userId !== undefined) query = query.where('m.user_id', '=', filter.userId);
  if (filter.roles) query = filter.roles.length ? query.where('m.role', 'in', filter.roles) : query.where('m.id', 'is', null);
  if (filter.users) query = query.where('m.user_id', 'in', userIdsMatching(db, filter.users));
  return query;
}

export async function listMemberships(db: Executor, filter: MembershipListFilter, page: MembershipListPage): Promise<MembershipRow[]> {
  let query = filtered(db, filter).selectAll('m');
  query =
    page.orderBy === 'created_at'
      ? query.orderBy('m.created_at', page.direction)
      : query.orderBy(`u.${page.orderBy}`, (ob) => (page.direction === 'asc' ? ob.asc().nullsLast() : ob.desc().nullsLast()));
  return query.orderBy('m.id', page.direction).limit(page.limit).offset(page.offset).execute();
}

export async function countMemberships(db: Executor, filter: MembershipListFilter): Promise<number> {
  const row = await filtered(db, filter)
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
