// Assertions shared by the test files: Clerk's error body over raw HTTP, the errors @clerk/backend
// throws, and the ClerkError the pure modules throw.
import { isClerkAPIResponseError, type ClerkAPIResponseError } from '@clerk/backend/errors';
import { expect } from 'vitest';
import { ClerkError } from '../../src/lib/error-catalog.js';
import type { ApiResponse } from './test-server.js';

/**
 * Asserts a Clerk error answer: the status (the body is shown when it differs), the exact JSON content
 * type, Clerk's full error body `{ errors: [{ message, long_message, code, meta }], clerk_trace_id }`
 * holding exactly one error with `code`, and `meta.param_name` when `paramName` is given.
 */
export function expectClerkError(response: ApiResponse, status: number, code: string, paramName?: string): void {
  expect(response.status, JSON.stringify(response.body)).toBe(status);
  expect(response.headers.get('content-type')).toBe('application/json');
  expect(response.body).toEqual({
    errors: [
      {
        message: expect.any(String),
        long_message: expect.any(String),
        code,
        meta: paramName === undefined ? expect.any(Object) : expect.objectContaining({ param_name: paramName }),
      },
    ],
    clerk_trace_id: expect.stringMatching(/\S/),
  });
}

/**
 * Awaits an @clerk/backend call that must fail, and asserts it threw a ClerkAPIResponseError with
 * `status`, exactly one error with `code`, and `meta.paramName` when given. Returns the error.
 */
export async function expectSdkError(promise: Promise<unknown>, status: number, code: string, paramName?: string): Promise<ClerkAPIResponseError> {
  const error: unknown = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!isClerkAPIResponseError(error)) throw new Error(`expected a ClerkAPIResponseError, got ${String(error)}`);
  expect({ status: error.status, code: error.errors[0]?.code }, JSON.stringify(error.errors)).toEqual({ status, code });
  expect(error.errors).toHaveLength(1);
  if (paramName !== undefined) expect(error.errors[0]?.meta?.paramName).toBe(paramName);
  return error;
}

/** The ClerkError thrown by `fn` (fails the test when nothing, or something else, is thrown). */
export function thrownBy(fn: () => unknown): ClerkError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ClerkError);
    return error as ClerkError;
  }
  throw new Error('expected a ClerkError to be thrown');
}

/** Asserts a 200 (or `status`) answer, showing the body when it differs. */
export function expectOk(response: ApiResponse, status = 200): void {
  expect(response.status, JSON.stringify(response.body)).toBe(status);
}
