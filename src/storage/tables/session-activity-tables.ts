import type { Insertable, Selectable } from 'kysely';

/**
 * The latest browser a session was used from (`latest_activity` of `/v1/me/sessions/active`): recorded when
 * clerk-js touches the session. One row per session, replaced on each touch.
 */
export interface SessionActivitiesTable {
  session_id: string;
  /** The `User-Agent` header, at most 512 characters; null when the browser sent none. */
  user_agent: string | null;
  ip_address: string | null;
  updated_at: number;
}

export interface SessionActivityTables {
  session_activities: SessionActivitiesTable;
}

export type SessionActivityRow = Selectable<SessionActivitiesTable>;
export type NewSessionActivityRow = Insertable<SessionActivitiesTable>;
