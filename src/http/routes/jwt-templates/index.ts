import { createJwtTemplateService } from '../../../jwt-templates/jwt-template-service.js';
import type { ModuleContext } from '../../module-context.js';
import type { RosterApp } from '../../roster-app.js';
import { registerJwtTemplateCrudRoutes } from './jwt-templates.js';

/** Registers the JWT template routes (Backend API: secret key). */
export function registerJwtTemplateRoutes(app: RosterApp, ctx: ModuleContext): void {
  registerJwtTemplateCrudRoutes(app, createJwtTemplateService(ctx.deps));
}
