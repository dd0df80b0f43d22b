import { hashRaw } from '@node-rs/argon2';
import { bytesEqual, parsePositiveInteger } from '../digest-encoding.js';
import { safely, utf8 } from './slow-shared.js';
/**
 * Memory ≤ 100 MiB (m is in KiB): one verification allocates all of it. The one memory cap above 64 MiB, because
 * Django's Argon2PasswordHasher and argon2-cffi 18.2–21.1 write m=102400,t=2,p=8 by default; PHP's default and
 * argon2-cffi's since 21.2 (RFC 9106's low-memory profile) are 64 MiB. The verification pool bounds how many run.
 */
export const ARGON2_MAX_MEMORY_KIB = 102_400;
/** Passes (t) ≤ 16. */
export const ARGON2_MAX_TIME = 16;
/** Lanes (p) ≤ 16. */
export const ARGON2_MAX_PARALLELISM = 16;
/** m·t ≤ 2^20 KiB-passes (64 MiB × 16 passes, about 0.3 s of one core): four times PHP's default (65536·4),
 *  five times Django's (102400·2). */
export const ARGON2_MAX_WORK = 1_048_576;
const SALT_BYTES = { min: 8, max: 1024 };
const HASH_BYTES = { min: 4, max: 1024 };
/** Unpadded standard base64 as the argon2 reference encoder writes it (unused trailing bits zero), or null. */
function fromPhcBase64(text, bounds) {
    if (!/^[A-Za-z0-9+/]+$/.test(text) || text.length % 4 === 1)
        return null;
    const bytes = Buffer.from(text, 'base64');
    if (bytes.toString('base64').replace(/=+$/, '') !== text)
        return null;
    return bytes.length >= bounds.min && bytes.length <= bounds.max ? bytes : null;
}
function parse(variant, digest) {
    const match = new RegExp(`^\\$${variant}\\$(?:v=([0-9]+)\\$)?m=([0-9]+),t=([0-9]+),p=([0-9]+)\\$([^$]+)\\$([^$]+)$`).exec(digest);
    if (!match)
        return null;
    const [, versionText, m, t, p, saltText, hashText] = match;
    // No `v=` means version 0x10, as the reference decoder reads it.
    const version = versionText === undefined || versionText === '16' ? 0 /* Version.V0x10 */ : versionText === '19' ? 1 /* Version.V0x13 */ : null;
    const memoryCost = parsePositiveInteger(m);
    const timeCost = parsePositiveInteger(t);
    const parallelism = parsePositiveInteger(p);
    if (version === null || memoryCost === null || timeCost === null || parallelism === null)
        return null;
    if (parallelism > ARGON2_MAX_PARALLELISM || timeCost > ARGON2_MAX_TIME)
        return null;
    if (memoryCost < 8 * parallelism || memoryCost > ARGON2_MAX_MEMORY_KIB || memoryCost * timeCost > ARGON2_MAX_WORK)
        return null;
    const salt = fromPhcBase64(saltText, SALT_BYTES);
    const hash = fromPhcBase64(hashText, HASH_BYTES);
    return salt && hash ? { version, memoryCost, timeCost, parallelism, salt, hash } : null;
}
function argon2Hasher(variant) {
    const algorithm = variant === 'argon2i' ? 1 /* Algorithm.Argon2i */ : 2 /* Algorithm.Argon2id */;
    return {
        name: variant,
        isValidDigest: (digest) => parse(variant, digest) !== null,
        verify(digest, password) {
            return safely(async () => {
                const parsed = parse(variant, digest);
                if (parsed === null)
                    return false;
                const { hash, ...options } = parsed;
                const computed = await hashRaw(utf8(password), { ...options, algorithm, outputLen: hash.length });
                return bytesEqual(computed, hash);
            });
        },
    };
}
/**
 * `argon2i` and `argon2id` (verifying only; new passwords are written by src/passwords/argon2id.ts): the PHC string
 * `$argon2i$v=19$m=<KiB>,t=<passes>,p=<lanes>$<salt>$<hash>` (`$argon2id$…` for the other), salt and hash in
 * unpadded base64, as the reference library, PHP's password_hash and argon2-cffi write it. `v=16` and a missing
 * `v=` (both Argon2 1.0) are accepted, as the reference decoder does. The password's UTF-8 bytes are hashed (no
 * truncation), recomputed with @node-rs/argon2's `hashRaw` on the thread pool and compared in constant time.
 *
 * Caps (over them the digest is invalid): m ≤ 102,400 KiB, t ≤ 16, p ≤ 16, m·t ≤ 1,048,576; and argon2's own
 * floors: m ≥ 8·p, a salt of at least 8 bytes, a hash of at least 4.
 */
export const argon2iHasher = argon2Hasher('argon2i');
export const argon2idHasher = argon2Hasher('argon2id');
//# sourceMappingURL=argon2.js.map