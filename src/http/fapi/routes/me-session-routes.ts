// GET /v1/me/sessions — the signed-in user's active sessions (on every client), as `<UserProfile/>` lists them.
// GET /v1/me/sessions/active — the same, each with its `latest_activity` (the browser it was last used from).
// POST /v1/me/sessions/{session_id}/revoke — signs one of the user's own sessions out (another user's is not found).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SessionActivity } from '../../../sessions/session-activity.js';
import type { SessionRow } from '../../../storage/tables/session-tables.js';
import type { UserRecord } from '../../../users/user-record.js';
import { envelope, fapiSerializeContext, type FapiContext } from '../fapi-context.js';
import { requireMeSession } from '../me-session.js';
import { FAPI_ROUTE } from '../route-options.js';
import { toClientSessionJSON } from '../serialize/client.js';

type Params = { session_id: string };

/**
 * `Client.SessionActivity`: the browser the session was last used from (recorded when clerk-js touches it). Roster
 * has no location database, so there is no city or country; a session never touched shows only its id.
 */
function latestActivityJSON(session: SessionRow, activity: SessionActivity | undefined) {
  const json: Record<string, unknown> = { object: 'session_activity', id: `sess_activity_${session.id.slice('sess_'.length)}`, is_mobile: activity?.isMobile ?? false };
  if (activity?.browserName) json.browser_name = activity.browserName;
  if (activity?.browserVersion) json.browser_version = activity.browserVersion;
  if (activity?.deviceType) json.device_type = activity.deviceType;
  if (activity?.ipAddress) json.ip_address = activity.ipAddress;
  return json;
}

export function registerMeSessionRoutes(app: FastifyInstance, ctx: FapiContext): void {
  const toJSON = (request: FastifyRequest, user: UserRecord, session: SessionRow) =>
    toClientSessionJSON({ session, user }, fapiSerializeContext(ctx, request), null);

  app.get('/fapi/v1/me/sessions', FAPI_ROUTE, async (request) => {
    const me = await requireMeSession(ctx, request);
    const sessions = await ctx.accounts.activeSessions(me.user.user.id);
    return sessions.map((session) => toJSON(request, me.user, session));
  });

  app.get('/fapi/v1/me/sessions/active', FAPI_ROUTE, async (request) => {
    const me = await requireMeSession(ctx, request);
    const sessions = await ctx.accounts.activeSessions(me.user.user.id);
    const activities = await ctx.sessionActivity.latestOf(sessions.map((session) => session.id));
    return sessions.map((session) => ({ ...toJSON(request, me.user, session), latest_activity: latestActivityJSON(session, activities.get(session.id)) }));
  });

  app.post<{ Params: Params }>('/fapi/v1/me/sessions/:session_id/revoke', FAPI_ROUTE, async (request, reply) => {
    const me = await requireMeSession(ctx, request);
    const revoked = await ctx.accounts.revokeOwnSession(me.user.user.id, request.params.session_id);
    return envelope(ctx, request, reply, toJSON(request, me.user, revoked));
  });
}
