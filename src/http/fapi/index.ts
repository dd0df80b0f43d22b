import type { FastifyInstance } from 'fastify';
import { frontendEnvironment } from '../../frontend/environment.js';
import { createFrontendAuth, type FapiContext } from './fapi-context.js';
import { toEnvironmentJSON } from './serialize/environment.js';
import { FAPI_ROUTE } from './route-options.js';
import { registerClientRoutes } from './routes/client-routes.js';
import { registerHandshakeRoute } from './routes/handshake-route.js';
import { registerOAuthCallbackRoute } from './routes/oauth-callback-route.js';
import { registerMeRoutes } from './routes/me-routes.js';
import { registerMeMFARoutes } from './routes/me-mfa-routes.js';
import { registerMePhoneRoutes } from './routes/me-phone-routes.js';
import { providerLogoUrl, registerOAuthLogoRoutes } from './routes/oauth-logo-routes.js';
import { registerSessionRoutes } from './routes/session-routes.js';
import { registerSignInRoutes } from './routes/sign-in-routes.js';
import { registerSignUpRoutes } from './routes/sign-up-routes.js';

export type { FapiContext };

/**
 * Clerk's Frontend API under `/fapi` (what clerk-js's `proxyUrl` points at). Every route declares the
 * `frontend` auth; `setFrontendAuth` receives the check they run.
 */
export async function registerFrontendApi(
  app: FastifyInstance,
  ctx: FapiContext,
  setFrontendAuth: (hook: ReturnType<typeof createFrontendAuth>) => void,
): Promise<void> {
  setFrontendAuth(createFrontendAuth(ctx));
  // CORS preflight (uploads with non-simple content types): answered for allowed origins only, by the same check.
  app.options('/fapi/*', FAPI_ROUTE, async (_request, reply) =>
    reply
      .code(204)
      .header('access-control-allow-methods', 'GET, POST, PUT, PATCH, DELETE')
      .header('access-control-allow-headers', 'Content-Type, Authorization')
      .header('access-control-max-age', '600')
      .send(),
  );
  // Development clients PATCH it with their origin, production clients GET it: the same settings either way.
  // Sign-in by email code (and forgot password) is served, so the environment offers it; so are `DELETE /v1/me` and second factors.
  // Built on first request: the logo URLs name the Frontend API's public URL, known only once the server listens.
  const settings = frontendEnvironment(ctx.config, { instanceType: ctx.instance.instanceType, features: { emailCodeSignIn: true, deleteSelf: true, secondFactors: true, passkeys: true } });
  let environment: ReturnType<typeof toEnvironmentJSON> | undefined;
  const environmentJSON = () => (environment ??= toEnvironmentJSON(settings, { providerLogoUrl: (strategy) => providerLogoUrl(ctx.instance.url(), strategy) }));
  app.get('/fapi/v1/environment', FAPI_ROUTE, async () => environmentJSON());
  app.patch('/fapi/v1/environment', FAPI_ROUTE, async () => environmentJSON());
  registerOAuthLogoRoutes(app, ctx);
  registerClientRoutes(app, ctx);
  registerSignInRoutes(app, ctx);
  registerSignUpRoutes(app, ctx);
  registerSessionRoutes(app, ctx);
  registerHandshakeRoute(app, ctx);
  registerOAuthCallbackRoute(app, ctx);
  await registerMeRoutes(app, ctx);
  registerMePhoneRoutes(app, ctx);
  registerMeMFARoutes(app, ctx);
}
