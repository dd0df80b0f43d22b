import { CLERK_OPERATIONS } from './clerk-operations.js';
function toSegments(template) {
    // The spec has no segment that mixes text and a parameter (`/{a}.{b}`); a test keeps it so.
    return template.split('/').slice(1).map((segment) => (segment.startsWith('{') && segment.endsWith('}') ? null : segment));
}
/** Operations by method, compiled once. */
const byMethod = new Map();
for (const operation of CLERK_OPERATIONS) {
    const list = byMethod.get(operation.method) ?? [];
    list.push({ operation, segments: toSegments(operation.path) });
    byMethod.set(operation.method, list);
}
function matches(segments, actual) {
    return segments.length === actual.length && segments.every((segment, i) => (segment === null ? actual[i] !== '' : segment === actual[i]));
}
/** True when `a` is the more specific template: a literal segment beats a `{param}`, left-most difference first. */
function isMoreSpecific(a, b) {
    const i = a.findIndex((segment, j) => (segment === null) !== (b[j] === null));
    return i !== -1 && a[i] !== null;
}
/**
 * The operation of Clerk's Backend API spec that a request names, or undefined when it names none.
 * `method` is the request's method, `url` its target as received (query string allowed; the target is
 * already canonical: see request-target.ts). A request that matches several templates (`/v1/users/count`
 * and `/v1/users/{user_id}`) names the most specific one, as routers pick routes.
 */
export function findClerkOperation(method, url) {
    const candidates = byMethod.get(method.toUpperCase());
    if (!candidates)
        return undefined;
    let path = url.split('?', 1)[0] ?? '';
    // The router ignores one trailing slash (ignoreTrailingSlash); so does this lookup.
    if (path.length > 1 && path.endsWith('/'))
        path = path.slice(0, -1);
    const actual = path.split('/').slice(1);
    let best;
    for (const candidate of candidates) {
        if (!matches(candidate.segments, actual))
            continue;
        if (!best || isMoreSpecific(candidate.segments, best.segments))
            best = candidate;
    }
    return best?.operation;
}
//# sourceMappingURL=find-clerk-operation.js.map