import { fromHex } from '../digest-encoding.js';
import { pbkdf2Format, utf8 } from './slow-shared.js';
/** Clerk: "Optionally accepts the key length as the last parameter (defaults to 32)". */
const DEFAULT_KEY_LENGTH = 32;
/**
 * `pbkdf2_sha1`, Clerk's form: `pbkdf2_sha1$<iterations>$<salt>$<hash-as-hex>` or
 * `pbkdf2_sha1$<iterations>$<salt>$<hash-as-hex>$<key-length>`; PBKDF2-HMAC-SHA1 of the password's UTF-8 bytes.
 * As Clerk documents: the salt is hex-decoded when it is valid hex (an even number of hex digits, either case),
 * otherwise its UTF-8 bytes are used (so a text salt that happens to look like hex, e.g. `deadbeef`, is decoded —
 * Clerk's rule, not a guess); the key length defaults to 32 bytes.
 *
 * Clerk does not say what happens when the hash's length differs from the key length; here they must agree (a
 * 20-byte SHA-1-sized hash needs an explicit `$20`), otherwise the digest is invalid rather than never matching.
 *
 * Caps (slow-shared.ts): key length 16–128 bytes, iterations × ceil(key length / 20) ≤ 3,000,000.
 */
export const pbkdf2Sha1Hasher = pbkdf2Format({
    name: 'pbkdf2_sha1',
    prefix: 'pbkdf2_sha1',
    digest: 'sha1',
    decodeSalt: (text) => fromHex(text) ?? utf8(text),
    decodeHash: fromHex,
    keyLengthPart: { defaultLength: DEFAULT_KEY_LENGTH },
});
//# sourceMappingURL=pbkdf2-sha1.js.map