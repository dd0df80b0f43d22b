import { isIPv6 } from 'node:net';
const DNS_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.?$/;
/** A DNS name or IPv4 address, or a bracketed IPv6 address, with an optional port 1–65535: nothing else is a Host. */
export function isValidHostHeader(host) {
    if (typeof host !== 'string' || host.length > 261)
        return false;
    const match = /^(\[[^\]]*\]|[^:[\]]+)(?::(\d{1,5}))?$/.exec(host);
    if (!match)
        return false;
    const [, name, port] = match;
    if (port !== undefined && (Number(port) < 1 || Number(port) > 65535))
        return false;
    // No zone ids (`%eth0`): only hex digits, colons and dots, and a valid address.
    if (name.startsWith('['))
        return /^\[[0-9A-Fa-f:.]+\]$/.test(name) && isIPv6(name.slice(1, -1));
    return name.length <= 253 && DNS_NAME.test(name);
}
/**
 * The base URL Roster writes into `image_url`, logo URLs and the session tokens' `iss`:
 * `ROSTER_PUBLIC_URL` when configured, else the request's Host when it is a well-formed host[:port], else
 * the address the request arrived at. A Host header is the client's to choose, so a malformed one (spaces,
 * slashes, `@`, quotes) never reaches a URL Roster hands out.
 */
export function requestBaseUrl(request, publicUrl) {
    if (publicUrl)
        return publicUrl;
    const host = request.headers.host;
    if (isValidHostHeader(host))
        return `${request.protocol}://${host}`;
    const address = request.socket.localAddress ?? '127.0.0.1';
    const port = request.socket.localPort;
    const hostPart = address.includes(':') ? `[${address}]` : address;
    return `${request.protocol}://${hostPart}${port ? `:${port}` : ''}`;
}
//# sourceMappingURL=public-url.js.map