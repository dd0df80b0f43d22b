// Webhooks end to end: an endpoint added through Roster's API receives user and session events, signed so that
// @clerk/backend's verifyWebhook and svix's Webhook.verify accept them unchanged, with payloads as in Clerk's
// webhook reference; a receiver that fails gets the event again on the retry schedule, with the same svix-id.
import { verifyWebhook } from '@clerk/backend/webhooks';
import { Webhook as StandardWebhook } from 'standardwebhooks';
import { Webhook } from 'svix';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueEmail } from '../../helpers/fixtures.js';
import { useTestServer } from '../../helpers/test-server.js';
import { startWebhookReceiver, type ReceivedWebhook, type WebhookReceiver } from '../../helpers/webhook-receiver.js';
import { expectWebhookPayload } from '../../helpers/webhook-spec.js';

describe('webhook delivery', () => {
  // Retries after 1, 2, 3, 4 and 5 s (the manual clock is moved past them), polled every 20 ms.
  const server = useTestServer({ ROSTER_WEBHOOK_POLL_MS: '20', ROSTER_WEBHOOK_RETRY_SCHEDULE: '1,2,3,4,5' });
  let receiver: WebhookReceiver;
  let secret: string;
  let endpointId: string;
  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    const created = await server.api('POST', '/v1/roster/webhook_endpoints', { url: receiver.url, description: 'sync' });
    expect(created.status).toBe(200);
    expect(created.body.secret).toMatch(/^whsec_/);
    secret = created.body.secret;
    endpointId = created.body.id;
  });
  afterAll(async () => receiver?.close());

  /** Checks a delivery the way an app would, with both libraries, and against the reference. */
  async function expectVerified(webhook: ReceivedWebhook): Promise<void> {
    const request = new Request('http://app.example/webhooks', { method: 'POST', headers: webhook.headers, body: webhook.body });
    const event = await verifyWebhook(request, { signingSecret: secret });
    expect(event.type).toBe(webhook.payload.type);
    expect(new Webhook(secret).verify(webhook.body, webhook.headers)).toEqual(webhook.payload);
    // standardwebhooks reads webhook-* headers; Svix's svix-* carry the same values.
    const standard = { 'webhook-id': webhook.headers['svix-id']!, 'webhook-timestamp': webhook.headers['svix-timestamp']!, 'webhook-signature': webhook.headers['svix-signature']! };
    expect(new StandardWebhook(secret.slice('whsec_'.length)).verify(webhook.body, standard)).toEqual(webhook.payload);
    expectWebhookPayload(webhook.payload);
  }

  it('sends user.created, user.updated and user.deleted for changes made through the Backend API', async () => {
    const email = uniqueEmail('webhook-user');
    const user = await server.clerk.users.createUser({ emailAddress: [email], password: 'webhook-Pa55word!', externalId: `ext-${Date.now()}` });
    const created = await receiver.waitFor((w) => w.payload.type === 'user.created' && w.payload.data.id === user.id);
    await expectVerified(created);
    expect(created.payload).toMatchObject({ object: 'event', instance_id: expect.stringMatching(/^ins_/) });
    expect(created.payload.data.email_addresses.map((item: any) => item.email_address)).toEqual([email]);
    expect(created.headers['svix-id']).toMatch(/^msg_/);
    // The request that made the change: @clerk/backend's, from this machine.
    expect(created.payload.event_attributes).toEqual({ http_request: { client_ip: '127.0.0.1', user_agent: expect.stringContaining('@clerk/backend') } });

    await server.clerk.users.updateUser(user.id, { firstName: 'Grace' });
    const updated = await receiver.waitFor((w) => w.payload.type === 'user.updated' && w.payload.data.first_name === 'Grace');
    await expectVerified(updated);

    await server.clerk.users.deleteUser(user.id);
    const deleted = await receiver.waitFor((w) => w.payload.type === 'user.deleted' && w.payload.data.id === user.id);
    await expectVerified(deleted);
    expect(deleted.payload.data).toEqual({ object: 'user', id: user.id, deleted: true, external_id: user.externalId });
    // One event per change, in the order the changes happened.
    const mine = receiver.received.filter((w) => w.payload.data.id === user.id && w.status === 200).map((w) => w.payload.type);
    expect(mine).toEqual(['user.created', 'user.updated', 'user.deleted']);
  });

  it('sends session.created and session.revoked with the session and its user', async () => {
    const user = await server.clerk.users.createUser({ emailAddress: [uniqueEmail('webhook-session')] });
    const session = await server.clerk.sessions.createSession({ userId: user.id });
    const created = await receiver.waitFor((w) => w.payload.type === 'session.created' && w.payload.data.id === session.id);
    await expectVerified(created);
    expect(created.payload.data).toMatchObject({ object: 'session', status: 'active', user_id: user.id, user: { id: user.id } });
    await server.clerk.sessions.revokeSession(session.id);
    const revoked = await receiver.waitFor((w) => w.payload.type === 'session.revoked' && w.payload.data.id === session.id);
    await expectVerified(revoked);
    expect(revoked.payload.data.status).toBe('revoked');
  });

  it('retries a delivery that failed 5 times on the schedule, with the same svix-id, until the receiver takes it, and logs each attempt', async () => {
    receiver.failNext(5);
    const user = await server.clerk.users.createUser({ emailAddress: [uniqueEmail('webhook-retry')] });
    const isMine = (w: ReceivedWebhook) => w.payload.type === 'user.created' && w.payload.data.id === user.id;
    await expect.poll(() => receiver.received.filter(isMine).length, { timeout: 5000 }).toBe(1);
    // Each retry comes once its wait (±20 %) has passed, not before.
    // Roster schedules the next attempt once it has recorded this one (after the receiver answered).
    const attemptsRecorded = async () => {
      const log = await server.api('GET', `/v1/roster/webhook_endpoints/${endpointId}/deliveries?limit=50`);
      return log.body.data.find((item: any) => item.event_type === 'user.created' && receiver.received.some((w) => isMine(w) && w.headers['svix-id'] === item.event_id))?.attempts;
    };
    for (const [attempt, waitSeconds] of [1, 2, 3, 4, 5].entries()) {
      await expect.poll(attemptsRecorded, { timeout: 5000 }).toBe(attempt + 1);
      server.clock.advanceMs(waitSeconds * 700);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(receiver.received.filter(isMine).length).toBe(attempt + 1);
      server.clock.advanceMs(waitSeconds * 600);
      await expect.poll(() => receiver.received.filter(isMine).length, { timeout: 5000 }).toBe(attempt + 2);
    }
    const delivered = await receiver.waitFor(isMine);
    await expectVerified(delivered);
    const ids = new Set(receiver.received.filter(isMine).map((w) => w.headers['svix-id']));
    expect(ids.size).toBe(1);

    // Roster records the attempt once the receiver's answer is in: read the log once it has.
    const entryOf = async () => {
      const log = await server.api('GET', `/v1/roster/webhook_endpoints/${endpointId}/deliveries?limit=50`);
      return log.body.data.find((item: any) => item.event_id === delivered.headers['svix-id']);
    };
    await expect.poll(async () => (await entryOf())?.status, { timeout: 5000 }).toBe('succeeded');
    const entry = await entryOf();
    expect(entry).toMatchObject({ status: 'succeeded', attempts: 6, event_type: 'user.created', last_status_code: 200 });
    expect(entry.attempt_log.map((attempt: any) => attempt.status_code)).toEqual([500, 500, 500, 500, 500, 200]);
    expect(entry.attempt_log[0].response_excerpt).toBe('receiver failed on purpose');
  });

  it('replays a delivered event with its svix-id', async () => {
    const log = await server.api('GET', `/v1/roster/webhook_endpoints/${endpointId}/deliveries?limit=1&status=succeeded`);
    const [latest] = log.body.data;
    const before = receiver.received.filter((w) => w.headers['svix-id'] === latest.event_id).length;
    const replay = await server.api('POST', `/v1/roster/webhook_endpoints/${endpointId}/replay`, { delivery_id: latest.id });
    expect(replay.body).toEqual({ object: 'webhook_replay', replayed: 1 });
    await expect.poll(() => receiver.received.filter((w) => w.headers['svix-id'] === latest.event_id).length, { timeout: 5000 }).toBe(before + 1);
  });
});
