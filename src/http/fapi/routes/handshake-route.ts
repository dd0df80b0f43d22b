import type { FastifyInstance } from 'fastify';
import { errors } from '../../../lib/error-catalog.js';
import { appCookieDomain, type FapiContext } from '../fapi-context.js';
import { FAPI_ROUTE } from '../route-options.js';

type Query = Record<string, string | undefined>;

/**
 * `GET /v1/client/handshake`: a top-level navigation from the middleware, answered with a 307 back to the app
 * carrying the cookies to set (a nonce or a token; in the query in development, in a cookie in production).
 * Only pages of allowed origins may be returned to, so the handshake is never an open redirect.
 */
export function registerHandshakeRoute(app: FastifyInstance, ctx: FapiContext): void {
  app.get<{ Querystring: Query }>('/fapi/v1/client/handshake', FAPI_ROUTE, async (request, reply) => {
    const query = request.query;
    let redirectUrl: URL;
    try {
      redirectUrl = new URL(query.redirect_url ?? '');
    } catch {
      throw errors.paramValueInvalid('redirect_url', 'redirect_url must be the absolute URL of a page of an allowed origin.');
    }
    // An http(s) page of an allowed origin: a blob: or other URL shares its page's origin but is no page to return to.
    if ((redirectUrl.protocol !== 'http:' && redirectUrl.protocol !== 'https:') || !ctx.instance.isAllowedOrigin(redirectUrl.origin)) {
      throw errors.paramValueInvalid('redirect_url', 'redirect_url must be a page of an origin this instance allows (ROSTER_ALLOWED_ORIGINS).');
    }
    const format = query.format ?? 'token';
    if (format !== 'nonce' && format !== 'token') throw errors.paramValueNotAllowed('format', format, ['nonce', 'token']);
    const development = ctx.instance.instanceType === 'development';
    const directives = await ctx.handshake.directives({
      client: request.fapiClient,
      redirectUrl,
      suffixedCookies: query.suffixed_cookies === 'true',
      cookieSuffix: ctx.instance.cookieSuffix(),
      instanceType: ctx.instance.instanceType,
      // Kept only when it is a plain token: it goes into a Set-Cookie directive the middleware writes verbatim.
      devBrowserToken: development && query.__clerk_db_jwt && /^[A-Za-z0-9_.-]{1,512}$/.test(query.__clerk_db_jwt) ? query.__clerk_db_jwt : null,
      issuer: ctx.instance.issuer(),
    });
    const [name, value] =
      format === 'nonce' ? ['__clerk_handshake_nonce', await ctx.handshake.issueNonce(directives)] : ['__clerk_handshake', await ctx.handshake.token(directives)];
    if (development) {
      redirectUrl.searchParams.set(name, value);
    } else {
      reply.setCookie(name, value, { path: '/', maxAge: 60, sameSite: 'lax', secure: redirectUrl.protocol === 'https:', httpOnly: true, ...appCookieDomain(ctx) });
    }
    return reply.code(307).header('location', redirectUrl.href).send();
  });
}
