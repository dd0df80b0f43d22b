// The response check installed by validate-responses.ts holds Frontend API answers (`/fapi/v1/…`) to the FAPI
// spec, reading `POST ?_method=X` as X, and never asks Roster's own OpenAPI document about them (FAPI routes are
// hidden from it). A plain HTTP server stands in for Roster: it has no /v1/openapi.json, so a document lookup would fail.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fapiSpecAvailable } from '../helpers/openapi.js';

describe.skipIf(!fapiSpecAvailable)('response validation of Frontend API answers', () => {
  let server: http.Server;
  let origin: string;
  const answers = new Map<string, { body: unknown; contentType?: string }>();

  beforeAll(async () => {
    server = http.createServer((request, response) => {
      const answer = answers.get(`${request.method} ${request.url}`);
      if (!answer) {
        response.writeHead(404, { 'content-type': 'text/plain' }).end('no answer');
        return;
      }
      response.writeHead(200, { 'content-type': answer.contentType ?? 'application/json' }).end(JSON.stringify(answer.body));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('accepts a spec-valid answer and rejects an invalid one', async () => {
    answers.set('GET /fapi/v1/client', { body: { response: null, client: null } });
    expect((await fetch(`${origin}/fapi/v1/client`)).status).toBe(200);
    answers.set('GET /fapi/v1/client?_clerk_js_version=6.40.0', { body: { response: null } });
    await expect(fetch(`${origin}/fapi/v1/client?_clerk_js_version=6.40.0`)).rejects.toThrow(/OpenAPI mismatch for GET \/fapi\/v1\/client[^]*GET \/v1\/client \(getClient\)[^]*missing required properties: 'client'/);
  });

  it('validates POST ?_method=DELETE against the DELETE operation', async () => {
    // Client.DeleteSession's `client` is any object; POST /v1/client's must be a whole client.
    answers.set('POST /fapi/v1/client?_method=DELETE', { body: { response: null, client: {} } });
    expect((await fetch(`${origin}/fapi/v1/client?_method=DELETE`, { method: 'POST' })).status).toBe(200);
    answers.set('POST /fapi/v1/client', { body: { response: null, client: {} } });
    await expect(fetch(`${origin}/fapi/v1/client`, { method: 'POST' })).rejects.toThrow(/OpenAPI mismatch for POST/);
  });

  it('checks any JSON media type (clerk-js parses them all), and answers on localhost too', async () => {
    answers.set('GET /fapi/v1/environment', { body: { maintenance_mode: 'no' }, contentType: 'application/json; charset=utf-8' });
    await expect(fetch(`${origin}/fapi/v1/environment`)).rejects.toThrow(/maintenance_mode/);
    await expect(fetch(`${origin.replace('127.0.0.1', 'localhost')}/fapi/v1/environment`)).rejects.toThrow(/maintenance_mode/);
  });
});
