import type { Clock } from '../lib/clock.js';
import { newId } from '../lib/ids.js';
import type { Executor, RosterDatabase } from '../storage/database.js';
import {
  enabledWebhookEndpoints,
  insertWebhookDeliveries,
  insertWebhookEvents,
  takeWebhookChanges,
} from '../storage/repositories/webhooks-repository.js';
import type { WebhookDeliveryRow, WebhookEventRow } from '../storage/tables/webhook-tables.js';
import { coalesceChanges, type WebhookChange } from './coalesce-changes.js';
import { subscribes } from './webhook-endpoint-record.js';

/**
 * Renders an event's `data` from the state `db` sees (the http layer's serializers, passed in by the composition
 * root). Null: the subject is gone, and the event is dropped (a later deletion has its own event).
 */
export type WebhookRenderer = (db: Executor, change: WebhookChange) => Promise<object | null>;

export interface WebhookPublisherDeps {
  database: RosterDatabase;
  render: WebhookRenderer;
  clock: Clock;
  /** The instance's `ins_…` id, in every payload. */
  instanceId: string;
}

/** Changes taken from the outbox per transaction. */
const BATCH = 200;

/**
 * Turns the outbox's changes into events and one delivery per subscribed endpoint, in the transaction that takes
 * them out of the outbox: a crash before commit leaves the changes for the next try, and on PostgreSQL each node
 * takes changes other nodes are not publishing (SKIP LOCKED), so every change is published once.
 */
export function createWebhookPublisher({ database, render, clock, instanceId }: WebhookPublisherDeps) {
  async function publishBatch(): Promise<number> {
    return database.db.transaction().execute(async (trx) => {
      const rows = await takeWebhookChanges(trx, BATCH);
      if (rows.length === 0) return 0;
      const endpoints = await enabledWebhookEndpoints(trx);
      // No endpoint listens: the changes are dropped unrendered (an endpoint added later starts from its creation).
      if (endpoints.length === 0) return rows.length;
      const changes = rows.map(
        (row): WebhookChange => ({
          id: row.id,
          type: row.event_type,
          subjectId: row.subject_id,
          snapshot: row.snapshot ? JSON.parse(row.snapshot) : null,
          httpRequest: row.http_request ? JSON.parse(row.http_request) : null,
          createdAtMs: row.created_at,
        }),
      );
      const nowMs = clock.nowMs();
      // Each change is rendered once, whichever endpoints get it.
      const rendered = new Map<number, WebhookEventRow | null>();
      const eventOf = async (change: WebhookChange): Promise<WebhookEventRow | null> => {
        if (rendered.has(change.id)) return rendered.get(change.id)!;
        const data = await render(trx, change);
        const event =
          data === null
            ? null
            : {
                id: newId('msg', change.createdAtMs),
                type: change.type,
                subject_id: change.subjectId,
                payload: JSON.stringify({
                  data,
                  object: 'event',
                  type: change.type,
                  timestamp: change.createdAtMs,
                  instance_id: instanceId,
                  // Clerk's `event_attributes`: the request the change came from (none for background changes).
                  event_attributes: change.httpRequest ? { http_request: change.httpRequest } : {},
                }),
                change_id: change.id,
                created_at: change.createdAtMs,
              };
        rendered.set(change.id, event);
        return event;
      };
      const deliveries: WebhookDeliveryRow[] = [];
      // Coalesced per endpoint, after its subscriptions: one that hears only user.updated still hears an update
      // that another endpoint receives folded into the user.created before it.
      for (const endpoint of endpoints) {
        for (const change of coalesceChanges(changes.filter((item) => subscribes(endpoint, item.type)))) {
          const event = await eventOf(change);
          if (!event) continue;
          deliveries.push({
            id: newId('dlv', nowMs),
            endpoint_id: endpoint.id,
            event_id: event.id,
            status: 'pending',
            attempts: 0,
            next_attempt_at: nowMs,
            event_created_at: change.createdAtMs,
            change_id: change.id,
            last_attempt_at: null,
            last_status_code: null,
            created_at: nowMs,
            updated_at: nowMs,
          });
        }
      }
      const events = [...rendered.values()].filter((event): event is WebhookEventRow => event !== null);
      await insertWebhookEvents(trx, events);
      await insertWebhookDeliveries(trx, deliveries);
      return rows.length;
    });
  }

  return {
    /** Publishes what the outbox holds now, a batch per transaction; answers how many changes it took. */
    async publishPending(maxBatches = 50): Promise<number> {
      let total = 0;
      for (let batch = 0; batch < maxBatches; batch++) {
        const taken = await publishBatch();
        total += taken;
        if (taken < BATCH) break;
      }
      return total;
    },
  };
}

export type WebhookPublisher = ReturnType<typeof createWebhookPublisher>;
