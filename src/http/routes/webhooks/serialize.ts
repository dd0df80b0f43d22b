import type { WebhookDeliveryRecord } from '../../../webhooks/webhook-endpoint-service.js';
import type { WebhookEndpointRecord } from '../../../webhooks/webhook-endpoint-record.js';

export function toWebhookEndpointJSON(endpoint: WebhookEndpointRecord) {
  return {
    object: 'webhook_endpoint' as const,
    id: endpoint.id,
    url: endpoint.url,
    description: endpoint.description,
    events: endpoint.events,
    disabled: endpoint.disabled,
    disabled_reason: endpoint.disabledReason,
    failing_since: endpoint.failingSinceMs,
    created_at: endpoint.createdAtMs,
    updated_at: endpoint.updatedAtMs,
  };
}

export function toWebhookDeliveryJSON({ delivery, attempts }: WebhookDeliveryRecord) {
  return {
    object: 'webhook_delivery' as const,
    id: delivery.id,
    event_id: delivery.event_id,
    event_type: delivery.type,
    status: delivery.status,
    attempts: delivery.attempts,
    next_attempt_at: delivery.status === 'pending' ? delivery.next_attempt_at : null,
    last_attempt_at: delivery.last_attempt_at,
    last_status_code: delivery.last_status_code,
    attempt_log: attempts.map((attempt) => ({
      id: attempt.id,
      status_code: attempt.status_code,
      latency_ms: attempt.latency_ms,
      response_excerpt: attempt.response_excerpt,
      error: attempt.error,
      created_at: attempt.created_at,
    })),
    created_at: delivery.created_at,
    updated_at: delivery.updated_at,
  };
}
