import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/** A receiver of webhook events. */
export interface WebhookEndpointsTable {
  id: string;
  url: string;
  description: string | null;
  /** JSON array of event types; null: every event. */
  events: string | null;
  secret_sealed: string;
  previous_secret_sealed: string | null;
  previous_secret_expires_at: number | null;
  disabled: number;
  disabled_reason: string | null;
  failing_since: number | null;
  lease_owner: string | null;
  lease_until: number | null;
  created_at: number;
  updated_at: number;
}

/** The outbox: one row per change, written by triggers in the change's transaction. */
export interface WebhookChangesTable {
  id: Generated<number>;
  event_type: string;
  subject_id: string;
  /** JSON of the deleted row's fields the event needs, for deletions. */
  snapshot: string | null;
  /** JSON `{client_ip, user_agent}` of the request that made the change, when one did. */
  http_request: string | null;
  created_at: number;
}

/** An event as delivered: its `svix-id`, type and payload (JSON text). */
export interface WebhookEventsTable {
  id: string;
  type: string;
  subject_id: string;
  payload: string;
  change_id: number;
  created_at: number;
}

export type WebhookDeliveryStatus = 'pending' | 'succeeded' | 'failed';

/** One event for one endpoint. */
export interface WebhookDeliveriesTable {
  id: string;
  endpoint_id: string;
  event_id: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  next_attempt_at: number | null;
  event_created_at: number;
  change_id: number;
  last_attempt_at: number | null;
  last_status_code: number | null;
  created_at: number;
  updated_at: number;
}

/** One HTTP request of a delivery, for the delivery log. */
export interface WebhookAttemptsTable {
  id: string;
  delivery_id: string;
  status_code: number | null;
  latency_ms: number;
  response_excerpt: string | null;
  error: string | null;
  created_at: number;
}

export interface WebhookTables {
  webhook_endpoints: WebhookEndpointsTable;
  webhook_changes: WebhookChangesTable;
  webhook_events: WebhookEventsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_attempts: WebhookAttemptsTable;
}

export type WebhookEndpointRow = Selectable<WebhookEndpointsTable>;
export type NewWebhookEndpointRow = Insertable<WebhookEndpointsTable>;
export type WebhookEndpointUpdate = Updateable<WebhookEndpointsTable>;
export type WebhookChangeRow = Selectable<WebhookChangesTable>;
export type WebhookEventRow = Selectable<WebhookEventsTable>;
export type WebhookDeliveryRow = Selectable<WebhookDeliveriesTable>;
export type WebhookAttemptRow = Selectable<WebhookAttemptsTable>;
