import { randomUUID } from 'node:crypto';

/** Every response carries its request id here; errors repeat it as `clerk_trace_id`, logs as `reqId`. */
export const REQUEST_ID_HEADER = 'x-request-id';

export const newRequestId = (): string => randomUUID().replace(/-/g, '');
