import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Database, Executor } from '../database.js';
import type { InstanceInvitationRow, InstanceInvitationStatus, NewInstanceInvitationRow } from '../tables/invitation-tables.js';

export async function insertInstanceInvitations(db: Executor, rows: readonly NewInstanceInvitationRow[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('invitations').values([...rows]).execute();
}

export async function findInstanceInvitation(db: Executor, id: string): Promise<InstanceInvitationRow | undefined> {
  return db.selectFrom('invitations').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The pending invitations (expired or not) to these addresses: the ones the pending-address index holds. */
export async function findPendingInstanceInvitations(db: Executor, emails: readonly string[]): Promise<InstanceInvitationRow[]> {
  if (emails.length === 0) return [];
  return db.selectFrom('invitations').selectAll().where('email_address', 'in', emails).where('status', '=', 'pending').execute();
}

/** Moves invitations out of `pending` (revoked when replaced, expired when past expiry), freeing their address. */
export async function closePendingInstanceInvitations(db: Executor, ids: readonly string[], nowMs: number): Promise<void> {
  if (ids.length === 0) return;
  const pending = db.updateTable('invitations').where('id', 'in', ids).where('status', '=', 'pending');
  await pending.set({ status: 'expired', updated_at: nowMs }).where('expires_at', '<=', nowMs).execute();
  await pending.set({ status: 'revoked', updated_at: nowMs }).where('expires_at', '>', nowMs).execute();
}

/** Revokes the invitation only if it is still pending (expired or not): succeeds once. */
export async function revokeInstanceInvitation(db: Executor, id: string, nowMs: number): Promise<InstanceInvitationRow | undefined> {
  return db
    .updateTable('invitations')
    .set({ status: 'revoked', updated_at: nowMs })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .returningAll()
    .executeTakeFirst();
}

/** Accepts a pending, unexpired invitation: a conditional update, so one ticket makes one user however many race. */
export async function acceptInstanceInvitation(db: Executor, id: string, nowMs: number): Promise<InstanceInvitationRow | undefined> {
  return db
    .updateTable('invitations')
    .set({ status: 'accepted', updated_at: nowMs })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .where('expires_at', '>', nowMs)
    .returningAll()
    .executeTakeFirst();
}

/** Gives an accepted invitation back (the user could not be made after all). */
export async function reopenInstanceInvitation(db: Executor, id: string, nowMs: number): Promise<void> {
  await db
    .updateTable('invitations')
    .set({ status: 'pending', updated_at: nowMs })
    .where('id', '=', id)
    .where('status', '=', 'accepted')
    .where('accepted_user_id', 'is', null)
    .execute();
}

export async function setInstanceInvitationUser(db: Executor, id: string, userId: string, nowMs: number): Promise<void> {
  await db.updateTable('invitations').set({ accepted_user_id: userId, updated_at: nowMs }).where('id', '=', id).execute();
}

export interface InstanceInvitationFilter {
  status?: InstanceInvitationStatus;
  /** An invitation id, or the start of an email address (lower-cased). */
  query?: { id: string; emailPrefix: string };
}

export interface InstanceInvitationPage {
  orderBy: 'created_at' | 'email_address' | 'expires_at';
  direction: 'asc' | 'desc';
  limit: number;
  offset: number;
}

type Eb = ExpressionBuilder<Database, 'invitations'>;

function whereInvitations(filter: InstanceInvitationFilter, nowMs: number) {
  return (eb: Eb): Expression<SqlBool> => {
    const and: Expression<SqlBool>[] = [];
    const { status, query } = filter;
    if (status === 'pending') and.push(eb.and([eb('status', '=', 'pending'), eb('expires_at', '>', nowMs)]));
    else if (status === 'expired') and.push(eb.or([eb('status', '=', 'expired'), eb.and([eb('status', '=', 'pending'), eb('expires_at', '<=', nowMs)])]));
    else if (status) and.push(eb('status', '=', status));
    // Without a status, Clerk lists every invitation but the revoked ones.
    else and.push(eb('status', '!=', 'revoked'));
    if (query) {
      // A prefix range on the address index (no LIKE, whose escaping and case rules differ by dialect), or the id.
      const { id, emailPrefix } = query;
      and.push(eb.or([eb('id', '=', id), eb.and([eb('email_address', '>=', emailPrefix), eb('email_address', '<', `${emailPrefix}\u{10FFFF}`)])]));
    }
    return and.length ? eb.and(and) : sql<SqlBool>`1 = 1`;
  };
}

export async function listInstanceInvitations(
  db: Executor,
  filter: InstanceInvitationFilter,
  page: InstanceInvitationPage,
  nowMs: number,
): Promise<InstanceInvitationRow[]> {
  return db
    .selectFrom('invitations')
    .selectAll()
    .where(whereInvitations(filter, nowMs))
    .orderBy(page.orderBy, page.direction)
    .orderBy('id', page.direction)
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

export async function countInstanceInvitations(db: Executor, filter: InstanceInvitationFilter, nowMs: number): Promise<number> {
  const row = await db
    .selectFrom('invitations')
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .where(whereInvitations(filter, nowMs))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/**
 * Whether the user came in through an invitation: an instance invitation they signed up with, or an accepted
 * organization invitation to one of their verified email addresses (those record no user; the address is whom
 * they were for, and a verified address has one owner).
 */
export async function hasAcceptedInvitation(db: Executor, userId: string): Promise<boolean> {
  const instance = await db.selectFrom('invitations').select('id').where('accepted_user_id', '=', userId).limit(1).executeTakeFirst();
  if (instance) return true;
  const organization = await db
    .selectFrom('organization_invitations')
    .select('organization_invitations.id')
    .where('organization_invitations.status', '=', 'accepted')
    .where('organization_invitations.email_address', 'in', (eb) =>
      eb
        .selectFrom('identifications')
        .select('identifications.identifier')
        .where('identifications.user_id', '=', userId)
        .where('identifications.type', '=', 'email_address')
        .where('identifications.verified', '=', 1),
    )
    .limit(1)
    .executeTakeFirst();
  return organization !== undefined;
}
