import type { FastifyInstance } from 'fastify';
import { ensureClient, envelope, fapiSerializeContext, requireClient, setClientCookie, type FapiContext } from '../fapi-context.js';
import { formFields } from '../form-fields.js';
import { FAPI_ROUTE } from '../route-options.js';
import { toSignInJSON } from '../serialize/client.js';
import { EMAIL_CODE_STRATEGIES, isEmailCodeStrategy, type SignInStep } from '../../../clients/sign-in-service.js';
import type { SignInRow } from '../../../storage/tables/client-tables.js';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { errors } from '../../../lib/error-catalog.js';
import { isOAuthStrategy, oauthStartRequest } from '../oauth-params.js';
import { fapiRelyingParty } from '../relying-party.js';

type Params = { sign_in_id: string };

/** `/v1/client/sign_ins`: identifier, password or email code or passkey or ticket (sign-in token, actor token), second factor. */
export function registerSignInRoutes(app: FastifyInstance, ctx: FapiContext): void {
  const answer = async (request: FastifyRequest, reply: FastifyReply, signIn: SignInRow) => {
    const factors = await ctx.signIns.factorsOf(signIn);
    return envelope(ctx, request, reply, toSignInJSON(signIn, factors, fapiSerializeContext(ctx, request)), { signInId: signIn.id, factors });
  };
  const answerStep = async (request: FastifyRequest, reply: FastifyReply, step: SignInStep) => {
    setClientCookie(ctx, reply, step.clientToken);
    return answer(request, reply, step.signIn);
  };

  app.post('/fapi/v1/client/sign_ins', FAPI_ROUTE, async (request, reply) => {
    const form = formFields(request.body);
    const strategy = form.string('strategy');
    // clerk-js after an OAuth sign-up found the person's account: sign in with that provider account instead.
    if (form.boolean('transfer') === true) return answerStep(request, reply, await ctx.oauthAttempts.transferToSignIn(requireClient(request)));
    if (isOAuthStrategy(strategy)) {
      const start = oauthStartRequest(ctx, form, strategy);
      return answer(request, reply, await ctx.oauthAttempts.signIn(await ensureClient(ctx, request, reply), start));
    }
    const allowed = ['password', 'ticket', 'passkey', ...EMAIL_CODE_STRATEGIES];
    if (strategy !== undefined && !allowed.includes(strategy)) throw errors.paramValueNotAllowed('strategy', strategy, allowed);
    const client = await ensureClient(ctx, request, reply);
    const step = await ctx.signIns.create(client, {
      identifier: form.string('identifier'),
      strategy,
      password: form.string('password'),
      ticket: form.string('ticket'),
      relyingParty: strategy === 'passkey' ? fapiRelyingParty(ctx) : undefined,
    });
    // With an email-code strategy the code goes out at once (clerk-js's `signIn.create({ strategy, identifier })`).
    if (strategy !== undefined && isEmailCodeStrategy(strategy) && step.signIn.status === 'needs_first_factor') {
      const current = await ctx.clients.reload(client);
      return answer(request, reply, await ctx.signIns.prepareFirstFactor(current, step.signIn.id, { strategy }));
    }
    return answerStep(request, reply, step);
  });

  app.get<{ Params: Params }>('/fapi/v1/client/sign_ins/:sign_in_id', FAPI_ROUTE, async (request, reply) =>
    answer(request, reply, await ctx.signIns.get(requireClient(request), request.params.sign_in_id)),
  );

  // A password needs no preparation; an email code (sign in by code, forgot password) is sent here; a passkey gets
  // its request options (the verification's nonce).
  app.post<{ Params: Params }>('/fapi/v1/client/sign_ins/:sign_in_id/prepare_first_factor', FAPI_ROUTE, async (request, reply) => {
    const form = formFields(request.body);
    const signIn = await ctx.signIns.prepareFirstFactor(requireClient(request), request.params.sign_in_id, {
      strategy: form.string('strategy'),
      emailAddressId: form.string('email_address_id'),
      relyingParty: fapiRelyingParty(ctx),
    });
    return answer(request, reply, signIn);
  });

  // TOTP and backup codes need no preparation; an SMS code is sent here.
  app.post<{ Params: Params }>('/fapi/v1/client/sign_ins/:sign_in_id/prepare_second_factor', FAPI_ROUTE, async (request, reply) => {
    const form = formFields(request.body);
    const signIn = await ctx.signIns.prepareSecondFactor(requireClient(request), request.params.sign_in_id, {
      strategy: form.string('strategy'),
      phoneNumberId: form.string('phone_number_id'),
    });
    return answer(request, reply, signIn);
  });

  // After a right reset code: the new password.
  app.post<{ Params: Params }>('/fapi/v1/client/sign_ins/:sign_in_id/reset_password', FAPI_ROUTE, async (request, reply) => {
    const form = formFields(request.body);
    const step = await ctx.signIns.resetPassword(requireClient(request), request.params.sign_in_id, {
      password: form.string('password'),
      signOutOfOtherSessions: form.boolean('sign_out_of_other_sessions'),
    });
    return answerStep(request, reply, step);
  });

  app.post<{ Params: Params }>('/fapi/v1/client/sign_ins/:sign_in_id/attempt_first_factor', FAPI_ROUTE, async (request, reply) => {
    const form = formFields(request.body);
    const signIn = await ctx.signIns.attemptFirstFactor(requireClient(request), request.params.sign_in_id, {
      strategy: form.string('strategy'),
      password: form.string('password'),
      code: form.string('code'),
      passkey: { relyingParty: fapiRelyingParty(ctx), publicKeyCredential: form.string('public_key_credential') },
    });
    return answerStep(request, reply, signIn);
  });

  app.post<{ Params: Params }>('/fapi/v1/client/sign_ins/:sign_in_id/attempt_second_factor', FAPI_ROUTE, async (request, reply) => {
    const form = formFields(request.body);
    const signIn = await ctx.signIns.attemptSecondFactor(requireClient(request), request.params.sign_in_id, {
      strategy: form.string('strategy'),
      code: form.string('code'),
    });
    return answerStep(request, reply, signIn);
  });
}
