// The endpoint API under attack: one endpoint's deliveries are out of reach through another's id, bad input is a
// Clerk-style 4xx, the URL shown is the URL called, and the signing secret is in no answer but creation's and
// rotation's, nor in the log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueEmail } from '../../helpers/fixtures.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { startWebhookReceiver, type WebhookReceiver } from '../../helpers/webhook-receiver.js';

describe('webhook endpoint API', () => {
  const logLines: string[] = [];
  let server: TestServer;
  let receiver: WebhookReceiver;
  const secrets: string[] = [];
  let endpointA: string;
  let endpointB: string;
  let deliveryOfA: string;
  beforeAll(async () => {
    server = await startTestServer({ ROSTER_WEBHOOK_POLL_MS: '20' }, { logLines });
    receiver = await startWebhookReceiver();
    const a = await server.api('POST', '/v1/roster/webhook_endpoints', { url: `${receiver.url}?to=a`, events: ['user.created'] });
    const b = await server.api('POST', '/v1/roster/webhook_endpoints', { url: `${receiver.url}?to=b`, events: ['session.created'] });
    [endpointA, endpointB] = [a.body.id, b.body.id];
    secrets.push(a.body.secret, b.body.secret);
    await server.clerk.users.createUser({ emailAddress: [uniqueEmail('api-review')] });
    await receiver.waitFor((w) => w.payload.type === 'user.created');
    deliveryOfA = (await server.api('GET', `/v1/roster/webhook_endpoints/${endpointA}/deliveries`)).body.data[0].id;
  });
  afterAll(async () => {
    await server?.close();
    await receiver?.close();
  });

  it("does not reach endpoint A's delivery through endpoint B", async () => {
    const replay = await server.api('POST', `/v1/roster/webhook_endpoints/${endpointB}/replay`, { delivery_id: deliveryOfA });
    expect(replay.status).toBe(404);
    expect(replay.body.errors[0].code).toBe('resource_not_found');
    const page = await server.api('GET', `/v1/roster/webhook_endpoints/${endpointB}/deliveries?starting_after=${deliveryOfA}`);
    expect(page.status).toBe(404);
    // A range replay on B touches B's deliveries only.
    expect((await server.api('POST', `/v1/roster/webhook_endpoints/${endpointB}/replay`, { since: 0 })).body).toEqual({ object: 'webhook_replay', replayed: 0 });
  });

  it('answers a bad delivery status filter with 422, not an empty page', async () => {
    const response = await server.api('GET', `/v1/roster/webhook_endpoints/${endpointA}/deliveries?status=delivered`);
    expect(response.status).toBe(422);
    expect(response.body.errors[0]).toMatchObject({ code: 'form_param_value_invalid', meta: { param_name: 'status' } });
    expect((await server.api('GET', `/v1/roster/webhook_endpoints/${endpointA}/deliveries?status=succeeded`)).body.data).toHaveLength(1);
  });

  it('refuses replay ranges that select nothing sensible', async () => {
    const replay = (body: unknown) => server.api('POST', `/v1/roster/webhook_endpoints/${endpointA}/replay`, body);
    for (const body of [{ since: 10, until: 5 }, { since: 10, until: 10 }, { since: -1 }, { since: 0, until: 1e300 }, { since: '0' }, {}, { delivery_id: deliveryOfA, since: 0 }]) {
      const response = await replay(body);
      expect(response.status, JSON.stringify(body)).toBe(422);
    }
  });

  it('keeps the URL it will call: spaces and tabs are not kept around or inside it', async () => {
    const created = await server.api('POST', '/v1/roster/webhook_endpoints', { url: ' https://hooks.exa\tmple.com/in ', events: ['user.created'] });
    expect(created.status).toBe(200);
    secrets.push(created.body.secret);
    expect(created.body.url).toBe('https://hooks.example.com/in');
    const changed = await server.api('PATCH', `/v1/roster/webhook_endpoints/${created.body.id}`, { url: 'HTTPS://Hooks.Example.COM/in\n', disabled: true });
    expect(changed.body.url).toBe('https://hooks.example.com/in');
  });

  it('refuses URLs with credentials, other schemes or past 2048 characters', async () => {
    for (const url of ['http://user:pass@example.com/', 'http://user@example.com/', 'ftp://example.com/', 'javascript:alert(1)', 'file:///etc/passwd', '/relative', `https://example.com/${'a'.repeat(2100)}`]) {
      const response = await server.api('POST', '/v1/roster/webhook_endpoints', { url });
      expect(response.status, url).toBe(422);
      expect(response.body.errors[0].meta.param_name, url).toBe('url');
    }
    // Percent-encoding can lengthen a URL past the limit after it was checked.
    const spaced = await server.api('POST', '/v1/roster/webhook_endpoints', { url: `https://example.com/${' x'.repeat(900)}` });
    expect(spaced.status).toBe(422);
  });

  it('shows the signing secret at creation and rotation only, and never logs it', async () => {
    const rotated = await server.api('POST', `/v1/roster/webhook_endpoints/${endpointA}/rotate_secret`);
    expect(rotated.body.secret).toMatch(/^whsec_/);
    secrets.push(rotated.body.secret);
    const answers = [
      await server.api('GET', '/v1/roster/webhook_endpoints'),
      await server.api('GET', `/v1/roster/webhook_endpoints/${endpointA}`),
      await server.api('PATCH', `/v1/roster/webhook_endpoints/${endpointA}`, { description: 'after rotation' }),
      await server.api('GET', `/v1/roster/webhook_endpoints/${endpointA}/deliveries`),
    ];
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(JSON.stringify(answer.body)).not.toMatch(/whsec_|secret/);
    }
    expect(logLines.length).toBeGreaterThan(0);
    expect(logLines.filter((line) => line.includes('whsec_') || secrets.some((secret) => line.includes(secret.slice(6))))).toEqual([]);
  });
});
