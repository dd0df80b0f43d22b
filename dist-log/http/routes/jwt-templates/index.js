import { registerJwtTemplateCrudRoutes } from './jwt-templates.js';
/** Registers the JWT template routes (Backend API: secret key). */
export function registerJwtTemplateRoutes(app, ctx) {
    registerJwtTemplateCrudRoutes(app, ctx.jwtTemplates);
}
//# sourceMappingURL=index.js.map