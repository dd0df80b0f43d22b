const PARAM_NAME = /^[a-z_][a-z0-9_]{0,63}$/;
const DIGITS = /^\d{1,20}$/;
const FLAG = /^(?:true|false)$/;
const WORD = /^[+-]?[a-z_]{1,40}$/;
/**
 * Query parameters whose values are kept in request logs (paging, ordering and flags), each with the shape
 * its value must have to be kept. Every other value (email addresses, phone numbers, usernames, search
 * text, ids of people…), and a kept parameter's value of any other shape, is logged as `[redacted]`, so a
 * log line never holds an identifier, whatever parameter a client puts it in.
 */
const LOGGED_QUERY_PARAMS = new Map([
    ['limit', DIGITS],
    ['offset', DIGITS],
    ['last_active_at_since', DIGITS],
    ['order_by', WORD],
    ['status', WORD],
    ['paginated', FLAG],
    ['banned', FLAG],
    ['__clerk_api_version', /^\d{4}-\d{2}-\d{2}$/],
]);
function decodeQueryPart(part) {
    try {
        return decodeURIComponent(part.replace(/\+/g, ' '));
    }
    catch {
        return null;
    }
}
/** `url` with every query value outside {@link LOGGED_QUERY_PARAMS}' names and shapes replaced. */
export function redactQueryString(url) {
    const queryAt = url.indexOf('?');
    if (queryAt === -1)
        return url;
    const redacted = url
        .slice(queryAt + 1)
        .split('&')
        .map((pair) => {
        const equalsAt = pair.indexOf('=');
        // A bare word can be an identifier too (`?carol@example.com`).
        if (equalsAt === -1)
            return pair === '' ? pair : '[redacted]';
        const name = pair.slice(0, equalsAt);
        const decodedName = decodeQueryPart(name) ?? '';
        const shape = LOGGED_QUERY_PARAMS.get(decodedName);
        const value = decodeQueryPart(pair.slice(equalsAt + 1));
        if (shape && value !== null && shape.test(value))
            return pair;
        // The name is kept when it looks like a parameter name; a client can put an identifier there too.
        return PARAM_NAME.test(decodedName) ? `${name}=[redacted]` : '[redacted]';
    })
        .join('&');
    return `${url.slice(0, queryAt)}?${redacted}`;
}
/** pino serializer for `req`: Fastify's default fields, with the query string redacted. */
export function serializeRequestForLog(request) {
    return {
        method: request.method,
        url: redactQueryString(request.url),
        host: request.host,
        remoteAddress: request.ip,
        remotePort: request.socket?.remotePort,
    };
}
//# sourceMappingURL=request-log.js.map