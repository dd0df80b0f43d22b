// GET /fapi/v1/oauth_providers/{strategy}/logo.svg — Roster extension: the logo of a configured OAuth provider,
// the `logo_url` of its entry in the environment's `user_settings.social`.
import type { FastifyInstance } from 'fastify';
import { errors } from '../../../lib/error-catalog.js';
import { renderProviderLogoSVG } from '../../../oauth/provider-logo.js';
import type { FapiContext } from '../fapi-context.js';
import { FAPI_ROUTE } from '../route-options.js';

/** Where a provider's logo is served, from the Frontend API's public URL (`ctx.instance.url()`). */
export function providerLogoUrl(frontendApiUrl: string, strategy: string): string {
  return `${frontendApiUrl.replace(/\/+$/, '')}/v1/oauth_providers/${encodeURIComponent(strategy)}/logo.svg`;
}

/** The logo changes only when the operator renames the provider: a day fresh, a week more while revalidating. */
const LOGO_CACHE = 'public, max-age=86400, stale-while-revalidate=604800';
/** An SVG is a document: nothing in it may run or load anything, should a browser open it on its own. */
const LOGO_CSP = "default-src 'none'; style-src 'unsafe-inline'";

export function registerOAuthLogoRoutes(app: FastifyInstance, ctx: Pick<FapiContext, 'config'>): void {
  const logos = new Map(ctx.config.oauth.providers.map((provider) => [provider.strategy, renderProviderLogoSVG(provider.strategy, provider.name)]));
  app.get<{ Params: { strategy: string } }>('/fapi/v1/oauth_providers/:strategy/logo.svg', FAPI_ROUTE, async (request, reply) => {
    const svg = logos.get(request.params.strategy);
    if (svg === undefined) throw errors.resourceNotFound();
    return reply
      .header('cache-control', LOGO_CACHE)
      .header('content-security-policy', LOGO_CSP)
      .header('x-content-type-options', 'nosniff')
      // Pages on the app's origin draw it as a CSS background: a cross-origin read of a public image.
      .header('cross-origin-resource-policy', 'cross-origin')
      .type('image/svg+xml')
      .send(svg);
  });
}
