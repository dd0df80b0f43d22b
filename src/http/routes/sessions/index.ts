import type { FastifyInstance } from 'fastify';
import { createTemplateTokenMinter } from '../../../jwt-templates/template-token.js';
import { createSessionService } from '../../../sessions/session-service.js';
import { createSigningKeyStore } from '../../../sessions/signing-keys.js';
import type { ModuleContext } from '../../module-context.js';
import { registerSessionCrudRoutes } from './sessions.js';
import { registerTemplateTokenRoute } from './template-tokens.js';
import { registerSessionTokenRoutes } from './tokens.js';

/** Registers every session route (and the JWKS); makes sure a signing key exists before serving. */
export async function registerSessionRoutes(app: FastifyInstance, ctx: ModuleContext): Promise<void> {
  const { deps } = ctx;
  const signingKeys = createSigningKeyStore({ database: deps.database, clock: deps.clock, secretBox: deps.secretBox, config: deps.config.sessions });
  await signingKeys.ensureKey();
  const sessions = createSessionService({ ...deps, signingKeys });
  registerSessionCrudRoutes(app, sessions);
  // `iss` is the instance's base URL: ROSTER_PUBLIC_URL, or the URL the request came in on.
  registerSessionTokenRoutes(app, sessions, signingKeys, (request) => ctx.serializeContext(request).baseUrl);
  registerTemplateTokenRoute(app, ctx, createTemplateTokenMinter({ ...deps, sessions, signingKeys }));
}
