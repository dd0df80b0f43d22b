import type { FastifyRequest } from 'fastify';

/** A DNS name, an IPv4 address or a bracketed IPv6 address, with an optional port: nothing else is a Host. */
const HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.?|\[[0-9A-Fa-f:.]+\])(?::[0-9]{1,5})?$/;

export function isValidHostHeader(host: string | undefined): host is string {
  return typeof host === 'string' && host.length <= 261 && HOST.test(host);
}

/**
 * The base URL Roster writes into `image_url`, logo URLs and the session tokens' `iss`:
 * `ROSTER_PUBLIC_URL` when configured, else the request's Host when it is a well-formed host[:port], else
 * the address the request arrived at. A Host header is the client's to choose, so a malformed one (spaces,
 * slashes, `@`, quotes) never reaches a URL Roster hands out.
 */
export function requestBaseUrl(request: FastifyRequest, publicUrl: string | null): string {
  if (publicUrl) return publicUrl;
  const host = request.headers.host;
  if (isValidHostHeader(host)) return `${request.protocol}://${host}`;
  const address = request.socket.localAddress ?? '127.0.0.1';
  const port = request.socket.localPort;
  const hostPart = address.includes(':') ? `[${address}]` : address;
  return `${request.protocol}://${hostPart}${port ? `:${port}` : ''}`;
}
