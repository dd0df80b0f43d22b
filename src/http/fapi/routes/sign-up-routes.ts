import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { SignUpInput, SignUpStep } from '../../../clients/sign-up-service.js';
import type { SignUpRow } from '../../../storage/tables/client-tables.js';
import { ensureClient, envelope, fapiSerializeContext, requireClient, setClientCookie, type FapiContext } from '../fapi-context.js';
import { formFields } from '../form-fields.js';
import { FAPI_ROUTE } from '../route-options.js';
import { toSignUpJSON } from '../serialize/client.js';
import { isOAuthStrategy, oauthStartRequest } from '../oauth-params.js';

type Params = { sign_up_id: string };

function signUpInput(body: unknown): SignUpInput {
  const form = formFields(body);
  return {
    emailAddress: form.string('email_address'),
    password: form.string('password'),
    username: form.string('username'),
    firstName: form.string('first_name'),
    lastName: form.string('last_name'),
    unsafeMetadata: form.object('unsafe_metadata'),
    legalAccepted: form.boolean('legal_accepted'),
    strategy: form.string('strategy'),
    ticket: form.string('ticket'),
  };
}

/** `/v1/client/sign_ups`: fields, an email code (or an invitation's ticket), then the user and a session. */
export function registerSignUpRoutes(app: FastifyInstance, ctx: FapiContext): void {
  const answer = async (request: FastifyRequest, reply: FastifyReply, signUp: SignUpRow) =>
    envelope(ctx, request, reply, toSignUpJSON(signUp, fapiSerializeContext(ctx, request)));
  const answerStep = async (request: FastifyRequest, reply: FastifyReply, step: SignUpStep) => {
    setClientCookie(ctx, reply, step.clientToken);
    return answer(request, reply, step.signUp);
  };

  app.post('/fapi/v1/client/sign_ups', FAPI_ROUTE, async (request, reply) => {
    const form = formFields(request.body);
    // clerk-js after an OAuth sign-in found no account: sign up with that provider account instead.
    if (form.boolean('transfer') === true) return answerStep(request, reply, await ctx.oauthAttempts.transferToSignUp(requireClient(request)));
    const strategy = form.string('strategy');
    if (isOAuthStrategy(strategy)) {
      const start = oauthStartRequest(ctx, form, strategy);
      return answer(request, reply, await ctx.oauthAttempts.signUp(await ensureClient(ctx, request, reply), start));
    }
    const input = signUpInput(request.body);
    const client = await ensureClient(ctx, request, reply);
    return answerStep(request, reply, await ctx.signUps.create(client, input));
  });

  app.get<{ Params: Params }>('/fapi/v1/client/sign_ups/:sign_up_id', FAPI_ROUTE, async (request, reply) =>
    answer(request, reply, await ctx.signUps.get(requireClient(request), request.params.sign_up_id)),
  );

  app.patch<{ Params: Params }>('/fapi/v1/client/sign_ups/:sign_up_id', FAPI_ROUTE, async (request, reply) =>
    answerStep(request, reply, await ctx.signUps.update(requireClient(request), request.params.sign_up_id, signUpInput(request.body))),
  );

  app.post<{ Params: Params }>('/fapi/v1/client/sign_ups/:sign_up_id/prepare_verification', FAPI_ROUTE, async (request, reply) => {
    const strategy = formFields(request.body).string('strategy');
    return answer(request, reply, await ctx.signUps.prepareVerification(requireClient(request), request.params.sign_up_id, { strategy }));
  });

  app.post<{ Params: Params }>('/fapi/v1/client/sign_ups/:sign_up_id/attempt_verification', FAPI_ROUTE, async (request, reply) => {
    const form = formFields(request.body);
    const signUp = await ctx.signUps.attemptVerification(requireClient(request), request.params.sign_up_id, {
      strategy: form.string('strategy'),
      code: form.string('code'),
    });
    return answerStep(request, reply, signUp);
  });
}
