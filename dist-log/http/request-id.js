import { randomUUID } from 'node:crypto';
/** Every response carries its request id here; errors repeat it as `clerk_trace_id`, logs as `reqId`. */
export const REQUEST_ID_HEADER = 'x-request-id';
export const newRequestId = () => randomUUID().replace(/-/g, '');
/**
 * Headers on every answer that is not a public image: API answers hold personal data, so no cache keeps
 * them, and browsers must not guess a type other than the one sent.
 */
export const NO_STORE_HEADERS = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };
//# sourceMappingURL=request-id.js.map