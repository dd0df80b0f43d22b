import { randomBytes } from 'node:crypto';
import { errors } from '../lib/error-catalog.js';
export const MAX_NAME_LENGTH = 256;
export const MAX_SLUG_LENGTH = 256;
const SLUG = /^[a-z0-9-]+$/;
// "May not contain URLs or HTML" (Clerk's spec for `name`).
const URL_LIKE = /(?:[a-z][a-z0-9+.-]*:\/\/|www\.)\S/i;
const HTML_LIKE = /<[^>]*>|[<>]/;
/** A trimmed organization name, or the error Clerk gives for it. */
export function parseOrganizationName(raw) {
    const name = raw.trim();
    if (name === '')
        throw errors.paramValueInvalid('name', 'name is invalid. Must be not empty');
    if ([...name].length > MAX_NAME_LENGTH)
        throw errors.paramMaxLengthExceeded('name', MAX_NAME_LENGTH);
    if (URL_LIKE.test(name))
        throw errors.organizationNameInvalid(name, 'it may not contain URLs');
    if (HTML_LIKE.test(name))
        throw errors.organizationNameInvalid(name, 'it may not contain HTML');
    return name;
}
/** A slug as given: lower-case letters, digits and dashes only. */
export function parseSlug(raw) {
    const slug = raw.trim();
    if (slug === '' || slug.length > MAX_SLUG_LENGTH || !SLUG.test(slug))
        throw errors.organizationSlugInvalid();
    return slug;
}
/** The slug derived from a name: accents dropped, everything else that is not a letter or digit becomes a dash. */
export function slugFromName(name) {
    const base = name
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 200);
    return base || 'organization';
}
/** The derived slug with a random suffix, for when the plain one is taken. */
export function slugWithSuffix(base) {
    return `${base}-${randomBytes(4).toString('hex')}`;
}
//# sourceMappingURL=organization-rules.js.map