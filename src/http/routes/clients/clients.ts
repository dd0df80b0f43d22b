// GET /v1/clients — every client (browser) the Frontend API knows, newest first; `{data, total_count}` when paginated=true.
// GET /v1/clients/{client_id} — one client with its active sessions.
// POST /v1/clients/verify — the client whose `__client` cookie holds the given token.
// GET /v1/clients/handshake_payload — the cookies a handshake nonce carries, once (the middleware's redemption).
import type { RosterApp } from '../../roster-app.js';
import type { RouteContext } from '../../route-context.js';
import { errors } from '../../../lib/error-catalog.js';
import { IdParams } from '../../schemas/common.js';
import { Client, ClientList, ClientListQuery, HandshakePayload, HandshakePayloadQuery, VerifyClientBody } from './schemas.js';
import { toClientJSON } from './serialize.js';

/** Nonces are 32 base64url characters; anything else was never issued. */
const MAX_NONCE_LENGTH = 256;

export function registerClientCrudRoutes(app: RosterApp, ctx: RouteContext): void {
  const { clients, handshake } = ctx;

  app.get('/v1/clients', { schema: { querystring: ClientListQuery, response: { 200: ClientList } } }, async (request) => {
    const { limit = 10, offset = 0, paginated } = request.query;
    const { clients: states, totalCount } = await clients.list({ limit, offset });
    const data = states.map(toClientJSON);
    // The spec shows the bare array; @clerk/backend sends paginated=true and reads { data, total_count }.
    return paginated ? { data, total_count: totalCount } : data;
  });

  // Registered before `/:client_id` reads it as an id (the router prefers the literal segment anyway).
  app.get(
    '/v1/clients/handshake_payload',
    {
      schema: {
        operationId: 'GetHandshakePayload',
        description: "Clerk's (absent from its published spec; `@clerk/backend` calls it): the Set-Cookie directives a handshake nonce carries. Single use.",
        querystring: HandshakePayloadQuery,
        response: { 200: HandshakePayload },
      },
    },
    async (request) => {
      const nonce = request.query.nonce;
      if (!nonce) throw errors.paramMissing('nonce');
      const directives = nonce.length <= MAX_NONCE_LENGTH ? await handshake.redeemNonce(nonce) : undefined;
      if (!directives) throw errors.handshakeNonceNotFound();
      return { directives };
    },
  );

  app.get('/v1/clients/:client_id', { schema: { params: IdParams('client_id'), response: { 200: Client } } }, async (request) =>
    toClientJSON(await clients.get(request.params.client_id)),
  );

  app.post('/v1/clients/verify', { schema: { body: VerifyClientBody, response: { 200: Client } } }, async (request) =>
    toClientJSON(await clients.verifyToken(request.body.token)),
  );
}
