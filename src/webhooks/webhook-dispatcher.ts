import { randomUUID } from 'node:crypto';
import type { WebhookConfig } from '../config/webhook-config.js';
import type { Clock } from '../lib/clock.js';
import { newId } from '../lib/ids.js';
import type { SecretBox } from '../lib/secret-box.js';
import type { RosterDatabase } from '../storage/database.js';
import {
  claimWebhookEndpoint,
  endpointsWithDueDeliveries,
  findWebhookEndpoint,
  firstPendingDelivery,
  insertWebhookAttempt,
  releaseWebhookEndpoint,
  renewWebhookEndpointClaim,
  updateWebhookDelivery,
  updateWebhookEndpoint,
  type DeliveryWithEvent,
} from '../storage/repositories/webhooks-repository.js';
import type { WebhookEndpointRow } from '../storage/tables/webhook-tables.js';
import { nextAttemptDelayMs } from './retry-schedule.js';
import type { WebhookPublisher } from './webhook-publisher.js';
import { webhookHeaders } from './webhook-signature.js';

export interface WebhookDispatcherDeps {
  database: RosterDatabase;
  clock: Clock;
  secretBox: SecretBox;
  config: Readonly<WebhookConfig>;
  publisher: WebhookPublisher;
  /** Where failures of the loop itself are reported (never a payload or a secret). */
  warn: (object: Record<string, unknown>, message: string) => void;
}

/** Characters of a receiver's answer kept in the delivery log. */
const EXCERPT_CHARS = 512;
/** Deliveries sent to one endpoint per claim before its lease is given back (others get their turn). */
const DELIVERIES_PER_CLAIM = 50;
/** Endpoints this node serves at once. */
const ENDPOINTS_AT_ONCE = 16;

/**
 * The start of a receiver's answer, for the log: read only until the excerpt is full, then the rest is dropped
 * unread (the connection closes), so a receiver streaming a huge answer costs a chunk of memory, not the answer.
 */
async function readExcerpt(response: Response): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  try {
    while (text.length < EXCERPT_CHARS) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return logText(text);
}

/** Text from a receiver as the log keeps it: at most EXCERPT_CHARS, no NUL (PostgreSQL's text cannot hold one). */
function logText(text: string): string {
  return text.slice(0, EXCERPT_CHARS).replaceAll('\u0000', '\uFFFD');
}

/** What one HTTP attempt came to. */
interface AttemptOutcome {
  ok: boolean;
  statusCode: number | null;
  excerpt: string | null;
  error: string | null;
  latencyMs: number;
}

/**
 * Delivers webhook events: every poll it publishes the outbox's changes, then serves each endpoint that has a
 * delivery due, one node per endpoint at a time (a lease in the database), its deliveries in event order: the
 * first undelivered event of an endpoint goes before any later one, retried on Svix's schedule until it succeeds
 * or its attempts run out. An endpoint failing for `disableAfterHours` is disabled.
 */
export function createWebhookDispatcher({ database, clock, secretBox, config, publisher, warn }: WebhookDispatcherDeps) {
  const { db } = database;
  const node = randomUUID();
  const attemptTimeoutMs = config.attemptTimeoutSeconds * 1000;
  // A claim outlives one attempt by a little, and is renewed after each: a node that died mid-delivery holds its
  // endpoints for at most this long.
  const leaseMs = attemptTimeoutMs + 5_000;
  const inFlight = new AbortController();
  /** The endpoints this node is serving, each on its own: a slow receiver holds back its own events, no one else's. */
  const serving = new Map<string, Promise<void>>();
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let stopped = false;

  function secretsOf(endpoint: WebhookEndpointRow, nowMs: number): string[] {
    const secrets = [secretBox.open(endpoint.secret_sealed)];
    if (endpoint.previous_secret_sealed && (endpoint.previous_secret_expires_at ?? 0) > nowMs) secrets.push(secretBox.open(endpoint.previous_secret_sealed));
    return secrets;
  }

  async function send(endpoint: WebhookEndpointRow, delivery: DeliveryWithEvent): Promise<AttemptOutcome> {
    const startedMs = Date.now();
    const body = delivery.payload;
    const headers = {
      'content-type': 'application/json',
      'user-agent': 'Roster-Webhooks/1 (Svix-compatible)',
      ...webhookHeaders(secretsOf(endpoint, clock.nowMs()), delivery.event_id, Math.floor(clock.nowMs() / 1000), body),
    };
    try {
      const signal = AbortSignal.any([AbortSignal.timeout(attemptTimeoutMs), inFlight.signal]);
      // Redirects are not followed: the signature was made for this URL's receiver, as with Svix.
      const response = await fetch(endpoint.url, { method: 'POST', headers, body, redirect: 'manual', signal });
      const excerpt = await readExcerpt(response);
      return { ok: response.status >= 200 && response.status < 300, statusCode: response.status, excerpt, error: null, latencyMs: Date.now() - startedMs };
    } catch (error) {
      const reason = error instanceof Error ? (error.name === 'TimeoutError' ? `no answer within ${attemptTimeoutMs} ms` : (error.cause as Error | undefined)?.message ?? error.message) : String(error);
      return { ok: false, statusCode: null, excerpt: null, error: logText(reason), latencyMs: Date.now() - startedMs };
    }
  }

  /** Records an attempt, schedules the next or settles the delivery, and keeps the endpoint's failure streak. */
  async function record(endpoint: WebhookEndpointRow, delivery: DeliveryWithEvent, outcome: AttemptOutcome): Promise<void> {
    const nowMs = clock.nowMs();
    const attempts = delivery.attempts + 1;
    const delayMs = outcome.ok ? null : nextAttemptDelayMs(config.retryScheduleSeconds, attempts);
    await db.transaction().execute(async (trx) => {
      const settled = await updateWebhookDelivery(trx, delivery.id, {
        status: outcome.ok ? 'succeeded' : delayMs === null ? 'failed' : 'pending',
        attempts,
        next_attempt_at: delayMs === null ? null : nowMs + delayMs,
        last_attempt_at: nowMs,
        last_status_code: outcome.statusCode,
        updated_at: nowMs,
      });
      // The endpoint was deleted while the attempt was in flight (its deliveries with it): nothing left to log.
      if (!settled) return;
      await insertWebhookAttempt(trx, {
        id: newId('atmpt', nowMs),
        delivery_id: delivery.id,
        status_code: outcome.statusCode,
        latency_ms: outcome.latencyMs,
        response_excerpt: outcome.excerpt,
        error: outcome.error,
        created_at: nowMs,
      });
      if (outcome.ok) {
        if (endpoint.failing_since !== null) await updateWebhookEndpoint(trx, endpoint.id, { failing_since: null });
        return;
      }
      const failingSince = endpoint.failing_since ?? nowMs;
      const disable = nowMs - failingSince >= config.disableAfterHours * 3600_000;
      await updateWebhookEndpoint(trx, endpoint.id, {
        failing_since: failingSince,
        ...(disable ? { disabled: 1, disabled_reason: `every attempt failed for ${config.disableAfterHours} hours`, updated_at: nowMs } : {}),
      });
      endpoint.failing_since = failingSince;
      if (disable) endpoint.disabled = 1;
    });
  }

  /** Serves one endpoint if no other node is: its due deliveries in order, until one is not due yet. */
  async function serveEndpoint(endpointId: string): Promise<number> {
    if (!(await claimWebhookEndpoint(db, endpointId, node, clock.nowMs(), clock.nowMs() + leaseMs))) return 0;
    let sent = 0;
    try {
      for (; sent < DELIVERIES_PER_CLAIM && !stopped; sent++) {
        const endpoint = await findWebhookEndpoint(db, endpointId);
        if (!endpoint || endpoint.disabled === 1) return sent;
        const delivery = await firstPendingDelivery(db, endpointId);
        // In order: a later event waits while an earlier one waits for its retry.
        if (!delivery || (delivery.next_attempt_at ?? 0) > clock.nowMs()) return sent;
        const outcome = await send(endpoint, delivery);
        if (stopped && outcome.error && inFlight.signal.aborted) return sent;
        await record(endpoint, delivery, outcome);
        if (!(await renewWebhookEndpointClaim(db, endpointId, node, clock.nowMs() + leaseMs))) return sent + 1;
      }
    } finally {
      await releaseWebhookEndpoint(db, endpointId, node);
    }
    return sent;
  }

  const errorSummary = (error: unknown) => (error instanceof Error ? { message: error.message, name: error.name } : String(error));

  /**
   * One round: publish the outbox, then start serving the endpoints with something due that this node is not
   * serving yet. Answers how many changes it published and the services it started; the poll loop does not wait
   * for them (the next round starts while a slow receiver is still answering), `runOnce` does. A service that
   * sent something asks for the next round at once: its endpoint may have more waiting.
   */
  async function startRound(): Promise<{ published: number; started: Promise<void>[] }> {
    const published = await publisher.publishPending();
    const due = await endpointsWithDueDeliveries(db, clock.nowMs(), 500);
    const started: Promise<void>[] = [];
    for (const endpointId of due) {
      if (stopped || serving.size >= ENDPOINTS_AT_ONCE) break;
      if (serving.has(endpointId)) continue;
      const service = serveEndpoint(endpointId)
        .then((sent) => {
          serving.delete(endpointId);
          if (sent > 0) wake();
        })
        .catch((error: unknown) => {
          serving.delete(endpointId);
          warn({ err: errorSummary(error), endpointId }, 'webhook delivery to an endpoint failed');
        });
      serving.set(endpointId, service);
      started.push(service);
    }
    return { published, started };
  }

  /** One round now, until what it started is done. */
  async function runOnce(): Promise<void> {
    await Promise.all((await startRound()).started);
  }

  /** Another round was asked for while one ran: it follows at once. */
  let wanted = false;

  /** The next round starts now rather than at the next poll. */
  function wake(): void {
    if (!config.deliver || stopped) return;
    if (running) wanted = true;
    else if (timer) schedule(0);
  }

  /** The next round: at once after a round that did something (more may wait), else after the poll interval. */
  function schedule(delayMs: number): void {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      wanted = false;
      running = startRound()
        .then(({ published }) => published)
        .catch((error: unknown) => {
          warn({ err: errorSummary(error) }, 'webhook dispatch round failed');
          return 0;
        })
        .then((done) => {
          running = null;
          schedule(done > 0 || wanted ? 0 : config.pollIntervalMs);
        });
    }, delayMs);
    timer.unref();
  }

  return {
    /** Starts polling (only where this node delivers: `ROSTER_WEBHOOK_DELIVERY`). */
    start(): void {
      if (config.deliver && timer === null && running === null && !stopped) schedule(config.pollIntervalMs);
    },
    /**
     * A change was just made on this node: the next round starts now rather than at the next poll (other nodes'
     * changes wait for their poll).
     */
    wake,
    /** One round now (tests and the CLI); publishes and delivers what is due. */
    runOnce,
    /** Stops polling and abandons attempts in flight (their deliveries stay due: another round sends them). */
    async stop(): Promise<void> {
      stopped = true;
      if (timer) clearTimeout(timer);
      inFlight.abort();
      await running;
      await Promise.all(serving.values());
    },
  };
}

export type WebhookDispatcher = ReturnType<typeof createWebhookDispatcher>;
