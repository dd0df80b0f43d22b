import type { Executor } from '../database.js';
import { dialectSql } from '../dialects.js';
import type {
  NewWebhookEndpointRow,
  WebhookAttemptRow,
  WebhookChangeRow,
  WebhookDeliveryRow,
  WebhookEndpointRow,
  WebhookEndpointUpdate,
  WebhookEventRow,
} from '../tables/webhook-tables.js';

// Endpoints.

export async function insertWebhookEndpoint(db: Executor, row: NewWebhookEndpointRow): Promise<void> {
  await db.insertInto('webhook_endpoints').values(row).execute();
}

export function findWebhookEndpoint(db: Executor, id: string): Promise<WebhookEndpointRow | undefined> {
  return db.selectFrom('webhook_endpoints').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Every endpoint, oldest first (an instance has a handful). */
export function listWebhookEndpoints(db: Executor): Promise<WebhookEndpointRow[]> {
  return db.selectFrom('webhook_endpoints').selectAll().orderBy('created_at').orderBy('id').execute();
}

/**
 * The endpoints events are delivered to now. In the publishing transaction they stay (FOR SHARE on PostgreSQL)
 * until it commits: an endpoint deleted meanwhile would leave its new deliveries pointing at nothing.
 */
export function enabledWebhookEndpoints(db: Executor): Promise<WebhookEndpointRow[]> {
  return dialectSql(db).lockForShare(db.selectFrom('webhook_endpoints').selectAll().where('disabled', '=', 0)).execute();
}

export async function updateWebhookEndpoint(db: Executor, id: string, update: WebhookEndpointUpdate): Promise<boolean> {
  const result = await db.updateTable('webhook_endpoints').set(update).where('id', '=', id).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function deleteWebhookEndpoint(db: Executor, id: string): Promise<boolean> {
  const result = await db.deleteFrom('webhook_endpoints').where('id', '=', id).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/**
 * Claims `id` for `owner` until `untilMs` when no one holds it (or the holder's claim ran out: a node that died
 * mid-delivery). A conditional update, so of two nodes racing for it exactly one wins.
 */
export async function claimWebhookEndpoint(db: Executor, id: string, owner: string, nowMs: number, untilMs: number): Promise<boolean> {
  const result = await db
    .updateTable('webhook_endpoints')
    .set({ lease_owner: owner, lease_until: untilMs })
    .where('id', '=', id)
    .where('disabled', '=', 0)
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', nowMs)]))
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Extends `owner`'s claim on `id`; false when the claim was lost (it ran out and another node took it). */
export async function renewWebhookEndpointClaim(db: Executor, id: string, owner: string, untilMs: number): Promise<boolean> {
  const result = await db.updateTable('webhook_endpoints').set({ lease_until: untilMs }).where('id', '=', id).where('lease_owner', '=', owner).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function releaseWebhookEndpoint(db: Executor, id: string, owner: string): Promise<void> {
  await db.updateTable('webhook_endpoints').set({ lease_owner: null, lease_until: null }).where('id', '=', id).where('lease_owner', '=', owner).execute();
}

// The outbox.

/**
 * Takes the oldest `limit` changes out of the outbox, in change order. Run inside the transaction that records
 * their events: on PostgreSQL the rows another node is publishing are skipped, and a rollback puts them back.
 */
export async function takeWebhookChanges(trx: Executor, limit: number): Promise<WebhookChangeRow[]> {
  const rows = await dialectSql(trx).lockSkippingLocked(trx.selectFrom('webhook_changes').selectAll().orderBy('id').limit(limit)).execute();
  if (rows.length > 0) {
    await trx.deleteFrom('webhook_changes').where('id', 'in', rows.map((row) => row.id)).execute();
  }
  return rows.map((row) => ({ ...row, id: Number(row.id), created_at: Number(row.created_at) }));
}

export async function insertWebhookEvents(db: Executor, rows: WebhookEventRow[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('webhook_events').values(rows).execute();
}

export async function insertWebhookDeliveries(db: Executor, rows: WebhookDeliveryRow[]): Promise<void> {
  // A few hundred rows a statement keeps under SQLite's and PostgreSQL's parameter limits.
  for (let start = 0; start < rows.length; start += 200) {
    await db.insertInto('webhook_deliveries').values(rows.slice(start, start + 200)).execute();
  }
}

// Deliveries.

/** Endpoints with a pending delivery due at `nowMs`, up to `limit` of them. */
export async function endpointsWithDueDeliveries(db: Executor, nowMs: number, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('webhook_deliveries')
    .select('endpoint_id')
    .distinct()
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', nowMs)
    .limit(limit)
    .execute();
  return rows.map((row) => row.endpoint_id);
}

export type DeliveryWithEvent = WebhookDeliveryRow & { payload: string; type: string };

/** The endpoint's first pending delivery in event order, with its event's payload. */
export function firstPendingDelivery(db: Executor, endpointId: string): Promise<DeliveryWithEvent | undefined> {
  return db
    .selectFrom('webhook_deliveries')
    .innerJoin('webhook_events', 'webhook_events.id', 'webhook_deliveries.event_id')
    .selectAll('webhook_deliveries')
    .select(['webhook_events.payload', 'webhook_events.type'])
    .where('webhook_deliveries.endpoint_id', '=', endpointId)
    .where('webhook_deliveries.status', '=', 'pending')
    .orderBy('webhook_deliveries.event_created_at')
    .orderBy('webhook_deliveries.change_id')
    .limit(1)
    .executeTakeFirst();
}

/** False when the delivery is gone (its endpoint was deleted). */
export async function updateWebhookDelivery(db: Executor, id: string, update: Partial<Omit<WebhookDeliveryRow, 'id'>>): Promise<boolean> {
  const result = await db.updateTable('webhook_deliveries').set(update).where('id', '=', id).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function insertWebhookAttempt(db: Executor, row: WebhookAttemptRow): Promise<void> {
  await db.insertInto('webhook_attempts').values(row).execute();
}

export function findWebhookDelivery(db: Executor, endpointId: string, id: string): Promise<WebhookDeliveryRow | undefined> {
  return db.selectFrom('webhook_deliveries').selectAll().where('id', '=', id).where('endpoint_id', '=', endpointId).executeTakeFirst();
}

/** An endpoint's deliveries, newest first, keyset-paginated after `(createdAtMs, id)` of the last one seen. */
export function listWebhookDeliveries(
  db: Executor,
  endpointId: string,
  options: { limit: number; before?: { createdAtMs: number; id: string }; status?: string },
): Promise<(WebhookDeliveryRow & { type: string })[]> {
  let query = db
    .selectFrom('webhook_deliveries')
    .innerJoin('webhook_events', 'webhook_events.id', 'webhook_deliveries.event_id')
    .selectAll('webhook_deliveries')
    .select('webhook_events.type')
    .where('webhook_deliveries.endpoint_id', '=', endpointId);
  if (options.status) query = query.where('webhook_deliveries.status', '=', options.status as WebhookDeliveryRow['status']);
  const before = options.before;
  if (before) {
    query = query.where((eb) =>
      eb.or([
        eb('webhook_deliveries.created_at', '<', before.createdAtMs),
        eb.and([eb('webhook_deliveries.created_at', '=', before.createdAtMs), eb('webhook_deliveries.id', '<', before.id)]),
      ]),
    );
  }
  return query.orderBy('webhook_deliveries.created_at', 'desc').orderBy('webhook_deliveries.id', 'desc').limit(options.limit).execute();
}

/** A delivery's attempts, oldest first. */
export function listWebhookAttempts(db: Executor, deliveryIds: readonly string[]): Promise<WebhookAttemptRow[]> {
  if (deliveryIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('webhook_attempts').selectAll().where('delivery_id', 'in', deliveryIds).orderBy('created_at').orderBy('id').execute();
}

/**
 * Makes an endpoint's deliveries due again: one (`deliveryId`) or every one whose event happened in
 * `[sinceMs, untilMs)`. Their attempts start over; the log keeps the earlier ones.
 */
export async function replayWebhookDeliveries(
  db: Executor,
  endpointId: string,
  selection: { deliveryId: string } | { sinceMs: number; untilMs: number },
  nowMs: number,
): Promise<number> {
  let query = db
    .updateTable('webhook_deliveries')
    .set({ status: 'pending', attempts: 0, next_attempt_at: nowMs, updated_at: nowMs })
    .where('endpoint_id', '=', endpointId);
  query =
    'deliveryId' in selection
      ? query.where('id', '=', selection.deliveryId)
      : query.where('event_created_at', '>=', selection.sinceMs).where('event_created_at', '<', selection.untilMs);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}
