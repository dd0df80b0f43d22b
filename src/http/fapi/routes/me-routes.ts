import type { FastifyInstance } from 'fastify';
import { meUserEnvelope, requireMeSession } from '../me-session.js';
import type { FapiContext } from '../fapi-context.js';
import { FAPI_ROUTE } from '../route-options.js';
import { registerMeAccountRoutes } from './me-account-routes.js';
import { registerMeEmailRoutes } from './me-email-routes.js';
import { registerMeExternalAccountRoutes } from './me-external-account-routes.js';
import { registerMePasskeyRoutes } from './me-passkey-routes.js';
import { registerMeProfileImageRoutes } from './me-profile-image-routes.js';
import { registerMeSessionRoutes } from './me-session-routes.js';

/** `/v1/me`: the signed-in user, as `<UserProfile/>` reads and changes it. */
export async function registerMeRoutes(app: FastifyInstance, ctx: FapiContext): Promise<void> {
  app.get('/fapi/v1/me', FAPI_ROUTE, async (request, reply) => meUserEnvelope(ctx, request, reply, await requireMeSession(ctx, request)));
  registerMeAccountRoutes(app, ctx);
  registerMeEmailRoutes(app, ctx);
  registerMeExternalAccountRoutes(app, ctx);
  registerMeSessionRoutes(app, ctx);
  registerMePasskeyRoutes(app, ctx);
  await registerMeProfileImageRoutes(app, ctx, { bodyLimitInBytes: ctx.config.bodyLimitInBytes });
}
