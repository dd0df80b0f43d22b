import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ClerkError, errors } from '../lib/error-catalog.js';
import { isForeignKeyViolation } from '../storage/constraint-violations.js';
import { findClerkOperation } from './find-clerk-operation.js';
import { validationErrorToClerk } from './validation.js';

/** Clerk's error body: `{ errors: [{ message, long_message, code, meta }], clerk_trace_id }`. */
export function toErrorBody(error: ClerkError, traceId: string) {
  return {
    errors: [{ message: error.message, long_message: error.longMessage, code: error.code, meta: error.meta }],
    clerk_trace_id: traceId,
  };
}

/** Fastify's own failures that are the client's doing, as Clerk errors. */
function fromFastifyError(error: FastifyError, bodyLimitInBytes: number): ClerkError | null {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return errors.requestBodyTooLarge(bodyLimitInBytes);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return errors.requestBodyInvalid('Send the body as application/json.');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return errors.requestBodyInvalid();
    default:
      break;
  }
  if (error.validation) return validationErrorToClerk(error.validation, error.validationContext);
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) return errors.requestBodyInvalid();
  return null;
}

/** The one error handler: catalogue errors as they are, client mistakes as Clerk errors, anything else a bare 500. */
export function createErrorHandler(bodyLimitInBytes: number) {
  return function handleError(error: FastifyError | ClerkError | Error, request: FastifyRequest, reply: FastifyReply) {
    let clerkError = error instanceof ClerkError ? error : fromFastifyError(error as FastifyError, bodyLimitInBytes);
    // A resource the request refers to vanished mid-request (deleted concurrently): not a server fault.
    if (!clerkError && isForeignKeyViolation(error)) clerkError = errors.resourceNotFound();
    if (!clerkError) {
      // Logged with the request id; the body never echoes the cause.
      request.log.error({ err: error }, 'unhandled error');
      clerkError = errors.internal();
    } else if (clerkError.status >= 500) {
      request.log.error({ err: error }, 'server error');
    }
    // Fastify closes the connection after a body it did not read; the client (Node's fetch, as in
    // @clerk/backend) may still be sending it and would see EPIPE instead of this answer. Keeping the
    // connection lets Node read and discard the rest (bounded by the request timeout), then answer.
    if ((error as FastifyError).code === 'FST_ERR_CTP_BODY_TOO_LARGE') reply.removeHeader('connection');
    // A full verification pool clears within about a second per waiting check; a rate limit sets its own.
    // A refusal that knows when it ends (`resets_in`, a code resend cooldown) says so.
    if (clerkError.status === 429 && !reply.hasHeader('retry-after')) {
      const resetsIn = clerkError.meta.resets_in;
      reply.header('retry-after', typeof resetsIn === 'number' ? String(resetsIn) : '1');
    }
    return reply.code(clerkError.status).send(toErrorBody(clerkError, request.id));
  };
}

/**
 * Requests no route matches: without the secret key a 401 (unknown paths reveal nothing). With it, an
 * operation of Clerk's spec that Roster does not serve is a 403 `feature_not_implemented` naming it, so
 * "not served here" never reads as "wrong id"; anything else is a 404.
 */
export function createNotFoundHandler() {
  // The key was checked in onRequest (app.ts) before the body was read: unknown paths reveal nothing without it.
  return async function notFound(request: FastifyRequest, reply: FastifyReply) {
    const operation = findClerkOperation(request.method, request.url);
    const error = operation
      ? errors.featureNotImplemented(`${operation.operationId} (${operation.method} ${operation.path})`)
      : errors.resourceNotFound();
    return reply.code(error.status).send(toErrorBody(error, request.id));
  };
}
