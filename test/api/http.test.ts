import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/config.js';
import { createManualClock } from '../../src/lib/clock.js';
import { createHasherRegistry } from '../../src/passwords/registry.js';
import { createDatabase } from '../../src/storage/database.js';
import { migrateToLatest } from '../../src/storage/migrate.js';
import { expectClerkError } from '../helpers/assertions.js';
import { uniqueEmail, uniqueTag } from '../helpers/fixtures.js';
import { dropTestSchema, startTestServer, testDatabaseUrl, TEST_SECRET_KEY, withSchemaLock, type ApiResponse, type TestServer } from '../helpers/test-server.js';

const KNOWN_VERSIONS = ['2021-02-05', '2024-10-01', '2025-04-10', '2025-11-10', '2026-05-12'];

/** Raw fetch against a server, without the test key unless the caller passes one. */
async function rawFetch(baseUrl: string, method: string, url: string, init: { headers?: Record<string, string>; body?: string } = {}): Promise<ApiResponse> {
  const response = await fetch(`${baseUrl}${url}`, { method, headers: init.headers ?? {}, body: init.body });
  const text = await response.text();
  const body = response.headers.get('content-type') === 'application/json' && text ? JSON.parse(text) : text;
  return { status: response.status, headers: response.headers, body };
}

/**
 * Plain node:http, bypassing the spec check in test/setup (which fails any /v1 path the spec does
 * not list — exactly what the unknown-route tests send).
 */
function unlistedRequest(baseUrl: string, method: string, url: string, headers: Record<string, string> = {}): Promise<ApiResponse> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${baseUrl}${url}`, { method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const responseHeaders = new Headers();
        for (const [name, value] of Object.entries(response.headers)) {
          if (typeof value === 'string') responseHeaders.set(name, value);
        }
        const body = responseHeaders.get('content-type') === 'application/json' && text ? JSON.parse(text) : text;
        resolve({ status: response.statusCode ?? 0, headers: responseHeaders, body });
      });
    });
    request.on('error', reject);
    request.end();
  });
}

/** A 4xx answered in Clerk's error shape (whatever the exact code). */
function expectClientClerkError(response: ApiResponse): void {
  expect(response.status).toBeGreaterThanOrEqual(400);
  expect(response.status).toBeLessThan(500);
  expect(response.headers.get('content-type')).toBe('application/json');
  expect(response.body).toEqual({
    errors: [{ message: expect.any(String), long_message: expect.any(String), code: expect.any(String), meta: expect.any(Object) }],
    clerk_trace_id: expect.stringMatching(/\S/),
  });
}

describe('HTTP foundation', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server.close());

  async function createUser(extra: Record<string, unknown> = {}) {
    const response = await server.api('POST', '/v1/users', { email_address: [uniqueEmail('http')], ...extra });
    expect(response.status).toBe(200);
    return response.body as { id: string; image_url: string; [key: string]: unknown };
  }

  describe('authentication', () => {
    it('rejects a request without an Authorization header with 401 authentication_invalid', async () => {
      const response = await rawFetch(server.baseUrl, 'GET', '/v1/users');
      expectClerkError(response, 401, 'authentication_invalid');
    });

    it('rejects a non-Bearer Authorization header with 401 authorization_header_format_invalid', async () => {
      const response = await rawFetch(server.baseUrl, 'GET', '/v1/users', { headers: { authorization: 'Basic abc' } });
      expectClerkError(response, 401, 'authorization_header_format_invalid');
    });

    it('rejects an unknown secret key with 401 clerk_key_invalid', async () => {
      const response = await rawFetch(server.baseUrl, 'GET', '/v1/users', {
        headers: { authorization: 'Bearer sk_test_wrongwrongwrongwrongwrong' },
      });
      expectClerkError(response, 401, 'clerk_key_invalid');
    });

    it('accepts the configured secret key', async () => {
      const response = await rawFetch(server.baseUrl, 'GET', '/v1/users', { headers: { authorization: `Bearer ${TEST_SECRET_KEY}` } });
      expect(response.status).toBe(200);
      expect(Array.isArray(response.body)).toBe(true);
    });

    it('does not require authentication for /healthz', async () => {
      const response = await rawFetch(server.baseUrl, 'GET', '/healthz');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/json');
    });
  });

  describe('content type and error shape', () => {
    it('answers success bodies with exactly application/json', async () => {
      const user = await createUser();
      const list = await server.api('GET', '/v1/users?limit=1');
      const one = await server.api('GET', `/v1/users/${user.id}`);
      const count = await server.api('GET', '/v1/users/count');
      for (const response of [list, one, count]) {
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toBe('application/json');
      }
      expect(one.body.id).toBe(user.id);
      expect(count.body.object).toBe('total_count');
    });

    it('answers error bodies with exactly application/json and a trace id', async () => {
      const missing = await server.api('GET', `/v1/users/user_doesnotexist${uniqueTag()}`);
      expectClerkError(missing, 404, 'resource_not_found');
      const invalid = await server.api('POST', '/v1/users', { email_address: ['not-an-email'] });
      expectClerkError(invalid, 422, 'form_param_format_invalid');
      expect(invalid.body.errors[0].meta).toEqual({ param_name: 'email_address' });
    });

    const auth = { authorization: `Bearer ${TEST_SECRET_KEY}` };

    it('answers an unknown route under /v1 with 404 resource_not_found', async () => {
      const response = await unlistedRequest(server.baseUrl, 'GET', `/v1/does-not-exist-${uniqueTag()}`, auth);
      expectClerkError(response, 404, 'resource_not_found');
    });

    it('answers an unknown method on a known path with 404 resource_not_found', async () => {
      const response = await unlistedRequest(server.baseUrl, 'PUT', '/v1/users/count', auth);
      expectClerkError(response, 404, 'resource_not_found');
    });

    it('authenticates before routing: an unknown /v1 route without a key is a 401', async () => {
      const response = await unlistedRequest(server.baseUrl, 'GET', `/v1/does-not-exist-${uniqueTag()}`);
      expectClerkError(response, 401, 'authentication_invalid');
    });

    it('gives each response its own trace id', async () => {
      const first = await server.api('GET', `/v1/users/user_missing${uniqueTag()}`);
      const second = await server.api('GET', `/v1/users/user_missing${uniqueTag()}`);
      expectClerkError(first, 404, 'resource_not_found');
      expect(first.body.clerk_trace_id).not.toBe(second.body.clerk_trace_id);
    });
  });

  describe('API versions', () => {
    it.each(KNOWN_VERSIONS)('accepts Clerk-API-Version %s', async (version) => {
      const response = await server.api('GET', '/v1/users?limit=1', undefined, { 'clerk-api-version': version });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/json');
    });

    it.each(KNOWN_VERSIONS)('accepts __clerk_api_version=%s as a query parameter', async (version) => {
      const response = await server.api('GET', `/v1/users?limit=1&__clerk_api_version=${version}`);
      expect(response.status).toBe(200);
    });

    it('rejects an unknown version header with 400 api_version_invalid', async () => {
      const response = await server.api('GET', '/v1/users', undefined, { 'clerk-api-version': '2023-01-01' });
      expectClerkError(response, 400, 'api_version_invalid');
    });

    it('rejects an unknown version query parameter with 400 api_version_invalid', async () => {
      const response = await server.api('GET', '/v1/users?__clerk_api_version=v2');
      expectClerkError(response, 400, 'api_version_invalid');
    });

    it('rejects the header and the query parameter together with 400 api_version_invalid', async () => {
      const response = await server.api('GET', '/v1/users?__clerk_api_version=2025-11-10', undefined, {
        'clerk-api-version': '2025-11-10',
      });
      expectClerkError(response, 400, 'api_version_invalid');
    });
  });

  describe('request bodies', () => {
    it('rejects malformed JSON with 400 request_body_invalid', async () => {
      const response = await server.api('POST', '/v1/users', '{"email_address": [');
      expectClerkError(response, 400, 'request_body_invalid');
    });

    it('answers a text/plain body on POST /v1/users with a 4xx Clerk error', async () => {
      const response = await server.api('POST', '/v1/users', `email_address=${uniqueEmail('http')}`, { 'content-type': 'text/plain' });
      expectClientClerkError(response);
    });

    it('accepts an empty body with content-type application/json on POST /v1/users/{id}/ban', async () => {
      const user = await createUser();
      const response = await server.api('POST', `/v1/users/${user.id}/ban`, undefined, { 'content-type': 'application/json' });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/json');
      expect(response.body.id).toBe(user.id);
      expect(response.body.banned).toBe(true);
    });

    it('answers a JSON null body with 400 request_body_invalid', async () => {
      const response = await server.api('POST', '/v1/users', 'null');
      expectClerkError(response, 400, 'request_body_invalid');
    });

    it('answers a JSON string body with a 4xx Clerk error', async () => {
      const response = await server.api('POST', '/v1/users', '"just a string"');
      expectClerkError(response, 400, 'request_body_invalid');
    });

    it('answers a JSON array body with a 4xx Clerk error', async () => {
      const response = await server.api('POST', '/v1/users', `[${JSON.stringify(uniqueEmail('http'))}]`);
      expectClerkError(response, 400, 'request_body_invalid');
    });

    it('creates nothing for a rejected body', async () => {
      const email = uniqueEmail('http');
      const response = await server.api('POST', '/v1/users', `{"email_address": ["${email}"],`);
      expectClerkError(response, 400, 'request_body_invalid');
      const list = await server.api('GET', `/v1/users?email_address=${encodeURIComponent(email)}`);
      expect(list.status).toBe(200);
      expect(list.body).toEqual([]);
    });
  });

  describe('default avatar', () => {
    it('serves a user image_url without authentication as an SVG with the initials', async () => {
      const user = await createUser({ first_name: 'Ada', last_name: 'Lovelace' });
      expect(user.image_url).toMatch(/^http:\/\//);
      const response = await fetch(user.image_url);
      const text = await response.text();
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/svg+xml');
      expect(text).toContain('<svg');
      expect(text).toContain('>AL<');
    });

    it('serves an avatar for a user without names', async () => {
      const user = await createUser();
      const response = await fetch(user.image_url);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/svg+xml');
      expect(await response.text()).toContain('<svg');
    });
  });
});

describe('several secret keys', () => {
  const KEY_A = 'sk_test_AAAAAAAAAAAAAAAAAAAA';
  const KEY_B = 'sk_test_BBBBBBBBBBBBBBBBBBBB';
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ ROSTER_SECRET_KEYS: `${KEY_A},${KEY_B}` });
  });
  afterAll(async () => server.close());

  it.each([KEY_A, KEY_B])('accepts %s', async (key) => {
    const response = await rawFetch(server.baseUrl, 'GET', '/v1/users/count', { headers: { authorization: `Bearer ${key}` } });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ object: 'total_count', total_count: 0 });
  });

  it('rejects a key that is not configured', async () => {
    const response = await rawFetch(server.baseUrl, 'GET', '/v1/users/count', { headers: { authorization: `Bearer ${TEST_SECRET_KEY}` } });
    expectClerkError(response, 401, 'clerk_key_invalid');
  });

  it('rejects the concatenation of both keys', async () => {
    const response = await rawFetch(server.baseUrl, 'GET', '/v1/users/count', { headers: { authorization: `Bearer ${KEY_A},${KEY_B}` } });
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toBe('application/json');
  });
});

describe('body size limit', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ ROSTER_BODY_LIMIT_BYTES: '2048' });
  });
  afterAll(async () => server.close());

  it('answers a body over the limit with 413 request_body_too_large', async () => {
    const body = { email_address: [uniqueEmail('http')], public_metadata: { padding: 'x'.repeat(4096) } };
    const response = await server.api('POST', '/v1/users', body);
    expectClerkError(response, 413, 'request_body_too_large');
  });

  it('accepts a body under the limit', async () => {
    const response = await server.api('POST', '/v1/users', { email_address: [uniqueEmail('http')], public_metadata: { padding: 'x'.repeat(512) } });
    expect(response.status).toBe(200);
    expect(response.body.public_metadata).toEqual({ padding: 'x'.repeat(512) });
  });
});

describe('request logs', () => {
  const PASSWORD = 'CorrectHorse-Battery-9!';
  const META_SECRET = 'meta-secret-value';

  it('never contain a password, digest, secret key or metadata value', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _encoding, callback) {
        lines.push(chunk.toString());
        callback();
      },
    });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'roster-logs-'));
    const config = loadConfig({ ROSTER_DATA_DIR: dir, ROSTER_SECRET_KEYS: TEST_SECRET_KEY, ROSTER_INSTANCE_KEY: Buffer.alloc(32, 1).toString('base64') });
    const schema = testDatabaseUrl ? `roster_test_${randomBytes(6).toString('hex')}` : undefined;
    const database = await createDatabase({ databaseUrl: testDatabaseUrl, sqliteFile: config.sqliteFile, pgSchema: schema });
    try {
      await withSchemaLock(() => migrateToLatest(database));
      const app = await buildApp({
        config,
        database,
        clock: createManualClock(Date.now()),
        hashers: createHasherRegistry(),
        logger: { level: 'trace', stream },
      });
      try {
        const authorization = `Bearer ${TEST_SECRET_KEY}`;
        const created = await app.inject({
          method: 'POST',
          url: '/v1/users',
          headers: { authorization, 'content-type': 'application/json' },
          payload: JSON.stringify({
            email_address: [uniqueEmail('http')],
            password: PASSWORD,
            private_metadata: { secret: META_SECRET },
          }),
        });
        expect(created.statusCode).toBe(200);
        const userId = (created.json() as { id: string }).id;

        const fetched = await app.inject({ method: 'GET', url: `/v1/users/${userId}`, headers: { authorization } });
        expect(fetched.statusCode).toBe(200);

        const invalid = await app.inject({
          method: 'POST',
          url: '/v1/users',
          headers: { authorization, 'content-type': 'application/json' },
          payload: JSON.stringify({ email_address: [uniqueEmail('http')], password: PASSWORD, private_metadata: { secret: META_SECRET }, first_name: 42 }),
        });
        expect(invalid.statusCode).toBe(422);

        const wrongKey = await app.inject({ method: 'GET', url: '/v1/users', headers: { authorization: `Bearer ${TEST_SECRET_KEY}x` } });
        expect(wrongKey.statusCode).toBe(401);
      } finally {
        await app.close();
      }
    } finally {
      await dropTestSchema(database, schema);
      await database.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }

    const text = lines.join('');
    // The logger was really on: something about the requests was written.
    expect(text).toContain('/v1/users');
    for (const secret of [PASSWORD, TEST_SECRET_KEY, META_SECRET, '$argon2']) {
      expect(text).not.toContain(secret);
    }
  });
});

describe('NUL characters (PostgreSQL cannot store or compare them)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server.close());

  it('refuses a body string holding NUL with 400 request_body_invalid, creating nothing', async () => {
    const email = uniqueEmail();
    const response = await server.api('POST', '/v1/users', { email_address: [email], first_name: 'A\u0000B' });
    expectClerkError(response, 400, 'request_body_invalid');
    const lookup = await server.api('GET', `/v1/users?email_address=${encodeURIComponent(email)}`);
    expect(lookup.body).toEqual([]);
  });

  it('answers an id holding NUL with 404 and a query value holding NUL with 422', async () => {
    expectClerkError(await server.api('GET', '/v1/users/user_%00'), 404, 'resource_not_found');
    expectClerkError(await server.api('GET', '/v1/users?query=ab%00cd'), 422, 'form_param_value_invalid', 'query');
  });
});

describe('odd input answered as a client mistake, never a 500', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server.close());

  it('refuses dates past 2100 and 32-bit-overflowing limits with 422', async () => {
    expectClerkError(await server.api('POST', '/v1/users', { email_address: [uniqueEmail()], created_at: '2200-01-01T00:00:00Z' }), 422, 'form_param_value_invalid', 'created_at');
    expectClerkError(await server.api('POST', '/v1/users', { email_address: [uniqueEmail()], create_organizations_limit: 3e9 }), 422, 'form_param_value_invalid', 'create_organizations_limit');
  });

  it('bounds indexed names to 256 characters', async () => {
    expectClerkError(await server.api('POST', '/v1/users', { email_address: [uniqueEmail()], first_name: 'x'.repeat(15_000) }), 422, 'form_param_max_length_exceeded', 'first_name');
    expectClerkError(await server.api('POST', '/v1/users', { email_address: [uniqueEmail()], external_id: 'x'.repeat(257) }), 422, 'form_param_max_length_exceeded', 'external_id');
  });

  it('treats an email with a lone surrogate as an invalid email', async () => {
    const response = await server.api('POST', '/v1/users', '{"email_address":["a\\ud800b@example.com"]}');
    expectClerkError(response, 422, 'form_param_format_invalid', 'email_address');
  });

  it('refuses imported backup-code digests above bcrypt cost 12, and more than 50 codes', async () => {
    const costly = '$2a$15$' + 'a'.repeat(53);
    expectClerkError(await server.api('POST', '/v1/users', { email_address: [uniqueEmail()], backup_codes: [costly] }), 422, 'form_param_value_invalid', 'backup_codes');
    const many = Array.from({ length: 51 }, (_, i) => `code-${i}`);
    expectClerkError(await server.api('POST', '/v1/users', { email_address: [uniqueEmail()], backup_codes: many }), 422, 'form_param_array_size_exceeded', 'backup_codes');
  });

  it('answers a URL Fastify cannot decode (%ff) in Clerk\'s shape', async () => {
    expectClerkError(await server.api('GET', '/v1/users/%ff'), 404, 'resource_not_found');
  });

  it('stores a whitespace-only username as none', async () => {
    const response = await server.api('POST', '/v1/users', { email_address: [uniqueEmail()], username: '   ' });
    expect(response.status).toBe(200);
    expect(response.body.username).toBeNull();
  });
});
