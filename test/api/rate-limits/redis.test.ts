// Rate limits shared through Redis (REDIS_URL): two Roster nodes of one instance (one database, one instance key)
// enforce one limit between them; another instance on the same Redis has its own budget; the connections close
// with the app. Without a reachable Redis the shared tests are skipped with a message; a node whose Redis cannot
// be reached answers without limits (and says so in its log) rather than refusing everything.
import { createClerkClient } from '@clerk/backend';
import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../src/app.js';
import { rateLimitConnectionName, rateLimitKeyPrefix } from '../../../src/http/rate-limit-store.js';
import { createHasherRegistry } from '../../../src/passwords/registry.js';
import { uniqueEmail } from '../../helpers/fixtures.js';
import { startTestServer, type ApiResponse, type TestServer } from '../../helpers/test-server.js';
import { expectClerkRefusal, expectRateLimited, firstRefusal, statuses, times, withRateLimitedServer } from './helpers.js';

const REDIS_URL = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';

/** A connection for the test itself (checks and clean-up), or null when no Redis answers at REDIS_URL. */
async function connectForTest(): Promise<Redis | null> {
  const redis = new Redis(REDIS_URL, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0, connectTimeout: 1000, retryStrategy: () => null });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
    return redis;
  } catch {
    redis.disconnect();
    return null;
  }
}

const testRedis = await connectForTest();
afterAll(() => testRedis?.disconnect());

interface SecondNode {
  app: FastifyInstance;
  baseUrl: string;
  api(method: string, url: string, body?: unknown): Promise<ApiResponse>;
}

/** A second node of `server`'s instance: the same config (keys, REDIS_URL, limits) and database, its own process state. */
async function startSecondNode(server: TestServer): Promise<SecondNode> {
  const app = await buildApp({ config: server.config, database: server.database, clock: server.clock, hashers: createHasherRegistry(), logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const api = async (method: string, url: string, body?: unknown): Promise<ApiResponse> => {
    const response = await fetch(`${baseUrl}${url}`, {
      method,
      headers: { authorization: `Bearer ${server.secretKey}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text && response.headers.get('content-type') === 'application/json' ? JSON.parse(text) : text };
  };
  return { app, baseUrl, api };
}

/** Deletes an instance's counters (they would expire on their own, an hour later at most). */
async function deleteCounters(redis: Redis, instanceKey: Uint8Array | null): Promise<void> {
  if (!instanceKey) return;
  const keys = await redis.keys(`${rateLimitKeyPrefix(instanceKey)}*`);
  if (keys.length > 0) await redis.del(...keys);
}

const sharedTitle = testRedis
  ? 'two nodes sharing one Redis'
  : `two nodes sharing one Redis — SKIPPED: no Redis answers at ${REDIS_URL} (set TEST_REDIS_URL to point at one)`;

/** Runs `run` against two nodes of one new instance sharing REDIS_URL, then closes both and deletes the counters. */
async function withTwoNodes(env: Record<string, string>, run: (a: TestServer, b: SecondNode) => Promise<void>): Promise<void> {
  const a = await startTestServer({ ROSTER_RATE_LIMITS: 'on', REDIS_URL, ...env });
  try {
    const b = await startSecondNode(a);
    try {
      await run(a, b);
    } finally {
      await b.app.close();
    }
  } finally {
    await a.close();
    await deleteCounters(testRedis!, a.config.instanceKey);
  }
}

describe.skipIf(!testRedis)(sharedTitle, () => {
  it('enforce one general limit, one CreateUser limit and one limit per user between them', () =>
    withTwoNodes({ ROSTER_RATE_LIMIT_BAPI: '4/1h', ROSTER_RATE_LIMIT_CREATE_USER: '2/1h', ROSTER_RATE_LIMIT_UPDATE_USER: '2/1h' }, async (a, b) => {
      const ada = (await a.api('POST', '/v1/users', { email_address: [uniqueEmail('ada')] })).body;
      expect((await b.api('POST', '/v1/users', { email_address: [uniqueEmail('bob')] })).status).toBe(200);
      expectRateLimited(await a.api('POST', '/v1/users', { email_address: [uniqueEmail()] }));
      expectRateLimited(await b.api('POST', '/v1/users', { email_address: [uniqueEmail()] }));

      // The per-user rule: two updates of Ada, one on each node, and the third is refused on either.
      expect((await a.api('PATCH', `/v1/users/${ada.id}`, { first_name: 'Ada' })).status).toBe(200);
      expect((await b.api('PATCH', `/v1/users/${ada.id}/metadata`, { public_metadata: { n: 1 } })).status).toBe(200);
      expectRateLimited(await b.api('PUT', `/v1/users/${ada.id}/metadata`, { public_metadata: { n: 2 } }));

      // The general limit (4): those three updates, and one more request on node A.
      expect((await a.api('GET', '/v1/users')).status).toBe(200);
      expectRateLimited(await b.api('GET', '/v1/users'));
      expectRateLimited(await a.api('GET', '/v1/users'));

      // @clerk/backend, pointed at node B, throws with the status and the wait.
      const clerk = createClerkClient({ secretKey: a.secretKey, apiUrl: b.baseUrl });
      await expectClerkRefusal(clerk);
    }));

  it('keep their counters under their instance: another instance on the same Redis has its own budget', () =>
    withTwoNodes({ ROSTER_RATE_LIMIT_BAPI: '1/1h' }, async (a, b) =>
      withTwoNodes({ ROSTER_RATE_LIMIT_BAPI: '1/1h' }, async (otherA, otherB) => {
        expect((await a.api('GET', '/v1/users')).status).toBe(200);
        expectRateLimited(await b.api('GET', '/v1/users'));
        expect((await otherB.api('GET', '/v1/users')).status).toBe(200);
        expectRateLimited(await otherA.api('GET', '/v1/users'));
      }),
    ));

  it('hold each counter in Redis until its window ends, and every node lets requests through once it has', () =>
    withTwoNodes({ ROSTER_RATE_LIMIT_BAPI: '1/1s' }, async (a, b) => {
      const refused = await firstRefusal(() => a.api('GET', '/v1/users'));
      const seconds = expectRateLimited(refused);
      expect(seconds).toBe(1);
      // The general rule's counter, named with its numbers; a missing key would answer -2.
      const ttl = await testRedis!.pttl(`${rateLimitKeyPrefix(a.config.instanceKey!)}bapi:1/1s`);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(1000);
      await new Promise((resolve) => setTimeout(resolve, seconds * 1000 + 50));
      expect((await b.api('GET', '/v1/users')).status).toBe(200);
    }));

  it('close their Redis connections when they close', async () => {
    let name = '';
    const connections = async () => ((await testRedis!.client('LIST')) as string).split('\n').filter((line) => line.includes(` name=${name} `)).length;
    await withTwoNodes({}, async (a) => {
      name = rateLimitConnectionName(a.config.instanceKey!);
      expect(await connections()).toBe(2);
    });
    expect(await connections()).toBe(0);
  });
});

describe('a node whose Redis cannot be reached', () => {
  it('answers without limits rather than refusing every request, and logs a warning', async () => {
    const logLines: string[] = [];
    await withRateLimitedServer(
      // Nothing listens on port 1.
      { REDIS_URL: 'redis://127.0.0.1:1', ROSTER_RATE_LIMIT_BAPI: '1/1h', ROSTER_RATE_LIMIT_CREATE_USER: '1/1h' },
      async (server) => {
        expect(await statuses(3, () => server.api('GET', '/v1/users'))).toEqual(times(3, 200));
        expect(await statuses(2, () => server.api('POST', '/v1/users', { email_address: [uniqueEmail()] }))).toEqual([200, 200]);
      },
      { logLines },
    );
    const warnings = logLines.map((line) => JSON.parse(line) as { level: number; msg: string }).filter((line) => line.msg.includes('Redis is unreachable'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.level).toBe(40);
  });
});
