// POST /v1/sessions/{session_id}/refresh — a new session token for an active session from an (expired) token
// Roster signed for it, for the same origin (`azp`), as the app's middleware asks; 401s send it to the handshake.
// POST /v1/sessions/{session_id}/verify — the session, when the token is a current token of it (deprecated in Clerk).
import { Type } from 'typebox';
import type { RosterApp } from '../../roster-app.js';
import type { RouteContext } from '../../route-context.js';
import { IdParams } from '../../schemas/common.js';
import { Cookies, RefreshSessionBody, RefreshSessionQuery, Session, Token, VerifySessionBody } from './schemas.js';
import { toSessionJSON } from './serialize.js';

const SessionParams = IdParams('session_id');
/** The `__session` cookie lives as long as the handshake sets it for: the token inside expires, the cookie need not. */
const SESSION_COOKIE_MAX_AGE_SECONDS = 10 * 365 * 86_400;

/** `__session` (and its suffixed twin) for the app's site; `Secure` when the page is https. */
function sessionCookies(jwt: string, options: { secure: boolean; suffix: string | null }): string[] {
  const names = options.suffix ? ['__session', `__session_${options.suffix}`] : ['__session'];
  return names.map((name) => `${name}=${jwt}; Path=/; Max-Age=${SESSION_COOKIE_MAX_AGE_SECONDS}; SameSite=Lax${options.secure ? '; Secure' : ''}`);
}

export function registerSessionRefreshRoutes(app: RosterApp, ctx: RouteContext): void {
  app.post(
    '/v1/sessions/:session_id/refresh',
    {
      schema: {
        params: SessionParams,
        querystring: RefreshSessionQuery,
        body: RefreshSessionBody,
        response: { 200: Type.Union([Token, Cookies]) },
      },
    },
    async (request) => {
      const { body } = request;
      const { jwt, origin } = await ctx.sessionRefresh.refresh({
        sessionId: request.params.session_id,
        expiredToken: body.expired_token,
        refreshToken: body.refresh_token,
        requestOrigin: body.request_origin,
        fallbackIssuer: ctx.serializeContext(request).baseUrl,
      });
      if (body.format !== 'cookie') return { object: 'token' as const, jwt };
      const suffix = request.query.suffixed_cookies ? request.server.frontendInstance.cookieSuffix() : null;
      return { object: 'cookies' as const, cookies: sessionCookies(jwt, { secure: origin.startsWith('https:'), suffix }) };
    },
  );

  app.post(
    '/v1/sessions/:session_id/verify',
    {
      schema: {
        operationId: 'VerifySession',
        description: "Clerk's, deprecated (absent from its published spec; `@clerk/backend`'s `verifySession` calls it): the session, when `token` is a current token Roster signed for it and the session is active.",
        params: SessionParams,
        body: VerifySessionBody,
        response: { 200: Session },
      },
    },
    async (request) => toSessionJSON(await ctx.sessionVerification.verify(request.params.session_id, request.body.token)),
  );
}
