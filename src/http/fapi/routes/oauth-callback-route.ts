// GET  /v1/oauth_callback — where providers send the browser back: completes the attempt the `state` names and
//                           redirects to the attempt's redirect_url.
// POST /v1/oauth_callback — providers that post their answer (form_post): answered with a 303 to the GET.
import type { FastifyInstance } from 'fastify';
import { setClientCookie, type FapiContext } from '../fapi-context.js';
import { formFields } from '../form-fields.js';
import { oauthCallbackUrl } from '../oauth-params.js';
import { FAPI_ROUTE } from '../route-options.js';

const CALLBACK_PARAMS = ['code', 'state', 'error', 'error_description', 'scope', 'iss'] as const;

export function registerOAuthCallbackRoute(app: FastifyInstance, ctx: FapiContext): void {
  app.get('/fapi/v1/oauth_callback', FAPI_ROUTE, async (request, reply) => {
    const query = new URL(request.url, 'http://callback.invalid').searchParams;
    const { redirectUrl, clientToken } = await ctx.oauthAttempts.callback(query, request.fapiClient?.id ?? null, oauthCallbackUrl(ctx));
    setClientCookie(ctx, reply, clientToken);
    // The page must not be cached, and its URL (with the code) must not leak to the next page as a Referer.
    return reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer').redirect(redirectUrl, 303);
  });

  app.post('/fapi/v1/oauth_callback', { config: { auth: 'public' }, schema: FAPI_ROUTE.schema }, async (request, reply) => {
    const form = formFields(request.body);
    const query = new URLSearchParams();
    for (const name of CALLBACK_PARAMS) {
      const value = form.string(name);
      if (value !== undefined) query.set(name, value);
    }
    return reply.header('cache-control', 'no-store').redirect(`${oauthCallbackUrl(ctx)}?${query.toString()}`, 303);
  });
}
