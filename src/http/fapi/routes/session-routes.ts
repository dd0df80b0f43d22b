import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { SessionRow } from '../../../storage/tables/session-tables.js';
import { envelope, fapiSerializeContext, requireClient, type FapiContext } from '../fapi-context.js';
import { FAPI_ROUTE } from '../route-options.js';
import { toClientSessionJSON } from '../serialize/client.js';
import { templateImageUrls } from '../../routes/sessions/template-tokens.js';

type Params = { session_id: string };

/** `/v1/client/sessions/{id}/…`: touch, tokens, sign-out of one session. */
export function registerSessionRoutes(app: FastifyInstance, ctx: FapiContext): void {
  const answer = async (request: FastifyRequest, reply: FastifyReply, session: SessionRow) =>
    envelope(ctx, request, reply, toClientSessionJSON(await ctx.clients.withUser(session), fapiSerializeContext(ctx, request), null));

  app.get<{ Params: Params }>('/fapi/v1/client/sessions/:session_id', FAPI_ROUTE, async (request, reply) => {
    const session = await ctx.clients.requireOwnSession(requireClient(request), request.params.session_id);
    return answer(request, reply, session);
  });

  app.post<{ Params: Params }>('/fapi/v1/client/sessions/:session_id/touch', FAPI_ROUTE, async (request, reply) => {
    const client = await ctx.clients.touch(requireClient(request), request.params.session_id);
    request.fapiClient = client;
    // clerk-js touches the session on every load and sign-in: where it was last used, for `<UserProfile/>`.
    await ctx.sessionActivity.record(request.params.session_id, { userAgent: request.headers['user-agent'], ipAddress: request.ip });
    const session = await ctx.clients.requireOwnSession(client, request.params.session_id);
    return answer(request, reply, session);
  });

  // The session token clerk-js refreshes about every minute; `azp` is the page's origin.
  app.post<{ Params: Params }>('/fapi/v1/client/sessions/:session_id/tokens', FAPI_ROUTE, async (request) => {
    const session = await ctx.clients.requireOwnSession(requireClient(request), request.params.session_id);
    const { jwt } = await ctx.sessions.createToken(session.id, { issuer: ctx.instance.issuer(), azp: request.fapiOrigin });
    return { object: 'token' as const, jwt };
  });

  app.post<{ Params: Params & { template_name: string } }>(
    '/fapi/v1/client/sessions/:session_id/tokens/:template_name',
    FAPI_ROUTE,
    async (request) => {
      const session = await ctx.clients.requireOwnSession(requireClient(request), request.params.session_id);
      const { baseUrl } = ctx.serializeContext(request);
      const { jwt } = await ctx.templateTokens.mint(session.id, request.params.template_name, {
        issuer: ctx.instance.issuer(),
        ...templateImageUrls(baseUrl),
      });
      return { object: 'token' as const, jwt };
    },
  );

  for (const [step, status] of [
    ['end', 'ended'],
    ['remove', 'removed'],
  ] as const) {
    app.post<{ Params: Params }>(`/fapi/v1/client/sessions/:session_id/${step}`, FAPI_ROUTE, async (request, reply) => {
      const session = await ctx.clients.closeSession(requireClient(request), request.params.session_id, status);
      return answer(request, reply, session);
    });
  }
}
