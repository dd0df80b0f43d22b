import { IdParams } from '../../schemas/common.js';
import { CreateSessionTokenBody, JWKS, Token } from './schemas.js';
export function registerSessionTokenRoutes(app, ctx) {
    app.post('/v1/sessions/:session_id/tokens', { schema: { params: IdParams('session_id'), body: CreateSessionTokenBody, response: { 200: Token } } }, async (request) => {
        const { jwt } = await ctx.sessions.createToken(request.params.session_id, {
            expiresInSeconds: request.body.expires_in_seconds,
            // `iss` is the instance's base URL: ROSTER_PUBLIC_URL, or the URL the request came in on.
            issuer: ctx.serializeContext(request).baseUrl,
        });
        return { object: 'token', jwt };
    });
    app.get('/v1/jwks', { schema: { response: { 200: JWKS } } }, async () => ctx.signingKeys.jwks());
}
//# sourceMappingURL=tokens.js.map