import { hash } from '@node-rs/argon2';
import { argon2idHasher as argon2idVerifier } from './hashers/argon2.js';
/** OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane. Runs on libuv's thread pool, off the event loop. */
const OWASP_PARAMETERS = { algorithm: 2 /* Algorithm.Argon2id */, memoryCost: 19_456, timeCost: 2, parallelism: 1 };
/** How every digest Roster writes begins (its salt and hash follow). */
const OWN_DIGEST_PREFIX = `$argon2id$v=19$m=${OWASP_PARAMETERS.memoryCost},t=${OWASP_PARAMETERS.timeCost},p=${OWASP_PARAMETERS.parallelism}$`;
/** The format Roster writes new passwords in; imported argon2id digests verify through the same checks. */
export const argon2idWriter = {
    name: 'argon2id',
    isValidDigest: argon2idVerifier.isValidDigest,
    verify: argon2idVerifier.verify,
    hash: (password) => hash(password, OWASP_PARAMETERS),
    isOwnDigest: (digest) => digest.startsWith(OWN_DIGEST_PREFIX),
};
//# sourceMappingURL=argon2id.js.map