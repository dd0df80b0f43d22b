import { errors } from '../lib/error-catalog.js';
import { toErrorBody } from './errors.js';
import { newRequestId, NO_STORE_HEADERS, REQUEST_ID_HEADER } from './request-id.js';
/** Node's parser errors and timeouts, as the Clerk error a client can act on. */
function toClerkError(code, requestTimeoutInSeconds) {
    switch (code) {
        case 'ERR_HTTP_REQUEST_TIMEOUT':
            return errors.requestTimeout(requestTimeoutInSeconds);
        case 'HPE_HEADER_OVERFLOW':
            return errors.requestHeadersTooLarge();
        default:
            return errors.badRequest('The request is not valid HTTP/1.1 (malformed request line, headers or chunked body).');
    }
}
/**
 * Answers what Node's HTTP parser refuses (bad chunking, oversized headers, a request that took too long)
 * with a Clerk error body, then closes the connection: the stream cannot be trusted past the fault.
 */
export function createClientErrorHandler(requestTimeoutInSeconds) {
    return function handleClientError(error, socket) {
        if (error.code === 'ECONNRESET' || socket.destroyed)
            return;
        if (socket.writable) {
            const clerkError = toClerkError(error.code, requestTimeoutInSeconds);
            const id = newRequestId();
            const body = JSON.stringify(toErrorBody(clerkError, id));
            const headers = {
                'content-type': 'application/json',
                'content-length': Buffer.byteLength(body),
                [REQUEST_ID_HEADER]: id,
                ...NO_STORE_HEADERS,
                connection: 'close',
            };
            const head = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`).join('');
            socket.write(`HTTP/1.1 ${clerkError.status} ${clerkError.message}\r\n${head}\r\n${body}`);
        }
        socket.destroy();
    };
}
//# sourceMappingURL=client-errors.js.map