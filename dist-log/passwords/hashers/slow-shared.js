import { createHash, pbkdf2 as pbkdf2Callback, scrypt as scryptCallback } from 'node:crypto';
import { hash as bcryptHash } from '@node-rs/bcrypt';
import { bytesEqual, parsePositiveInteger } from '../digest-encoding.js';
/**
 * Shared pieces of the slow formats (bcrypt, argon2, scrypt, pbkdf2): parsing, cost caps, and key derivation on
 * libuv's thread pool (never the *Sync functions). The caps bound what one hostile imported digest can cost a
 * sign-in; a digest over a cap is not valid (`isValidDigest` false, so 422 at import).
 *
 * Every cap keeps one verification under about 1 s of one core and 64 MiB of memory (measured on a 2-core
 * machine with scripts/measure-verify-costs.mjs), while staying above the defaults of the systems digests come
 * from. Imported digests are also verified a few at a time (src/passwords/verification-pool.ts).
 */
/** Runs `check`, turning any exception into "does not match": `verify` never throws. */
export async function safely(check) {
    try {
        return await check();
    }
    catch {
        return false;
    }
}
export const utf8 = (text) => Buffer.from(text, 'utf8');
// ---------------------------------------------------------------------------------------------------------- bcrypt
/** bcrypt's own cost floor. */
export const BCRYPT_MIN_COST = 4;
/** 2^13 rounds, about 0.5 s of one core: above every default (PHP 10, PHP 8.4 / Laravel / Django / Devise 12).
 *  Each step doubles the time: cost 14 is about 1 s, 17 about 8 s. */
export const BCRYPT_MAX_COST = 13;
/** bcrypt's base64 alphabet (not RFC 4648's order). */
const BCRYPT_ALPHABET = './ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
/** `$2a$`, `$2b$` or `$2y$`, a two-digit cost, a 22-character salt and a 31-character checksum. `$2x$` (the
 *  crypt_blowfish sign-extension bug's marker) and `$2$` are not accepted. */
const BCRYPT = /^\$(2[aby])\$([0-9]{2})\$([./A-Za-z0-9]{22})([./A-Za-z0-9]{31})$/;
/** The bytes of bcrypt-base64 `text`, or null when a character is outside the alphabet. */
function decodeBcryptBase64(text, length) {
    const out = Buffer.alloc(length);
    let accumulator = 0;
    let bits = 0;
    let at = 0;
    for (const character of text) {
        const value = BCRYPT_ALPHABET.indexOf(character);
        if (value < 0)
            return null;
        accumulator = ((accumulator << 6) | value) & 0xffff;
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            if (at < length)
                out[at++] = (accumulator >> bits) & 0xff;
        }
    }
    return at === length ? out : null;
}
/**
 * A bcrypt hash (exactly 60 characters), or null. Its cost must lie in [BCRYPT_MIN_COST, BCRYPT_MAX_COST], and the
 * salt's and checksum's last characters must be canonical (their unused low bits zero), as every bcrypt writes
 * them: a salt written otherwise would be re-encoded by the original verifiers and never match.
 */
export function parseBcrypt(text) {
    const match = BCRYPT.exec(text);
    if (!match)
        return null;
    const [, version, costText, saltText, checksum] = match;
    const cost = Number(costText);
    if (cost < BCRYPT_MIN_COST || cost > BCRYPT_MAX_COST)
        return null;
    // 22 characters carry 132 bits for 128: the last one's low 4 bits are unused; 31 carry 186 for 184: 2 unused.
    if (BCRYPT_ALPHABET.indexOf(saltText[21]) % 16 !== 0)
        return null;
    if (BCRYPT_ALPHABET.indexOf(checksum[30]) % 4 !== 0)
        return null;
    const salt = decodeBcryptBase64(saltText, 16);
    return salt ? { version: version, cost, salt, checksum } : null;
}
/**
 * Whether bcrypt of `password` (its bytes as given: the caller decides what bcrypt is fed) under the digest's cost
 * and salt gives its checksum. bcrypt reads at most the first 72 bytes, as in every ecosystem. @node-rs/bcrypt's
 * `hash` runs on the thread pool; the checksums are compared in constant time.
 */
export async function bcryptMatches(digest, password) {
    const computed = await bcryptHash(password, digest.cost, digest.salt);
    return bytesEqual(Buffer.from(computed.slice(-31), 'latin1'), Buffer.from(digest.checksum, 'latin1'));
}
/** bcrypt's key is the password's bytes and a NUL, of which it reads this many. */
export const BCRYPT_KEY_BYTES = 72;
/**
 * Whether bcrypt fed `bytes` accepts no other password (for `acceptsOnly`): its NUL terminator must fall inside the
 * 72 bytes bcrypt reads, or every password sharing those 72 bytes verifies too; and `bytes` must hold no NUL, since
 * bcrypt cycles through its key (`ab` and `ab\0ab` are one key).
 */
export function bcryptKeyIsWhole(bytes) {
    return bytes.length < BCRYPT_KEY_BYTES && !bytes.includes(0);
}
/**
 * Iterations are counted per PRF output block: iterations × ceil(keyLength / hashLength) ≤ this, per hash (about
 * 0.7 s of one core each; a SHA-512 block costs twice a SHA-256 or SHA-1 one). With one block, that is the plain
 * iteration cap: SHA-256 3,000,000 (Django 6.0 writes 1,200,000), SHA-512 1,500,000 (OWASP: 210,000), SHA-1
 * 3,000,000 (OWASP's 1,300,000 fits with Clerk's default 32-byte key, two SHA-1 blocks).
 */
export const PBKDF2_MAX_WORK = { sha1: 3_000_000, sha256: 3_000_000, sha512: 1_500_000 };
/** Smallest and largest derived key, in bytes, a pbkdf2 digest may hold. */
export const PBKDF2_MIN_KEY_BYTES = 16;
export const PBKDF2_MAX_KEY_BYTES = 128;
const PBKDF2_BLOCK_BYTES = { sha1: 20, sha256: 32, sha512: 64 };
/** HMAC's block, in bytes: a longer key is replaced by its hash, of HASH_BYTES. */
const HMAC_BLOCK_BYTES = { sha1: 64, sha256: 64, sha512: 128 };
/** Whether a client could send `bytes` as a password: UTF-8 without NUL (JSON bodies refuse NUL). */
const isSendable = (bytes) => !bytes.includes(0) && utf8(bytes.toString('utf8')).equals(bytes);
/**
 * Whether `password`, as the HMAC-`hash` key of PBKDF2 (and scrypt, which runs PBKDF2), is the only password
 * giving that key (for `acceptsOnly`). HMAC zero-pads a short key (`abc` and `abc\0` are one key, but the second
 * needs a NUL) and replaces a key longer than its block by the key's hash: then the raw hash is a second password
 * whenever it happens to be sendable (NUL-free UTF-8). Conversely, a password exactly as long as the hash may be the
 * raw hash of a longer one (the user's real password), which nothing short of that password can rule out: such a
 * password is never taken as the only one.
 */
export function hmacKeyIsOnlyOne(password, hash) {
    const bytes = utf8(password);
    if (bytes.includes(0) || bytes.length === PBKDF2_BLOCK_BYTES[hash])
        return false;
    return bytes.length <= HMAC_BLOCK_BYTES[hash] || !isSendable(createHash(hash).update(bytes).digest());
}
/** A decimal iteration count (no sign, no leading zero) within the work cap for `keyLength` bytes, or null. */
export function parsePbkdf2Iterations(text, digest, keyLength) {
    const iterations = parsePositiveInteger(text);
    if (iterations === null)
        return null;
    if (keyLength < PBKDF2_MIN_KEY_BYTES || keyLength > PBKDF2_MAX_KEY_BYTES)
        return null;
    return iterations * Math.ceil(keyLength / PBKDF2_BLOCK_BYTES[digest]) <= PBKDF2_MAX_WORK[digest] ? iterations : null;
}
function pbkdf2(password, salt, iterations, keyLength, digest) {
    return new Promise((resolve, reject) => {
        pbkdf2Callback(password, salt, iterations, keyLength, digest, (error, key) => (error ? reject(error) : resolve(key)));
    });
}
/** Whether PBKDF2-HMAC-`digest`(password, salt, iterations, expected.length) equals `expected`, in constant time. */
export async function pbkdf2Matches(password, salt, iterations, digest, expected) {
    return bytesEqual(await pbkdf2(utf8(password), salt, iterations, expected.length, digest), expected);
}
/**
 * A verifier for a pbkdf2 format: `isValidDigest` is true when the digest parses under `format`'s rules with
 * iterations a plain decimal within {@link parsePbkdf2Iterations}'s caps for the hash's length; `verify` compares
 * PBKDF2-HMAC-`digest` of the password's UTF-8 bytes with the hash, in constant time, and never throws.
 */
export function pbkdf2Format(format) {
    const maxParts = format.keyLengthPart === undefined ? 4 : 5;
    const parse = (digest) => {
        const parts = digest.split('$');
        if (parts.length < 4 || parts.length > maxParts || parts[0] !== format.prefix)
            return null;
        const [, iterationsText, saltText, hashText, keyLengthText] = parts;
        const salt = format.decodeSalt(saltText);
        const hash = format.decodeHash(hashText);
        if (salt === null || hash === null || salt.length === 0)
            return null;
        if (format.keyLengthPart !== undefined) {
            const keyLength = keyLengthText === undefined ? format.keyLengthPart.defaultLength : parsePositiveInteger(keyLengthText);
            if (keyLength !== hash.length)
                return null;
        }
        const iterations = parsePbkdf2Iterations(iterationsText, format.digest, hash.length);
        return iterations === null ? null : { iterations, salt, hash };
    };
    return {
        name: format.name,
        isValidDigest: (digest) => parse(digest) !== null,
        verify(digest, password) {
            return safely(async () => {
                const parsed = parse(digest);
                return parsed !== null && (await pbkdf2Matches(password, parsed.salt, parsed.iterations, format.digest, parsed.hash));
            });
        },
        acceptsOnly: (_digest, password) => hmacKeyIsOnlyOne(password, format.digest),
    };
}
// ---------------------------------------------------------------------------------------------------------- scrypt
/** N (the CPU/memory cost) ≤ 2^18: the largest N the memory cap below and N < 2^(16·r) allow together (r = 2). */
export const SCRYPT_MAX_N = 2 ** 18;
/** scrypt's memory, 128·N·r bytes, ≤ 64 MiB (Werkzeug's default needs 32 MiB, Firebase's 16 MiB). */
export const SCRYPT_MAX_MEMORY = 64 * 1024 * 1024;
/** N·r·p ≤ 2^20: 4 times Werkzeug's default work (2^15·8·1), at most about 0.6 s of one core (small r is the
 *  slowest per unit of work). */
export const SCRYPT_MAX_WORK = 2 ** 20;
/** p ≤ 16. */
export const SCRYPT_MAX_P = 16;
/**
 * Whether scrypt(N, r, p) is computable and within the caps above: N a power of two above 1 and below 2^(16·r)
 * (RFC 7914's bound, which OpenSSL enforces: with r = 1, N must stay under 2^16).
 */
export function scryptParametersAllowed(n, r, p) {
    return (Number.isSafeInteger(n) && Number.isSafeInteger(r) && Number.isSafeInteger(p) &&
        n > 1 && n <= SCRYPT_MAX_N && (n & (n - 1)) === 0 && Math.log2(n) < 16 * r &&
        r >= 1 && p >= 1 && p <= SCRYPT_MAX_P &&
        128 * n * r <= SCRYPT_MAX_MEMORY && n * r * p <= SCRYPT_MAX_WORK);
}
/** scrypt on the thread pool, with `maxmem` raised to what these parameters need (OpenSSL counts
 *  128·r·(N+2) + 128·r·p bytes), which the caps above keep at about 64 MiB at most. */
export function scrypt(password, salt, keyLength, n, r, p) {
    const options = { N: n, r, p, maxmem: 128 * r * (n + 2) + 128 * r * p + 1024 * 1024 };
    return new Promise((resolve, reject) => {
        scryptCallback(password, salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key)));
    });
}
//# sourceMappingURL=slow-shared.js.map