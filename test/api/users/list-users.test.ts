// GET /v1/users (GetUserList) and GET /v1/users/count (GetUsersCount), through raw HTTP and through
// @clerk/backend's users.getUserList (list + count in parallel) and users.getCount.
// One server for the file; every test creates its own users with a random marker and filters by it,
// so tests never see each other's users.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectClerkError, expectSdkError } from '../../helpers/assertions.js';
import { uniquePhone, uniqueTag, uniqueWallet } from '../../helpers/fixtures.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';

type Params = Record<string, string | number | readonly string[] | undefined>;
type UserListParams = NonNullable<Parameters<TestServer['clerk']['users']['getUserList']>[0]>;
type UserCountParams = NonNullable<Parameters<TestServer['clerk']['users']['getCount']>[0]>;

interface UserJSON {
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

interface ErrorBody {
  errors: { code: string; message: string; long_message: string; meta?: { param_name?: string } }[];
}

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server.close());

/** A per-test marker: lower-case, long enough that it matches nothing but this test's users. */
const marker = () => `m${uniqueTag()}`;

/** `+14155551234` → `+1 (415) 555-1234`. */
const formatPhone = (e164: string) => `+1 (${e164.slice(2, 5)}) ${e164.slice(5, 8)}-${e164.slice(8)}`;
/** A random Ethereum address, optionally starting with the given hex digits (to control ordering). */
const nextWallet = (prefix = '') => `0x${prefix}${uniqueWallet().slice(2)}`.slice(0, 42);

/** `2001-…` + seconds, in RFC3339 with milliseconds, and its epoch milliseconds. */
const BASE_MS = Date.UTC(2001, 1, 3, 4, 5, 6);
const rfc3339 = (ms: number) => new Date(ms).toISOString();

function qs(params: Params): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) search.append(key, String(item));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

const IDENTIFIERS = ['email_address', 'phone_number', 'web3_wallet', 'username'];

/**
 * Creates a user with `skip_user_requirement`; a user needs at least one identifier, so one with none
 * in `body` gets a random username (letters `auto` + hex, so it matches no marker or test query).
 */
async function createUser(body: Record<string, unknown>): Promise<UserJSON> {
  const identified = IDENTIFIERS.some((key) => body[key] !== undefined);
  const username = identified ? {} : { username: `auto${uniqueTag()}` };
  const res = await server.api<UserJSON>('POST', '/v1/users', { skip_user_requirement: true, ...username, ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

async function listUsers(params: Params): Promise<UserJSON[]> {
  const res = await server.api<UserJSON[]>('GET', `/v1/users${qs(params)}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(Array.isArray(res.body)).toBe(true);
  return res.body;
}

const listIds = async (params: Params) => (await listUsers(params)).map((user) => user.id);

async function countUsers(params: Params): Promise<number> {
  const res = await server.api<{ object: string; total_count: number }>('GET', `/v1/users/count${qs(params)}`);
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
  const res = await server.api<ErrorBody>('GET', `/v1/users${method === 'count' ? '/count' : ''}${qs(params)}`);
  expectClerkError(res, 422, code, paramName);
  return res.body;
}

describe('identifier filters', () => {
  it('email_address: case-insensitive input, several values, every address of a user, unknown and invalid values ignored', async () => {
    const t = marker();
    const ann = await createUser({ email_address: [`ann.${t}@example.com`, `ann.work.${t}@example.com`] });
    const bob = await createUser({ email_address: [`bob.${t}@example.com`] });
    const cy = await createUser({ email_address: [`cy.${t}@example.com`] });

    await expectSet({ email_address: `ANN.${t}@Example.COM` }, [ann.id]);
    // A secondary (non-primary) address finds its user too.
    await expectSet({ email_address: `ann.work.${t}@example.com` }, [ann.id]);
    // Two addresses of the same user: the user once.
    await expectSet({ email_address: [`ann.${t}@example.com`, `ANN.WORK.${t}@example.com`] }, [ann.id]);
    await expectSet(
      { email_address: [`  Bob.${t}@example.com `, `ann.${t}@example.com`, `nobody.${t}@example.com`, 'not-an-email'] },
      [ann.id, bob.id],
    );
    await expectSet({ email_address: [`nobody.${t}@example.com`] }, []);
    await expectSet({ email_address: ['not-an-email'] }, []);
    expect(cy.id).not.toBe(ann.id);

    const viaSdk = await server.clerk.users.getUserList({ emailAddress: [`CY.${t}@example.com`, `bob.${t}@example.com`] });
    expect(viaSdk.data.map((user) => user.id).sort()).toEqual([bob.id, cy.id].sort());
    expect(viaSdk.totalCount).toBe(2);
    expect(await server.clerk.users.getCount({ emailAddress: [`Cy.${t}@Example.com`] })).toBe(1);
  });

  it('phone_number: E.164 and formatted input both match; secondary numbers match; unknown ignored', async () => {
    const t = marker();
    const [p1, p2, p3, unused] = [uniquePhone(), uniquePhone(), uniquePhone(), uniquePhone()];
    const a = await createUser({ first_name: t, phone_number: [p1, p2] });
    const b = await createUser({ first_name: t, phone_number: [p3] });

    await expectSet({ phone_number: p1 }, [a.id]);
    await expectSet({ phone_number: formatPhone(p2) }, [a.id]);
    await expectSet({ phone_number: [formatPhone(p3), p1, unused, 'not a phone'] }, [a.id, b.id]);
    await expectSet({ phone_number: unused }, []);

    const viaSdk = await server.clerk.users.getUserList({ phoneNumber: [formatPhone(p3)] });
    expect(viaSdk.data.map((user) => user.id)).toEqual([b.id]);
    expect(viaSdk.totalCount).toBe(1);
  });

  it('web3_wallet: exact addresses, several values, unknown ignored', async () => {
    const [w1, w2, w3] = [nextWallet(), nextWallet(), nextWallet()];
    const a = await createUser({ web3_wallet: [w1] });
    const b = await createUser({ web3_wallet: [w2] });

    await expectSet({ web3_wallet: w1 }, [a.id]);
    await expectSet({ web3_wallet: [w1, w2, w3] }, [a.id, b.id]);
    await expectSet({ web3_wallet: w3 }, []);
    expect(await server.clerk.users.getCount({ web3Wallet: [w2, w3] })).toBe(1);
  });

  it('username: case-insensitive, several values, unknown ignored', async () => {
    const t = marker();
    const a = await createUser({ username: `Ann_${t}` });
    const b = await createUser({ username: `bob_${t}` });
    await createUser({ username: `cy_${t}` });

    await expectSet({ username: `ANN_${t}` }, [a.id]);
    await expectSet({ username: [`ann_${t}`, `BOB_${t}`, `nobody_${t}`] }, [a.id, b.id]);
    await expectSet({ username: `nobody_${t}` }, []);
    // Exact match only: a prefix is not a username filter hit.
    await expectSet({ username: `ann_${t.slice(0, -1)}` }, []);

    const viaSdk = await server.clerk.users.getUserList({ username: [`Bob_${t}`] });
    expect(viaSdk.data.map((user) => user.id)).toEqual([b.id]);
    expect(viaSdk.totalCount).toBe(1);
  });

  it('external_id: include, +include, exclude (users without external_id kept), unknown ignored', async () => {
    const t = marker();
    const a = await createUser({ first_name: t, external_id: `ext-a-${t}` });
    const b = await createUser({ first_name: t, external_id: `ext-b-${t}` });
    const c = await createUser({ first_name: t });

    await expectSet({ external_id: `ext-a-${t}` }, [a.id]);
    await expectSet({ external_id: [`+ext-a-${t}`, `ext-b-${t}`, `ext-zzz-${t}`] }, [a.id, b.id]);
    await expectSet({ external_id: `ext-zzz-${t}` }, []);
    await expectSet({ name_query: t, external_id: `-ext-a-${t}` }, [b.id, c.id]);
    await expectSet({ name_query: t, external_id: [`-ext-a-${t}`, `-ext-b-${t}`] }, [c.id]);
    await expectSet({ name_query: t, external_id: [`+ext-a-${t}`, `+ext-b-${t}`, `-ext-b-${t}`] }, [a.id]);

    const viaSdk = await server.clerk.users.getUserList({ query: t, externalId: [`-ext-b-${t}`] });
    expect(viaSdk.data.map((user) => user.id).sort()).toEqual([a.id, c.id].sort());
    expect(viaSdk.totalCount).toBe(2);
  });

  it('user_id: include, +include, exclude really excludes, unknown ignored', async () => {
    const t = marker();
    const a = await createUser({ first_name: t });
    const b = await createUser({ first_name: t });
    const c = await createUser({ first_name: t });

    await expectSet({ user_id: a.id }, [a.id]);
    await expectSet({ user_id: [a.id, `+${b.id}`, 'user_doesnotexist000000000000'] }, [a.id, b.id]);
    await expectSet({ user_id: 'user_doesnotexist000000000000' }, []);
    await expectSet({ name_query: t, user_id: `-${a.id}` }, [b.id, c.id]);
    await expectSet({ name_query: t, user_id: [`-${a.id}`, `-${c.id}`] }, [b.id]);
    await expectSet({ user_id: [a.id, b.id, `-${b.id}`] }, [a.id]);

    const viaSdk = await server.clerk.users.getUserList({ query: t, userId: [`-${b.id}`] });
    expect(viaSdk.data.map((user) => user.id).sort()).toEqual([a.id, c.id].sort());
    expect(viaSdk.totalCount).toBe(2);
    expect(await server.clerk.users.getCount({ userId: [a.id, c.id] })).toBe(2);
  });

  it('organization_id: +org matches nobody (200, empty), -org excludes nobody', async () => {
    const t = marker();
    const a = await createUser({ first_name: t });
    const b = await createUser({ first_name: t });

    await expectSet({ name_query: t, organization_id: '+org_x' }, []);
    await expectSet({ name_query: t, organization_id: 'org_x' }, []);
    await expectSet({ name_query: t, organization_id: '-org_x' }, [a.id, b.id]);

    const viaSdk = await server.clerk.users.getUserList({ query: t, organizationId: ['org_x'] });
    expect(viaSdk).toEqual({ data: [], totalCount: 0 });
  });
});

describe('search filters', () => {
  it('query: partial and case-insensitive over emails, phones, usernames, web3 wallets, user ids, first and last names', async () => {
    const t = marker();
    const phone = uniquePhone();
    const wallet = nextWallet();
    const byEmail = await createUser({ email_address: [`mailbox${t}@example.com`] });
    const byPhone = await createUser({ phone_number: [phone] });
    const byUsername = await createUser({ username: `uname${t}` });
    const byWallet = await createUser({ web3_wallet: [wallet] });
    const byId = await createUser({});
    const byFirst = await createUser({ first_name: `Fn${t}` });
    const byLast = await createUser({ last_name: `Ln${t}` });

    await expectList({ query: `ILBOX${t.toUpperCase()}@EXAM` }, [byEmail.id]);
    await expectList({ query: phone.slice(5) }, [byPhone.id]);
    await expectList({ query: `NAME${t.toUpperCase()}` }, [byUsername.id]);
    await expectList({ query: wallet.slice(8, 30).toUpperCase() }, [byWallet.id]);
    await expectList({ query: byId.id }, [byId.id]);
    await expectList({ query: byId.id.slice(6, 24) }, [byId.id]);
    await expectList({ query: `fN${t.slice(0, 8).toUpperCase()}` }, [byFirst.id]);
    await expectList({ query: `LN${t.toUpperCase()}` }, [byLast.id]);
    await expectList({ query: `nomatch${t}` }, []);

    const viaSdk = await server.clerk.users.getUserList({ query: `ln${t}` });
    expect(viaSdk.data.map((user) => user.id)).toEqual([byLast.id]);
    expect(viaSdk.totalCount).toBe(1);
    expect(await server.clerk.users.getCount({ query: `MAILBOX${t}` })).toBe(1);
  });

  it('query matching several fields of one user returns that user once', async () => {
    const t = marker();
    const a = await createUser({ email_address: [`${t}@example.com`], username: `u${t}`, first_name: t, last_name: t });
    await expectList({ query: t }, [a.id]);
  });

  it('query of one or two characters (below trigram length) still searches', async () => {
    const t = marker();
    // Ids never contain "-", "." or "@", so these characters only occur where this test puts them.
    const a = await createUser({ username: `a${t}-zq`, email_address: [`a${t}@example.com`] });
    const b = await createUser({ username: `b${t}_zq`, email_address: [`b${t}.q@example.com`] });
    const c = await createUser({ username: `c${t}`, email_address: [`c${t}@example.com`] });
    const ours = [a.id, b.id, c.id];

    await expectSet({ user_id: ours, query: '-' }, [a.id]);
    await expectSet({ user_id: ours, query: '-Z' }, [a.id]);
    await expectSet({ user_id: ours, query: '.Q' }, [b.id]);
    await expectSet({ user_id: ours, query: '@' }, ours);
    await expectSet({ user_id: ours, username_query: '_' }, [b.id]);
    await expectSet({ user_id: ours, email_address_query: '.q' }, [b.id]);
  });

  it('email_address_query: partial, case-insensitive, emails only', async () => {
    const t = marker();
    const a = await createUser({ email_address: [`HELLO.${t}@example.com`] });
    const b = await createUser({ email_address: [`other.${t}@example.com`], username: `hello_${t}`, first_name: `hello.${t}` });

    await expectList({ email_address_query: `ello.${t.toUpperCase()}` }, [a.id]);
    await expectSet({ query: `ello` + `.${t}` }, [a.id, b.id]);
    await expectList({ email_address_query: `nomatch${t}` }, []);
  });

  it('phone_number_query: partial, phones only', async () => {
    const phone = uniquePhone();
    const digits = phone.slice(5); // e.g. 5551004
    const a = await createUser({ phone_number: [phone] });
    const b = await createUser({ first_name: `n${digits}` });

    await expectList({ phone_number_query: digits }, [a.id]);
    await expectList({ phone_number_query: phone }, [a.id]);
    await expectSet({ query: digits }, [a.id, b.id]);
  });

  it('username_query: partial, case-insensitive, usernames only', async () => {
    const t = marker();
    const a = await createUser({ username: `Some_Cool${t}User` });
    const b = await createUser({ email_address: [`cool${t}user@example.com`], first_name: `cool${t}` });

    await expectList({ username_query: `COOL${t.toUpperCase()}` }, [a.id]);
    await expectSet({ query: `cool${t}` }, [a.id, b.id]);
  });

  it('name_query: first name, last name and "First Last", names only', async () => {
    const t = marker();
    const a = await createUser({ first_name: `Ada${t}`, last_name: `Love${t}` });
    const b = await createUser({ first_name: `Love${t}`, email_address: [`ada${t}@example.com`] });

    await expectList({ name_query: `ADA${t}` }, [a.id]);
    await expectSet({ name_query: `love${t}` }, [a.id, b.id]);
    await expectList({ name_query: `ada${t} love${t}` }, [a.id]);
    await expectList({ name_query: `${t} LOVE` }, [a.id]);
    await expectSet({ query: `ada${t}` }, [a.id, b.id]);
  });
});

describe('banned, time and combined filters', () => {
  it('banned=true / banned=false (strings, as the SDK must send them)', async () => {
    const t = marker();
    const banned = await createUser({ first_name: t, banned: true });
    const free = await createUser({ first_name: t });

    await expectList({ name_query: t, banned: 'true' }, [banned.id]);
    await expectList({ name_query: t, banned: 'false' }, [free.id]);

    const viaSdk = await server.clerk.users.getUserList({ query: t, banned: 'false' } as unknown as UserListParams);
    expect(viaSdk.data.map((user) => user.id)).toEqual([free.id]);
    expect(viaSdk.totalCount).toBe(1);
    expect(await server.clerk.users.getCount({ query: t, banned: 'true' } as unknown as UserCountParams)).toBe(1);
    await expectError('list', { banned: 'maybe' }, 'form_param_type_invalid', 'banned');
  });

  it('created_at_before / created_at_after are strict and combine', async () => {
    const t = marker();
    const t0 = BASE_MS + 1_000_000;
    const [a, b, c] = [
      await createUser({ first_name: t, created_at: rfc3339(t0) }),
      await createUser({ first_name: t, created_at: rfc3339(t0 + 1500) }),
      await createUser({ first_name: t, created_at: rfc3339(t0 + 3000) }),
    ];
    expect([a.created_at, b.created_at, c.created_at]).toEqual([t0, t0 + 1500, t0 + 3000]);

    await expectList({ name_query: t, created_at_after: t0 }, [c.id, b.id]);
    await expectList({ name_query: t, created_at_after: t0 - 1 }, [c.id, b.id, a.id]);
    await expectList({ name_query: t, created_at_before: t0 + 3000 }, [b.id, a.id]);
    await expectList({ name_query: t, created_at_before: t0 + 3001 }, [c.id, b.id, a.id]);
    await expectList({ name_query: t, created_at_after: t0, created_at_before: t0 + 3000 }, [b.id]);
    await expectList({ name_query: t, created_at_after: t0 + 3000 }, []);

    const viaSdk = await server.clerk.users.getUserList({ query: t, createdAtAfter: t0, createdAtBefore: t0 + 3001 });
    expect(viaSdk.data.map((user) => user.id)).toEqual([c.id, b.id]);
    expect(viaSdk.totalCount).toBe(2);
  });

  it('last_active_at_* and last_sign_in_at_*: nobody has a session, so nobody matches, and nothing errors', async () => {
    const t = marker();
    await createUser({ first_name: t });
    await createUser({ first_name: t });
    for (const param of [
      'last_active_at_after',
      'last_active_at_before',
      'last_active_at_since',
      'last_sign_in_at_after',
      'last_sign_in_at_before',
    ]) {
      await expectList({ name_query: t, [param]: 0 }, []);
      await expectList({ name_query: t, [param]: Date.now() + 86_400_000 }, []);
    }
    const viaSdk = await server.clerk.users.getUserList({ query: t, lastActiveAtAfter: 1, lastSignInAtAfter: 1 });
    expect(viaSdk).toEqual({ data: [], totalCount: 0 });
  });

  it('combines filters with AND', async () => {
    const t = marker();
    const t0 = BASE_MS + 2_000_000;
    const a = await createUser({ email_address: [`a${t}@example.com`], username: `ua${t}`, banned: true, external_id: `x-${t}`, created_at: rfc3339(t0) });
    const b = await createUser({ email_address: [`b${t}@example.com`], username: `ub${t}`, banned: true, created_at: rfc3339(t0 + 1000) });
    const c = await createUser({ email_address: [`c${t}@example.com`], username: `uc${t}`, banned: false, created_at: rfc3339(t0 + 2000) });

    await expectList({ query: t, banned: 'true' }, [b.id, a.id]);
    await expectList({ query: t, banned: 'true', created_at_after: t0 }, [b.id]);
    await expectList({ query: t, banned: 'true', username: `UA${t}` }, [a.id]);
    await expectList({ query: t, banned: 'false', username: `ua${t}` }, []);
    await expectList({ email_address: [`a${t}@example.com`, `c${t}@example.com`], banned: 'true' }, [a.id]);
    await expectList({ email_address_query: t, external_id: `-x-${t}`, user_id: `-${c.id}` }, [b.id]);
    await expectList({ username_query: `ub${t}`, email_address_query: `a${t}` }, []);
  });
});

describe('order_by', () => {
  interface OrderCase {
    field: string;
    /** Body fields giving the user of rank `rank` (0 sorts first ascending) its value. */
    valued: (rank: number, t: string) => Record<string, unknown>;
    /** Body of a user that has no value for the field (undefined when every user has one). */
    missing?: (t: string) => Record<string, unknown>;
  }
  const letter = (rank: number) => 'abc'[rank]!;
  const cases: OrderCase[] = [
    { field: 'email_address', valued: (r, t) => ({ email_address: [`${letter(r)}${t}@example.com`] }), missing: () => ({ phone_number: [uniquePhone()] }) },
    { field: 'phone_number', valued: () => ({ phone_number: [] }), missing: (t) => ({ email_address: [`${t}@example.com`] }) },
    { field: 'web3wallet', valued: (r) => ({ web3_wallet: [nextWallet(letter(r))] }), missing: (t) => ({ email_address: [`${t}@example.com`] }) },
    { field: 'username', valued: (r, t) => ({ username: `${letter(r)}user_${t}` }), missing: (t) => ({ email_address: [`${t}@example.com`] }) },
    { field: 'first_name', valued: (r, t) => ({ first_name: `${letter(r).toUpperCase()}name${t}` }), missing: () => ({}) },
    { field: 'last_name', valued: (r, t) => ({ last_name: `${letter(r).toUpperCase()}name${t}` }), missing: () => ({}) },
  ];

  /**
   * Creates users u0, u1, u2 (created in that order, a second apart) whose values rank 1, 2, 0, plus a
   * newest user without a value: ascending is u2, u0, u1 — neither creation nor id order.
   */
  async function rankedUsers(c: OrderCase, t: string) {
    const ranks = [1, 2, 0];
    const phones = [uniquePhone(), uniquePhone(), uniquePhone()]; // ascending
    const t0 = BASE_MS + 3_000_000 + Math.floor(Math.random() * 1_000_000) * 1000;
    const users: UserJSON[] = [];
    for (const [index, rank] of ranks.entries()) {
      const body = c.field === 'phone_number' ? { phone_number: [phones[rank]] } : c.valued(rank, t);
      users.push(await createUser({ ...body, created_at: rfc3339(t0 + index * 1000) }));
    }
    const missing = c.missing ? await createUser({ ...c.missing(t), created_at: rfc3339(t0 + 3000) }) : undefined;
    const [u0, u1, u2] = users as [UserJSON, UserJSON, UserJSON];
    const ascending = [u2.id, u0.id, u1.id];
    const descending = [u1.id, u0.id, u2.id];
    const all = [...users.map((u) => u.id), ...(missing ? [missing.id] : [])];
    return { all, ascending, descending, missingId: missing?.id };
  }

  it.each(cases)('$field: +, - and no sign (= ascending); users without the value come last', async (c) => {
    const t = marker();
    const { all, ascending, descending, missingId } = await rankedUsers(c, t);
    const tail = missingId ? [missingId] : [];
    await expectList({ user_id: all, order_by: `+${c.field}` }, [...ascending, ...tail]);
    await expectList({ user_id: all, order_by: c.field }, [...ascending, ...tail]);
    await expectList({ user_id: all, order_by: `-${c.field}` }, [...descending, ...tail]);

    const viaSdk = await server.clerk.users.getUserList({ userId: all, orderBy: `-${c.field}` as UserListParams['orderBy'] });
    expect(viaSdk.data.map((user) => user.id)).toEqual([...descending, ...tail]);
    expect(viaSdk.totalCount).toBe(all.length);
  });

  it('created_at: default is newest first; +, - and no sign', async () => {
    const t = marker();
    const t0 = BASE_MS + 5_000_000;
    // Created out of time order, so insertion order is not the answer either.
    const mid = await createUser({ first_name: t, created_at: rfc3339(t0 + 1000) });
    const newest = await createUser({ first_name: t, created_at: rfc3339(t0 + 2000) });
    const oldest = await createUser({ first_name: t, created_at: rfc3339(t0) });

    await expectList({ name_query: t }, [newest.id, mid.id, oldest.id]);
    await expectList({ name_query: t, order_by: '-created_at' }, [newest.id, mid.id, oldest.id]);
    await expectList({ name_query: t, order_by: '+created_at' }, [oldest.id, mid.id, newest.id]);
    await expectList({ name_query: t, order_by: 'created_at' }, [oldest.id, mid.id, newest.id]);
  });

  it('updated_at: +, - and no sign', async () => {
    const t = marker();
    const t0 = BASE_MS + 6_000_000;
    const a = await createUser({ first_name: t, created_at: rfc3339(t0) });
    const b = await createUser({ first_name: t, created_at: rfc3339(t0 + 1000) });
    const c = await createUser({ first_name: t, created_at: rfc3339(t0 + 2000) });
    // Update in the order c, a, b with the clock moving forward: updated_at order differs from creation order.
    for (const user of [c, a, b]) {
      server.clock.advanceMs(1000);
      const res = await server.api<UserJSON>('PATCH', `/v1/users/${user.id}`, { last_name: 'touched' });
      expect(res.status).toBe(200);
    }
    await expectList({ name_query: t, order_by: '+updated_at' }, [c.id, a.id, b.id]);
    await expectList({ name_query: t, order_by: 'updated_at' }, [c.id, a.id, b.id]);
    await expectList({ name_query: t, order_by: '-updated_at' }, [b.id, a.id, c.id]);
  });

  it.each(['last_active_at', 'last_sign_in_at'])('%s: accepted with +, - and no sign; every user is still listed', async (field) => {
    const t = marker();
    const ids = [(await createUser({ first_name: t })).id, (await createUser({ first_name: t })).id, (await createUser({ first_name: t })).id];
    const ascending = await listIds({ name_query: t, order_by: `+${field}` });
    expect([...ascending].sort()).toEqual([...ids].sort());
    expect(await listIds({ name_query: t, order_by: field })).toEqual(ascending);
    const descending = await listIds({ name_query: t, order_by: `-${field}` });
    expect([...descending].sort()).toEqual([...ids].sort());
    expect(await countUsers({ name_query: t })).toBe(3);
  });

  it('only the first order_by counts', async () => {
    const t = marker();
    const t0 = BASE_MS + 7_000_000;
    const older = await createUser({ first_name: `B${t}`, created_at: rfc3339(t0) });
    const newer = await createUser({ first_name: `A${t}`, created_at: rfc3339(t0 + 1000) });
    await expectList({ name_query: t, order_by: ['+created_at', '+first_name'] }, [older.id, newer.id]);
    await expectList({ name_query: t, order_by: ['-first_name', '+first_name'] }, [older.id, newer.id]);
    await expectList({ name_query: t, order_by: ['+first_name', '+created_at'] }, [newer.id, older.id]);
  });

  it('an unknown order_by is 422 form_param_value_invalid', async () => {
    for (const orderBy of ['name', '-password', '+', '*created_at', 'created_at,first_name']) {
      await expectError('list', { order_by: orderBy }, 'form_param_value_invalid', 'order_by');
    }
    await expectSdkError(server.clerk.users.getUserList({ orderBy: '-nothing' as UserListParams['orderBy'] }), 422, 'form_param_value_invalid', 'order_by');
  });
});

describe('limit and offset', () => {
  it('limit defaults to 10 and accepts 1..500; count ignores it', async () => {
    const t = marker();
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) ids.push((await createUser({ first_name: t, created_at: rfc3339(BASE_MS + 8_000_000 + i * 1000) })).id);
    const newestFirst = [...ids].reverse();

    expect(await listIds({ name_query: t })).toEqual(newestFirst.slice(0, 10));
    expect(await listIds({ name_query: t, limit: 1 })).toEqual(newestFirst.slice(0, 1));
    expect(await listIds({ name_query: t, limit: 11 })).toEqual(newestFirst.slice(0, 11));
    expect(await listIds({ name_query: t, limit: 500 })).toEqual(newestFirst);
    expect(await countUsers({ name_query: t })).toBe(12);

    const viaSdk = await server.clerk.users.getUserList({ query: t, limit: 3 });
    expect(viaSdk.data.map((user) => user.id)).toEqual(newestFirst.slice(0, 3));
    expect(viaSdk.totalCount).toBe(12);
    const defaultSdk = await server.clerk.users.getUserList({ query: t });
    expect(defaultSdk.data).toHaveLength(10);
    expect(defaultSdk.totalCount).toBe(12);
  });

  it('limit outside 1..500 or not an integer is 422 naming limit', async () => {
    await expectError('list', { limit: 0 }, 'form_param_value_invalid', 'limit');
    await expectError('list', { limit: 501 }, 'form_param_value_invalid', 'limit');
    await expectError('list', { limit: -1 }, 'form_param_value_invalid', 'limit');
    await expectError('list', { limit: 'abc' }, 'form_param_type_invalid', 'limit');
    await expectError('list', { limit: '1.5' }, 'form_param_type_invalid', 'limit');
    await expectSdkError(server.clerk.users.getUserList({ limit: 501 }), 422, 'form_param_value_invalid', 'limit');
  });

  it('offset skips, pages concatenate without skip or repeat, past the end is empty; bad offset is 422', async () => {
    const t = marker();
    const t0 = BASE_MS + 9_000_000;
    const ids: string[] = [];
    // Five users, three of them at the same instant.
    for (const dt of [0, 1000, 1000, 1000, 2000]) ids.push((await createUser({ first_name: t, created_at: rfc3339(t0 + dt) })).id);
    const full = await listIds({ name_query: t, order_by: '+created_at' });
    expect([...full].sort()).toEqual([...ids].sort());

    expect(await listIds({ name_query: t, order_by: '+created_at', offset: 2, limit: 2 })).toEqual(full.slice(2, 4));
    const paged: string[] = [];
    for (let offset = 0; offset < 6; offset += 2) paged.push(...(await listIds({ name_query: t, order_by: '+created_at', offset, limit: 2 })));
    expect(paged).toEqual(full);
    expect(await listIds({ name_query: t, offset: 5 })).toEqual([]);
    expect(await countUsers({ name_query: t })).toBe(5);

    const viaSdk = await server.clerk.users.getUserList({ query: t, orderBy: '+created_at', offset: 4, limit: 10 });
    expect(viaSdk.data.map((user) => user.id)).toEqual(full.slice(4));
    expect(viaSdk.totalCount).toBe(5);

    await expectError('list', { offset: -1 }, 'form_param_value_invalid', 'offset');
    await expectError('list', { offset: 'x' }, 'form_param_type_invalid', 'offset');
  });
});

describe('starting_after (keyset pagination)', () => {
  /** Seven users; created_at values include two groups of ties. Returns their ids. */
  async function usersWithTies(t: string): Promise<string[]> {
    const t0 = BASE_MS + 10_000_000 + Math.floor(Math.random() * 1_000_000) * 1000;
    const ids: string[] = [];
    for (const dt of [2000, 0, 1000, 1000, 3000, 1000, 3000]) ids.push((await createUser({ first_name: t, created_at: rfc3339(t0 + dt) })).id);
    return ids;
  }

  async function walk(params: Params, limit: number): Promise<string[]> {
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 20; pages++) {
      const page = await listIds({ ...params, limit, starting_after: cursor });
      expect(page.length).toBeLessThanOrEqual(limit);
      seen.push(...page);
      if (page.length < limit) return seen;
      cursor = page[page.length - 1];
    }
    throw new Error('pagination did not end');
  }

  it('walks every page in -created_at and +created_at order with ties: no skip, no repeat', async () => {
    const t = marker();
    const ids = await usersWithTies(t);
    const byCreatedAt = new Map((await listUsers({ name_query: t, limit: 500 })).map((u) => [u.id, u.created_at]));

    const descending = await listIds({ name_query: t, limit: 500 });
    const ascending = await listIds({ name_query: t, limit: 500, order_by: '+created_at' });
    expect([...descending].sort()).toEqual([...ids].sort());
    // A total order: ties are broken the same way in both directions (by id).
    expect(ascending).toEqual([...descending].reverse());
    const times = descending.map((id) => byCreatedAt.get(id)!);
    expect(times).toEqual([...times].sort((x, y) => y - x));

    for (const limit of [1, 2, 3, 7]) {
      expect(await walk({ name_query: t }, limit)).toEqual(descending);
      expect(await walk({ name_query: t, order_by: '-created_at' }, limit)).toEqual(descending);
      expect(await walk({ name_query: t, order_by: '+created_at' }, limit)).toEqual(ascending);
      expect(await walk({ name_query: t, order_by: 'created_at' }, limit)).toEqual(ascending);
    }
    // Cursor on the last user: nothing follows.
    expect(await listIds({ name_query: t, starting_after: descending[6] })).toEqual([]);
    // offset=0 is allowed with a cursor.
    expect(await listIds({ name_query: t, starting_after: descending[1], offset: 0, limit: 2 })).toEqual(descending.slice(2, 4));
  });

  it('through the SDK: pages follow the cursor and totalCount ignores it', async () => {
    const t = marker();
    await usersWithTies(t);
    const descending = await listIds({ name_query: t, limit: 500 });
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 10; pages++) {
      const params = { query: t, limit: 3, ...(cursor ? { startingAfter: cursor } : {}) } as unknown as UserListParams;
      const page = await server.clerk.users.getUserList(params);
      expect(page.totalCount).toBe(7);
      seen.push(...page.data.map((user) => user.id));
      if (page.data.length < 3) break;
      cursor = page.data[page.data.length - 1]!.id;
    }
    expect(seen).toEqual(descending);
  });

  it('/count accepts starting_after, as the SDK sends it, and ignores it', async () => {
    const t = marker();
    const ids = await usersWithTies(t);
    expect(await countUsers({ name_query: t, starting_after: ids[0] })).toBe(7);
    expect(await server.clerk.users.getCount({ query: t, startingAfter: ids[2] } as unknown as UserCountParams)).toBe(7);
  });

  it('422 with another order_by, with a non-zero offset, and with an unknown cursor', async () => {
    const t = marker();
    const [first] = await usersWithTies(t);
    for (const orderBy of ['first_name', '-updated_at', '+username', 'email_address']) {
      await expectError('list', { starting_after: first, order_by: orderBy }, 'form_param_value_invalid', 'starting_after');
    }
    await expectError('list', { starting_after: first, offset: 1 }, 'form_param_value_invalid', 'starting_after');
    await expectError('list', { starting_after: 'user_doesnotexist000000000000' }, 'form_param_value_invalid', 'starting_after');

    await expectSdkError(
      server.clerk.users.getUserList({ query: t, orderBy: '+first_name', startingAfter: first } as unknown as UserListParams),
      422,
      'form_param_value_invalid',
      'starting_after',
    );
  });
});

describe('parameter validation', () => {
  const arrayFilters = ['email_address', 'phone_number', 'external_id', 'username', 'web3_wallet', 'user_id', 'organization_id'];

  it.each(arrayFilters)('%s: 100 values are fine, 101 are 422 form_param_array_size_exceeded (list and count)', async (name) => {
    const values = (n: number) => Array.from({ length: n }, (_, i) => `v${i}x${name}@example.com`);
    expect(await listIds({ [name]: values(100) })).toEqual([]);
    expect(await countUsers({ [name]: values(100) })).toBe(0);
    await expectError('list', { [name]: values(101) }, 'form_param_array_size_exceeded', name);
    await expectError('count', { [name]: values(101) }, 'form_param_array_size_exceeded', name);
  });

  it('an unknown query parameter is 422 form_param_unknown (list and count)', async () => {
    await expectError('list', { emailAddress: 'a@example.com' }, 'form_param_unknown', 'emailAddress');
    await expectError('count', { not_a_filter: '1' }, 'form_param_unknown', 'not_a_filter');
  });

  it('a non-integer time filter is 422 naming it (list and count)', async () => {
    await expectError('list', { created_at_before: 'yesterday' }, 'form_param_type_invalid', 'created_at_before');
    await expectError('count', { created_at_before: '2024-01-01T00:00:00Z' }, 'form_param_type_invalid', 'created_at_before');
    await expectError('list', { last_active_at_after: '1.5' }, 'form_param_type_invalid', 'last_active_at_after');
  });
});

describe('count', () => {
  it('answers {object: "total_count", total_count} equal to the list length for the same filters', async () => {
    const t = marker();
    const a = await createUser({ email_address: [`a${t}@example.com`], banned: true });
    const b = await createUser({ email_address: [`b${t}@example.com`] });
    await createUser({ email_address: [`c${t}@example.com`] });

    const res = await server.api('GET', `/v1/users/count${qs({ email_address_query: t })}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ object: 'total_count', total_count: 3 });
    for (const filters of [
      { email_address_query: t },
      { email_address_query: t, banned: 'true' },
      { email_address_query: t, user_id: `-${a.id}` },
      { email_address: [`b${t}@example.com`, `a${t}@example.com`] },
      { email_address_query: `nomatch${t}` },
    ] satisfies Params[]) {
      expect(await countUsers(filters)).toBe((await listIds({ ...filters, limit: 500 })).length);
    }
    expect(await countUsers({ email_address_query: t, user_id: [a.id, b.id] })).toBe(2);
  });
});

describe('the list follows changes', () => {
  it('a deleted user disappears from list, count and search', async () => {
    const t = marker();
    const gone = await createUser({ email_address: [`gone${t}@example.com`], username: `gone_${t}`, first_name: `Gone${t}` });
    const kept = await createUser({ email_address: [`kept${t}@example.com`] });
    await expectSet({ query: t }, [gone.id, kept.id]);

    const res = await server.api('DELETE', `/v1/users/${gone.id}`);
    expect(res.status).toBe(200);

    await expectList({ query: t }, [kept.id]);
    await expectList({ query: `gone${t}` }, []);
    await expectList({ email_address: `gone${t}@example.com` }, []);
    await expectList({ username: `gone_${t}` }, []);
    await expectList({ user_id: gone.id }, []);
    await expectList({ name_query: `gone${t}` }, []);
    await expectList({ username_query: `gone_${t}` }, []);
    const viaSdk = await server.clerk.users.getUserList({ query: t });
    expect(viaSdk.data.map((user) => user.id)).toEqual([kept.id]);
    expect(viaSdk.totalCount).toBe(1);
  });

  it('a replaced email is found by the new value only, in email_address, query and email_address_query', async () => {
    const t = marker();
    const user = await createUser({ email_address: [`old${t}@example.com`] });
    const res = await server.api('PUT', `/v1/users/${user.id}/email_address`, { email_address: `new${t}@example.com` });
    expect(res.status, JSON.stringify(res.body)).toBe(200);

    await expectList({ email_address: `new${t}@example.com` }, [user.id]);
    await expectList({ email_address: `old${t}@example.com` }, []);
    await expectList({ query: `new${t}` }, [user.id]);
    await expectList({ query: `old${t}` }, []);
    await expectList({ email_address_query: `NEW${t}` }, [user.id]);
    await expectList({ email_address_query: `old${t}` }, []);
  });

  it('changed names and username are found by the new values only', async () => {
    const t = marker();
    const user = await createUser({ first_name: `Before${t}`, username: `before_${t}` });
    const res = await server.api('PATCH', `/v1/users/${user.id}`, { first_name: `After${t}`, username: `after_${t}` });
    expect(res.status, JSON.stringify(res.body)).toBe(200);

    await expectList({ name_query: `after${t}` }, [user.id]);
    await expectList({ name_query: `before${t}` }, []);
    await expectList({ username: `AFTER_${t}` }, [user.id]);
    await expectList({ username: `before_${t}` }, []);
    await expectList({ username_query: `after_${t}` }, [user.id]);
    await expectList({ query: `before` + t }, []);
  });
});
