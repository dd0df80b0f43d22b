import type { FastifyInstance, FastifyRequest, onRequestHookHandler, RouteOptions } from 'fastify';
import type { ApiVersion } from '../config/config.js';
import { resolveApiVersion } from './api-version.js';
import { createSecretKeyAuth } from './auth.js';

/**
 * Who may call a route. Declared on the route (`config: { auth }`) and enforced on the route that actually
 * runs, never inferred from the URL text: the router decodes and normalises paths (`/%761/users` is
 * `/v1/users` to it), so a check on the raw target can be walked around.
 * - `secret_key`: the Backend API (`Authorization: Bearer sk_…`). The default: a route that says nothing
 *   needs the key.
 * - `public`: no credentials. Only routes on {@link PUBLIC_ROUTES} may say so.
 * - `frontend`: the Frontend API (browsers): the page's Origin must be allowed, and the client comes from its
 *   cookie (`http/fapi/fapi-context.ts`). Only routes under `/fapi/` may say so.
 */
export type RouteAuth = 'secret_key' | 'public' | 'frontend';

/** Where the Frontend API is mounted: the only place `frontend` routes may live. */
export const FRONTEND_API_PREFIX = '/fapi/';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route; absent means `secret_key`. */
    auth?: RouteAuth;
  }
}

/**
 * The only routes served without credentials: health, images browsers load from `image_url`/`logo_url`
 * (Roster extensions, like Clerk's image CDN), and the API's own description. A route that declares `public` without being listed here
 * stops the server from starting.
 */
export const PUBLIC_ROUTES: readonly { method: 'GET' | 'POST'; url: string }[] = [
  { method: 'GET', url: '/healthz' },
  { method: 'GET', url: '/roster/avatars/:seed' },
  { method: 'GET', url: '/roster/organization-logos/:image_id' },
  { method: 'GET', url: '/roster/images/:image_id' },
  // Roster's OpenAPI document and the page that shows it describe the API; they hold no data.
  { method: 'GET', url: '/v1/openapi.json' },
  { method: 'GET', url: '/roster/docs' },
  { method: 'GET', url: '/roster/docs/swagger-ui.css' },
  { method: 'GET', url: '/roster/docs/swagger-ui-bundle.js' },
  // Clerk's browser bundles (src/http/fapi/bundles.ts): the same public files Clerk's CDN serves to anyone,
  // loaded by <script src> before any client or session exists.
  { method: 'GET', url: '/fapi/npm/@clerk/clerk-js@:version/dist/*' },
  { method: 'GET', url: '/fapi/npm/@clerk/ui@:version/dist/*' },
  // OAuth providers that post their answer (form_post) do so from their own origin: the route reads no cookie
  // and only turns the form into a redirect to the GET callback, where the browser's client is checked.
  { method: 'POST', url: '/fapi/v1/oauth_callback' },
];

function isListedPublic(method: string, url: string): boolean {
  // Fastify adds a HEAD twin for every GET route; it is public exactly when its GET is.
  const asGet = method === 'HEAD' ? 'GET' : method;
  return PUBLIC_ROUTES.some((route) => route.method === asGet && route.url === url);
}

const methodsOf = (route: RouteOptions): string[] => (Array.isArray(route.method) ? route.method : [route.method]);

/** Puts `first` ahead of the route's own onRequest hooks. */
function prependOnRequest(route: RouteOptions, first: onRequestHookHandler): void {
  const own = route.onRequest === undefined ? [] : Array.isArray(route.onRequest) ? route.onRequest : [route.onRequest];
  // A HEAD twin may arrive with its GET's hooks already in place.
  route.onRequest = [first, ...own.filter((hook) => hook !== first)];
}

export interface RouteAuthOptions {
  secretKeys: readonly string[];
  defaultApiVersion: ApiVersion;
}

/**
 * Installs the rule on every route registered after this call (an `onRoute` hook, so a route added later
 * cannot be forgotten): secret-key routes authenticate, then resolve the API version, before anything
 * else of theirs runs (before the body is even read). Call before registering any route.
 */
export function installRouteAuth(app: FastifyInstance, options: RouteAuthOptions): {
  /** Authenticates a request that matched no route, so unknown paths reveal nothing without a key. */
  authenticateUnrouted(request: FastifyRequest): Promise<void>;
  /** The Frontend API's check, set once its services exist (before the server listens). */
  setFrontendAuth(hook: onRequestHookHandler): void;
} {
  const authenticate = createSecretKeyAuth(options.secretKeys);
  const secretKeyHook: onRequestHookHandler = async (request) => {
    await authenticate(request);
    request.apiVersion = resolveApiVersion(request, options.defaultApiVersion);
  };

  let frontendAuth: onRequestHookHandler | undefined;
  const frontendHook: onRequestHookHandler = async function (request, reply) {
    if (!frontendAuth) throw new Error('installRouteAuth: the Frontend API check was never set');
    await frontendAuth.call(this, request, reply, () => undefined);
  };

  app.addHook('onRoute', (route) => {
    const auth: RouteAuth = route.config?.auth ?? 'secret_key';
    if (auth === 'frontend') {
      if (!route.url.startsWith(FRONTEND_API_PREFIX)) throw new Error(`${route.url} declares auth: 'frontend' outside ${FRONTEND_API_PREFIX}`);
      prependOnRequest(route, frontendHook);
      return;
    }
    if (auth === 'public') {
      const unlisted = methodsOf(route).find((method) => !isListedPublic(method, route.url));
      if (unlisted) throw new Error(`${unlisted} ${route.url} declares auth: 'public' but is not in PUBLIC_ROUTES (src/http/route-auth.ts)`);
      return;
    }
    if (auth !== 'secret_key') throw new Error(`${route.url}: unknown auth ${String(auth)}`);
    prependOnRequest(route, secretKeyHook);
  });

  return {
    // The Frontend API's unknown paths are the browser's 404s: they need no secret key (and reveal no route).
    authenticateUnrouted: async (request) => {
      if ((request.raw.url ?? '').startsWith(FRONTEND_API_PREFIX)) return;
      await authenticate(request);
    },
    setFrontendAuth: (hook) => {
      frontendAuth = hook;
    },
  };
}
