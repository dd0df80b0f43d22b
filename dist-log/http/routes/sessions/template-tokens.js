import { IdParams } from '../../schemas/common.js';
import { avatarUrl } from '../avatars.js';
import { userImageUrl } from '../images.js';
import { LOGO_PATH_PREFIX } from '../organizations/serialize.js';
import { CreateSessionTokenBody, Token } from './schemas.js';
export function registerTemplateTokenRoute(app, ctx) {
    app.post('/v1/sessions/:session_id/tokens/:template_name', { schema: { params: IdParams('session_id', 'template_name'), body: CreateSessionTokenBody, response: { 200: Token } } }, async (request) => {
        // `iss` and image URLs use the instance's base URL: ROSTER_PUBLIC_URL, or the URL the request came in on.
        const { baseUrl } = ctx.serializeContext(request);
        const { jwt } = await ctx.templateTokens.mint(request.params.session_id, request.params.template_name, {
            expiresInSeconds: request.body.expires_in_seconds,
            issuer: baseUrl,
            userImageUrl: (user) => userImageUrl(baseUrl, user),
            organizationImageUrl: (organization) => organization.imageId
                ? `${baseUrl}${LOGO_PATH_PREFIX}/${encodeURIComponent(organization.imageId)}`
                : avatarUrl(baseUrl, { id: organization.id, first_name: organization.name, last_name: null, username: null }),
        });
        return { object: 'token', jwt };
    });
}
//# sourceMappingURL=template-tokens.js.map