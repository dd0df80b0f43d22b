import type { Executor } from '../database.js';
import type { NewSessionActivityRow, SessionActivityRow } from '../tables/session-activity-tables.js';

/** Records the session's latest activity, replacing the one before. */
export async function upsertSessionActivity(db: Executor, row: NewSessionActivityRow): Promise<void> {
  await db
    .insertInto('session_activities')
    .values(row)
    .onConflict((conflict) => conflict.column('session_id').doUpdateSet({ user_agent: row.user_agent, ip_address: row.ip_address, updated_at: row.updated_at }))
    .execute();
}

export async function listSessionActivities(db: Executor, sessionIds: readonly string[]): Promise<SessionActivityRow[]> {
  if (sessionIds.length === 0) return [];
  return db.selectFrom('session_activities').selectAll().where('session_id', 'in', sessionIds).execute();
}

/** Forgets where sessions that are over (signed out, revoked, expired, or gone) were used from; how many. */
export async function deleteInactiveSessionActivities(db: Executor, nowMs: number): Promise<number> {
  const result = await db
    .deleteFrom('session_activities')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('sessions')
            .select('sessions.id')
            .whereRef('sessions.id', '=', 'session_activities.session_id')
            .where('sessions.status', '=', 'active')
            .where('sessions.expire_at', '>', nowMs),
        ),
      ),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
