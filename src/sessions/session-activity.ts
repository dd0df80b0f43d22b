import type { ServiceDeps } from '../domain/service-deps.js';
import { deleteInactiveSessionActivities, listSessionActivities, upsertSessionActivity } from '../storage/repositories/session-activity-repository.js';
import { parseUserAgent, type BrowserInfo } from './user-agent.js';

/** How much of a User-Agent header is kept (real ones are a few hundred characters). */
const USER_AGENT_MAX_LENGTH = 512;

/** The browser a session was last used from, and when. */
export interface SessionActivity extends BrowserInfo {
  ipAddress: string | null;
  atMs: number;
}

/** Where each session was last used from: recorded when clerk-js touches a session, listed in `<UserProfile/>`. */
export function createSessionActivity(deps: Pick<ServiceDeps, 'database' | 'clock'>) {
  const { database, clock } = deps;
  const { db } = database;
  return {
    async record(sessionId: string, seen: { userAgent: string | undefined; ipAddress: string | undefined }): Promise<void> {
      await upsertSessionActivity(db, {
        session_id: sessionId,
        user_agent: seen.userAgent ? seen.userAgent.slice(0, USER_AGENT_MAX_LENGTH) : null,
        ip_address: seen.ipAddress ?? null,
        updated_at: clock.nowMs(),
      });
    },

    /** Forgets the browsers and addresses of sessions that are over; how many. */
    async purgeInactive(): Promise<number> {
      return deleteInactiveSessionActivities(db, clock.nowMs());
    },

    /** The latest activity of each of the sessions that has one. */
    async latestOf(sessionIds: readonly string[]): Promise<Map<string, SessionActivity>> {
      const rows = await listSessionActivities(db, sessionIds);
      return new Map(rows.map((row) => [row.session_id, { ...parseUserAgent(row.user_agent), ipAddress: row.ip_address, atMs: Number(row.updated_at) }]));
    },
  };
}

export type SessionActivityService = ReturnType<typeof createSessionActivity>;
