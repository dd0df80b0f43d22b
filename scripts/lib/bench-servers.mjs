// The processes `npm run bench` measures and drives: Roster (dist/server.js) and the bare node:http baseline
// as child processes, the load generator (autocannon in a child, or wrk), and the raw argon2id rate.
import { execFile, fork, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');

/** A port nothing listens on right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}

/**
 * Starts Roster from dist/ with `env` on a free loopback port and waits for GET /healthz to answer 200.
 * `readyMs` is the time from spawn to that first 200. The server is started by its absolute path (a
 * plain `node dist/server.js` command line is what some machines' process reapers look for).
 */
export async function startRoster(env) {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(root, 'dist', 'server.js')], {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  let gone = false;
  void exited.then(() => (gone = true));
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (gone) throw new Error(`Roster exited before it was healthy:\n${stderr}`);
    const healthy = await fetch(`${url}/healthz`).then((response) => response.status === 200, () => false);
    if (healthy) break;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const readyMs = performance.now() - started;
  return {
    url,
    pid: child.pid,
    readyMs,
    /** Peak and current resident memory of the server process, from /proc (Linux), in MB. */
    memory() {
      try {
        const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
        const kb = (field) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
        return { peakMB: kb('VmHWM') / 1024, currentMB: kb('VmRSS') / 1024 };
      } catch {
        return { peakMB: NaN, currentMB: NaN };
      }
    },
    async stop() {
      if (!gone) child.kill('SIGTERM');
      await exited;
    },
    /** Stops it at once, without waiting for the requests it is running (a graceful close would). */
    async kill() {
      if (!gone) child.kill('SIGKILL');
      await exited;
    },
  };
}

/** Starts the bare node:http baseline answering every request with `user` as JSON. */
export async function startBaseline(user) {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'roster-bench-baseline-')), 'user.json');
  fs.writeFileSync(file, JSON.stringify(user));
  const child = spawn(process.execPath, [path.join(here, 'baseline-server.mjs'), file], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const port = await new Promise((resolve, reject) => {
    child.stdout.once('data', (chunk) => resolve(Number(String(chunk).trim())));
    child.once('exit', () => reject(new Error('the baseline server exited before listening')));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    async stop() {
      child.kill('SIGTERM');
      await exited;
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    },
  };
}

/**
 * Drives one run and resolves with `{ requestsPerSecond, p50, p90, p99, max (ms), ok2xx, non2xx, errors }`.
 * spec: `{ url, connections, durationSeconds, headers, method?, paths, body? }`. autocannon in a
 * child process by default; wrk (one thread, like the issue's `wrk -t1`) when `generator` is 'wrk' and the
 * run is a GET.
 */
export function runLoad(spec, generator = 'autocannon') {
  if (generator === 'wrk' && (spec.method ?? 'GET') === 'GET') return runWrk(spec);
  return new Promise((resolve, reject) => {
    const child = fork(path.join(here, 'load-generator.mjs'), [], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    let answer;
    child.once('message', (message) => {
      answer = message;
      child.kill();
    });
    child.once('exit', () => {
      if (!answer) reject(new Error('the load generator exited without an answer'));
      else if (!answer.ok) reject(new Error(`the load generator failed: ${answer.error}`));
      else resolve(answer.result);
    });
    child.send(spec);
  });
}

/** True when `wrk` is on PATH. */
export function hasWrk() {
  // `wrk --version` prints "wrk <version> …" and exits 1; a missing binary fails with ENOENT.
  return new Promise((resolve) => execFile('wrk', ['--version'], (error, stdout, stderr) => resolve(!error || /^wrk /m.test(`${stdout}${stderr}`))));
}

/** One wrk run; a Lua script rotates over the paths and prints the numbers as one JSON line. */
async function runWrk(spec) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'roster-bench-wrk-'));
  const script = path.join(dir, 'run.lua');
  const lua = (value) => JSON.stringify(value); // a JSON string is a valid Lua string literal for these ASCII values
  fs.writeFileSync(
    script,
    `local paths = { ${spec.paths.map(lua).join(', ')} }
local n = 0
${Object.entries(spec.headers ?? {}).map(([name, value]) => `wrk.headers[${lua(name)}] = ${lua(value)}`).join('\n')}
request = function()
  n = n + 1
  return wrk.format("GET", paths[(n % #paths) + 1])
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('WRK-JSON {"requests":%d,"durationUs":%d,"p50":%d,"p90":%d,"p99":%d,"max":%d,"non2xx":%d,"errors":%d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
    e.status, e.connect + e.read + e.write + e.timeout))
end
`,
  );
  try {
    const args = ['-t1', `-c${spec.connections}`, `-d${spec.durationSeconds}s`, '--timeout', '120s', '-s', script, spec.url];
    const stdout = await new Promise((resolve, reject) =>
      execFile('wrk', args, { maxBuffer: 1 << 20 }, (error, out) => (error ? reject(error) : resolve(out))),
    );
    const line = /WRK-JSON (.*)/.exec(stdout)?.[1];
    if (!line) throw new Error(`unexpected wrk output:\n${stdout}`);
    const raw = JSON.parse(line);
    const seconds = raw.durationUs / 1e6;
    const ok2xx = raw.requests - raw.non2xx;
    const ms = (us) => us / 1000;
    return {
      ok2xx,
      non2xx: raw.non2xx,
      errors: raw.errors,
      durationSeconds: seconds,
      requestsPerSecond: ok2xx / seconds,
      p50: ms(raw.p50),
      p90: ms(raw.p90),
      p99: ms(raw.p99),
      max: ms(raw.max),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Hashes per second of Roster's argon2id hasher with `concurrency` hashes at a time, in a process of its own. */
export function measureArgon2Rate(concurrency, seconds) {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [path.join(here, 'argon2-rate.mjs'), String(concurrency), String(seconds)],
      { env: { ...process.env, UV_THREADPOOL_SIZE: String(Math.max(4, concurrency)) } },
      (error, stdout) => (error ? reject(error) : resolve(JSON.parse(stdout))),
    );
  });
}
