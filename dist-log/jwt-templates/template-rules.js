import { errors } from '../lib/error-catalog.js';
import { findShortcodeProblems } from './shortcodes.js';
import { CUSTOM_SIGNING_ALGORITHMS, DEFAULT_SIGNING_ALGORITHM, isCustomSigningAlgorithm, parseCustomSigningKey, } from './signing.js';
/** Claims every template token sets itself; a template may not name them (Clerk's list). */
export const RESERVED_CLAIMS = ['azp', 'exp', 'iat', 'iss', 'jti', 'nbf', 'sid', 'sub'];
/** Clerk's defaults for a new template. */
export const DEFAULT_LIFETIME_SECONDS = 60;
export const DEFAULT_ALLOWED_CLOCK_SKEW_SECONDS = 5;
/**
 * Names appear in URLs (`/tokens/{template_name}`): letters, digits, `_`, `-`, `.` and spaces, starting
 * with a letter or digit, so every name has exactly one spelling in a path.
 */
const NAME = /^[A-Za-z0-9][A-Za-z0-9_. -]*$/;
/** Names are path segments of the token route, which the router caps at 100 characters. */
const MAX_NAME_LENGTH = 100;
export function parseTemplateName(raw) {
    if (raw.length > MAX_NAME_LENGTH)
        throw errors.paramValueInvalid('name', `name must be at most ${MAX_NAME_LENGTH} characters.`);
    if (!NAME.test(raw) || raw !== raw.trim()) {
        throw errors.paramValueInvalid('name', 'name must start with a letter or digit and hold only letters, digits, spaces, `_`, `-` and `.`.');
    }
    return raw;
}
/** Refuses reserved claims (top level) and shortcodes Roster does not know. */
/**
 * Bounds on what a template may hold, so a token stays small however the template is written: a
 * shortcode can expand to a whole metadata document (up to 8 KB), so their number is capped too.
 */
const MAX_CLAIMS_JSON_BYTES = 16 * 1024;
const MAX_SHORTCODES = 32;
export function checkClaims(claims) {
    const json = JSON.stringify(claims);
    if (Buffer.byteLength(json) > MAX_CLAIMS_JSON_BYTES) {
        throw errors.paramValueInvalid('claims', `claims must be at most ${MAX_CLAIMS_JSON_BYTES} bytes of JSON.`);
    }
    if ((json.match(/\{\{/g) ?? []).length > MAX_SHORTCODES) {
        throw errors.paramValueInvalid('claims', `claims may use at most ${MAX_SHORTCODES} shortcodes.`);
    }
    for (const claim of Object.keys(claims))
        if (RESERVED_CLAIMS.includes(claim))
            throw errors.jwtTemplateReservedClaim(claim);
    const [problem] = findShortcodeProblems(claims);
    if (problem)
        throw errors.paramValueInvalid('claims', `claims has an ${problem}.`);
}
const familyOf = (algorithm) => algorithm.slice(0, 2);
/**
 * Decides how a template signs, from what the request says and what is stored (`current`, null on create):
 * - without a custom key, tokens use the instance key (RS256); a `signing_key` then is refused rather
 *   than silently dropped, and `signing_algorithm` may only say RS256;
 * - with one, the algorithm must be one of {@link CUSTOM_SIGNING_ALGORITHMS} and the key must suit it.
 *   An update may leave the key out to keep the stored one while the algorithm family stays the same.
 */
export function decideSigning(input, current) {
    const custom = input.customSigningKey ?? current?.custom ?? false;
    const algorithm = input.signingAlgorithm ?? null;
    const key = input.signingKey ?? null;
    if (!custom) {
        if (key !== null)
            throw errors.paramValueInvalid('signing_key', 'signing_key can only be given with custom_signing_key: true.');
        if (algorithm !== null && algorithm !== DEFAULT_SIGNING_ALGORITHM) {
            throw errors.paramValueInvalid('signing_algorithm', `Without a custom signing key, tokens are signed with ${DEFAULT_SIGNING_ALGORITHM}.`);
        }
        return { custom: false, algorithm: DEFAULT_SIGNING_ALGORITHM, signingKey: null };
    }
    const storedCustom = current?.custom ? current.algorithm : null;
    const chosen = algorithm ?? storedCustom;
    if (chosen === null)
        throw errors.paramMissing('signing_algorithm');
    if (!isCustomSigningAlgorithm(chosen))
        throw errors.paramValueNotAllowed('signing_algorithm', chosen, CUSTOM_SIGNING_ALGORITHMS);
    if (key === null) {
        // Keeping the stored key is only possible when it can sign with the chosen algorithm.
        if (storedCustom === null || familyOf(storedCustom) !== familyOf(chosen) || (chosen.startsWith('ES') && chosen !== storedCustom)) {
            throw errors.paramMissing('signing_key');
        }
        return { custom: true, algorithm: chosen, signingKey: undefined };
    }
    parseCustomSigningKey(chosen, key);
    return { custom: true, algorithm: chosen, signingKey: key };
}
//# sourceMappingURL=template-rules.js.map