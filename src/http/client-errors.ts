import type { Socket } from 'node:net';
import { errors, type ClerkError } from '../lib/error-catalog.js';
import { toErrorBody } from './errors.js';
import { newRequestId, REQUEST_ID_HEADER } from './request-id.js';

/** Node's parser errors and timeouts, as the Clerk error a client can act on. */
function toClerkError(code: string | undefined, requestTimeoutInSeconds: number): ClerkError {
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
export function createClientErrorHandler(requestTimeoutInSeconds: number) {
  return function handleClientError(error: Error & { code?: string }, socket: Socket): void {
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    if (socket.writable) {
      const clerkError = toClerkError(error.code, requestTimeoutInSeconds);
      const id = newRequestId();
      const body = JSON.stringify(toErrorBody(clerkError, id));
      socket.write(
        `HTTP/1.1 ${clerkError.status} ${clerkError.message}\r\n` +
          `content-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\n` +
          `${REQUEST_ID_HEADER}: ${id}\r\ncache-control: no-store\r\nx-content-type-options: nosniff\r\nconnection: close\r\n\r\n${body}`,
      );
    }
    socket.destroy();
  };
}
