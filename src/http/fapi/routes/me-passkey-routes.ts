// POST /v1/me/passkeys — starts registering a passkey: an unverified one, with the creation options as its nonce.
// POST /v1/me/passkeys/{id}/attempt_verification — the authenticator's attestation: the passkey registered.
// GET/PATCH/DELETE /v1/me/passkeys/{id} — one of the user's passkeys (another user's is not found): read, rename, delete.
import type { FastifyInstance } from 'fastify';
import { errors } from '../../../lib/error-catalog.js';
import { toDeletedJSON } from '../../routes/users/serialize.js';
import { envelope, type FapiContext } from '../fapi-context.js';
import { formFields } from '../form-fields.js';
import { requireMeSession } from '../me-session.js';
import { fapiRelyingParty } from '../relying-party.js';
import { FAPI_ROUTE } from '../route-options.js';
import { toPasskeyJSON } from '../serialize/passkey.js';

type Params = { passkey_id: string };

export function registerMePasskeyRoutes(app: FastifyInstance, ctx: FapiContext): void {
  app.post('/fapi/v1/me/passkeys', FAPI_ROUTE, async (request, reply) => {
    const me = await requireMeSession(ctx, request);
    const { passkey, options } = await ctx.passkeys.startRegistration(me.user.user.id, fapiRelyingParty(ctx));
    return envelope(ctx, request, reply, toPasskeyJSON(passkey, { nonce: JSON.stringify(options) }));
  });

  app.get<{ Params: Params }>('/fapi/v1/me/passkeys/:passkey_id', FAPI_ROUTE, async (request, reply) => {
    const me = await requireMeSession(ctx, request);
    return envelope(ctx, request, reply, toPasskeyJSON(await ctx.passkeys.get(me.user.user.id, request.params.passkey_id)));
  });

  app.patch<{ Params: Params }>('/fapi/v1/me/passkeys/:passkey_id', FAPI_ROUTE, async (request, reply) => {
    const me = await requireMeSession(ctx, request);
    const renamed = await ctx.passkeys.rename(me.user.user.id, request.params.passkey_id, formFields(request.body).string('name'));
    return envelope(ctx, request, reply, toPasskeyJSON(renamed));
  });

  app.delete<{ Params: Params }>('/fapi/v1/me/passkeys/:passkey_id', FAPI_ROUTE, async (request, reply) => {
    const me = await requireMeSession(ctx, request);
    const removed = await ctx.passkeys.remove(me.user.user.id, request.params.passkey_id);
    return envelope(ctx, request, reply, toDeletedJSON('passkey', removed.id));
  });

  app.post<{ Params: Params }>('/fapi/v1/me/passkeys/:passkey_id/attempt_verification', FAPI_ROUTE, async (request, reply) => {
    const me = await requireMeSession(ctx, request);
    const form = formFields(request.body);
    const strategy = form.string('strategy');
    if (strategy !== undefined && strategy !== 'passkey') throw errors.paramValueNotAllowed('strategy', strategy, ['passkey']);
    const passkey = await ctx.passkeys.finishRegistration(me.user.user.id, request.params.passkey_id, form.string('public_key_credential'), fapiRelyingParty(ctx));
    return envelope(ctx, request, reply, toPasskeyJSON(passkey));
  });
}
