import type { WebhookEndpointRow } from '../storage/tables/webhook-tables.js';

/** A webhook endpoint as the API shows it (never its secret; that is shown once, at creation and rotation). */
export interface WebhookEndpointRecord {
  id: string;
  url: string;
  description: string | null;
  /** Null: every event. */
  events: string[] | null;
  disabled: boolean;
  disabledReason: string | null;
  failingSinceMs: number | null;
  createdAtMs: number;
  updatedAtMs: number;
}

export function toWebhookEndpointRecord(row: WebhookEndpointRow): WebhookEndpointRecord {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    events: row.events === null ? null : (JSON.parse(row.events) as string[]),
    disabled: row.disabled === 1,
    disabledReason: row.disabled_reason,
    failingSinceMs: row.failing_since,
    createdAtMs: row.created_at,
    updatedAtMs: row.updated_at,
  };
}

/** Whether `endpoint` receives events of `type`. */
export function subscribes(endpoint: Pick<WebhookEndpointRow, 'events'>, type: string): boolean {
  return endpoint.events === null || (JSON.parse(endpoint.events) as string[]).includes(type);
}

/** An endpoint's URL is absolute http(s), names a host, and carries no credentials. */
export function isWebhookUrl(value: string): boolean {
  if (value.length > 2048) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '' && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}
