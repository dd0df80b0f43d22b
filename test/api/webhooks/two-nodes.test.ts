// Two Roster nodes on one database (PostgreSQL when TEST_DATABASE_URL is set, else one SQLite file), both
// delivering: every change made through either node reaches the endpoint once, not once per node.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../src/app.js';
import { createManualClock } from '../../../src/lib/clock.js';
import { createHasherRegistry } from '../../../src/passwords/registry.js';
import { createDatabase, type RosterDatabase } from '../../../src/storage/database.js';
import type { RosterApp } from '../../../src/http/roster-app.js';
import { uniqueEmail } from '../../helpers/fixtures.js';
import { startTestServer, testDatabaseUrl, type TestServer } from '../../helpers/test-server.js';
import { startWebhookReceiver, type WebhookReceiver } from '../../helpers/webhook-receiver.js';

describe('two nodes on one database', () => {
  const env = { ROSTER_WEBHOOK_POLL_MS: '10' };
  let nodeA: TestServer;
  let nodeB: RosterApp;
  let databaseB: RosterDatabase;
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    nodeA = await startTestServer(env);
    // Node B: its own app, connections and dispatcher, on node A's database and configuration.
    databaseB = await createDatabase({ databaseUrl: testDatabaseUrl, sqliteFile: nodeA.config.sqliteFile, pgSchema: nodeA.database.schema ?? undefined });
    nodeB = await buildApp({ config: nodeA.config, database: databaseB, clock: createManualClock(Date.now()), hashers: createHasherRegistry(), logger: false });
    await nodeB.listen({ port: 0, host: '127.0.0.1' });
    receiver = await startWebhookReceiver();
    expect((await nodeA.api('POST', '/v1/roster/webhook_endpoints', { url: receiver.url, events: ['user.created'] })).status).toBe(200);
  });
  afterAll(async () => {
    await nodeB?.close();
    await databaseB?.close();
    await nodeA?.close();
    await receiver?.close();
  });

  it('delivers each event once per endpoint', async () => {
    const address = nodeB.server.address();
    const baseB = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const create = (base: string, label: string) =>
      fetch(`${base}/v1/users`, {
        method: 'POST',
        headers: { authorization: `Bearer ${nodeA.secretKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ email_address: [uniqueEmail(label)] }),
      }).then(async (response) => {
        expect(response.status).toBe(200);
        return ((await response.json()) as { id: string }).id;
      });
    // Forty users, half through each node, eight at a time.
    const ids: string[] = [];
    for (let round = 0; round < 5; round++) {
      ids.push(...(await Promise.all(Array.from({ length: 8 }, (_, i) => create(i % 2 ? baseB : nodeA.baseUrl, `two-nodes-${round}-${i}`)))));
    }
    const createdFor = (id: string) => receiver.received.filter((w) => w.payload.type === 'user.created' && w.payload.data.id === id);
    await expect.poll(() => ids.filter((id) => createdFor(id).length > 0).length, { timeout: 15_000 }).toBe(ids.length);
    // Both dispatchers keep polling for a while: still one delivery each.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(ids.map((id) => createdFor(id).length)).toEqual(ids.map(() => 1));
    expect(new Set(receiver.received.map((w) => w.headers['svix-id'])).size).toBe(receiver.received.length);
  });
});
