import { Algorithm, hash, verify } from '@node-rs/argon2';
import type { PasswordHasher } from './password-hasher.js';

/** OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane. Runs on libuv's thread pool, off the event loop. */
const OWASP_PARAMETERS = { algorithm: Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const argon2idHasher: PasswordHasher = {
  isValidDigest: (digest) => digest.startsWith('$argon2id$'),
  name: 'argon2id',
  hash: (password) => hash(password, OWASP_PARAMETERS),
  async verify(digest, password) {
    try {
      return await verify(digest, password);
    } catch {
      return false;
    }
  },
};
