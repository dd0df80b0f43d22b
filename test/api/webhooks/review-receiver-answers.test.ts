// What a receiver answers is only ever an excerpt in the delivery log: Roster reads no more of a huge answer than
// the excerpt needs (memory stays bounded), stores an answer with a NUL byte (PostgreSQL's text refuses NUL) instead
// of sending the event again and again, and does not follow a redirect.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueEmail } from '../../helpers/fixtures.js';
import { useTestServer } from '../../helpers/test-server.js';

/** A receiver on 127.0.0.1 answering with `answer`; counts the requests it got, by path. */
async function startReceiver(answer: (request: http.IncomingMessage, response: http.ServerResponse) => void) {
  const hits: string[] = [];
  const server = http.createServer((request, response) => {
    hits.push(request.url ?? '');
    request.resume();
    request.on('end', () => answer(request, response));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

describe('what a receiver answers', () => {
  const server = useTestServer({ ROSTER_WEBHOOK_POLL_MS: '20' });
  // Answers 200, then up to 64 MB of body in 64 KB chunks for as long as the connection stays open.
  let bytesSent = 0;
  let hugeClosed = false;
  const receivers: Awaited<ReturnType<typeof startReceiver>>[] = [];
  let huge: (typeof receivers)[number];
  let nul: (typeof receivers)[number];
  let redirect: (typeof receivers)[number];
  const endpoints: Record<string, string> = {};

  beforeAll(async () => {
    huge = await startReceiver((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/plain' });
      const chunk = Buffer.alloc(64 * 1024, 'x');
      const pump = () => {
        while (bytesSent < 64 * 1024 * 1024 && !response.destroyed) {
          bytesSent += chunk.length;
          if (!response.write(chunk)) return void response.once('drain', pump);
        }
        response.end();
      };
      response.on('close', () => (hugeClosed = true));
      pump();
    });
    nul = await startReceiver((_request, response) => response.writeHead(200, { 'content-type': 'text/plain' }).end('ok\u0000done'));
    redirect = await startReceiver((request, response) =>
      request.url === '/hook' ? response.writeHead(302, { location: '/elsewhere' }).end() : response.writeHead(200).end('followed'),
    );
    receivers.push(huge, nul, redirect);
    // The first user's answer is checked against Clerk's spec, which takes a while the first time: not during a test.
    await server.clerk.users.createUser({ emailAddress: [uniqueEmail('answers-warm-up')] });
    for (const [name, receiver] of Object.entries({ huge, nul, redirect })) {
      const created = await server.api('POST', '/v1/roster/webhook_endpoints', { url: `${receiver.url}/hook`, events: ['user.created'] });
      expect(created.status).toBe(200);
      endpoints[name] = created.body.id;
    }
    await server.clerk.users.createUser({ emailAddress: [uniqueEmail('answers')] });
  });
  afterAll(async () => {
    for (const receiver of receivers) await receiver.close();
  });

  const firstDelivery = async (name: string) => (await server.api('GET', `/v1/roster/webhook_endpoints/${endpoints[name]}/deliveries`)).body.data[0];

  it('reads no more of a huge answer than the excerpt needs', async () => {
    await expect.poll(async () => (await firstDelivery('huge'))?.status, { timeout: 15_000 }).toBe('succeeded');
    const delivery = await firstDelivery('huge');
    expect(delivery.attempt_log).toHaveLength(1);
    expect(delivery.attempt_log[0]).toMatchObject({ status_code: 200, response_excerpt: 'x'.repeat(512) });
    // Roster closed the connection after the excerpt: the receiver got to send a few socket buffers, not 64 MB.
    await expect.poll(() => hugeClosed, { timeout: 5000 }).toBe(true);
    expect(bytesSent).toBeLessThan(8 * 1024 * 1024);
  });

  it('logs an answer holding a NUL byte once, and does not send the event again', async () => {
    await expect.poll(async () => (await firstDelivery('nul'))?.status, { timeout: 10_000 }).toBe('succeeded');
    const delivery = await firstDelivery('nul');
    expect(delivery.attempt_log.map((attempt: any) => attempt.response_excerpt)).toEqual(['ok\uFFFDdone']);
    // Several polls later: still the one request.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(nul.hits).toEqual(['/hook']);
  });

  it('does not follow a redirect: the 3xx is a failed attempt, retried later', async () => {
    await expect.poll(async () => (await firstDelivery('redirect'))?.attempts, { timeout: 10_000 }).toBe(1);
    const delivery = await firstDelivery('redirect');
    expect(delivery).toMatchObject({ status: 'pending', last_status_code: 302 });
    expect(delivery.next_attempt_at).toBeGreaterThan(server.clock.nowMs());
    expect(redirect.hits).toEqual(['/hook']);
  });
});
