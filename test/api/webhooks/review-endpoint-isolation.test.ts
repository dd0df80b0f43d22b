// One endpoint's receiver cannot hold back another's: a receiver that answers slowly (with a backlog) or not at
// all delays only its own events, and an endpoint deleted while its delivery is in flight is dropped quietly.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueEmail } from '../../helpers/fixtures.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { startWebhookReceiver, type WebhookReceiver } from '../../helpers/webhook-receiver.js';

/** A receiver that holds every request until the test lets it go (`release`), then answers 200. */
async function startHoldingReceiver() {
  const held: (() => void)[] = [];
  const server = http.createServer((request, response) => {
    request.resume();
    held.push(() => response.writeHead(200).end('ok'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    held,
    release: () => held.splice(0).forEach((answer) => answer()),
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

describe('endpoints are served independently', () => {
  const logLines: string[] = [];
  let server: TestServer;
  let fast: WebhookReceiver;
  const holdingReceivers: Awaited<ReturnType<typeof startHoldingReceiver>>[] = [];
  const startHolding = async () => {
    const receiver = await startHoldingReceiver();
    holdingReceivers.push(receiver);
    return receiver;
  };
  beforeAll(async () => {
    server = await startTestServer({ ROSTER_WEBHOOK_POLL_MS: '20', ROSTER_WEBHOOK_TIMEOUT_SECONDS: '10' }, { logLines });
    fast = await startWebhookReceiver();
    // The first user's answer is checked against Clerk's spec, which takes a while the first time: not during a test.
    await server.clerk.users.createUser({ emailAddress: [uniqueEmail('isolation-warm-up')] });
    expect((await server.api('POST', '/v1/roster/webhook_endpoints', { url: fast.url, events: ['user.updated'] })).status).toBe(200);
  });
  afterAll(async () => {
    holdingReceivers.forEach((receiver) => receiver.release());
    await server?.close();
    await fast?.close();
    for (const receiver of holdingReceivers) await receiver.close();
  });

  it('delivers to a healthy endpoint while another endpoint waits on its receiver', async () => {
    const holding = await startHolding();
    const slow = await server.api('POST', '/v1/roster/webhook_endpoints', { url: holding.url, events: ['user.created'] });
    // Three events for the holding receiver: it would take it three timeouts (30 s) to get through them.
    const users = [];
    for (let i = 0; i < 3; i++) users.push(await server.clerk.users.createUser({ emailAddress: [uniqueEmail(`isolation-${i}`)] }));
    await expect.poll(() => holding.held.length, { timeout: 5000 }).toBe(1);
    await server.clerk.users.updateUser(users[0]!.id, { firstName: 'Independent' });
    await fast.waitFor((w) => w.payload.type === 'user.updated' && w.payload.data.first_name === 'Independent', 3000);
    await server.api('PATCH', `/v1/roster/webhook_endpoints/${slow.body.id}`, { disabled: true });
    holding.release();
  });

  it('drops a delivery whose endpoint was deleted while it was in flight, without a failed round', async () => {
    const holding = await startHolding();
    const user = await server.clerk.users.createUser({ emailAddress: [uniqueEmail('isolation-after')] });
    const doomed = await server.api('POST', '/v1/roster/webhook_endpoints', { url: holding.url, events: ['user.created'] });
    await server.clerk.users.createUser({ emailAddress: [uniqueEmail('isolation-doomed')] });
    await expect.poll(() => holding.held.length, { timeout: 5000 }).toBe(1);
    expect((await server.api('DELETE', `/v1/roster/webhook_endpoints/${doomed.body.id}`)).status).toBe(200);
    holding.release();
    // The other endpoint carries on.
    await server.clerk.users.updateUser(user.id, { firstName: 'After' });
    await fast.waitFor((w) => w.payload.type === 'user.updated' && w.payload.data.first_name === 'After', 5000);
    expect(logLines.filter((line) => JSON.parse(line).level >= 40)).toEqual([]);
  });
});
