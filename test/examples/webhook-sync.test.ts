// examples/webhook-sync: an app written for Clerk's webhooks keeps its copy of users in step with Roster, unchanged.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebhookSyncApp } from '../../examples/webhook-sync/app.mjs';
import { uniqueEmail } from '../helpers/fixtures.js';
import { useTestServer } from '../helpers/test-server.js';

describe('examples/webhook-sync against Roster', () => {
  const server = useTestServer({ ROSTER_WEBHOOK_POLL_MS: '20' });
  let listening: Server;
  let example: ReturnType<typeof createWebhookSyncApp>;
  let appUrl = '';
  beforeAll(async () => {
    // The endpoint first (Roster makes the secret), then the app with it, then the endpoint pointed at the app.
    const added = await server.api('POST', '/v1/roster/webhook_endpoints', { url: 'http://127.0.0.1:9/placeholder', events: ['user.created', 'user.updated', 'user.deleted'] });
    example = createWebhookSyncApp({ signingSecret: added.body.secret });
    listening = await new Promise<Server>((resolve) => {
      const started = example.app.listen(0, '127.0.0.1', () => resolve(started));
    });
    appUrl = `http://127.0.0.1:${(listening.address() as AddressInfo).port}`;
    expect((await server.api('PATCH', `/v1/roster/webhook_endpoints/${added.body.id}`, { url: `${appUrl}/api/webhooks` })).status).toBe(200);
  });
  afterAll(async () => {
    listening?.closeAllConnections();
    await new Promise((resolve) => listening?.close(resolve));
  });

  const copyOf = async (id: string) => ((await (await fetch(`${appUrl}/users`)).json()) as { id: string; email: string; firstName: string | null }[]).find((user) => user.id === id);

  it('follows users created, changed and deleted through @clerk/backend', async () => {
    const email = uniqueEmail('sync');
    const user = await server.clerk.users.createUser({ emailAddress: [email], firstName: 'Ada' });
    await expect.poll(() => copyOf(user.id), { timeout: 10_000 }).toMatchObject({ email, firstName: 'Ada' });
    await server.clerk.users.updateUser(user.id, { firstName: 'Grace' });
    await expect.poll(async () => (await copyOf(user.id))?.firstName, { timeout: 10_000 }).toBe('Grace');
    await server.clerk.users.deleteUser(user.id);
    await expect.poll(() => copyOf(user.id), { timeout: 10_000 }).toBeUndefined();
  });

  it('refuses a delivery that is not signed with its secret', async () => {
    const response = await fetch(`${appUrl}/api/webhooks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'svix-id': 'msg_forged', 'svix-timestamp': String(Math.floor(Date.now() / 1000)), 'svix-signature': 'v1,Zm9yZ2Vk' },
      body: JSON.stringify({ type: 'user.deleted', data: { id: 'user_x' } }),
    });
    expect(response.status).toBe(400);
  });
});
