// GET /v1/users pages: limit, offset and starting_after (keyset pagination over ties), raw HTTP and
// @clerk/backend.
// One server for the file; every test creates its own users with a random marker and filters by it, so tests
// never see each other's users. Helpers: test/helpers/user-list-helpers.ts.
import { describe, expect, it } from 'vitest';
import { expectSdkError } from '../../../helpers/assertions.js';
import { useTestServer } from '../../../helpers/test-server.js';
import { BASE_MS, marker, rfc3339, userListHelpers, type Params, type UserCountParams, type UserListParams } from '../../../helpers/user-list-helpers.js';

const server = useTestServer();
const { createUser, listUsers, listIds, countUsers, expectError } = userListHelpers(() => server);

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
