import { fromHex } from '../digest-encoding.js';
import { pbkdf2Format, utf8 } from './slow-shared.js';
/**
 * `pbkdf2_sha512`, Clerk's form: `pbkdf2_sha512$<iterations>$<salt>$<hash>`, where "the salt is expected to be an
 * unencoded string literal, and the hash should be hex-encoded": PBKDF2-HMAC-SHA512 of the password's UTF-8 bytes
 * with the salt's UTF-8 text (never decoded, even when it looks like hex — that is `pbkdf2_sha512_hex`), as many
 * bytes as the hash decodes to (usually 64).
 *
 * The key length is the hash's own (Clerk documents none), so a hash cut at a byte boundary is the same password's
 * shorter PBKDF2 key and still verifies that password (and no other); the 16-byte floor bounds how short.
 *
 * Caps (slow-shared.ts): hash 16–128 bytes, iterations × ceil(hash length / 64) ≤ 1,500,000.
 */
export const pbkdf2Sha512Hasher = pbkdf2Format({
    name: 'pbkdf2_sha512',
    prefix: 'pbkdf2_sha512',
    digest: 'sha512',
    decodeSalt: utf8,
    decodeHash: fromHex,
});
//# sourceMappingURL=pbkdf2-sha512.js.map