// Delivery rules driven by the manual clock: a later event waits while an earlier one waits for its retry; an
// endpoint failing for ROSTER_WEBHOOK_DISABLE_AFTER_HOURS is disabled and PATCH {disabled: false} brings it back;
// after a rotation the old secret verifies (svix's Webhook.verify) for 24 hours, then only the new one does.
import { verifyWebhook } from '@clerk/backend/webhooks';
import { Webhook } from 'svix';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { uniqueEmail } from '../../helpers/fixtures.js';
import { useTestServer } from '../../helpers/test-server.js';
import { startWebhookReceiver, type ReceivedWebhook, type WebhookReceiver } from '../../helpers/webhook-receiver.js';

const HOUR_MS = 3600_000;

describe('delivery rules', () => {
  // Retries after 1 s each; an endpoint failing for an hour is disabled.
  const server = useTestServer({ ROSTER_WEBHOOK_POLL_MS: '20', ROSTER_WEBHOOK_RETRY_SCHEDULE: '1,1,1,1,1', ROSTER_WEBHOOK_DISABLE_AFTER_HOURS: '1' });
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    receiver = await startWebhookReceiver();
  });
  afterAll(async () => receiver?.close());
  afterEach(() => vi.useRealTimers());

  const createdFor = (userId: string) => (w: ReceivedWebhook) => w.payload.type === 'user.created' && w.payload.data.id === userId;
  const addEndpoint = async () => {
    const created = await server.api('POST', '/v1/roster/webhook_endpoints', { url: receiver.url, events: ['user.created'] });
    expect(created.status).toBe(200);
    return created.body as { id: string; secret: string };
  };
  const removeEndpoint = (id: string) => server.api('DELETE', `/v1/roster/webhook_endpoints/${id}`);

  it('holds a later event back while an earlier one waits for its retry', async () => {
    const endpoint = await addEndpoint();
    receiver.failNext(1);
    const first = await server.clerk.users.createUser({ emailAddress: [uniqueEmail('order-first')] });
    await expect.poll(() => receiver.received.filter(createdFor(first.id)).length, { timeout: 5000 }).toBe(1);
    const second = await server.clerk.users.createUser({ emailAddress: [uniqueEmail('order-second')] });
    // Many polls, and the second event is ready: it still waits for the first.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(receiver.received.filter(createdFor(second.id))).toEqual([]);
    server.clock.advanceMs(1300);
    await receiver.waitFor(createdFor(second.id));
    const order = receiver.received.filter((w) => createdFor(first.id)(w) || createdFor(second.id)(w)).map((w) => `${w.payload.data.id === first.id ? 'first' : 'second'} ${w.status}`);
    expect(order).toEqual(['first 500', 'first 200', 'second 200']);
    await removeEndpoint(endpoint.id);
  });

  it('disables an endpoint whose attempts all failed for the configured hours, and PATCH {disabled: false} brings it back', async () => {
    const endpoint = await addEndpoint();
    const path = `/v1/roster/webhook_endpoints/${endpoint.id}`;
    receiver.failNext(1000);
    const startedMs = server.clock.nowMs();
    const user = await server.clerk.users.createUser({ emailAddress: [uniqueEmail('disable')] });
    await expect.poll(() => receiver.received.filter(createdFor(user.id)).length, { timeout: 5000 }).toBe(1);
    expect((await server.api('GET', path)).body).toMatchObject({ disabled: false, failing_since: startedMs });
    // Within the hour, failing is not enough.
    server.clock.advanceMs(1300);
    await expect.poll(() => receiver.received.filter(createdFor(user.id)).length, { timeout: 5000 }).toBe(2);
    expect((await server.api('GET', path)).body.disabled).toBe(false);
    // Past it, the next failed attempt disables the endpoint.
    server.clock.advanceMs(HOUR_MS);
    await expect.poll(async () => (await server.api('GET', path)).body.disabled, { timeout: 5000 }).toBe(true);
    expect((await server.api('GET', path)).body).toMatchObject({ disabled_reason: 'every attempt failed for 1 hours', failing_since: startedMs });
    const sent = receiver.received.filter(createdFor(user.id)).length;
    server.clock.advanceMs(10_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(receiver.received.filter(createdFor(user.id))).toHaveLength(sent);

    receiver.failNext(0);
    const enabled = await server.api('PATCH', path, { disabled: false });
    expect(enabled.body).toMatchObject({ disabled: false, disabled_reason: null, failing_since: null });
    // The delivery still due goes out.
    await receiver.waitFor(createdFor(user.id));
    await removeEndpoint(endpoint.id);
  });

  it('signs with the old secret beside the new one for 24 hours after a rotation, then with the new one only', async () => {
    const endpoint = await addEndpoint();
    const rotated = await server.api('POST', `/v1/roster/webhook_endpoints/${endpoint.id}/rotate_secret`);
    const [oldSecret, newSecret] = [endpoint.secret, rotated.body.secret as string];
    expect(newSecret).toMatch(/^whsec_/);
    expect(newSecret).not.toBe(oldSecret);

    const during = await server.clerk.users.createUser({ emailAddress: [uniqueEmail('rotation-during')] });
    const signedTwice = await receiver.waitFor(createdFor(during.id));
    expect(signedTwice.headers['svix-signature']!.split(' ')).toHaveLength(2);
    // svix checks svix-timestamp against its own clock (the earlier tests moved Roster's): put it where Roster's is.
    vi.useFakeTimers({ toFake: ['Date'], now: server.clock.nowMs() });
    for (const secret of [oldSecret, newSecret]) {
      expect(new Webhook(secret).verify(signedTwice.body, signedTwice.headers)).toEqual(signedTwice.payload);
      const request = new Request('http://app.example/webhooks', { method: 'POST', headers: signedTwice.headers, body: signedTwice.body });
      expect((await verifyWebhook(request, { signingSecret: secret })).type).toBe('user.created');
    }
    vi.useRealTimers();

    server.clock.advanceMs(24 * HOUR_MS + 60_000);
    const after = await server.clerk.users.createUser({ emailAddress: [uniqueEmail('rotation-after')] });
    const signedOnce = await receiver.waitFor(createdFor(after.id));
    expect(signedOnce.headers['svix-signature']!.split(' ')).toHaveLength(1);
    vi.useFakeTimers({ toFake: ['Date'], now: server.clock.nowMs() });
    expect(new Webhook(newSecret).verify(signedOnce.body, signedOnce.headers)).toEqual(signedOnce.payload);
    expect(() => new Webhook(oldSecret).verify(signedOnce.body, signedOnce.headers)).toThrow(/signature/i);
    vi.useRealTimers();
    await removeEndpoint(endpoint.id);
  });
});
