import type { FastifyRequest } from 'fastify';

/**
 * Query parameters whose values are kept in request logs: paging, ordering and flags. Every other value
 * (email addresses, phone numbers, usernames, search text, ids of people…) is logged as `[redacted]`, so a
 * log line never holds an identifier.
 */
const LOGGED_QUERY_PARAMS = new Set(['limit', 'offset', 'order_by', 'paginated', '__clerk_api_version', 'status', 'banned', 'last_active_at_since']);

/** `url` with the value of every query parameter outside {@link LOGGED_QUERY_PARAMS} replaced. */
export function redactQueryString(url: string): string {
  const queryAt = url.indexOf('?');
  if (queryAt === -1) return url;
  const redacted = url
    .slice(queryAt + 1)
    .split('&')
    .map((pair) => {
      const equalsAt = pair.indexOf('=');
      if (equalsAt === -1) return pair;
      const name = pair.slice(0, equalsAt);
      let decoded = name;
      try {
        decoded = decodeURIComponent(name.replace(/\+/g, ' '));
      } catch {
        // A name that does not decode is redacted like any other.
      }
      return LOGGED_QUERY_PARAMS.has(decoded) ? pair : `${name}=[redacted]`;
    })
    .join('&');
  return `${url.slice(0, queryAt)}?${redacted}`;
}

/** pino serializer for `req`: Fastify's default fields, with the query string redacted. */
export function serializeRequestForLog(request: FastifyRequest) {
  return {
    method: request.method,
    url: redactQueryString(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}
