// The seeding loop behind `npm run seed` (and the fresh databases of `npm run bench`): fake users from
// fake-users.mjs, written in batches by the storage layer's bulk import, one transaction per batch. Roster's
// modules are passed in (`roster`), so the scripts hand over the built dist/ and the tests the sources.
import { createUserFactory } from './fake-users.mjs';

/**
 * Writes `total` fake users numbered from `startIndex` into `database` (already migrated).
 * `lanes`: batches written at once.
 * `roster`: `{ newId, insertUserBatch, withDeferredUserIndexes }` from lib/ids and
 * storage/repositories/bulk-user-import. `empty`: the database has no users yet, so the indexes are built
 * once at the end instead of row by row (much faster). `onProgress(done)` is called after every batch, and
 * `onIndexing()` when the rows are in and the indexes are being built.
 * Returns how many users were written, and how many with a password.
 */
export async function seedUsers({ database, roster, total, startIndex = 0, empty = startIndex === 0, batchSize = 5_000, lanes = 2, nowMs = Date.now(), passwordDigest = null, passwordShare = 0, onProgress = () => {}, onIndexing = () => {} }) {
  const userAt = createUserFactory({ newId: roster.newId, total, startIndex, nowMs, passwordDigest, passwordShare });
  let written = 0;
  let claimed = 0;
  let passwordUsers = 0;
  // Batches in flight at once: while PostgreSQL writes one (in its own backend), the next is being generated
  // and sent on another connection. SQLite runs one transaction at a time either way.
  let failed = false;
  const lane = async () => {
    while (claimed < total && !failed) {
      const first = claimed;
      const size = Math.min(batchSize, total - first);
      claimed += size;
      const batch = new Array(size);
      for (let k = 0; k < size; k++) {
        batch[k] = userAt(startIndex + first + k);
        if (batch[k].user.password_digest) passwordUsers++;
      }
      try {
        await roster.insertUserBatch(database.db, batch);
      } catch (error) {
        failed = true;
        throw error;
      }
      written += size;
      onProgress(written);
    }
  };
  const load = async () => {
    // Every lane has stopped before this returns or throws: nothing is still writing when the indexes are built.
    const outcomes = await Promise.allSettled(Array.from({ length: lanes }, lane));
    const failure = outcomes.find((outcome) => outcome.status === 'rejected');
    if (failure) throw failure.reason;
    if (empty) onIndexing();
  };
  if (empty) await roster.withDeferredUserIndexes(database, load);
  else await load();
  return { written, passwordUsers };
}
