import { fromBase64 } from '../digest-encoding.js';
import { pbkdf2Format } from './slow-shared.js';
/**
 * `pbkdf2_sha256`, Clerk's generic form: `pbkdf2_sha256$<iterations>$<salt>$<hash>`, where "both the salt and the
 * hash are expected to be base64-encoded" (standard alphabet, `=` padding optional). The salt is used decoded — that
 * is what sets this format apart from `pbkdf2_sha256_django`, whose digests look the same but whose salt is used as
 * its text. PBKDF2-HMAC-SHA256 of the password's UTF-8 bytes, as many bytes as the hash decodes to.
 *
 * A Django digest imported under this name is read this way too: a 22-character Django salt is valid base64, so
 * it decodes and the digest never matches; import those as `pbkdf2_sha256_django`.
 *
 * The key length is the hash's own (Clerk documents none), so a hash cut at a byte boundary is the same password's
 * shorter PBKDF2 key and still verifies that password (and no other); the 16-byte floor bounds how short.
 *
 * Caps (slow-shared.ts): hash 16–128 bytes, iterations × ceil(hash length / 32) ≤ 3,000,000.
 */
export const pbkdf2Sha256Hasher = pbkdf2Format({
    name: 'pbkdf2_sha256',
    prefix: 'pbkdf2_sha256',
    digest: 'sha256',
    decodeSalt: fromBase64,
    decodeHash: fromBase64,
});
//# sourceMappingURL=pbkdf2-sha256.js.map