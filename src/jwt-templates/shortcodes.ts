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
] as const;

export const ORG_SHORTCODES = ['id', 'name', 'slug', 'role', 'public_metadata', 'image_url', 'membership_permissions'] as const;
export const SESSION_SHORTCODES = ['actor'] as const;

/** Fields whose value may be walked into with further `.path` segments. */
const METADATA_FIELDS: readonly string[] = ['public_metadata', 'unsafe_metadata'];

/** What shortcodes read: `user`, `org` (null without an active organization) and `session`. */
export interface ShortcodeValues {
  user: Record<string, unknown>;
  org: Record<string, unknown> | null;
  session: Record<string, unknown>;
}

const SHORTCODE = /\{\{([^{}]*)\}\}/g;
const WHOLE_SHORTCODE = /^\{\{([^{}]*)\}\}$/;
const PATH_SEGMENT = /^[A-Za-z0-9_-]+$/;
const QUOTED = /^(?:"([^"]*)"|'([^']*)')$/;

const ROOTS: Record<string, readonly string[]> = { user: USER_SHORTCODES, org: ORG_SHORTCODES, session: SESSION_SHORTCODES };

/** Why `expression` (the text between `{{` and `}}`) is not a shortcode Roster knows, or null when it is. */
export function shortcodeProblem(expression: string): string | null {
  for (const alternative of expression.split('||').map((part) => part.trim())) {
    if (QUOTED.test(alternative)) continue;
    const segments = alternative.split('.');
    const [root, field, ...rest] = segments;
    const fields = root === undefined ? undefined : ROOTS[root];
    if (!fields || field === undefined || !fields.includes(field)) return `unknown shortcode {{${alternative}}}`;
    if (rest.length > 0 && !METADATA_FIELDS.includes(field)) return `{{${root}.${field}}} has no fields`;
    if (rest.some((segment) => !PATH_SEGMENT.test(segment))) return `invalid metadata path in {{${alternative}}}`;
  }
  return null;
}

/** Every shortcode problem in `claims` (recursively), first one first; empty when the template is valid. */
export function findShortcodeProblems(claims: unknown): string[] {
  const problems: string[] = [];
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      for (const match of value.matchAll(SHORTCODE)) {
        const problem = shortcodeProblem(match[1]!);
        if (problem) problems.push(problem);
      }
    } else if (Array.isArray(value)) {
      value.forEach(visit);
    } else if (value && typeof value === 'object') {
      Object.values(value).forEach(visit);
    }
  };
  visit(claims);
  return problems;
}

/** Own properties only: a path such as `constructor` or `__proto__` never reaches into prototypes. */
function walk(value: unknown, segments: readonly string[]): unknown {
  let current = value;
  for (const segment of segments) {
    if (current === null || typeof current !== 'object' || Array.isArray(current) || !Object.hasOwn(current, segment)) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

function resolveOne(expression: string, values: ShortcodeValues): unknown {
  const quoted = QUOTED.exec(expression);
  if (quoted) return quoted[1] ?? quoted[2];
  const [root, ...path] = expression.split('.');
  if (root !== 'user' && root !== 'org' && root !== 'session') return undefined;
  return walk(values[root], path);
}

const isPresent = (value: unknown) => value !== undefined && value !== null && value !== '';

/** The value of `{{expression}}`; undefined when missing. */
export function resolveShortcode(expression: string, values: ShortcodeValues): unknown {
  let last: unknown;
  for (const alternative of expression.split('||').map((part) => part.trim())) {
    last = resolveOne(alternative, values);
    if (isPresent(last)) return last;
  }
  return last;
}

const asText = (value: unknown): string => (value === undefined || value === null ? '' : typeof value === 'string' ? value : JSON.stringify(value));

function renderString(text: string, values: ShortcodeValues): unknown {
  const whole = WHOLE_SHORTCODE.exec(text);
  if (whole) return resolveShortcode(whole[1]!, values) ?? null;
  return text.replace(SHORTCODE, (_match, expression: string) => asText(resolveShortcode(expression, values)));
}

/** Renders a template's claims for one session. The input is never modified. */
export function renderClaims(claims: Record<string, unknown>, values: ShortcodeValues): Record<string, unknown> {
  return renderValue(claims, values) as Record<string, unknown>;
}

function renderValue(value: unknown, values: ShortcodeValues): unknown {
  if (typeof value === 'string') return renderString(value, values);
  if (Array.isArray(value)) return value.map((item) => renderValue(item, values));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = renderValue(item, values);
    return out;
  }
  return value;
}
