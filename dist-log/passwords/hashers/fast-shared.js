import { createHash } from 'node:crypto';
import { bytesEqual, fromBase64, fromHex } from '../digest-encoding.js';
import { stretch, withinStretchBudget } from './stretch.js';
/**
 * Helpers shared by the "fast" digest formats: md5, md5_salted, md5_phpass, phpass, sha256,
 * sha256_salted, sha512_symfony and ldap_ssha. Each is one or a few plain message digests, so they
 * run on node:crypto directly; the two iterated ones (phpass, Symfony's stretched sha512) are
 * computed in slices that yield to the event loop, their cost parameter is capped, and their work
 * (which grows with the password's length) is held to a budget (stretch.ts).
 */
/** Password → bytes. Every ecosystem here hashes the UTF-8 bytes of the password. */
export function utf8(text) {
    return Buffer.from(text, 'utf8');
}
/**
 * Longest password (in UTF-8 bytes) the iterated formats verify. Both originals refuse longer ones:
 * phpass 0.5 (`CheckPassword`: `strlen($password) > 4096` → false) and Symfony's
 * `CheckPasswordLengthTrait` (`MAX_PASSWORD_LENGTH = 4096`). It does not bound the work on its own:
 * every iteration rehashes the password, so a high count needs the budget of stretch.ts as well.
 */
export const MAX_ITERATED_PASSWORD_BYTES = 4096;
/**
 * Standard base64 that is exactly what an encoder writes: padded, and with zero unused trailing bits.
 * Anything else (missing padding, a non-canonical last character) is null, so one digest has one
 * spelling and a changed character can never decode to the same bytes.
 */
export function fromCanonicalBase64(text) {
    const bytes = fromBase64(text);
    return bytes !== null && bytes.toString('base64') === text ? bytes : null;
}
/** `false` instead of a throw, whatever goes wrong while verifying. */
export async function neverThrows(check) {
    try {
        return await check();
    }
    catch {
        return false;
    }
}
export function parseSaltedHex(digest, hexLength) {
    const parts = digest.split('$');
    if (parts.length !== 2)
        return null;
    const [salt, hex] = parts;
    if (salt.length === 0 || hex.length !== hexLength)
        return null;
    const hash = fromHex(hex);
    return hash === null ? null : { salt, hash };
}
/**
 * A `salt$hash` hasher whose hash is `hex(H(utf8(password) ‖ utf8(salt)))` — password first, then
 * salt, the order of PHP's `md5($password . $salt)` (hashcat modes 10 and 1410).
 */
export function saltedHexHasher(name, algorithm, hexLength) {
    return {
        name,
        isValidDigest: (digest) => parseSaltedHex(digest, hexLength) !== null,
        verify: (digest, password) => neverThrows(() => {
            const parsed = parseSaltedHex(digest, hexLength);
            if (parsed === null)
                return false;
            const computed = createHash(algorithm).update(utf8(password)).update(utf8(parsed.salt)).digest();
            return bytesEqual(computed, parsed.hash);
        }),
    };
}
/** A bare hex digest: `hex(H(utf8(password)))`, either letter case. */
export function unsaltedHexHasher(name, algorithm, hexLength) {
    const parse = (digest) => (digest.length === hexLength ? fromHex(digest) : null);
    return {
        name,
        isValidDigest: (digest) => parse(digest) !== null,
        verify: (digest, password) => neverThrows(() => {
            const expected = parse(digest);
            return expected !== null && bytesEqual(createHash(algorithm).update(utf8(password)).digest(), expected);
        }),
    };
}
// ---------------------------------------------------------------------------------------------
// phpass portable hashes: `$P$` (phpass, WordPress) and `$H$` (phpBB3), same algorithm.
// Algorithm (phpass 0.5 `crypt_private`, as shipped in WordPress's wp-includes/class-phpass.php):
//   hash = md5(salt ‖ password); repeat 2^log2 times: hash = md5(hash ‖ password);
//   digest = setting[0..12) ‖ encode64(hash, 16)
const ITOA64 = './0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** phpass refuses a count below 2^7 (`$count_log2 < 7` → failure). */
export const PHPASS_MIN_LOG2 = 7;
/**
 * phpass accepts up to 2^30 md5 iterations; Roster caps at 2^19 (computed in slices that yield to
 * the event loop) so an imported digest cannot pin the server. That still covers every real default:
 * WordPress 2^13 (`B`), phpBB3 2^11 (`9`), passlib 2^19 (`H`). The count alone does not bound the
 * work, which also grows with the password: under stretch.ts's budget a count of 2^k with k ≥ 14
 * takes passwords of up to 64·2^(20−k) − 25 bytes (103 at 2^19, 4071 at 2^14).
 */
export const PHPASS_MAX_LOG2 = 19;
/** phpass's own base64 variant (little-endian groups, `./0-9A-Za-z`). */
export function phpassEncode64(input) {
    let output = '';
    let i = 0;
    const count = input.length;
    while (i < count) {
        let value = input[i++];
        output += ITOA64[value & 0x3f];
        if (i < count)
            value |= input[i] << 8;
        output += ITOA64[(value >> 6) & 0x3f];
        if (i++ >= count)
            break;
        if (i < count)
            value |= input[i] << 16;
        output += ITOA64[(value >> 12) & 0x3f];
        if (i++ >= count)
            break;
        output += ITOA64[(value >> 18) & 0x3f];
    }
    return output;
}
/**
 * 3-char prefix, 1 count char, 8 salt chars, 22 checksum chars. The checksum's last character
 * carries only the top 2 bits of the 16th byte, so it is one of `./01`.
 */
const PHPASS_DIGEST = /^(\$[PH]\$)([./0-9A-Za-z])([./0-9A-Za-z]{8})([./0-9A-Za-z]{21}[./01])$/;
export function parsePhpass(digest, prefixes) {
    const match = PHPASS_DIGEST.exec(digest);
    if (match === null)
        return null;
    const [, prefix, countChar, salt, checksum] = match;
    if (!prefixes.includes(prefix))
        return null;
    const log2 = ITOA64.indexOf(countChar);
    if (log2 < PHPASS_MIN_LOG2 || log2 > PHPASS_MAX_LOG2)
        return null;
    return { setting: digest.slice(0, 12), log2, salt, checksum };
}
/** A phpass portable-hash hasher accepting the given prefixes (`$P$`, `$H$`). */
export function phpassPortableHasher(name, prefixes) {
    return {
        name,
        isValidDigest: (digest) => parsePhpass(digest, prefixes) !== null,
        verify: (digest, password) => neverThrows(async () => {
            const parsed = parsePhpass(digest, prefixes);
            const secret = utf8(password);
            if (parsed === null || secret.length > MAX_ITERATED_PASSWORD_BYTES)
                return false;
            // Over the work budget for this count: refused uncomputed, as a wrong password.
            if (!withinStretchBudget('md5', 2 ** parsed.log2, secret.length))
                return false;
            const initial = createHash('md5').update(utf8(parsed.salt)).update(secret).digest();
            const hash = await stretch('md5', initial, secret, 2 ** parsed.log2);
            return bytesEqual(utf8(phpassEncode64(hash)), utf8(parsed.checksum));
        }),
    };
}
//# sourceMappingURL=fast-shared.js.map