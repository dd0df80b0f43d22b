// GET /v1/users order_by: every sortable field with +, - and no sign, users without a value last, raw HTTP and
// @clerk/backend.
// One server for the file; every test creates its own users with a random marker and filters by it, so tests
// never see each other's users. Helpers: test/helpers/user-list-helpers.ts.
import { describe, expect, it } from 'vitest';
import { expectSdkError } from '../../../helpers/assertions.js';
import { uniquePhone } from '../../../helpers/fixtures.js';
import { useTestServer } from '../../../helpers/test-server.js';
import { BASE_MS, marker, nextWallet, rfc3339, userListHelpers, type UserJSON, type UserListParams } from '../../../helpers/user-list-helpers.js';

const server = useTestServer();
const { createUser, listIds, countUsers, expectList, expectError } = userListHelpers(() => server);

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
