// POST /v1/sessions/{session_id}/tokens/{template_name} — a JWT for an active session from a JWT template:
// its claims rendered with shortcodes, signed with the instance key (JWKS) or the template's own key.
import type { TemplateTokenOptions } from '../../../jwt-templates/template-token.js';
import type { RosterApp } from '../../roster-app.js';
import type { RouteContext } from '../../route-context.js';
import { IdParams } from '../../schemas/common.js';
import { avatarUrl } from '../avatars.js';
import { userImageUrl } from '../images.js';
import { LOGO_PATH_PREFIX } from '../organizations/serialize.js';
import { CreateSessionTokenBody, Token } from './schemas.js';

/** How `{{user.image_url}}` and `{{org.image_url}}` render: the same URLs the Backend API's objects carry. */
export function templateImageUrls(baseUrl: string): Pick<TemplateTokenOptions, 'userImageUrl' | 'organizationImageUrl'> {
  return {
    userImageUrl: (user) => userImageUrl(baseUrl, user),
    organizationImageUrl: (organization) =>
      organization.imageId
        ? `${baseUrl}${LOGO_PATH_PREFIX}/${encodeURIComponent(organization.imageId)}`
        : avatarUrl(baseUrl, { id: organization.id, first_name: organization.name, last_name: null, username: null }),
  };
}

export function registerTemplateTokenRoute(app: RosterApp, ctx: RouteContext): void {
  app.post(
    '/v1/sessions/:session_id/tokens/:template_name',
    { schema: { params: IdParams('session_id', 'template_name'), body: CreateSessionTokenBody, response: { 200: Token } } },
    async (request) => {
      // `iss` and image URLs use the instance's base URL: ROSTER_PUBLIC_URL, or the URL the request came in on.
      const { baseUrl } = ctx.serializeContext(request);
      const { jwt } = await ctx.templateTokens.mint(request.params.session_id, request.params.template_name, {
        expiresInSeconds: request.body.expires_in_seconds,
        issuer: baseUrl,
        ...templateImageUrls(baseUrl),
      });
      return { object: 'token' as const, jwt };
    },
  );
}
