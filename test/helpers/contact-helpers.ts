// Shared by the contacts tests (test/api/contacts/): the admin verification Roster answers with, fresh phone
// digits, and request helpers bound to one test server.
import { expect } from 'vitest';
import { expectOk } from './assertions.js';
import { uniquePhone } from './fixtures.js';
import type { TestServer } from './test-server.js';

export const ADMIN_VERIFICATION = {
  object: 'verification_admin',
  status: 'verified',
  strategy: 'admin',
  attempts: null,
  expire_at: null,
};

/** The last four digits of a fresh, valid +1 415 555 XXXX number. */
export const newPhoneDigits = () => uniquePhone().slice(-4);

/** The helpers a contacts test block needs, bound to its server. */
export function contactHelpers(getServer: () => TestServer) {
  const api = (method: string, url: string, body?: unknown) => getServer().api(method, url, body);

  async function createUser(body: Record<string, unknown>): Promise<any> {
    const response = await api('POST', '/v1/users', body);
    expectOk(response);
    return response.body;
  }

  /**
   * The test clock stands still; identifications list oldest first, so each helper-made one is given
   * its own second (same-millisecond ordering has a test of its own).
   */
  const tick = () => getServer().clock.advanceMs(1000);

  async function addEmail(userId: string, emailAddress: string, extra: Record<string, unknown> = {}): Promise<any> {
    tick();
    const response = await api('POST', '/v1/email_addresses', { user_id: userId, email_address: emailAddress, ...extra });
    expectOk(response);
    return response.body;
  }

  async function addPhone(userId: string, phoneNumber: string, extra: Record<string, unknown> = {}): Promise<any> {
    tick();
    const response = await api('POST', '/v1/phone_numbers', { user_id: userId, phone_number: phoneNumber, ...extra });
    expectOk(response);
    return response.body;
  }

  /** GET /v1/users/{id}, checking that the primary ids point at the user's own identifications. */
  async function getUser(userId: string): Promise<any> {
    const response = await api('GET', `/v1/users/${userId}`);
    expectOk(response);
    const user = response.body;
    const emailIds = user.email_addresses.map((e: any) => e.id);
    const phoneIds = user.phone_numbers.map((p: any) => p.id);
    if (emailIds.length === 0) expect(user.primary_email_address_id).toBeNull();
    else expect(emailIds).toContain(user.primary_email_address_id);
    if (phoneIds.length === 0) expect(user.primary_phone_number_id).toBeNull();
    else expect(phoneIds).toContain(user.primary_phone_number_id);
    expect(new Set(emailIds).size).toBe(emailIds.length);
    expect(new Set(phoneIds).size).toBe(phoneIds.length);
    // At most one default second factor, and only on a reserved one.
    const defaults = user.phone_numbers.filter((p: any) => p.default_second_factor);
    expect(defaults.length).toBeLessThanOrEqual(1);
    for (const phone of defaults) expect(phone.reserved_for_second_factor).toBe(true);
    return user;
  }

  const emailsOf = (user: any): string[] => user.email_addresses.map((e: any) => e.email_address);
  const phonesOf = (user: any): string[] => user.phone_numbers.map((p: any) => p.phone_number);

  async function userIdsWith(filter: 'email_address' | 'phone_number', value: string): Promise<string[]> {
    const response = await api('GET', `/v1/users?${filter}=${encodeURIComponent(value)}`);
    expectOk(response);
    return response.body.map((user: any) => user.id).sort();
  }

  return { api, tick, createUser, addEmail, addPhone, getUser, emailsOf, phonesOf, userIdsWith };
}
