import { isClerkAPIResponseError, type ClerkAPIResponseError } from '@clerk/backend/errors';
import { expect } from 'vitest';
import { expectClerkError } from '../../helpers/assertions.js';
import { startTestServer, type ApiResponse, type TestServer } from '../../helpers/test-server.js';

/**
 * Asserts a rate-limit refusal: 429 `too_many_requests` in Clerk's shape, with `Retry-After` in whole seconds
 * (at least 1) and the same number as `meta.resets_in`. Returns the seconds.
 */
export function expectRateLimited(response: ApiResponse): number {
  expectClerkError(response, 429, 'too_many_requests');
  expect(response.body.errors[0]).toMatchObject({ message: 'Too many requests', long_message: 'Too many requests, retry later' });
  const retryAfter = response.headers.get('retry-after');
  expect(retryAfter).toMatch(/^[1-9]\d*$/);
  expect(response.body.errors[0].meta).toEqual({ resets_in: Number(retryAfter) });
  expect(response.body.clerk_trace_id).toBe(response.headers.get('x-request-id'));
  return Number(retryAfter);
}

/** Starts a server with rate limits on (plus `env`) for one test, and closes it after. */
export async function withRateLimitedServer<T>(env: Record<string, string>, run: (server: TestServer) => Promise<T>, options: { logLines?: string[] } = {}): Promise<T> {
  const server = await startTestServer({ ROSTER_RATE_LIMITS: 'on', ...env }, options);
  try {
    return await run(server);
  } finally {
    await server.close();
  }
}

/** `count` requests one after the other; their statuses. */
export async function statuses(count: number, request: () => Promise<ApiResponse>): Promise<number[]> {
  const seen: number[] = [];
  for (let i = 0; i < count; i++) seen.push((await request()).status);
  return seen;
}

export const times = <T>(count: number, value: T): T[] => Array.from({ length: count }, () => value);

/**
 * Sends until a request is refused and answers the refusal: on a busy machine a short window may end between
 * two requests, so the first refusal is not always the second request's.
 */
export async function firstRefusal(request: () => Promise<ApiResponse>, attempts = 20): Promise<ApiResponse> {
  for (let attempt = 0; attempt < attempts; attempt++) {
    const response = await request();
    if (response.status !== 200) return response;
  }
  throw new Error('no request was refused');
}

/** The error `@clerk/backend` throws for a count the limits refuse: it must be Clerk's 429, with the wait. */
export async function expectClerkRefusal(clerk: { users: { getCount(): Promise<number> } }): Promise<ClerkAPIResponseError> {
  const error = await clerk.users.getCount().then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!isClerkAPIResponseError(error)) throw new Error(`expected a ClerkAPIResponseError, got ${String(error)}`);
  expect(error.status).toBe(429);
  expect(error.retryAfter).toBeGreaterThan(3500);
  expect(error.errors.map((e) => e.code)).toEqual(['too_many_requests']);
  return error;
}
