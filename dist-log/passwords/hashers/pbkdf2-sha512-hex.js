import { fromHex } from '../digest-encoding.js';
import { pbkdf2Format } from './slow-shared.js';
/**
 * `pbkdf2_sha512_hex`, Clerk's form: `pbkdf2_sha512_hex$<iterations>$<salt>$<hash>`, "both the salt and the hash
 * are expected to be hex-encoded" (either case): PBKDF2-HMAC-SHA512 of the password's UTF-8 bytes with the decoded
 * salt, as many bytes as the hash decodes to (usually 64).
 *
 * The key length is the hash's own (Clerk documents none), so a hash cut at a byte boundary is the same password's
 * shorter PBKDF2 key and still verifies that password (and no other); the 16-byte floor bounds how short.
 *
 * Caps (slow-shared.ts): hash 16–128 bytes, iterations × ceil(hash length / 64) ≤ 1,500,000.
 */
export const pbkdf2Sha512HexHasher = pbkdf2Format({
    name: 'pbkdf2_sha512_hex',
    prefix: 'pbkdf2_sha512_hex',
    digest: 'sha512',
    decodeSalt: fromHex,
    decodeHash: fromHex,
});
//# sourceMappingURL=pbkdf2-sha512-hex.js.map