import type { Executor } from '../database.js';
import type { NewSignInTicketRow, SignInTicketKind, SignInTicketRow, SignInTicketStatus } from '../tables/ticket-tables.js';

export async function insertSignInTicket(db: Executor, row: NewSignInTicketRow): Promise<void> {
  await db.insertInto('sign_in_tickets').values(row).execute();
}

export async function findSignInTicket(db: Executor, kind: SignInTicketKind, id: string): Promise<SignInTicketRow | undefined> {
  return db.selectFrom('sign_in_tickets').selectAll().where('id', '=', id).where('kind', '=', kind).executeTakeFirst();
}

export async function findSignInTicketByDigest(db: Executor, tokenDigest: string): Promise<SignInTicketRow | undefined> {
  return db.selectFrom('sign_in_tickets').selectAll().where('token_digest', '=', tokenDigest).executeTakeFirst();
}

/**
 * Moves a pending ticket to `status` in one conditional UPDATE: it holds only while the ticket is pending (and,
 * when redeeming, unexpired), so of concurrent redemptions or revocations on any number of nodes exactly one
 * succeeds. The ticket as changed, or undefined when it was no longer pending.
 */
export async function settlePendingSignInTicket(
  db: Executor,
  id: string,
  status: Exclude<SignInTicketStatus, 'pending'>,
  nowMs: number,
  options: { unexpired: boolean },
): Promise<SignInTicketRow | undefined> {
  let query = db.updateTable('sign_in_tickets').set({ status, updated_at: nowMs }).where('id', '=', id).where('status', '=', 'pending');
  if (options.unexpired) query = query.where('expire_at', '>', nowMs);
  return query.returningAll().executeTakeFirst();
}
