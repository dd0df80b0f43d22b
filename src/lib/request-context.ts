import { AsyncLocalStorage } from 'node:async_hooks';

/** Who made the request a change comes from: what webhook events show as `event_attributes.http_request`. */
export interface RequestContext {
  clientIp: string;
  userAgent: string | null;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** Runs `work` (and everything it starts) as part of the request described by `context`. */
export function runWithRequestContext<T>(context: RequestContext, work: () => T): T {
  return storage.run(context, work);
}

/** The request the current code runs for, if any (none in background work). */
export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}

/** The context as the webhook outbox stores it: `{"client_ip","user_agent"}`, or null outside a request. */
export function requestContextJSON(): string | null {
  const context = storage.getStore();
  return context ? JSON.stringify({ client_ip: context.clientIp, user_agent: context.userAgent ?? '' }) : null;
}
