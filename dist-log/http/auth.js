import { createHash, timingSafeEqual } from 'node:crypto';
import { errors } from '../lib/error-catalog.js';
const digest = (value) => createHash('sha256').update(value).digest();
function countAuthorizationHeaders(rawHeaders) {
    let count = 0;
    for (let i = 0; i < rawHeaders.length; i += 2)
        if (rawHeaders[i].toLowerCase() === 'authorization')
            count++;
    return count;
}
/**
 * `Authorization: Bearer <secret key>` against every configured key. Keys are compared as SHA-256
 * digests with timingSafeEqual, and every key is checked, so timing says nothing about which key or
 * how much of it matched.
 */
export function createSecretKeyAuth(secretKeys) {
    const keyDigests = secretKeys.map(digest);
    return async function authenticate(request) {
        const header = request.headers.authorization;
        if (!header)
            throw errors.authenticationInvalid();
        // Node keeps the first of several Authorization headers; a proxy in front may read another one.
        if (countAuthorizationHeaders(request.raw.rawHeaders) > 1)
            throw errors.authorizationHeaderFormatInvalid();
        const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
        if (!match)
            throw errors.authorizationHeaderFormatInvalid();
        const presented = digest(match[1]);
        let valid = false;
        for (const key of keyDigests)
            valid = timingSafeEqual(presented, key) || valid;
        if (!valid)
            throw errors.clerkKeyInvalid();
    };
}
//# sourceMappingURL=auth.js.map