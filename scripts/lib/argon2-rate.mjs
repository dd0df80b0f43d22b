// The raw argon2id rate of this machine, for `npm run bench`: Roster's own hasher (dist/passwords/argon2id.js,
// so the parameters are Roster's) run `concurrency` hashes at a time for `seconds`, in a process of its own.
// Usage: node argon2-rate.mjs <concurrency> <seconds>; prints {"hashes", "seconds", "hashesPerSecond"} as JSON.
import { argon2idWriter } from '../../dist/passwords/argon2id.js';

const concurrency = Number(process.argv[2] ?? 1);
const seconds = Number(process.argv[3] ?? 3);

// libuv's pool (4 threads by default) runs the hashes: it must not be what limits them.
if (Number(process.env.UV_THREADPOOL_SIZE ?? 4) < concurrency) throw new Error('set UV_THREADPOOL_SIZE to at least the concurrency');
await argon2idWriter.hash('warm-up password'); // first call: allocations, code paths
let hashes = 0;
const started = performance.now();
const deadline = started + seconds * 1000;
await Promise.all(
  Array.from({ length: concurrency }, async (_, lane) => {
    for (let n = 0; performance.now() < deadline; n++) {
      await argon2idWriter.hash(`benchmark password ${lane}-${n}`);
      hashes++;
    }
  }),
);
const elapsed = (performance.now() - started) / 1000;
process.stdout.write(`${JSON.stringify({ hashes, seconds: elapsed, hashesPerSecond: hashes / elapsed })}\n`);
