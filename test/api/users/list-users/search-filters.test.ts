// GET /v1/users and /v1/users/count searched (query, email_address_query, phone_number_query, username_query,
// name_query) and filtered by banned, time ranges and several filters at once, raw HTTP and @clerk/backend.
// One server for the file; every test creates its own users with a random marker and filters by it, so tests
// never see each other's users. Helpers: test/helpers/user-list-helpers.ts.
import { describe, expect, it } from 'vitest';
import { uniquePhone } from '../../../helpers/fixtures.js';
import { useTestServer } from '../../../helpers/test-server.js';
import { BASE_MS, marker, nextWallet, rfc3339, userListHelpers, type UserCountParams, type UserListParams } from '../../../helpers/user-list-helpers.js';

const server = useTestServer();
const { createUser, expectList, expectSet, expectError } = userListHelpers(() => server);

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
