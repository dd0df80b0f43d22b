import type { FastifyInstance } from 'fastify';
import { createJwtTemplateService } from '../../../jwt-templates/jwt-template-service.js';
import type { ModuleContext } from '../../module-context.js';
import { registerJwtTemplateCrudRoutes } from './jwt-templates.js';

/** Registers the JWT template routes (Backend API: secret key). */
export function registerJwtTemplateRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  registerJwtTemplateCrudRoutes(app, createJwtTemplateService(ctx.deps));
}
