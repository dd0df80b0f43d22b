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

/**
 * An endpoint's URL as it will be called (the WHATWG parser's form: surrounding spaces and inner tabs and newlines
 * gone, scheme and host lower-cased), or null unless it is absolute http(s), names a host, carries no credentials
 * and stays within 2048 characters. What is stored and shown is what fetch will call.
 */
export function toWebhookUrl(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  const valid = (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '' && url.username === '' && url.password === '';
  return valid && url.href.length <= 2048 ? url.href : null;
}
