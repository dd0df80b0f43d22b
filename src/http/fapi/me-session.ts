import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ClientRow } from '../../storage/tables/client-tables.js';
import type { SessionRow } from '../../storage/tables/session-tables.js';
import type { UserRecord } from '../../users/user-record.js';
import { errors } from '../../lib/error-catalog.js';
import { clientJSON, fapiSerializeContext, requireClient, type FapiContext } from './fapi-context.js';
import { toFapiUserJSON } from './serialize/user.js';

/** Who a `/v1/me…` request acts for: the browser's client, one of its active sessions, and that session's user. */
export interface MeSession {
  client: ClientRow;
  session: SessionRow;
  user: UserRecord;
}

/**
 * The signed-in user of a `/v1/me…` request. clerk-js names the session in `_clerk_session_id` (query); without
 * it, the client's last active session. The session must be an active one of this browser's client: another
 * client's session is a 404, a signed-out one Clerk's 401 `signed_out` (see `requireOwnSession`).
 */
export async function requireMeSession(ctx: FapiContext, request: FastifyRequest): Promise<MeSession> {
  const client = requireClient(request);
  const query = request.query as Record<string, unknown> | undefined;
  const param = query?._clerk_session_id;
  // A session named any other way than one string (repeated, empty) is refused: falling back to the last active
  // session would run the request as another account of this browser in multi-session mode.
  if (param !== undefined && (typeof param !== 'string' || param === '')) throw errors.paramFormatInvalid('_clerk_session_id', '_clerk_session_id must be one session id.');
  const sessionId = (param as string | undefined) ?? client.last_active_session_id;
  if (!sessionId) throw errors.signedOut();
  const session = await ctx.clients.requireOwnSession(client, sessionId);
  const { user } = await ctx.clients.withUser(session);
  return { client, session, user };
}

/** `{ response: <the user>, client }`: what `/v1/me` answers, with the user read after the change. */
export async function meUserEnvelope(ctx: FapiContext, request: FastifyRequest, reply: FastifyReply, me: MeSession) {
  const user = await ctx.users.get(me.user.user.id);
  return { response: toFapiUserJSON(user, fapiSerializeContext(ctx, request)), client: await clientJSON(ctx, request, reply, me.client) };
}
