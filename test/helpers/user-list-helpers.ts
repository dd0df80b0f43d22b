// Shared by the GET /v1/users and GET /v1/users/count tests (test/api/users/list-users/): per-test markers,
// query strings, and list/count helpers bound to one test server that assert the list and /count agree.
import { expect } from 'vitest';
import { expectClerkError } from './assertions.js';
import { uniqueTag, uniqueWallet } from './fixtures.js';
import type { TestServer } from './test-server.js';

export type Params = Record<string, string | number | readonly string[] | undefined>;
export type UserListParams = NonNullable<Parameters<TestServer['clerk']['users']['getUserList']>[0]>;
export type UserCountParams = NonNullable<Parameters<TestServer['clerk']['users']['getCount']>[0]>;

export interface UserJSON {
  id: string;
  object: 'user';
  created_at: number;
  updated_at: number;
  first_name: string | null;
  last_name: string | null;
  username: string | null;
  external_id: string | null;
  banned: boolean;
  email_addresses: { email_address: string }[];
}

export interface ErrorBody {
  errors: { code: string; message: string; long_message: string; meta?: { param_name?: string } }[];
}

/** A per-test marker: lower-case, long enough that it matches nothing but this test's users. */
export const marker = () => `m${uniqueTag()}`;

/** `+14155551234` → `+1 (415) 555-1234`. */
export const formatPhone = (e164: string) => `+1 (${e164.slice(2, 5)}) ${e164.slice(5, 8)}-${e164.slice(8)}`;
/** A random Ethereum address, optionally starting with the given hex digits (to control ordering). */
export const nextWallet = (prefix = '') => `0x${prefix}${uniqueWallet().slice(2)}`.slice(0, 42);

/** `2001-…` + seconds, in RFC3339 with milliseconds, and its epoch milliseconds. */
export const BASE_MS = Date.UTC(2001, 1, 3, 4, 5, 6);
export const rfc3339 = (ms: number) => new Date(ms).toISOString();

export function qs(params: Params): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) search.append(key, String(item));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

const IDENTIFIERS = ['email_address', 'phone_number', 'web3_wallet', 'username'];

/** The list and count helpers, bound to one server. */
export function userListHelpers(getServer: () => TestServer) {
  /**
   * Creates a user with `skip_user_requirement`; a user needs at least one identifier, so one with none
   * in `body` gets a random username (letters `auto` + hex, so it matches no marker or test query).
   */
  async function createUser(body: Record<string, unknown>): Promise<UserJSON> {
    const identified = IDENTIFIERS.some((key) => body[key] !== undefined);
    const username = identified ? {} : { username: `auto${uniqueTag()}` };
    const res = await getServer().api<UserJSON>('POST', '/v1/users', { skip_user_requirement: true, ...username, ...body });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  }

  async function listUsers(params: Params): Promise<UserJSON[]> {
    const res = await getServer().api<UserJSON[]>('GET', `/v1/users${qs(params)}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(Array.isArray(res.body)).toBe(true);
    return res.body;
  }

  const listIds = async (params: Params) => (await listUsers(params)).map((user) => user.id);

  async function countUsers(params: Params): Promise<number> {
    const res = await getServer().api<{ object: string; total_count: number }>('GET', `/v1/users/count${qs(params)}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({ object: 'total_count', total_count: expect.any(Number) });
    return res.body.total_count;
  }

  /** The list for `params` is exactly `expected`, in that order, and /count with the same filters agrees. */
  async function expectList(params: Params, expected: readonly string[]): Promise<void> {
    expect(await listIds({ limit: 500, ...params })).toEqual(expected);
    expect(await countUsers(params)).toBe(expected.length);
  }

  /** The list for `params` holds exactly `expected` (any order, no repeats), and /count agrees. */
  async function expectSet(params: Params, expected: readonly string[]): Promise<void> {
    const ids = await listIds({ limit: 500, ...params });
    expect([...ids].sort()).toEqual([...expected].sort());
    expect(await countUsers(params)).toBe(expected.length);
  }

  async function expectError(method: 'list' | 'count', params: Params, code: string, paramName: string): Promise<ErrorBody> {
    const res = await getServer().api<ErrorBody>('GET', `/v1/users${method === 'count' ? '/count' : ''}${qs(params)}`);
    expectClerkError(res, 422, code, paramName);
    return res.body;
  }

  return { createUser, listUsers, listIds, countUsers, expectList, expectSet, expectError };
}
