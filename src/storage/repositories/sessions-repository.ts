import type { Executor } from '../database.js';
import type { NewSessionRow, SessionRow, SessionUpdate, StoredSessionStatus } from '../tables/session-tables.js';

/** Statuses a list can ask for: the stored ones, with `active`/`expired` read against the clock. */
export type SessionStatusFilter = StoredSessionStatus | 'abandoned' | 'replaced' | 'pending';

export interface SessionListFilter {
  userId?: string;
  clientId?: string;
  status?: SessionStatusFilter;
}

export interface SessionListPage {
  limit: number;
  offset: number;
}

export async function insertSession(db: Executor, row: NewSessionRow): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

export async function findSessionById(db: Executor, id: string): Promise<SessionRow | undefined> {
  return db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
}

function filtered(db: Executor, filter: SessionListFilter, nowMs: number) {
  let query = db.selectFrom('sessions');
  if (filter.userId !== undefined) query = query.where('user_id', '=', filter.userId);
  if (filter.clientId !== undefined) query = query.where('client_id', '=', filter.clientId);
  const { status } = filter;
  if (status === 'active') {
    query = query.where('status', '=', 'active').where('expire_at', '>', nowMs);
  } else if (status === 'expired') {
    // Stored as expired, or still marked active with its expiry behind it.
    query = query.where((eb) =>
      eb.or([eb('status', '=', 'expired'), eb.and([eb('status', '=', 'active'), eb('expire_at', '<=', nowMs)])]),
    );
  } else if (status !== undefined) {
    query = query.where('status', '=', status as StoredSessionStatus);
  }
  return query;
}

/** Newest first (creation time, then id), as Clerk lists sessions. */
export async function listSessions(db: Executor, filter: SessionListFilter, page: SessionListPage, nowMs: number): Promise<SessionRow[]> {
  return filtered(db, filter, nowMs)
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

export async function countSessions(db: Executor, filter: SessionListFilter, nowMs: number): Promise<number> {
  const row = await filtered(db, filter, nowMs)
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Changes a session only while it is active (stored so, and not past its expiry); undefined otherwise. */
export async function updateActiveSession(db: Executor, id: string, update: SessionUpdate, nowMs: number): Promise<SessionRow | undefined> {
  return db
    .updateTable('sessions')
    .set(update)
    .where('id', '=', id)
    .where('status', '=', 'active')
    .where('expire_at', '>', nowMs)
    .returningAll()
    .executeTakeFirst();
}

/** Moves every active session of these users to `status`; returns how many changed. */
export async function closeActiveSessionsOfUsers(
  db: Executor,
  userIds: readonly string[],
  status: Exclude<StoredSessionStatus, 'active'>,
  nowMs: number,
): Promise<number> {
  if (userIds.length === 0) return 0;
  const result = await db
    .updateTable('sessions')
    .set({ status, updated_at: nowMs })
    .where('user_id', 'in', userIds)
    .where('status', '=', 'active')
    .where('expire_at', '>', nowMs)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** A sign-in: `last_sign_in_at` exactly, `last_active_at` at day precision. */
/** Closes every active session of a user but one (a password change that signs out the user's other sessions). */
export async function closeOtherActiveSessionsOfUser(
  db: Executor,
  userId: string,
  keepSessionId: string,
  status: Exclude<StoredSessionStatus, 'active'>,
  nowMs: number,
): Promise<number> {
  const result = await db
    .updateTable('sessions')
    .set({ status, updated_at: nowMs })
    .where('user_id', '=', userId)
    .where('id', '!=', keepSessionId)
    .where('status', '=', 'active')
    .where('expire_at', '>', nowMs)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function recordUserSignIn(db: Executor, userId: string, nowMs: number, activeDayMs: number): Promise<void> {
  await db.updateTable('users').set({ last_sign_in_at: nowMs, last_active_at: activeDayMs }).where('id', '=', userId).execute();
}

/** Session activity moves the user's `last_active_at` (day precision) forward; a no-op within the same day. */
export async function recordUserActivity(db: Executor, userId: string, activeDayMs: number): Promise<void> {
  await db
    .updateTable('users')
    .set({ last_active_at: activeDayMs })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('last_active_at', 'is', null), eb('last_active_at', '<', activeDayMs)]))
    .execute();
}
