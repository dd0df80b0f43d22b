import { availableParallelism } from 'node:os';
import { Algorithm, hash } from '@node-rs/argon2';
import { argon2idHasher as argon2idVerifier } from './hashers/argon2.js';
import type { WritingHasher } from './password-hasher.js';
import { createVerificationPool } from './verification-pool.js';

/** OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane. Runs on libuv's thread pool, off the event loop. */
const OWASP_PARAMETERS = { algorithm: Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** libuv's thread pool: UV_THREADPOOL_SIZE, 4 when unset. */
const LIBUV_THREADS = Number(process.env.UV_THREADPOOL_SIZE) || 4;

/** How every digest Roster writes begins (its salt and hash follow). */
const OWN_DIGEST_PREFIX = `$argon2id$v=19$m=${OWASP_PARAMETERS.memoryCost},t=${OWASP_PARAMETERS.timeCost},p=${OWASP_PARAMETERS.parallelism}$`;

/**
 * New-password hashes running at once: one per core, and never all four of libuv's threads. On a two-core
 * machine four hashes side by side would each run twice as slow and leave the event loop a third of a core:
 * reads stalled behind a storm of sign-ups. One per core hashes just as many per second. Checks of a password
 * at sign-in do not queue here: they take a libuv thread at once, so sign-ins never wait behind sign-ups.
 * Process-wide, like the cores and the thread pool it shares out. A thousand waiting is the bound (then 429).
 */
const hashSlots = createVerificationPool({ maxConcurrent: Math.max(1, Math.min(availableParallelism(), LIBUV_THREADS - 1)), maxQueued: 1000 });

/** The format Roster writes new passwords in; imported argon2id digests verify through the same checks. */
export const argon2idWriter: WritingHasher = {
  name: 'argon2id',
  isValidDigest: argon2idVerifier.isValidDigest,
  verify: argon2idVerifier.verify,
  hash: (password) => hashSlots.run(() => hash(password, OWASP_PARAMETERS)),
  isOwnDigest: (digest) => digest.startsWith(OWN_DIGEST_PREFIX),
};
