// A kill -9 of Roster in the middle of a burst of changes loses no event: Roster runs as its own process (the built
// dist/server.js, as `npm start` runs it) on a SQLite file; every user whose creation was acknowledged reaches the
// endpoint once Roster is started again on the same data, duplicates allowed and carrying one svix-id.
// SQLite only: the built server has no way to pick a PostgreSQL test schema.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueEmail } from '../../helpers/fixtures.js';
import { TEST_SECRET_KEY, testDatabaseUrl } from '../../helpers/test-server.js';
import { startWebhookReceiver, type WebhookReceiver } from '../../helpers/webhook-receiver.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe.skipIf(testDatabaseUrl !== null)('webhooks across a kill -9 (SQLite)', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'roster-crash-'));
  const instanceKey = randomBytes(32).toString('base64');
  let receiver: WebhookReceiver;
  let child: ChildProcess | undefined;
  let baseUrl = '';

  async function startRoster(): Promise<void> {
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    child = spawn(process.execPath, [path.join(root, 'dist', 'server.js')], {
      cwd: root,
      stdio: process.env.DEBUG_CRASH ? 'inherit' : 'ignore',
      env: {
        PATH: process.env.PATH,
        PORT: String(port),
        HOST: '127.0.0.1',
        ROSTER_DATA_DIR: dataDir,
        ROSTER_SECRET_KEYS: TEST_SECRET_KEY,
        ROSTER_INSTANCE_KEY: instanceKey,
        ROSTER_RATE_LIMITS: 'off',
        ROSTER_WEBHOOK_POLL_MS: '20',
        // The killed process's claim on the endpoint runs out 5 s after an attempt's limit.
        ROSTER_WEBHOOK_TIMEOUT_SECONDS: '2',
        ROSTER_LOG_LEVEL: process.env.DEBUG_CRASH ? 'warn' : 'error',
      },
    });
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      const up = await fetch(`${baseUrl}/healthz`).then((response) => response.ok, () => false);
      if (up) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('Roster did not start within 30 s');
  }

  const api = (method: string, url: string, body?: unknown) =>
    fetch(`${baseUrl}${url}`, {
      method,
      headers: { authorization: `Bearer ${TEST_SECRET_KEY}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  beforeAll(async () => {
    // `npm ci` builds dist/; rebuild only when a source is newer (as `npm start` does).
    const build = spawnSync(process.execPath, [path.join(root, 'scripts', 'build-if-stale.mjs')], { cwd: root, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`building dist/ failed:\n${build.stdout}\n${build.stderr}`);
    receiver = await startWebhookReceiver();
    await startRoster();
    expect((await api('POST', '/v1/roster/webhook_endpoints', { url: receiver.url, events: ['user.created'] })).status).toBe(200);
  }, 180_000);

  afterAll(async () => {
    child?.kill('SIGKILL');
    await receiver?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('delivers every acknowledged change after Roster is killed mid-burst and started again', { timeout: 120_000 }, async () => {
    const acknowledged: string[] = [];
    let stop = false;
    // Eight writers create users until the process dies under them.
    const writer = async (lane: number) => {
      for (let i = 0; !stop; i++) {
        const response = await api('POST', '/v1/users', { email_address: [uniqueEmail(`crash-${lane}-${i}`)] }).catch(() => null);
        if (!response) return;
        if (response.status === 200) acknowledged.push(((await response.json()) as { id: string }).id);
      }
    };
    const writers = Array.from({ length: 8 }, (_, lane) => writer(lane));
    await expect.poll(() => acknowledged.length, { timeout: 30_000, interval: 5 }).toBeGreaterThanOrEqual(60);
    child!.kill('SIGKILL');
    stop = true;
    await Promise.all(writers);
    const beforeRestart = new Set(receiver.received.map((w) => w.payload.data.id));
    if (process.env.DEBUG_CRASH) console.log('acknowledged', acknowledged.length, 'received before restart', receiver.received.length);
    expect(acknowledged.length).toBeGreaterThanOrEqual(60);

    await startRoster();
    const deliveredIds = () => new Set(receiver.received.filter((w) => w.status === 200).map((w) => w.payload.data.id as string));
    await expect.poll(() => acknowledged.filter((id) => !deliveredIds().has(id)), { timeout: 30_000 }).toEqual([]);
    // Some were still waiting when the process died: the restart delivered them.
    expect(acknowledged.some((id) => !beforeRestart.has(id)), 'every event was out before the kill: the test proved nothing').toBe(true);
    // A repeated delivery (an attempt cut off by the kill) carries the same svix-id.
    const idsByUser = new Map<string, Set<string>>();
    for (const webhook of receiver.received) {
      const ids = idsByUser.get(webhook.payload.data.id) ?? new Set();
      ids.add(webhook.headers['svix-id']!);
      idsByUser.set(webhook.payload.data.id, ids);
    }
    expect([...idsByUser.values()].filter((ids) => ids.size > 1)).toEqual([]);
  });
});
