import { availableParallelism } from 'node:os';
import { Algorithm, hash } from '@node-rs/argon2';
import { argon2idHasher as argon2idVerifier } from './hashers/argon2.js';
import type { WritingHasher } from './password-hasher.js';
import { createVerificationPool } from './verification-pool.js';

/** OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane. Runs on libuv's thread pool, off the event loop. */
const OWASP_PARAMETERS = { algorithm: Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** How every digest Roster writes begins (its salt and hash follow). */
const OWN_DIGEST_PREFIX = `$argon2id$v=19$m=${OWASP_PARAMETERS.memoryCost},t=${OWASP_PARAMETERS.timeCost},p=${OWASP_PARAMETERS.parallelism}$`;

/**
 * Hashes and argon2id checks running at once: one per core. libuv's pool has four threads, so on a two-core
 * machine four hashes would run side by side, each twice as slow, and the event loop would get a third of a
 * core: reads stalled behind a storm of sign-ups. One per core hashes just as many per second and leaves the
 * event loop its share. Process-wide, like the cores. A thousand waiting is the bound (then 429).
 */
const argon2Slots = createVerificationPool({ maxConcurrent: availableParallelism(), maxQueued: 1000 });

/** The format Roster writes new passwords in; imported argon2id digests verify through the same checks. */
export const argon2idWriter: WritingHasher = {
  name: 'argon2id',
  isValidDigest: argon2idVerifier.isValidDigest,
  verify: (digest, password) => argon2Slots.run(() => argon2idVerifier.verify(digest, password)),
  hash: (password) => argon2Slots.run(() => hash(password, OWASP_PARAMETERS)),
  isOwnDigest: (digest) => digest.startsWith(OWN_DIGEST_PREFIX),
};
