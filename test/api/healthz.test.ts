// GET /healthz: public; 200 {"status":"ok"} while the database answers, 503 {"status":"unavailable"} once it does not.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { createHasherRegistry } from '../../src/passwords/registry.js';
import type { RosterDatabase } from '../../src/storage/database.js';
import { createDatabase } from '../../src/storage/database.js';
import { startTestServer, testDatabaseUrl, type TestServer } from '../helpers/test-server.js';

describe('GET /healthz', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server.close());

  it('answers 200 {"status":"ok"} without a key while the database answers', async () => {
    const response = await fetch(`${server.baseUrl}/healthz`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  describe('with the database gone', () => {
    // A second app on its own connection to the same database (SQLite file or PostgreSQL schema), which the test
    // closes: the shared server's teardown keeps its own connection.
    let database: RosterDatabase;
    let app: FastifyInstance;
    beforeAll(async () => {
      database = await createDatabase({
        databaseUrl: testDatabaseUrl,
        sqliteFile: server.config.sqliteFile,
        pgSchema: server.database.schema ?? undefined,
      });
      app = await buildApp({ config: server.config, database, clock: server.clock, hashers: createHasherRegistry(), logger: false });
    });
    afterAll(async () => app.close());

    it('answers 503 {"status":"unavailable"}, without a key and without saying why', async () => {
      expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
      await database.close();
      const response = await app.inject({ method: 'GET', url: '/healthz' });
      expect(response.statusCode).toBe(503);
      expect(response.headers['content-type']).toBe('application/json');
      expect(response.json()).toEqual({ status: 'unavailable' });
    });
  });
});
