// Start time on an existing database: spawns `node dist/server.js` and times it from spawn to the first 200 from
// GET /healthz, BENCH_START_RUNS times (default 7), on a SQLite database in a temporary data directory (created by
// one unmeasured first start). Run `npm run bench:start` (it builds first only when sources changed).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.env.BENCH_START_RUNS ?? 7);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'roster-bench-start-'));

/** A port nothing listens on right now. */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}

/** Milliseconds from spawning the server to its first healthy answer; the server is stopped afterwards. */
async function timeOneStart() {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(root, 'dist', 'server.js')], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ROSTER_DATA_DIR: dataDir, ROSTER_LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  let failed = false;
  child.once('exit', () => (failed = true));
  try {
    for (;;) {
      if (failed) throw new Error('the server exited before it was healthy');
      const healthy = await fetch(`http://127.0.0.1:${port}/healthz`).then((response) => response.status === 200, () => false);
      if (healthy) return performance.now() - started;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

try {
  await timeOneStart(); // creates the database, runs the migrations, writes the keys
  const times = [];
  for (let i = 0; i < runs; i++) times.push(await timeOneStart());
  times.sort((a, b) => a - b);
  const ms = (value) => `${value.toFixed(0)} ms`;
  console.log(`start on an existing database, spawn → first 200 from /healthz, ${runs} runs:`);
  console.log(`  p50 ${ms(times[Math.floor((runs - 1) / 2)])}   min ${ms(times[0])}   max ${ms(times[runs - 1])}`);
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
}
