// GET /v1/me/sessions — the signed-in user's active sessions (on every client), as `<UserProfile/>` lists them.
// GET /v1/me/sessions/active — the same, each with its `latest_activity`.
// POST /v1/me/sessions/{session_id}/revoke — signs one of the user's own sessions out (another user's is not found).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SessionRow } from '../../../storage/tables/session-tables.js';
import type { UserRecord } from '../../../users/user-record.js';
import { envelope, fapiSerializeContext, type FapiContext } from '../fapi-context.js';
import { requireMeSession } from '../me-session.js';
import { FAPI_ROUTE } from '../route-options.js';
import { toClientSessionJSON } from '../serialize/client.js';

type Params = { session_id: string };

/**
 * `Client.SessionActivity`. Roster records no device, browser or location of a sign-in yet, so the activity carries
 * only its id and what is known (`is_mobile`, which the spec requires, is false); clerk-js shows "Web browser".
 */
const latestActivityOf = (session: SessionRow) => ({ object: 'session_activity' as const, id: `sess_activity_${session.id.slice('sess_'.length)}`, is_mobile: false });

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
    return sessions.map((session) => ({ ...toJSON(request, me.user, session), latest_activity: latestActivityOf(session) }));
  });

  app.post<{ Params: Params }>('/fapi/v1/me/sessions/:session_id/revoke', FAPI_ROUTE, async (request, reply) => {
    const me = await requireMeSession(ctx, request);
    const revoked = await ctx.accounts.revokeOwnSession(me.user.user.id, request.params.session_id);
    return envelope(ctx, request, reply, toJSON(request, me.user, revoked));
  });
}
