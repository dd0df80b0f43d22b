import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { clientJSON, ensureClient, requireClient, type FapiContext } from '../fapi-context.js';
import { FAPI_ROUTE } from '../route-options.js';

/** `/v1/client`: the browser's client, and signing out of it. */
export function registerClientRoutes(app: FastifyInstance, ctx: FapiContext): void {
  // Read on every page load: `{ response: null }` for a browser that has no client yet.
  app.get('/fapi/v1/client', FAPI_ROUTE, async (request, reply) => ({
    response: request.fapiClient ? await clientJSON(ctx, request, reply, request.fapiClient) : null,
    client: null,
  }));

  // A fresh client replacing whatever cookie the browser had.
  const createClient = async (request: FastifyRequest, reply: FastifyReply) => {
    request.fapiClient = null;
    const json = await clientJSON(ctx, request, reply, await ensureClient(ctx, request, reply));
    return { response: json, client: json };
  };
  app.put('/fapi/v1/client', FAPI_ROUTE, createClient);
  app.post('/fapi/v1/client', FAPI_ROUTE, createClient);

  // Ends every session of the client (clerk-js's `signOut()` of all sessions); the cookie stays.
  app.delete('/fapi/v1/client', FAPI_ROUTE, async (request, reply) => {
    const client = await ctx.clients.closeAllSessions(requireClient(request), 'ended');
    return { response: await clientJSON(ctx, request, reply, client), client: null };
  });

  // Removes every session of the client, keeping the cookie (`POST /v1/client/sessions?_method=DELETE`).
  app.delete('/fapi/v1/client/sessions', FAPI_ROUTE, async (request, reply) => {
    const client = await ctx.clients.closeAllSessions(requireClient(request), 'removed');
    return { response: await clientJSON(ctx, request, reply, client), client: null };
  });
}
