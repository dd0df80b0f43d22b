// A webhook receiver on 127.0.0.1 for tests: records every request (headers and the exact body) and answers what
// the test says (200 by default; `failNext(n)` answers 500 to the next n).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createWaiters } from './waiters.js';

export interface ReceivedWebhook {
  headers: Record<string, string>;
  body: string;
  /** The parsed body. */
  payload: { type: string; data: any; object: string; timestamp: number; instance_id: string; event_attributes?: Record<string, unknown> };
  /** What the receiver answered. */
  status: number;
}

export interface WebhookReceiver {
  url: string;
  received: ReceivedWebhook[];
  /** Answers 500 to the next `count` requests. */
  failNext(count: number): void;
  /** Resolves once a request matching `matches` was answered 2xx; rejects after `timeoutMs`. */
  waitFor(matches: (webhook: ReceivedWebhook) => boolean, timeoutMs?: number): Promise<ReceivedWebhook>;
  close(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  let failures = 0;
  const waiters = createWaiters();
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const status = failures > 0 ? 500 : 200;
      if (failures > 0) failures--;
      const headers = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, String(value)]));
      received.push({ headers, body, payload: JSON.parse(body), status });
      response.writeHead(status, { 'content-type': 'text/plain' }).end(status === 200 ? 'ok' : 'receiver failed on purpose');
      waiters.wake();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks`,
    received,
    failNext: (count) => {
      failures = count;
    },
    waitFor(matches, timeoutMs = 10_000) {
      return waiters.waitFor(
        () => received.find((webhook) => webhook.status < 300 && matches(webhook)),
        timeoutMs,
        () => `no matching webhook within ${timeoutMs} ms; received: ${received.map((w) => `${w.payload.type} ${w.status}`).join(', ') || 'none'}`,
      );
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
