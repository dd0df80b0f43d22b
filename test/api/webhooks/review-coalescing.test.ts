// Changes that wait together in the outbox become one event per subject (README: "a creation stands for the
// updates after it"). This node does not deliver on its own (no poll, no wake-up after requests); rounds are run by
// hand, so a burst of changes surely waits together.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueEmail } from '../../helpers/fixtures.js';
import { useTestServer } from '../../helpers/test-server.js';
import { startWebhookReceiver, type WebhookReceiver } from '../../helpers/webhook-receiver.js';

describe('a burst of changes to one user', () => {
  const server = useTestServer({ ROSTER_WEBHOOK_DELIVERY: 'off' });
  let everything: WebhookReceiver;
  let updatesOnly: WebhookReceiver;
  beforeAll(async () => {
    everything = await startWebhookReceiver();
    updatesOnly = await startWebhookReceiver();
    await server.api('POST', '/v1/roster/webhook_endpoints', { url: everything.url });
    await server.api('POST', '/v1/roster/webhook_endpoints', { url: updatesOnly.url, events: ['user.updated'] });
  });
  afterAll(async () => {
    await everything?.close();
    await updatesOnly?.close();
  });
  const runRound = () => server.app.webhookDispatcher.runOnce();

  it('becomes one user.updated showing the last state', async () => {
    const user = await server.clerk.users.createUser({ emailAddress: [uniqueEmail('burst')] });
    await runRound();
    // The creation's own writes (its email address) may reach an endpoint that hears only updates as one update.
    const updatesBefore = updatesOnly.received.length;
    for (let i = 1; i <= 20; i++) await server.clerk.users.updateUser(user.id, { firstName: `Burst${i}` });
    await runRound();
    const updates = everything.received.filter((w) => w.payload.type === 'user.updated' && w.payload.data.id === user.id);
    expect(updates.map((w) => w.payload.data.first_name)).toEqual(['Burst20']);
    expect(updatesOnly.received.slice(updatesBefore).filter((w) => w.payload.data.id === user.id).map((w) => w.payload.data.first_name)).toEqual(['Burst20']);
  });

  // Changes are coalesced per endpoint, after its subscriptions: user.created + user.updated of one batch are
  // user.created for an endpoint that hears both, and the update for one that hears only updates.
  it('tells an endpoint subscribed to user.updated only of an update made right after the creation', async () => {
    const user = await server.clerk.users.createUser({ emailAddress: [uniqueEmail('created-then-updated')] });
    await server.clerk.users.updateUser(user.id, { firstName: 'RightAfter' });
    await runRound();
    expect(everything.received.filter((w) => w.payload.data.id === user.id).map((w) => w.payload.type)).toEqual(['user.created']);
    expect(updatesOnly.received.filter((w) => w.payload.data.id === user.id).map((w) => w.payload.data.first_name)).toEqual(['RightAfter']);
  });
});
