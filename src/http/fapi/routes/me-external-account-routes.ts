// POST   /v1/me/external_accounts      — "connect an account" from <UserProfile/>: a pending external account whose
//                                       verification holds the provider's URL; the provider's callback verifies it.
// DELETE /v1/me/external_accounts/{id} — unlinks one of the user's accounts (never their last way to sign in).
import type { FastifyInstance } from 'fastify';
import { errors } from '../../../lib/error-catalog.js';
import { toExternalAccountRecord } from '../../../oauth/external-accounts.js';
import { toExternalAccountJSON } from '../../routes/users/external-account-json.js';
import { toDeletedJSON } from '../../routes/users/serialize.js';
import { envelope, type FapiContext } from '../fapi-context.js';
import { formFields } from '../form-fields.js';
import { requireMeSession } from '../me-session.js';
import { isOAuthStrategy, oauthStartRequest } from '../oauth-params.js';
import { FAPI_ROUTE } from '../route-options.js';

type Params = { external_account_id: string };

export function registerMeExternalAccountRoutes(app: FastifyInstance, ctx: FapiContext): void {
  app.post('/fapi/v1/me/external_accounts', FAPI_ROUTE, async (request, reply) => {
    const me = await requireMeSession(ctx, request);
    const form = formFields(request.body);
    const strategy = form.string('strategy');
    if (!strategy) throw errors.paramMissing('strategy');
    if (!isOAuthStrategy(strategy)) throw errors.paramFormatInvalid('strategy', 'strategy must be oauth_<provider>.');
    const row = await ctx.oauthAttempts.connect(me.user.user.id, me.client.id, oauthStartRequest(ctx, form, strategy));
    return envelope(ctx, request, reply, toExternalAccountJSON(toExternalAccountRecord(row)));
  });

  app.delete<{ Params: Params }>('/fapi/v1/me/external_accounts/:external_account_id', FAPI_ROUTE, async (request, reply) => {
    const me = await requireMeSession(ctx, request);
    const { id } = await ctx.externalAccounts.delete(me.user.user.id, request.params.external_account_id);
    return envelope(ctx, request, reply, toDeletedJSON('external_account', id));
  });
}
