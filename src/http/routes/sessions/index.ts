import type { FastifyInstance } from 'fastify';
import type { RouteContext } from '../../route-context.js';
import { registerSessionRefreshRoutes } from './refresh.js';
import { registerSessionCrudRoutes } from './sessions.js';
import { registerTemplateTokenRoute } from './template-tokens.js';
import { registerSessionTokenRoutes } from './tokens.js';

/** Registers every session route (and the JWKS). */
export function registerSessionRoutes(app: FastifyInstance, ctx: RouteContext): void {
  registerSessionCrudRoutes(app, ctx);
  registerSessionTokenRoutes(app, ctx);
  registerTemplateTokenRoute(app, ctx);
  registerSessionRefreshRoutes(app, ctx);
}
