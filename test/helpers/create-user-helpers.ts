// Shared by the POST /v1/users tests (test/api/users/create-user/): fresh phone numbers, and create helpers
// bound to one test server that check a refused create leaves nothing behind.
import { expect } from 'vitest';
import { expectClerkError } from './assertions.js';
import { uniquePhone } from './fixtures.js';
import type { TestServer } from './test-server.js';

/** A fresh valid number (see uniquePhone); `spaced` gives the human-written form `+1 415 555 XXXX`. */
export function phone(): { e164: string; spaced: string } {
  const e164 = uniquePhone();
  return { e164, spaced: `+1 415 555 ${e164.slice(-4)}` };
}

/** The create helpers, bound to one server. */
export function createUserHelpers(getServer: () => TestServer) {
  const createRaw = (body: unknown) => getServer().api('POST', '/v1/users', body);

  async function userCount(): Promise<number> {
    const res = await getServer().api('GET', '/v1/users/count');
    expect(res.status).toBe(200);
    return res.body.total_count as number;
  }

  /** A failed create leaves no rows: the count is unchanged and the identifier can still be used. */
  async function expectNoTrace(countBefore: number, emailAddress: string): Promise<void> {
    expect(await userCount()).toBe(countBefore);
    const lookup = await getServer().api('GET', `/v1/users?email_address=${encodeURIComponent(emailAddress)}`);
    expect(lookup.status).toBe(200);
    expect(lookup.body).toEqual([]);
    const retry = await createRaw({ email_address: [emailAddress] });
    expect(retry.status, JSON.stringify(retry.body)).toBe(200);
    expect(retry.body.email_addresses[0].email_address).toBe(emailAddress.trim().toLowerCase());
  }

  /**
   * Runs a create that must fail, then checks nothing was left behind: the count is unchanged and, unless
   * `checkReuse` is false (the address is legitimately someone else's), the first email can still be used.
   */
  async function expectRejected(body: Record<string, unknown>, status: number, code: string, paramName?: string, checkReuse = true) {
    const before = await userCount();
    const res = await createRaw(body);
    expectClerkError(res, status, code, paramName);
    const first = (body.email_address as string[] | undefined)?.[0];
    if (checkReuse && typeof first === 'string' && /^[^@\s]+@[^@\s]+\.[a-z]+$/i.test(first.trim())) await expectNoTrace(before, first);
    else expect(await userCount()).toBe(before);
    return res;
  }

  return { createRaw, userCount, expectNoTrace, expectRejected };
}
