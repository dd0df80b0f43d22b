#!/usr/bin/env node
// npm run bench -- [--users N] [--data-dir DIR | --database-url URL] [--duration S] [--latency-duration S]
//                  [--connections C] [--only id,id] [--out FILE | --out -] [--wrk] [--keep] [--note TEXT]
//
// Starts Roster (dist/server.js, rate limits off) and a bare node:http baseline as child processes, drives both
// over loopback with a load generator in a process of its own (autocannon, or wrk with --wrk), and prints the
// table of issue 10: req/s, share of the baseline measured in the same run, p50/p99, and whether each target is
// met; then writes it to docs/benchmarks.md with the machine it ran on. The database: a fresh temporary SQLite
// file seeded with --users fake users (default 100,000; the issue's numbers are at 1,000,000); or --data-dir
// (SQLite) / --database-url (PostgreSQL) of an already-seeded database, used as it is. An empty --data-dir is
// seeded and kept; an empty --database-url gets a throwaway database next to it (roster_bench_…), seeded and
// dropped at the end unless --keep.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { benchCases, judge, pickTargets, TARGETS } from './lib/bench-cases.mjs';
import { writeReport } from './lib/bench-report.mjs';
import { hasWrk, runLoad, startBaseline, startRoster } from './lib/bench-servers.mjs';
import { runStorm } from './lib/bench-storm.mjs';
import { formatCount } from './lib/progress.mjs';
import { openTarget, redactUrl, seedInto } from './lib/seed-target.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SECRET_KEY = `sk_test_${'RosterBenchKey'.repeat(2)}`;
/** Used on PostgreSQL and fresh SQLite files (an existing --data-dir keeps the instance key stored in it). */
const BENCH_INSTANCE_KEY = Buffer.alloc(32, 7).toString('base64');
/** How long Roster may stay busy with a case's requests after the run before it is restarted. */
const SETTLE_LIMIT_MS = 10_000;

const usage =
  'usage: npm run bench -- [--users N] [--data-dir DIR | --database-url URL] [--duration S] [--latency-duration S] [--connections C] [--only id,id] [--out FILE | --out -] [--wrk] [--keep] [--note TEXT]';
let options;
try {
  ({ values: options } = parseArgs({
    options: {
      users: { type: 'string', default: '100000' },
      'data-dir': { type: 'string' },
      'database-url': { type: 'string' },
      duration: { type: 'string', default: '10' },
      'latency-duration': { type: 'string', default: '5' },
      connections: { type: 'string', default: '50' },
      only: { type: 'string' },
      out: { type: 'string', default: 'docs/benchmarks.md' },
      wrk: { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      note: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  }));
} catch (error) {
  console.error(`${error.message}\n${usage}`);
  process.exit(2);
}
const caseIds = [...benchCases({ ids: ['x'], cursor: 'x', users: 1, lastActiveBefore: 0, phoneDigits: '0', usernamePart: 'x' }).map((c) => c.id), 'create-storm'];
if (options.help) {
  console.log(`${usage}\ncases (--only): ${caseIds.join(', ')}`);
  process.exit(0);
}
const number = (name, min) => {
  const value = Number(String(options[name]).replace(/_/g, ''));
  if (!Number.isInteger(value) || value < min) {
    console.error(`bench: --${name} must be a whole number ≥ ${min}`);
    process.exit(2);
  }
  return value;
};
const seedUsersCount = number('users', 1);
const durationSeconds = number('duration', 1);
const latencySeconds = number('latency-duration', 1);
const connections = number('connections', 1);
const only = options.only ? new Set(options.only.split(',').map((id) => id.trim())) : null;
const unknownCases = [...(only ?? [])].filter((id) => !caseIds.includes(id) && !caseIds.includes(`${id}@1`));
if (unknownCases.length) {
  console.error(`bench: --only: no case ${unknownCases.join(', ')}; the cases are ${caseIds.join(', ')}`);
  process.exit(2);
}
if (options['data-dir'] && options['database-url']) {
  console.error('bench: --data-dir (SQLite) and --database-url (PostgreSQL) exclude each other');
  process.exit(2);
}

const log = (line) => process.stderr.write(`${line}\n`);
const cleanups = [];
// The command as run, for the report: quoted where needed, and without a database password.
const shellWord = (word) => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`);
const command = ['npm run bench --', ...process.argv.slice(2).map((arg) => shellWord(arg.replace(/postgres(?:ql)?:\/\/\S+/, (url) => redactUrl(url))))].join(' ');

// Ctrl-C or a kill: stop the child processes and remove what the run created, then go.
let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, async () => {
    interrupted = true;
    log(`bench: ${signal}, cleaning up`);
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
    process.exit(130);
  });
}

try {
  const generator = options.wrk ? ((await hasWrk()) ? 'wrk' : (log('bench: --wrk given but wrk is not on PATH: using autocannon'), 'autocannon')) : 'autocannon';
  const database = await prepareDatabase();
  log(`database: ${database.description}, ${formatCount(database.users)} users`);

  // Ready time: three starts on the existing database, the last one kept for the runs.
  const readyRuns = [];
  let roster;
  for (let run = 0; run < 3; run++) {
    if (roster) await roster.stop();
    roster = await startRoster(database.env);
    readyRuns.push(roster.readyMs);
  }
  let server = roster;
  // After an interrupt Roster may be busy with a slow case: stopped at once rather than gracefully.
  cleanups.push(() => (interrupted ? server.kill() : server.stop()));
  let peakMB = 0;
  /**
   * Waits until Roster answers GET of one user quickly again: a case whose requests outlast the run leaves
   * them running after the generator has gone, and they must not weigh on the next case. A Roster still busy
   * after SETTLE_LIMIT_MS is killed and started again. Returns how long it waited and whether it restarted.
   */
  const settle = async () => {
    const started = performance.now();
    for (let quick = 0; performance.now() - started < SETTLE_LIMIT_MS; ) {
      const sent = performance.now();
      const ok = await fetch(`${server.url}${idPaths[0]}`, { headers, signal: AbortSignal.timeout(2_000) }).then((r) => r.arrayBuffer().then(() => r.ok), () => false);
      quick = ok && performance.now() - sent < 50 ? quick + 1 : 0;
      if (quick === 2) return { waitedMs: performance.now() - started, restarted: false };
    }
    peakMB = Math.max(peakMB, server.memory().peakMB);
    await server.kill();
    server = await startRoster(database.env);
    return { waitedMs: performance.now() - started, restarted: true };
  };
  log(`Roster ready in ${readyRuns.map((ms) => `${Math.round(ms)} ms`).join(', ')} (pid ${server.pid})`);

  const api = (url, init = {}) =>
    fetch(`${server.url}${url}`, { ...init, headers: { authorization: `Bearer ${SECRET_KEY}`, ...(init.body ? { 'content-type': 'application/json' } : {}) } });
  const targets = await pickTargets(api, database.users);
  // `--only query-hopper` runs both its 50-connection row and its one-connection row (query-hopper@1).
  const cases = benchCases(targets).filter((c) => !only || only.has(c.id) || only.has(c.id.replace(/@1$/, '')));
  const wantStorm = !only || only.has('create-storm');
  const headers = { authorization: `Bearer ${SECRET_KEY}` };
  const idPaths = targets.ids.map((id) => `/v1/users/${id}`);

  // The baseline answers with a real user of this database (of median size), so both servers send as many bytes.
  const sample = await (await api(`/v1/users/${targets.sampleId}`)).json();
  const baseline = await startBaseline(sample);
  cleanups.push(() => baseline.stop());
  const baselineRun = () => runLoad({ url: baseline.url, connections, durationSeconds, headers, paths: idPaths }, generator);
  log(`baseline: bare node:http, ${Buffer.byteLength(JSON.stringify(sample))} bytes a response`);

  // Warm-up: JIT, statement caches and the page cache, before anything is measured.
  await runLoad({ url: server.url, connections, durationSeconds: 3, headers, paths: idPaths }, generator);
  await runLoad({ url: server.url, connections, durationSeconds: 2, headers, paths: ['/v1/users?limit=10'] }, generator);

  const baselineBefore = await baselineRun();
  log(`baseline: ${formatCount(baselineBefore.requestsPerSecond)} req/s`);

  const results = new Map();
  for (const testCase of cases) {
    const check = await api(testCase.paths[0]);
    const body = await check.json().catch(() => null);
    if (check.status !== 200) {
      results.set(testCase.id, { error: `HTTP ${check.status}: ${JSON.stringify(body).slice(0, 200)}` });
      log(`${testCase.id}: HTTP ${check.status}, skipped`);
      continue;
    }
    const rows = Array.isArray(body) ? `${body.length} row${body.length === 1 ? '' : 's'}` : typeof body?.total_count === 'number' ? `total_count ${formatCount(body.total_count)}` : '';
    const throughput = testCase.mode === 'throughput';
    const spec = { url: server.url, connections: throughput ? connections : 1, durationSeconds: throughput ? durationSeconds : latencySeconds, headers, paths: testCase.paths };
    const probeSpec = { url: server.url, connections: 1, durationSeconds: spec.durationSeconds, headers, paths: idPaths };
    // One-connection runs always use autocannon: it counts the request left unanswered at the end (see load-generator.mjs).
    const [measured, probe] = await Promise.all([runLoad(spec, throughput ? generator : 'autocannon'), testCase.probe ? runLoad(probeSpec, 'autocannon') : null]);
    const after = await settle();
    results.set(testCase.id, { ...measured, rows, probe, after, share: measured.requestsPerSecond / baselineBefore.requestsPerSecond });
    log(
      `${testCase.id.padEnd(28)} ${formatCount(measured.requestsPerSecond).padStart(7)} req/s  p50 ${fmt(measured.p50)}  p99 ${fmt(measured.p99)} ms${probe ? `  (alongside: p99 ${fmt(probe.p99)}, max ${fmt(probe.max)} ms)` : ''}  ${rows}${
        after.restarted ? `  [still busy ${Math.round(after.waitedMs / 1000)} s later: restarted]` : after.waitedMs > 1000 ? `  [busy ${Math.round(after.waitedMs / 1000)} s after the run]` : ''
      }`,
    );
  }

  let storm = null;
  if (wantStorm) storm = await runStorm({ server, headers, idPaths, api, settle, deleteAfter: !database.throwaway, connections, durationSeconds, log });

  const baselineAfter = await baselineRun();
  const baselineRate = (baselineBefore.requestsPerSecond + baselineAfter.requestsPerSecond) / 2;
  // Shares against the mean of the two baseline runs (before and after the cases).
  for (const measured of results.values()) if (!measured.error) measured.share = measured.requestsPerSecond / baselineRate;
  const memory = server.memory();
  // Across restarts, the highest peak of any Roster process.
  memory.peakMB = Math.max(memory.peakMB, peakMB);
  log(`baseline again: ${formatCount(baselineAfter.requestsPerSecond)} req/s; Roster RSS peak ${Math.round(memory.peakMB)} MB`);

  const report = {
    date: new Date(),
    command,
    note: options.note ?? null,
    generator,
    connections,
    durationSeconds,
    latencySeconds,
    dialect: database.dialect,
    description: database.description,
    users: database.users,
    seededSeconds: database.seededSeconds,
    responseBytes: Buffer.byteLength(JSON.stringify(sample)),
    baseline: { before: baselineBefore, after: baselineAfter, requestsPerSecond: baselineRate },
    cases: cases.map((testCase) => {
      const measured = results.get(testCase.id);
      return { ...testCase, measured, verdict: judge(testCase, measured, results) };
    }),
    storm,
    readyRuns,
    memory,
    targets: TARGETS,
  };
  const out = options.out && options.out !== '-' ? path.resolve(root, options.out) : null;
  const previous = out && fs.existsSync(out) ? fs.readFileSync(out, 'utf8') : '';
  const { page, section } = writeReport(report, previous);
  process.stdout.write(`\n${section}`);
  if (out) {
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, page);
    log(`written to ${path.relative(process.cwd(), out) || out}`);
  }
} catch (error) {
  log(`bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  for (const cleanup of cleanups.reverse()) await cleanup().catch((error) => log(`cleanup: ${error.message}`));
}

function fmt(ms) {
  if (ms === null || ms === undefined) return '–';
  return ms < 10 ? ms.toFixed(2) : ms.toFixed(0);
}

/**
 * The database to measure, seeded when it has no users. Returns its dialect, description, user count, the
 * environment that points Roster at it, and whether it is a throwaway (deleted at the end).
 */
async function prepareDatabase() {
  const baseEnv = { ROSTER_RATE_LIMITS: 'off', ROSTER_SECRET_KEYS: SECRET_KEY, ROSTER_LOG_LEVEL: 'warn' };
  if (options['database-url']) {
    const url = options['database-url'];
    // Only looked at: a database without users is left as it was (not even migrated).
    const given = await openTarget({ databaseUrl: url, migrate: false });
    const existing = await given.countUsers().finally(() => given.close());
    const instanceKey = process.env.ROSTER_INSTANCE_KEY || BENCH_INSTANCE_KEY;
    if (existing > 0) {
      return { dialect: 'postgres', description: given.description, users: existing, throwaway: false, env: { ...baseEnv, DATABASE_URL: url, ROSTER_INSTANCE_KEY: instanceKey } };
    }
    // An empty database stays untouched: the users go into a database of their own on the same server.
    const name = `roster_bench_${Date.now()}`;
    await adminQuery(url, `CREATE DATABASE ${name}`);
    const benchUrl = withDatabase(url, name);
    if (!options.keep) cleanups.push(() => adminQuery(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    const target = await openTarget({ databaseUrl: benchUrl });
    const seeded = await seedWithLog(target);
    return {
      dialect: 'postgres',
      description: `${target.description}${options.keep ? ' (kept)' : ' (dropped afterwards)'}`,
      users: seedUsersCount,
      seededSeconds: seeded,
      throwaway: !options.keep,
      env: { ...baseEnv, DATABASE_URL: benchUrl, ROSTER_INSTANCE_KEY: instanceKey },
    };
  }
  const throwaway = !options['data-dir'];
  const dataDir = options['data-dir'] ? path.resolve(options['data-dir']) : fs.mkdtempSync(path.join(os.tmpdir(), 'roster-bench-'));
  if (throwaway && !options.keep) cleanups.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
  const target = await openTarget({ dataDir });
  const existing = await target.countUsers();
  let seededSeconds = null;
  if (existing === 0) seededSeconds = await seedWithLog(target);
  else await target.close();
  const env = { ...baseEnv, ROSTER_DATA_DIR: dataDir, DATABASE_URL: '' };
  // A fresh file takes the bench's instance key; an existing data directory keeps its own (or the environment's).
  if (throwaway) env.ROSTER_INSTANCE_KEY = BENCH_INSTANCE_KEY;
  return {
    dialect: 'sqlite',
    description: `${target.description}${throwaway ? (options.keep ? ' (kept)' : ' (temporary)') : ''}`,
    users: existing || seedUsersCount,
    seededSeconds,
    throwaway: throwaway && !options.keep,
    env,
  };
}

async function seedWithLog(target) {
  log(`seeding ${formatCount(seedUsersCount)} users into ${target.description} …`);
  try {
    const { seconds } = await seedInto(target, { users: seedUsersCount });
    return seconds;
  } finally {
    await target.close();
  }
}

async function adminQuery(url, text) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

function withDatabase(url, name) {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}
