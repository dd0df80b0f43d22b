import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Database, Executor } from '../database.js';
import type { InvitationRow, NewInvitationRow, OrganizationInvitationStatus } from '../tables/organization-tables.js';
import { invitationIdsMatching } from './organizations-search.js';

export async function insertInvitations(db: Executor, rows: readonly NewInvitationRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insertInto('organization_invitations').values([...rows]).execute();
}

export async function findInvitation(db: Executor, organizationId: string, invitationId: string): Promise<InvitationRow | undefined> {
  return db
    .selectFrom('organization_invitations')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', invitationId)
    .executeTakeFirst();
}

/** Whether a user holding this verified email address is a member of the organization. */
export async function isMemberByEmail(db: Executor, organizationId: string, email: string): Promise<boolean> {
  const member = await db
    .selectFrom('identifications')
    .innerJoin('organization_memberships', 'organization_memberships.user_id', 'identifications.user_id')
    .select('identifications.user_id')
    .where('identifications.type', '=', 'email_address')
    .where('identifications.identifier', '=', email)
    .where('identifications.verified', '=', 1)
    .where('organization_memberships.organization_id', '=', organizationId)
    .executeTakeFirst();
  return member !== undefined;
}

/**
 * Stores `expired` on pending invitations past their expiry for these addresses, so a new invitation
 * for the same address no longer collides with them in the one-pending-invitation index.
 */
export async function expirePendingInvitations(db: Executor, organizationId: string, emails: readonly string[], nowMs: number): Promise<void> {
  if (emails.length === 0) return;
  await db
    .updateTable('organization_invitations')
    .set({ status: 'expired', updated_at: nowMs })
    .where('organization_id', '=', organizationId)
    .where('email_address', 'in', emails)
    .where('status', '=', 'pending')
    .where('expires_at', '<=', nowMs)
    .execute();
}

/** Revokes the invitation only if it is still pending (a conditional update: it succeeds once). */
export async function revokePendingInvitation(db: Executor, invitationId: string, nowMs: number): Promise<InvitationRow | undefined> {
  return db
    .updateTable('organization_invitations')
    .set({ status: 'revoked', updated_at: nowMs })
    .where('id', '=', invitationId)
    .where('status', '=', 'pending')
    .where('expires_at', '>', nowMs)
    .returningAll()
    .executeTakeFirst();
}

export interface InvitationListFilter {
  organizationId?: string;
  statuses?: readonly OrganizationInvitationStatus[];
  /** Exact (normalised) addresses. */
  emailAddresses?: readonly string[];
  /** Invitations to any verified email address of this user. */
  userId?: string;
  /** Substring of the address. */
  query?: string;
}

export interface InvitationListPage {
  orderBy: 'created_at' | 'email_address';
  direction: 'asc' | 'desc';
  limit: number;
  offset: number;
}

type Eb = ExpressionBuilder<Database, 'organization_invitations'>;

/** A stored `pending` past `expires_at` reads as `expired`. */
function statusIs(eb: Eb, status: OrganizationInvitationStatus, nowMs: number): Expression<SqlBool> {
  if (status === 'pending') return eb.and([eb('status', '=', 'pending'), eb('expires_at', '>', nowMs)]);
  if (status === 'expired') return eb.or([eb('status', '=', 'expired'), eb.and([eb('status', '=', 'pending'), eb('expires_at', '<=', nowMs)])]);
  return eb('status', '=', status);
}

function whereInvitations(db: Executor, filter: InvitationListFilter, nowMs: number) {
  return (eb: Eb): Expression<SqlBool> => {
    const and: Expression<SqlBool>[] = [];
    if (filter.organizationId !== undefined) and.push(eb('organization_id', '=', filter.organizationId));
    if (filter.statuses) and.push(filter.statuses.length ? eb.or(filter.statuses.map((status) => statusIs(eb, status, nowMs))) : sql<SqlBool>`1 = 0`);
    if (filter.emailAddresses) and.push(filter.emailAddresses.length ? eb('email_address', 'in', filter.emailAddresses) : sql<SqlBool>`1 = 0`);
    if (filter.userId !== undefined) {
      and.push(
        eb(
          'email_address',
          'in',
          eb
            .selectFrom('identifications')
            .select('identifications.identifier')
            .where('identifications.user_id', '=', filter.userId)
            .where('identifications.type', '=', 'email_address')
            .where('identifications.verified', '=', 1),
        ),
      );
    }
    if (filter.query) and.push(eb('id', 'in', invitationIdsMatching(db, filter.query)));
    return and.length ? eb.and(and) : sql<SqlBool>`1 = 1`;
  };
}

export async function listInvitations(db: Executor, filter: InvitationListFilter, page: InvitationListPage, nowMs: number): Promise<InvitationRow[]> {
  return db
    .selectFrom('organization_invitations')
    .selectAll()
    .where(whereInvitations(db, filter, nowMs))
    .orderBy(page.orderBy, page.direction)
    .orderBy('id', page.direction)
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

export async function countInvitations(db: Executor, filter: InvitationListFilter, nowMs: number): Promise<number> {
  const row = await db
    .selectFrom('organization_invitations')
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .where(whereInvitations(db, filter, nowMs))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Pending (unexpired) invitations per organization. */
export async function pendingInvitationCounts(db: Executor, organizationIds: readonly string[], nowMs: number): Promise<Map<string, number>> {
  if (organizationIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('organization_invitations')
    .select((eb) => ['organization_id', eb.fn.countAll<number | string>().as('count')])
    .where('organization_id', 'in', organizationIds)
    .where('status', '=', 'pending')
    .where('expires_at', '>', nowMs)
    .groupBy('organization_id')
    .execute();
  return new Map(rows.map((row) => [row.organization_id, Number(row.count)]));
}

export async function findInvitationById(db: Executor, invitationId: string): Promise<InvitationRow | undefined> {
  return db.selectFrom('organization_invitations').selectAll().where('id', '=', invitationId).executeTakeFirst();
}

/** Accepts a pending, unexpired invitation: a conditional update, so it succeeds once. */
export async function acceptPendingInvitation(db: Executor, invitationId: string, nowMs: number): Promise<InvitationRow | undefined> {
  return db
    .updateTable('organization_invitations')
    .set({ status: 'accepted', updated_at: nowMs })
    .where('id', '=', invitationId)
    .where('status', '=', 'pending')
    .where('expires_at', '>', nowMs)
    .returningAll()
    .executeTakeFirst();
}

/** Gives an accepted invitation back to `pending` (the user it was accepted for could not be made). */
export async function reopenAcceptedInvitation(db: Executor, invitationId: string, nowMs: number): Promise<void> {
  await db
    .updateTable('organization_invitations')
    .set({ status: 'pending', updated_at: nowMs })
    .where('id', '=', invitationId)
    .where('status', '=', 'accepted')
    .execute();
}
