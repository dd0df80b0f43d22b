import { createHash } from 'node:crypto';
import { bytesEqual, parsePositiveInteger } from '../digest-encoding.js';
import { fromCanonicalBase64, MAX_ITERATED_PASSWORD_BYTES, neverThrows, utf8 } from './fast-shared.js';
import { stretch, withinStretchBudget } from './stretch.js';
/**
 * Most iterations Roster accepts. Symfony's default is 5,000; 100,000 sha512 rounds of a short password
 * are about a fifth of a second of CPU, computed in slices that yield to the event loop. A digest above it
 * is invalid. Long passwords and salts cost more per round: see the budget below.
 */
export const SYMFONY_MAX_ITERATIONS = 100_000;
const SHA512_BYTES = 64;
function parse(digest) {
    const parts = digest.split('$');
    if (parts.length !== 4)
        return null;
    const [prefix, iterationsText, salt, hashText] = parts;
    if (prefix !== 'sha512_symfony')
        return null;
    const iterations = parsePositiveInteger(iterationsText);
    if (iterations === null || iterations > SYMFONY_MAX_ITERATIONS)
        return null;
    // Symfony refuses a salt containing `{` or `}` ("Cannot use { or } in salt.").
    if (salt.includes('{') || salt.includes('}'))
        return null;
    const hash = fromCanonicalBase64(hashText);
    if (hash === null || hash.length !== SHA512_BYTES)
        return null;
    // Every iteration rehashes the salt: a salt too long for the work budget at this count would refuse
    // even the empty password, so the digest is invalid (and is not accepted at import).
    if (!withinBudget(iterations, mergePasswordAndSalt('', salt).length))
        return null;
    return { iterations, salt, hash };
}
/** Whether `iterations` over a `saltedBytes`-byte password{salt} stay within stretch.ts's budget. */
function withinBudget(iterations, saltedBytes) {
    return withinStretchBudget('sha512', iterations - 1, saltedBytes);
}
/**
 * Symfony's `mergePasswordAndSalt`: `password{salt}`, or the bare password when the salt is falsy
 * in PHP — the empty string and also `"0"`.
 */
function mergePasswordAndSalt(password, salt) {
    return utf8(salt === '' || salt === '0' ? password : `${password}{${salt}}`);
}
/**
 * Clerk `sha512_symfony` (insecure): Symfony's legacy `MessageDigestPasswordEncoder` (Symfony ≤ 5.2,
 * `Security\Core\Encoder`) / `MessageDigestPasswordHasher` (Symfony ≥ 5.3, `PasswordHasher\Hasher`)
 * with sha512 and base64 output, written `sha512_symfony$<iterations>$<salt>$<base64 hash>`:
 * - iterations: a decimal number from 1 to {@link SYMFONY_MAX_ITERATIONS} (Clerk: "greater than 0");
 * - salt: the literal salt string, without `$`, `{` or `}`; it may be empty (Symfony then hashes the
 *   bare password);
 * - hash: standard padded base64 of the 64-byte digest (88 characters).
 *
 * salted = password + '{' + salt + '}' (just password when salt is '' or '0');
 * digest = sha512(salted); then iterations − 1 times digest = sha512(digest ‖ salted).
 * Source followed: symfony/symfony src/Symfony/Component/PasswordHasher/Hasher/MessageDigestPasswordHasher.php
 * (`hash`, `mergePasswordAndSalt`), identical in Security/Core/Encoder/MessageDigestPasswordEncoder.php.
 * Passwords longer than 4096 UTF-8 bytes never verify, as in Symfony (`CheckPasswordLengthTrait`).
 *
 * Each iteration rehashes password{salt}, so the work is held to a budget (stretch.ts): (iterations − 1)
 * × sha512 blocks of digest ‖ password{salt}. Over it, a password never verifies and costs nothing; a
 * digest whose salt alone is over it is invalid. At 100,000 iterations password{salt} may have 5,167
 * bytes (a 4096-byte password with a salt of up to 1,069), at Symfony's default 5,000 up to 107,311.
 */
export const sha512SymfonyHasher = {
    name: 'sha512_symfony',
    isValidDigest: (digest) => parse(digest) !== null,
    verify: (digest, password) => neverThrows(async () => {
        const parsed = parse(digest);
        if (parsed === null || Buffer.byteLength(password, 'utf8') > MAX_ITERATED_PASSWORD_BYTES)
            return false;
        const salted = mergePasswordAndSalt(password, parsed.salt);
        // Over the work budget: refused uncomputed, as a wrong password.
        if (!withinBudget(parsed.iterations, salted.length))
            return false;
        const initial = createHash('sha512').update(salted).digest();
        const computed = await stretch('sha512', initial, salted, parsed.iterations - 1);
        return bytesEqual(computed, parsed.hash);
    }),
};
//# sourceMappingURL=sha512-symfony.js.map