import { registerSessionCrudRoutes } from './sessions.js';
import { registerTemplateTokenRoute } from './template-tokens.js';
import { registerSessionTokenRoutes } from './tokens.js';
/** Registers every session route (and the JWKS). */
export function registerSessionRoutes(app, ctx) {
    registerSessionCrudRoutes(app, ctx);
    registerSessionTokenRoutes(app, ctx);
    registerTemplateTokenRoute(app, ctx);
}
//# sourceMappingURL=index.js.map