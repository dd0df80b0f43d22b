import type { ServiceDeps } from '../domain/service-deps.js';
import { errors } from '../lib/error-catalog.js';
import { newId } from '../lib/ids.js';
import {
  deleteWebhookEndpoint,
  findWebhookDelivery,
  findWebhookEndpoint,
  insertWebhookEndpoint,
  listWebhookAttempts,
  listWebhookDeliveries,
  listWebhookEndpoints,
  replayWebhookDeliveries,
  updateWebhookEndpoint,
} from '../storage/repositories/webhooks-repository.js';
import type { WebhookAttemptRow, WebhookDeliveryRow, WebhookEndpointUpdate } from '../storage/tables/webhook-tables.js';
import { isWebhookEventType } from './event-types.js';
import { toWebhookEndpointRecord, toWebhookUrl, type WebhookEndpointRecord } from './webhook-endpoint-record.js';
import { newWebhookSecret } from './webhook-signature.js';

/** How long a rotated-out secret keeps signing beside the new one (Svix: 24 hours). */
export const PREVIOUS_SECRET_SECONDS = 24 * 3600;

export interface WebhookEndpointInput {
  url: string;
  description?: string | null;
  /** Null or absent at creation: every event. */
  events?: string[] | null;
}

export interface WebhookEndpointChange {
  url?: string;
  description?: string | null;
  events?: string[] | null;
  /** False re-enables an endpoint (its failure streak starts over); true stops deliveries to it. */
  disabled?: boolean;
}

/** A delivery with its attempts, for the delivery log. */
export interface WebhookDeliveryRecord {
  delivery: WebhookDeliveryRow & { type: string };
  attempts: WebhookAttemptRow[];
}

export type ReplaySelection = { deliveryId: string } | { sinceMs: number; untilMs: number };

/** The URL to store: the one that will be called. */
function checkUrl(url: string): string {
  const href = toWebhookUrl(url);
  if (href === null) throw errors.webhookUrlInvalid();
  return href;
}

/** Event types as stored: each known, without repeats; null stays null (every event). */
function checkEvents(events: string[] | null | undefined): string | null {
  if (events === null || events === undefined) return null;
  for (const type of events) if (!isWebhookEventType(type)) throw errors.webhookEventTypeInvalid(type);
  return JSON.stringify([...new Set(events)]);
}

/** Webhook endpoints (Roster's extension of the Backend API): create, change, rotate the secret, read the log, replay. */
export function createWebhookEndpointService({ database, clock, secretBox }: Pick<ServiceDeps, 'database' | 'clock' | 'secretBox'>) {
  const { db } = database;

  async function get(id: string): Promise<WebhookEndpointRecord> {
    const row = await findWebhookEndpoint(db, id);
    if (!row) throw errors.webhookEndpointNotFound(id);
    return toWebhookEndpointRecord(row);
  }

  return {
    /** Creates an endpoint; its signing secret is in the answer, and only there. */
    async create(input: WebhookEndpointInput): Promise<{ endpoint: WebhookEndpointRecord; secret: string }> {
      const url = checkUrl(input.url);
      const events = checkEvents(input.events);
      const nowMs = clock.nowMs();
      const secret = newWebhookSecret();
      const id = newId('ep', nowMs);
      await insertWebhookEndpoint(db, {
        id,
        url,
        description: input.description ?? null,
        events,
        secret_sealed: secretBox.seal(secret),
        previous_secret_sealed: null,
        previous_secret_expires_at: null,
        disabled: 0,
        disabled_reason: null,
        failing_since: null,
        lease_owner: null,
        lease_until: null,
        created_at: nowMs,
        updated_at: nowMs,
      });
      return { endpoint: await get(id), secret };
    },

    list: async (): Promise<WebhookEndpointRecord[]> => (await listWebhookEndpoints(db)).map(toWebhookEndpointRecord),

    get,

    async update(id: string, change: WebhookEndpointChange): Promise<WebhookEndpointRecord> {
      const update: WebhookEndpointUpdate = { updated_at: clock.nowMs() };
      if (change.url !== undefined) update.url = checkUrl(change.url);
      if (change.description !== undefined) update.description = change.description;
      if (change.events !== undefined) update.events = checkEvents(change.events);
      if (change.disabled === true) Object.assign(update, { disabled: 1, disabled_reason: 'disabled through the API' });
      if (change.disabled === false) Object.assign(update, { disabled: 0, disabled_reason: null, failing_since: null });
      if (!(await updateWebhookEndpoint(db, id, update))) throw errors.webhookEndpointNotFound(id);
      return get(id);
    },

    async delete(id: string): Promise<{ id: string }> {
      if (!(await deleteWebhookEndpoint(db, id))) throw errors.webhookEndpointNotFound(id);
      return { id };
    },

    /** A new signing secret; the old one signs too for a day, so receivers can switch without losing events. */
    async rotateSecret(id: string): Promise<{ endpoint: WebhookEndpointRecord; secret: string }> {
      const row = await findWebhookEndpoint(db, id);
      if (!row) throw errors.webhookEndpointNotFound(id);
      const nowMs = clock.nowMs();
      const secret = newWebhookSecret();
      await updateWebhookEndpoint(db, id, {
        secret_sealed: secretBox.seal(secret),
        previous_secret_sealed: row.secret_sealed,
        previous_secret_expires_at: nowMs + PREVIOUS_SECRET_SECONDS * 1000,
        updated_at: nowMs,
      });
      return { endpoint: await get(id), secret };
    },

    /** The endpoint's deliveries, newest first, each with its attempts. */
    async deliveries(id: string, options: { limit: number; startingAfter?: string; status?: string }): Promise<WebhookDeliveryRecord[]> {
      await get(id);
      let before: { createdAtMs: number; id: string } | undefined;
      if (options.startingAfter) {
        const after = await findWebhookDelivery(db, id, options.startingAfter);
        if (!after) throw errors.webhookDeliveryNotFound(options.startingAfter);
        before = { createdAtMs: after.created_at, id: after.id };
      }
      const deliveries = await listWebhookDeliveries(db, id, { limit: options.limit, before, status: options.status });
      const attempts = await listWebhookAttempts(db, deliveries.map((delivery) => delivery.id));
      return deliveries.map((delivery) => ({ delivery, attempts: attempts.filter((attempt) => attempt.delivery_id === delivery.id) }));
    },

    /** Sends one delivery, or every delivery of a time range, again (attempts start over). Answers how many. */
    async replay(id: string, selection: ReplaySelection): Promise<number> {
      await get(id);
      if ('deliveryId' in selection && !(await findWebhookDelivery(db, id, selection.deliveryId))) throw errors.webhookDeliveryNotFound(selection.deliveryId);
      if ('sinceMs' in selection && !(selection.untilMs > selection.sinceMs)) throw errors.webhookReplayRangeInvalid();
      return replayWebhookDeliveries(db, id, selection, clock.nowMs());
    },
  };
}

export type WebhookEndpointService = ReturnType<typeof createWebhookEndpointService>;
