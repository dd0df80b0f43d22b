// DELETE /v1/users/{user_id}/external_accounts/{external_account_id} — unlinks one of the user's external accounts
// (refused when it is their last way to sign in).
// GET /v1/users/{user_id}/oauth_access_tokens/{provider} — the user's access token at a provider, refreshed first
// when it is about to expire; `{data, total_count}` when paginated=true.
import type { OAuthAccessToken } from '../../../oauth/access-tokens.js';
import type { RosterApp } from '../../roster-app.js';
import type { RouteContext } from '../../route-context.js';
import { ExternalAccountDeleted, ExternalAccountParams, OAuthAccessTokenList, OAuthAccessTokenParams, OAuthAccessTokenQuery, type OAuthAccessTokenJSON } from './schemas.js';
import { toDeletedJSON } from './serialize.js';

/**
 * Clerk's `oauth_access_token`. `expires_at` is in Unix seconds, as OAuth itself counts token lifetimes: the spec
 * says only "Unix timestamp" and @clerk/backend passes the number through unchanged (`expiresAt`).
 */
function toOAuthAccessTokenJSON(token: OAuthAccessToken): OAuthAccessTokenJSON {
  return {
    object: 'oauth_access_token',
    external_account_id: token.externalAccountId,
    provider_user_id: token.providerUserId,
    token: token.token,
    expires_at: token.expiresAtMs === null ? null : Math.floor(token.expiresAtMs / 1000),
    provider: token.provider,
    public_metadata: token.publicMetadata,
    label: token.label,
    scopes: token.scopes,
    ...(token.idToken !== null ? { id_token: token.idToken } : {}),
  };
}

export function registerExternalAccountRoutes(app: RosterApp, ctx: RouteContext): void {
  app.delete(
    '/v1/users/:user_id/external_accounts/:external_account_id',
    { schema: { params: ExternalAccountParams, response: { 200: ExternalAccountDeleted } } },
    async (request) => {
      const { id } = await ctx.externalAccounts.delete(request.params.user_id, request.params.external_account_id);
      return toDeletedJSON('external_account', id);
    },
  );

  app.get(
    '/v1/users/:user_id/oauth_access_tokens/:provider',
    { schema: { params: OAuthAccessTokenParams, querystring: OAuthAccessTokenQuery, response: { 200: OAuthAccessTokenList } } },
    async (request) => {
      const { query } = request;
      const tokens = await ctx.oauthAccessTokens.forUser(request.params.user_id, request.params.provider);
      const offset = query.offset ?? 0;
      const data = tokens.slice(offset, offset + (query.limit ?? tokens.length)).map(toOAuthAccessTokenJSON);
      // The spec shows the bare array; @clerk/backend sends paginated=true and reads { data, total_count }.
      return query.paginated ? { data, total_count: tokens.length } : data;
    },
  );
}
