// Roster's extension of the Backend API (secret key), under /v1/roster/:
// POST /v1/roster/webhook_endpoints — add an endpoint ({url, events?, description?}); its signing secret is answered once.
// GET /v1/roster/webhook_endpoints — every endpoint, oldest first.
// GET /v1/roster/webhook_endpoints/{endpoint_id} — one endpoint.
// PATCH /v1/roster/webhook_endpoints/{endpoint_id} — change its url, events, description; disable or re-enable it.
// DELETE /v1/roster/webhook_endpoints/{endpoint_id} — remove it and its delivery log.
// POST /v1/roster/webhook_endpoints/{endpoint_id}/rotate_secret — a new secret; the old one also signs for 24 hours.
// GET /v1/roster/webhook_endpoints/{endpoint_id}/deliveries — its delivery log, newest first, with each attempt.
// POST /v1/roster/webhook_endpoints/{endpoint_id}/replay — send one delivery ({delivery_id}) or a time range ({since, until?}) again.
import type { WebhookEndpointService } from '../../../webhooks/webhook-endpoint-service.js';
import { errors } from '../../../lib/error-catalog.js';
import type { RosterApp } from '../../roster-app.js';
import { DeletedObject } from '../../schemas/common.js';
import {
  CreateEndpointBody,
  DeliveryListQuery,
  EndpointParams,
  ReplayBody,
  ReplayResult,
  UpdateEndpointBody,
  WebhookDeliveryList,
  WebhookEndpoint,
  WebhookEndpointList,
  WebhookEndpointWithSecret,
} from './schemas.js';
import { toWebhookDeliveryJSON, toWebhookEndpointJSON } from './serialize.js';

const BASE = '/v1/roster/webhook_endpoints';

export function registerWebhookEndpointRoutes(app: RosterApp, ctx: { webhookEndpoints: WebhookEndpointService }): void {
  const endpoints = ctx.webhookEndpoints;

  app.post(BASE, { schema: { body: CreateEndpointBody, response: { 200: WebhookEndpointWithSecret } } }, async (request) => {
    const { endpoint, secret } = await endpoints.create(request.body);
    return { ...toWebhookEndpointJSON(endpoint), secret };
  });

  app.get(BASE, { schema: { response: { 200: WebhookEndpointList } } }, async () => {
    const data = (await endpoints.list()).map(toWebhookEndpointJSON);
    return { data, total_count: data.length };
  });

  app.get(`${BASE}/:endpoint_id`, { schema: { params: EndpointParams, response: { 200: WebhookEndpoint } } }, async (request) =>
    toWebhookEndpointJSON(await endpoints.get(request.params.endpoint_id)),
  );

  app.patch(`${BASE}/:endpoint_id`, { schema: { params: EndpointParams, body: UpdateEndpointBody, response: { 200: WebhookEndpoint } } }, async (request) =>
    toWebhookEndpointJSON(await endpoints.update(request.params.endpoint_id, request.body)),
  );

  app.delete(`${BASE}/:endpoint_id`, { schema: { params: EndpointParams, response: { 200: DeletedObject } } }, async (request) => {
    const { id } = await endpoints.delete(request.params.endpoint_id);
    return { object: 'webhook_endpoint', id, deleted: true };
  });

  app.post(`${BASE}/:endpoint_id/rotate_secret`, { schema: { params: EndpointParams, response: { 200: WebhookEndpointWithSecret } } }, async (request) => {
    const { endpoint, secret } = await endpoints.rotateSecret(request.params.endpoint_id);
    return { ...toWebhookEndpointJSON(endpoint), secret };
  });

  app.get(
    `${BASE}/:endpoint_id/deliveries`,
    { schema: { params: EndpointParams, querystring: DeliveryListQuery, response: { 200: WebhookDeliveryList } } },
    async (request) => {
      const limit = request.query.limit ?? 20;
      // One more than asked tells whether there is a next page.
      const records = await endpoints.deliveries(request.params.endpoint_id, { limit: limit + 1, startingAfter: request.query.starting_after, status: request.query.status });
      return { data: records.slice(0, limit).map(toWebhookDeliveryJSON), has_more: records.length > limit };
    },
  );

  app.post(`${BASE}/:endpoint_id/replay`, { schema: { params: EndpointParams, body: ReplayBody, response: { 200: ReplayResult } } }, async (request) => {
    const { delivery_id: deliveryId, since, until } = request.body;
    if ((deliveryId === undefined) === (since === undefined) || (deliveryId !== undefined && until !== undefined)) throw errors.webhookReplayRangeInvalid();
    const selection = deliveryId !== undefined ? { deliveryId } : { sinceMs: since!, untilMs: until ?? Number.MAX_SAFE_INTEGER };
    return { object: 'webhook_replay' as const, replayed: await endpoints.replay(request.params.endpoint_id, selection) };
  });
}
