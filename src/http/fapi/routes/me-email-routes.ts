// GET/POST /v1/me/email_addresses — the signed-in user's email addresses; a new one starts unverified.
// GET/DELETE /v1/me/email_addresses/{id} — one of them (another user's is not found).
// POST /v1/me/email_addresses/{id}/prepare_verification — emails a code (`email_code`) to an unverified address.
// POST /v1/me/email_addresses/{id}/attempt_verification — the code: single use, bounded guesses, then verified.
import type { FastifyInstance } from 'fastify';
import { errors } from '../../../lib/error-catalog.js';
import { normalizeEmailAddress } from '../../../users/identifiers.js';
import { toDeletedJSON, toEmailAddressJSON } from '../../routes/users/serialize.js';
import { envelope, type FapiContext } from '../fapi-context.js';
import { formFields } from '../form-fields.js';
import { requireMeSession } from '../me-session.js';
import { FAPI_ROUTE } from '../route-options.js';
import { toMeEmailAddressJSON } from '../serialize/email-address.js';

type Params = { email_id: string };

/** The verification strategies an address of Roster's can be prepared with. */
const STRATEGIES = ['email_code'];

export function registerMeEmailRoutes(app: FastifyInstance, ctx: FapiContext): void {
  app.get('/fapi/v1/me/email_addresses', FAPI_ROUTE, async (request) => {
    const me = await requireMeSession(ctx, request);
    const user = await ctx.users.get(me.user.user.id);
    return user.identifications.filter((item) => item.type === 'email_address').map(toEmailAddressJSON);
  });

  app.post('/fapi/v1/me/email_addresses', FAPI_ROUTE, async (request, reply) => {
    const me = await requireMeSession(ctx, request);
    const emailAddress = formFields(request.body).string('email_address');
    if (!emailAddress) throw errors.paramMissing('email_address');
    // A blocklisted address is refused here too: verified, it would lock the whole account out at the next sign-in.
    const normalized = normalizeEmailAddress(emailAddress);
    if (normalized) await ctx.identifierLists.assertNotBlocked('email_address', normalized);
    // Unverified until its code comes back; another user's verified address is `form_identifier_exists`.
    const created = await ctx.identifications.create(
      'email_address',
      { userId: me.user.user.id, value: emailAddress, verified: false },
      { verifiedPrimaryOnly: true },
    );
    return envelope(ctx, request, reply, toMeEmailAddressJSON({ identification: created, verification: null }));
  });

  app.get<{ Params: Params }>('/fapi/v1/me/email_addresses/:email_id', FAPI_ROUTE, async (request, reply) => {
    const me = await requireMeSession(ctx, request);
    return envelope(ctx, request, reply, toMeEmailAddressJSON(await ctx.emailVerifications.getOwn(me.user.user.id, request.params.email_id)));
  });

  app.delete<{ Params: Params }>('/fapi/v1/me/email_addresses/:email_id', FAPI_ROUTE, async (request, reply) => {
    const me = await requireMeSession(ctx, request);
    const { id } = await ctx.identifications.delete('email_address', request.params.email_id, { ownerId: me.user.user.id, verifiedPrimaryOnly: true });
    return envelope(ctx, request, reply, toDeletedJSON('email_address', id));
  });

  app.post<{ Params: Params }>('/fapi/v1/me/email_addresses/:email_id/prepare_verification', FAPI_ROUTE, async (request, reply) => {
    const me = await requireMeSession(ctx, request);
    const strategy = formFields(request.body).string('strategy');
    if (!strategy) throw errors.paramMissing('strategy');
    if (!STRATEGIES.includes(strategy)) throw errors.paramValueNotAllowed('strategy', strategy, STRATEGIES);
    const result = await ctx.emailVerifications.prepareOwn(me.user.user.id, request.params.email_id);
    return envelope(ctx, request, reply, toMeEmailAddressJSON(result));
  });

  app.post<{ Params: Params }>('/fapi/v1/me/email_addresses/:email_id/attempt_verification', FAPI_ROUTE, async (request, reply) => {
    const me = await requireMeSession(ctx, request);
    const code = formFields(request.body).string('code');
    if (!code) throw errors.paramMissing('code');
    const result = await ctx.emailVerifications.attemptOwn(me.user.user.id, request.params.email_id, code);
    return envelope(ctx, request, reply, toMeEmailAddressJSON(result));
  });
}
