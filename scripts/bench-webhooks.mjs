#!/usr/bin/env node
// npm run bench:webhooks -- [--database-url URL] [--latency N] [--burst N] [--concurrency C]
//
// Webhook delivery measured end to end: Roster (dist/server.js, as `npm start` runs it, on a fresh SQLite file or
// a throwaway schema-less PostgreSQL database you name) and a receiver on loopback that answers 200 at once.
// - latency: N users created one after another; the time from each 200 to its user.created reaching the receiver;
// - burst: N users created C at a time; how long until every user.created has arrived (events per second).
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { startRoster } from './lib/bench-servers.mjs';

const { values } = parseArgs({
  options: {
    'database-url': { type: 'string' },
    latency: { type: 'string', default: '200' },
    burst: { type: 'string', default: '2000' },
    concurrency: { type: 'string', default: '20' },
  },
});
const SECRET_KEY = `sk_test_${'RosterBenchKey'.repeat(2)}`;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'roster-bench-webhooks-'));

const arrivals = new Map();
const receiver = http.createServer((request, response) => {
  let body = '';
  request.on('data', (chunk) => (body += chunk));
  request.on('end', () => {
    const { type, data } = JSON.parse(body);
    if (type === 'user.created' && !arrivals.has(data.id)) arrivals.set(data.id, performance.now());
    response.writeHead(200).end();
  });
});
await new Promise((resolve) => receiver.listen(0, '127.0.0.1', resolve));
const receiverUrl = `http://127.0.0.1:${receiver.address().port}/`;

const roster = await startRoster({
  ROSTER_DATA_DIR: dataDir,
  ROSTER_SECRET_KEYS: SECRET_KEY,
  ROSTER_INSTANCE_KEY: randomBytes(32).toString('base64'),
  ROSTER_RATE_LIMITS: 'off',
  ROSTER_LOG_LEVEL: 'warn',
  ...(values['database-url'] ? { DATABASE_URL: values['database-url'], ROSTER_PUBLIC_URL: 'http://127.0.0.1' } : {}),
});
const api = (method, url, body) =>
  fetch(`${roster.url}${url}`, { method, headers: { authorization: `Bearer ${SECRET_KEY}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
const createUser = async (label) => {
  const response = await api('POST', '/v1/users', { email_address: [`${label}-${randomBytes(6).toString('hex')}@bench.example`] });
  if (response.status !== 200) throw new Error(`createUser answered ${response.status}`);
  return { id: (await response.json()).id, acknowledgedAt: performance.now() };
};
const arrived = (ids) =>
  new Promise((resolve) => {
    const check = () => (ids.every((id) => arrivals.has(id)) ? resolve() : setTimeout(check, 2));
    check();
  });
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

try {
  const endpoint = await api('POST', '/v1/roster/webhook_endpoints', { url: receiverUrl, events: ['user.created'] });
  if (endpoint.status !== 200) throw new Error(`adding the endpoint answered ${endpoint.status}`);

  const latencies = [];
  for (let i = 0; i < Number(values.latency); i++) {
    const { id, acknowledgedAt } = await createUser('latency');
    await arrived([id]);
    latencies.push(arrivals.get(id) - acknowledgedAt);
  }
  latencies.sort((a, b) => a - b);

  const burst = Number(values.burst);
  const ids = [];
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: Number(values.concurrency) }, async () => {
      while (next < burst) {
        next++;
        ids.push((await createUser('burst')).id);
      }
    }),
  );
  const acknowledgedMs = performance.now() - started;
  await arrived(ids);
  const deliveredMs = performance.now() - started;

  const database = values['database-url'] ? 'PostgreSQL' : 'SQLite';
  console.log(`webhooks on ${database} (poll 500 ms, default settings)`);
  console.log(`  change → delivered, one at a time (${latencies.length}): p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms`);
  console.log(
    `  burst of ${burst} users, ${values.concurrency} at a time: all acknowledged in ${(acknowledgedMs / 1000).toFixed(1)} s, all delivered in ${(deliveredMs / 1000).toFixed(1)} s (${Math.round(burst / (deliveredMs / 1000))} events/s)`,
  );
} finally {
  await roster.stop();
  receiver.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
