import { resolveApiVersion } from './api-version.js';
import { createSecretKeyAuth } from './auth.js';
/**
 * The only routes served without credentials: health, images browsers load from `image_url`/`logo_url`
 * (Roster extensions, like Clerk's image CDN), and the API's own description. A route that declares `public` without being listed here
 * stops the server from starting.
 */
export const PUBLIC_ROUTES = [
    { method: 'GET', url: '/healthz' },
    { method: 'GET', url: '/roster/avatars/:seed' },
    { method: 'GET', url: '/roster/organization-logos/:image_id' },
    { method: 'GET', url: '/roster/images/:image_id' },
    // Roster's OpenAPI document and the page that shows it describe the API; they hold no data.
    { method: 'GET', url: '/v1/openapi.json' },
    { method: 'GET', url: '/roster/docs' },
    { method: 'GET', url: '/roster/docs/swagger-ui.css' },
    { method: 'GET', url: '/roster/docs/swagger-ui-bundle.js' },
];
function isListedPublic(method, url) {
    // Fastify adds a HEAD twin for every GET route; it is public exactly when its GET is.
    const asGet = method === 'HEAD' ? 'GET' : method;
    return PUBLIC_ROUTES.some((route) => route.method === asGet && route.url === url);
}
const methodsOf = (route) => (Array.isArray(route.method) ? route.method : [route.method]);
/** Puts `first` ahead of the route's own onRequest hooks. */
function prependOnRequest(route, first) {
    const own = route.onRequest === undefined ? [] : Array.isArray(route.onRequest) ? route.onRequest : [route.onRequest];
    // A HEAD twin may arrive with its GET's hooks already in place.
    route.onRequest = [first, ...own.filter((hook) => hook !== first)];
}
/**
 * Installs the rule on every route registered after this call (an `onRoute` hook, so a route added later
 * cannot be forgotten): secret-key routes authenticate, then resolve the API version, before anything
 * else of theirs runs (before the body is even read). Call before registering any route.
 */
export function installRouteAuth(app, options) {
    const authenticate = createSecretKeyAuth(options.secretKeys);
    const secretKeyHook = async (request) => {
        await authenticate(request);
        request.apiVersion = resolveApiVersion(request, options.defaultApiVersion);
    };
    app.addHook('onRoute', (route) => {
        const auth = route.config?.auth ?? 'secret_key';
        if (auth === 'public') {
            const unlisted = methodsOf(route).find((method) => !isListedPublic(method, route.url));
            if (unlisted)
                throw new Error(`${unlisted} ${route.url} declares auth: 'public' but is not in PUBLIC_ROUTES (src/http/route-auth.ts)`);
            return;
        }
        if (auth !== 'secret_key')
            throw new Error(`${route.url}: unknown auth ${String(auth)}`);
        prependOnRequest(route, secretKeyHook);
    });
    return { authenticateUnrouted: authenticate };
}
//# sourceMappingURL=route-auth.js.map