/**
 * Whether a request target is in the one spelling Roster's clients send: origin-form (`/path?query`), no
 * empty or dot segments, no `;`, `\\` or `%2F`, and no percent-encoding of characters that never need it
 * (letters, digits, `-._~`). The router decodes and normalises such spellings (`/%761/users` routes as `/v1/users`), and
 * proxies, logs and rate limits in front of Roster may not: a target spelled two ways is refused rather than
 * interpreted. Authentication does not depend on this (every route checks its own credentials); it keeps
 * every layer seeing the same path.
 */
export function isCanonicalRequestTarget(target) {
    // Absolute-form (`http://host/…`) and asterisk-form (`*`) targets are for proxies, not origin servers.
    if (!target.startsWith('/'))
        return false;
    // Clients never send a fragment; the router would read `#` as the start of the query.
    if (target.includes('#'))
        return false;
    const queryAt = target.indexOf('?');
    const path = queryAt === -1 ? target : target.slice(0, queryAt);
    // No Roster path or id holds `;` (matrix parameters), a backslash or an encoded slash, which some
    // proxies treat as separators.
    if (path.includes('//') || /[;\\]|%2f|%5c/i.test(path))
        return false;
    // Percent-encoded unreserved characters (RFC 3986 §2.3 says to decode them, so they are another spelling).
    if (/%(?:[46][1-9a-f]|[57][0-9a]|3[0-9]|2d|2e|5f|7e)/i.test(path))
        return false;
    return !path.split('/').some((segment) => segment === '.' || segment === '..');
}
/**
 * Whether every name and value of the target's query string is well-formed percent-encoded UTF-8.
 * Otherwise the query parser would turn invalid sequences into U+FFFD: a second spelling of a filter value.
 */
export function hasWellFormedQuery(target) {
    const queryAt = target.indexOf('?');
    if (queryAt === -1)
        return true;
    try {
        for (const part of target.slice(queryAt + 1).split(/[&=]/))
            decodeURIComponent(part.replace(/\+/g, ' '));
        return true;
    }
    catch {
        return false;
    }
}
//# sourceMappingURL=request-target.js.map