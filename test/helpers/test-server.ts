import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createClerkClient } from '@clerk/backend';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config/config.js';
import { createManualClock } from '../../src/lib/clock.js';
import { createHasherRegistry } from '../../src/passwords/registry.js';
import type { RosterDatabase } from '../../src/storage/database.js';
import { createDatabase } from '../../src/storage/database.js';
import { migrateToLatest } from '../../src/storage/migrate.js';

export const TEST_SECRET_KEY = `sk_test_${'R0sterTestKey'.repeat(3)}`;

/** Set TEST_DATABASE_URL to run the suite against PostgreSQL (a fresh schema per test server). */
export const testDatabaseUrl = process.env.TEST_DATABASE_URL || null;

/** Any advisory-lock key shared by every test process: schema creation and teardown take turns. */
const SCHEMA_LOCK_KEY = 7_710_420_001;

/**
 * Runs `work` while holding a PostgreSQL advisory lock shared by all test processes. Kysely's migrator
 * introspects every schema of the database; a parallel test file dropping its schema at that moment
 * makes the introspection fail, so migrations and schema drops never overlap. A no-op on SQLite.
 */
export async function withSchemaLock<T>(work: () => Promise<T>): Promise<T> {
  if (!testDatabaseUrl) return work();
  const client = new pg.Client({ connectionString: testDatabaseUrl });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [SCHEMA_LOCK_KEY]);
    return await work();
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [SCHEMA_LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
}

/** Drops a test schema (under the schema lock). */
export async function dropTestSchema(database: RosterDatabase, schema: string | undefined): Promise<void> {
  if (!schema) return;
  await withSchemaLock(() => sql`DROP SCHEMA IF EXISTS ${sql.id(schema)} CASCADE`.execute(database.db));
}

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export interface TestServer {
  baseUrl: string;
  secretKey: string;
  clock: ReturnType<typeof createManualClock>;
  database: RosterDatabase;
  config: Readonly<Config>;
  /** A real `@clerk/backend` client pointed at this server. */
  clerk: ReturnType<typeof createClerkClient>;
  /** The Fastify app itself (its route table, for tests that walk every route). */
  app: FastifyInstance;
  /** Raw HTTP with the secret key (JSON answers are spec-checked by test/setup/validate-responses.ts). */
  api<T = any>(method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<ApiResponse<T>>;
  close(): Promise<void>;
}

/**
 * Starts Roster on 127.0.0.1 with a fresh database (a temp SQLite file, or a new PostgreSQL schema
 * when TEST_DATABASE_URL is set) and a manual clock starting at the real time. Rate limits are off unless
 * `env` sets `ROSTER_RATE_LIMITS: 'on'`.
 */
export async function startTestServer(env: Record<string, string> = {}, options: { logLines?: string[] } = {}): Promise<TestServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'roster-test-'));
  const config = loadConfig({
    ROSTER_DATA_DIR: dir,
    ROSTER_SECRET_KEYS: TEST_SECRET_KEY,
    ROSTER_INSTANCE_KEY: randomBytes(32).toString('base64'),
    // The suite creates far more users per 10 s than a development instance may; the rate-limit tests turn them on.
    ROSTER_RATE_LIMITS: 'off',
    ...env,
  });
  const schema = testDatabaseUrl ? `roster_test_${randomBytes(6).toString('hex')}` : undefined;
  const database = await createDatabase({ databaseUrl: testDatabaseUrl, sqliteFile: config.sqliteFile, pgSchema: schema });
  try {
    await withSchemaLock(() => migrateToLatest(database));
  } catch (error) {
    // Never leave a half-migrated schema behind for later runs to trip over.
    await dropTestSchema(database, schema);
    await database.close();
    throw error;
  }
  const clock = createManualClock(Date.now());
  // With `logLines`, the request log (pino JSON, level info) is collected there line by line.
  const { logLines } = options;
  const logger = logLines ? { level: 'info', stream: { write: (line: string) => void logLines.push(line) } } : false;
  const app = await buildApp({ config, database, clock, hashers: createHasherRegistry(), logger });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const baseUrl = `http://127.0.0.1:${port}`;

  async function api<T>(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    const init: RequestInit = {
      method,
      headers: { authorization: `Bearer ${TEST_SECRET_KEY}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
    };
    if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body);
    const response = await fetch(`${baseUrl}${url}`, init);
    const text = await response.text();
    const isJson = response.headers.get('content-type') === 'application/json';
    const parsed = isJson && text ? JSON.parse(text) : text;
    return { status: response.status, headers: response.headers, body: parsed as T };
  }

  return {
    baseUrl,
    secretKey: TEST_SECRET_KEY,
    clock,
    database,
    config,
    clerk: createClerkClient({ secretKey: TEST_SECRET_KEY, apiUrl: baseUrl }),
    app,
    api,
    async close() {
      await app.close();
      await dropTestSchema(database, schema);
      await database.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Starts a test server (see startTestServer) before the tests of the enclosing block, or of the file when called
 * at its top, and closes it after them. Returns the server: its members can be used once the tests run.
 */
export function useTestServer(env: Record<string, string> | (() => Record<string, string>) = {}): TestServer {
  let started: TestServer | undefined;
  beforeAll(async () => {
    started = await startTestServer(typeof env === 'function' ? env() : env);
  });
  afterAll(async () => started?.close());
  const current = (): TestServer => {
    if (!started) throw new Error('useTestServer: the server starts in beforeAll; use it inside tests and hooks');
    return started;
  };
  return {
    get baseUrl() {
      return current().baseUrl;
    },
    get secretKey() {
      return current().secretKey;
    },
    get clock() {
      return current().clock;
    },
    get database() {
      return current().database;
    },
    get config() {
      return current().config;
    },
    get clerk() {
      return current().clerk;
    },
    get app() {
      return current().app;
    },
    api: (method, url, body, headers) => current().api(method, url, body, headers),
    close: () => current().close(),
  };
}
