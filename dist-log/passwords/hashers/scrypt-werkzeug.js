import { bytesEqual, parsePositiveInteger } from '../digest-encoding.js';
import { hmacKeyIsOnlyOne, safely, scrypt, scryptParametersAllowed, utf8 } from './slow-shared.js';
/** Werkzeug's defaults when the method is plain `scrypt`. */
const DEFAULT = { n: 2 ** 15, r: 8, p: 1 };
/** hashlib.scrypt's default dklen: Werkzeug's hash is always 64 bytes, 128 hex characters. */
const HASH_HEX = /^[0-9a-f]{128}$/;
function parse(digest) {
    // Werkzeug writes `scrypt:N:r:p$salt$hash`; Clerk's page writes the form as `$<algorithm args>$<salt>$<hash>`.
    const parts = (digest.startsWith('$') ? digest.slice(1) : digest).split('$');
    if (parts.length !== 3)
        return null;
    const [method, salt, hashText] = parts;
    const args = method.split(':');
    if (args[0] !== 'scrypt')
        return null;
    let parameters;
    if (args.length === 1)
        parameters = DEFAULT;
    else if (args.length === 4) {
        const [n, r, p] = args.slice(1).map(parsePositiveInteger);
        if (n == null || r == null || p == null)
            return null;
        parameters = { n, r, p };
    }
    else
        return null;
    if (!scryptParametersAllowed(parameters.n, parameters.r, parameters.p))
        return null;
    if (salt === '' || !HASH_HEX.test(hashText))
        return null;
    return { ...parameters, salt, hash: Buffer.from(hashText, 'hex') };
}
/**
 * `scrypt_werkzeug`: Werkzeug's (≥ 2.3) `generate_password_hash(…, method="scrypt")`, stored as
 * `scrypt:<N>:<r>:<p>$<salt>$<hash>` (e.g. the default `scrypt:32768:8:1$…`), or with a bare `scrypt` method meaning
 * Werkzeug's defaults N=32768, r=8, p=1. Werkzeug computes `hashlib.scrypt(password.encode(), salt=salt.encode(),
 * n, r, p).hex()`: the salt is used as its UTF-8 text (not decoded), the hash is 64 bytes in lowercase hex, which
 * check_password_hash compares as a string (so uppercase hex, which Werkzeug never writes, is invalid).
 *
 * Clerk's documentation writes the form as `$<algorithm args>$<salt>$<hash>`, with a leading `$` and a "Base64
 * hash"; what Werkzeug exports has neither (the hash is hex, the method has no `$` before it). Both spellings are
 * accepted: one optional leading `$` is ignored, so a digest copied from Werkzeug and one written after Clerk's page
 * both import. A base64 hash is refused, since no Werkzeug version writes one.
 *
 * The numbers must be plain decimals, N a power of two below 2^(16·r); caps (slow-shared.ts): N ≤ 2^18,
 * 128·N·r ≤ 64 MiB, N·r·p ≤ 2^20, p ≤ 16 (Werkzeug's default N=2^15, r=8, p=1 needs 32 MiB).
 */
export const scryptWerkzeugHasher = {
    name: 'scrypt_werkzeug',
    isValidDigest: (digest) => parse(digest) !== null,
    verify(digest, password) {
        return safely(async () => {
            const parsed = parse(digest);
            if (parsed === null)
                return false;
            const computed = await scrypt(utf8(password), utf8(parsed.salt), parsed.hash.length, parsed.n, parsed.r, parsed.p);
            return bytesEqual(computed, parsed.hash);
        });
    },
    // scrypt's first and last steps are PBKDF2-HMAC-SHA256 keyed with the password.
    acceptsOnly: (_digest, password) => hmacKeyIsOnlyOne(password, 'sha256'),
};
//# sourceMappingURL=scrypt-werkzeug.js.map