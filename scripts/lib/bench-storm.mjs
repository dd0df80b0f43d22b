// The password storm of `npm run bench`: creating users with passwords as fast as Roster can, against the raw
// argon2id rate of the machine, while GET of one user runs alongside.
import os from 'node:os';
import { TARGETS } from './bench-cases.mjs';
import { measureArgon2Rate, runLoad } from './bench-servers.mjs';

const STORM_PASSWORD = 'Bench-storm: quiet lanterns 4 every river!';
const fmt = (ms) => (ms === null || ms === undefined ? '–' : ms < 10 ? ms.toFixed(2) : ms.toFixed(0));

/**
 * The password storm: the raw argon2id rate of this machine first (Roster's hasher, as many hashes at a time
 * as there are cores), then POST /v1/users with a password at --connections while GET /v1/users/{id} runs
 * alongside on one connection. `settle()` waits for Roster to finish the creates still running when the run
 * ends; then, in a database that is kept, every user the storm created is deleted again (found by the run's tag
 * in their addresses, so the creates that outlived the run go too).
 */
export async function runStorm({ server, headers, idPaths, api, settle, deleteAfter, connections, durationSeconds, log }) {
  const cores = os.availableParallelism();
  const raw = await measureArgon2Rate(cores, 4);
  log(`argon2id: ${raw.hashesPerSecond.toFixed(1)} hashes/s with ${cores} at a time`);
  const tag = `${Date.now().toString(36)}`;
  const spec = {
    url: server.url,
    connections,
    durationSeconds,
    headers,
    method: 'POST',
    paths: ['/v1/users'],
    body: { createUserTag: tag, password: STORM_PASSWORD },
  };
  const [created, probe] = await Promise.all([
    runLoad(spec, 'autocannon'),
    runLoad({ url: server.url, connections: 1, durationSeconds, headers, paths: idPaths }, 'autocannon'),
  ]);
  log(`create storm: ${created.requestsPerSecond.toFixed(1)} users/s (${created.non2xx} non-2xx), GET alongside p99 ${fmt(probe.p99)} ms`);
  await settle();
  if (deleteAfter) log(`deleted the ${await deleteStormUsers(api, tag)} users the storm created`);
  return {
    cores,
    raw,
    created,
    probe,
    share: created.requestsPerSecond / raw.hashesPerSecond,
    met: created.requestsPerSecond >= TARGETS.createShareOfArgon2 * raw.hashesPerSecond,
    probeMet: probe.p99 !== null && probe.p99 < TARGETS.probeP99Ms,
  };
}

/** Deletes the users whose address carries the storm's tag, four requests at a time; returns how many. */
async function deleteStormUsers(api, tag) {
  let deleted = 0;
  for (;;) {
    const response = await api(`/v1/users?limit=100&email_address_query=${encodeURIComponent(`storm-${tag}-`)}`);
    const page = response.ok ? await response.json() : [];
    if (page.length === 0) return deleted;
    const queue = page.map((user) => user.id);
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        for (let id = queue.pop(); id; id = queue.pop()) await api(`/v1/users/${id}`, { method: 'DELETE' }).then((r) => r.arrayBuffer());
      }),
    );
    deleted += page.length;
  }
}
