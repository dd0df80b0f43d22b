import type { FastifyInstance } from 'fastify';
import { ensureClient, envelope, fapiSerializeContext, requireClient, setClientCookie, type FapiContext } from '../fapi-context.js';
import { formFields } from '../form-fields.js';
import { FAPI_ROUTE } from '../route-options.js';
import { toSignInJSON } from '../serialize/client.js';
import type { SignInStep } from '../../../clients/sign-in-service.js';
import type { SignInRow } from '../../../storage/tables/client-tables.js';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { errors } from '../../../lib/error-catalog.js';

type Params = { sign_in_id: string };

/** `/v1/client/sign_ins`: identifier, password, second factor. */
export function registerSignInRoutes(app: FastifyInstance, ctx: FapiContext): void {
  const answer = async (request: FastifyRequest, reply: FastifyReply, signIn: SignInRow) => {
    const response = toSignInJSON(signIn, await ctx.signIns.factorsOf(signIn), fapiSerializeContext(ctx, request));
    return envelope(ctx, request, reply, response);
  };
  const answerStep = async (request: FastifyRequest, reply: FastifyReply, step: SignInStep) => {
    setClientCookie(ctx, reply, step.clientToken);
    return answer(request, reply, step.signIn);
  };

  app.post('/fapi/v1/client/sign_ins', FAPI_ROUTE, async (request, reply) => {
    const form = formFields(request.body);
    const strategy = form.string('strategy');
    if (strategy !== undefined && strategy !== 'password') throw errors.paramValueNotAllowed('strategy', strategy, ['password']);
    const client = await ensureClient(ctx, request, reply);
    const signIn = await ctx.signIns.create(client, { identifier: form.string('identifier'), strategy, password: form.string('password') });
    return answerStep(request, reply, signIn);
  });

  app.get<{ Params: Params }>('/fapi/v1/client/sign_ins/:sign_in_id', FAPI_ROUTE, async (request, reply) =>
    answer(request, reply, await ctx.signIns.get(requireClient(request), request.params.sign_in_id)),
  );

  // Password and TOTP need no preparation; other strategies are not offered (supported_first_factors says so).
  for (const step of ['prepare_first_factor', 'prepare_second_factor'] as const) {
    app.post<{ Params: Params }>(`/fapi/v1/client/sign_ins/:sign_in_id/${step}`, FAPI_ROUTE, async (request, reply) => {
      const strategy = formFields(request.body).string('strategy');
      const allowed = step === 'prepare_first_factor' ? ['password'] : ['totp', 'backup_code'];
      if (!strategy || !allowed.includes(strategy)) throw errors.paramValueNotAllowed('strategy', strategy ?? '', allowed);
      return answer(request, reply, await ctx.signIns.get(requireClient(request), request.params.sign_in_id));
    });
  }

  app.post<{ Params: Params }>('/fapi/v1/client/sign_ins/:sign_in_id/attempt_first_factor', FAPI_ROUTE, async (request, reply) => {
    const form = formFields(request.body);
    const signIn = await ctx.signIns.attemptFirstFactor(requireClient(request), request.params.sign_in_id, {
      strategy: form.string('strategy'),
      password: form.string('password'),
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
