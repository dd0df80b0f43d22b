// Closing the app: requests already running finish with `connection: close` and their connections end with them,
// so shutdown never waits out the keep-alive timeout for a connection whose request ended after close().
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

describe('close() with a request in flight', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server.close());

  it('answers it, marks the answer connection: close, and closes its connection', async () => {
    const password = 'a long and unusual passphrase 4 close';
    const user = (await server.api('POST', '/v1/users', { email_address: ['closing@example.com'], password })).body;
    const agent = new http.Agent({ keepAlive: true });
    // close() starts the moment the server has the request, so it is running (not idle) when closing begins.
    let closed: Promise<void> | undefined;
    server.app.server.once('request', () => {
      closed = server.app.close();
    });
    const answer = await new Promise<{ status?: number; connection?: string; socketClosed: Promise<void> }>((resolve, reject) => {
      const request = http.request(
        `${server.baseUrl}/v1/users/${user.id}/verify_password`,
        { method: 'POST', agent, headers: { authorization: `Bearer ${server.secretKey}`, 'content-type': 'application/json' } },
        (response) => {
          const socketClosed = new Promise<void>((done) => response.socket.once('close', () => done()));
          response.resume();
          response.on('end', () => resolve({ status: response.statusCode, connection: response.headers.connection, socketClosed }));
        },
      );
      request.on('error', reject);
      request.end(JSON.stringify({ password }));
    });
    expect(answer.status).toBe(200);
    expect(answer.connection).toBe('close');
    // Both end on their own; before the fix the keep-alive connection held close() open for 72 s.
    await answer.socketClosed;
    await closed;
    agent.destroy();
  });
});
