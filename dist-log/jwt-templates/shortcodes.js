/**
 * Clerk's JWT template shortcodes: `{{user.id}}`, `{{org.slug}}`, `{{user.public_metadata.plan}}`…
 *
 * - A string that is exactly one shortcode (`"{{user.public_metadata}}"`) takes the value's own type:
 *   an object, a number, a boolean, or null when the value is missing.
 * - A string mixing text and shortcodes (`"{{user.first_name}} {{user.last_name}}"`) is interpolated:
 *   strings as they are, other values as JSON, missing values as the empty string (the text around them
 *   is kept exactly, never trimmed).
 * - `{{a || b || "text"}}` takes the first alternative that is neither missing, null nor the empty string.
 * - Objects and arrays are rendered recursively; every other JSON value is kept as is.
 */
/** The documented shortcodes that name one value (metadata paths are checked separately). */
export const USER_SHORTCODES = [
    'id',
    'external_id',
    'first_name',
    'last_name',
    'full_name',
    'username',
    'primary_email_address',
    'email_verified',
    'primary_phone_number',
    'phone_number_verified',
    'image_url',
    'has_image',
    'created_at',
    'updated_at',
    'public_metadata',
    'unsafe_metadata',
    'two_factor_enabled',
    'last_sign_in_at',
];
export const ORG_SHORTCODES = ['id', 'name', 'slug', 'role', 'public_metadata', 'image_url', 'membership_permissions'];
export const SESSION_SHORTCODES = ['actor'];
/** Fields whose value may be walked into with further `.path` segments. */
const METADATA_FIELDS = ['public_metadata', 'unsafe_metadata'];
const SHORTCODE = /\{\{([^{}]*)\}\}/g;
const WHOLE_SHORTCODE = /^\{\{([^{}]*)\}\}$/;
const PATH_SEGMENT = /^[A-Za-z0-9_-]+$/;
const QUOTED = /^(?:"([^"]*)"|'([^']*)')$/;
const ROOTS = { user: USER_SHORTCODES, org: ORG_SHORTCODES, session: SESSION_SHORTCODES };
/** Why `expression` (the text between `{{` and `}}`) is not a shortcode Roster knows, or null when it is. */
export function shortcodeProblem(expression) {
    for (const alternative of expression.split('||').map((part) => part.trim())) {
        if (QUOTED.test(alternative))
            continue;
        const segments = alternative.split('.');
        const [root, field, ...rest] = segments;
        const fields = root === undefined ? undefined : ROOTS[root];
        if (!fields || field === undefined || !fields.includes(field))
            return `unknown shortcode {{${alternative}}}`;
        if (rest.length > 0 && !METADATA_FIELDS.includes(field))
            return `{{${root}.${field}}} has no fields`;
        if (rest.some((segment) => !PATH_SEGMENT.test(segment)))
            return `invalid metadata path in {{${alternative}}}`;
    }
    return null;
}
/** Every shortcode problem in `claims` (recursively), first one first; empty when the template is valid. */
export function findShortcodeProblems(claims) {
    const problems = [];
    const visit = (value) => {
        if (typeof value === 'string') {
            for (const match of value.matchAll(SHORTCODE)) {
                const problem = shortcodeProblem(match[1]);
                if (problem)
                    problems.push(problem);
            }
        }
        else if (Array.isArray(value)) {
            value.forEach(visit);
        }
        else if (value && typeof value === 'object') {
            Object.values(value).forEach(visit);
        }
    };
    visit(claims);
    return problems;
}
/** Own properties only: a path such as `constructor` or `__proto__` never reaches into prototypes. */
function walk(value, segments) {
    let current = value;
    for (const segment of segments) {
        if (current === null || typeof current !== 'object' || Array.isArray(current) || !Object.hasOwn(current, segment))
            return undefined;
        current = current[segment];
    }
    return current;
}
function resolveOne(expression, values) {
    const quoted = QUOTED.exec(expression);
    if (quoted)
        return quoted[1] ?? quoted[2];
    const [root, ...path] = expression.split('.');
    if (root !== 'user' && root !== 'org' && root !== 'session')
        return undefined;
    return walk(values[root], path);
}
const isPresent = (value) => value !== undefined && value !== null && value !== '';
/** The value of `{{expression}}`; undefined when missing. */
export function resolveShortcode(expression, values) {
    let last;
    for (const alternative of expression.split('||').map((part) => part.trim())) {
        last = resolveOne(alternative, values);
        if (isPresent(last))
            return last;
    }
    return last;
}
const asText = (value) => (value === undefined || value === null ? '' : typeof value === 'string' ? value : JSON.stringify(value));
function renderString(text, values) {
    const whole = WHOLE_SHORTCODE.exec(text);
    if (whole)
        return resolveShortcode(whole[1], values) ?? null;
    return text.replace(SHORTCODE, (_match, expression) => asText(resolveShortcode(expression, values)));
}
/** Renders a template's claims for one session. The input is never modified. */
export function renderClaims(claims, values) {
    return renderValue(claims, values);
}
function renderValue(value, values) {
    if (typeof value === 'string')
        return renderString(value, values);
    if (Array.isArray(value))
        return value.map((item) => renderValue(item, values));
    if (value && typeof value === 'object') {
        const out = {};
        for (const [key, item] of Object.entries(value))
            out[key] = renderValue(item, values);
        return out;
    }
    return value;
}
//# sourceMappingURL=shortcodes.js.map