import type { FastifyInstance } from 'fastify';
import { meUserEnvelope, requireMeSession } from '../me-session.js';
import type { FapiContext } from '../fapi-context.js';
import { FAPI_ROUTE } from '../route-options.js';

/** `/v1/me`: the signed-in user, as `<UserProfile/>` reads it. */
export function registerMeRoutes(app: FastifyInstance, ctx: FapiContext): void {
  app.get('/fapi/v1/me', FAPI_ROUTE, async (request, reply) => meUserEnvelope(ctx, request, reply, await requireMeSession(ctx, request)));
}
