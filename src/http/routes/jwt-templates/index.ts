import type { RosterApp } from '../../roster-app.js';
import type { RouteContext } from '../../route-context.js';
import { registerJwtTemplateCrudRoutes } from './jwt-templates.js';

/** Registers the JWT template routes (Backend API: secret key). */
export function registerJwtTemplateRoutes(app: RosterApp, ctx: RouteContext): void {
  registerJwtTemplateCrudRoutes(app, ctx.jwtTemplates);
}
