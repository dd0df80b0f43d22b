// GET /v1/users/count agrees with the list for the same filters, and list, count and search follow deletes and
// changed identifiers and names.
// One server for the file; every test creates its own users with a random marker and filters by it, so tests
// never see each other's users. Helpers: test/helpers/user-list-helpers.ts.
import { describe, expect, it } from 'vitest';
import { useTestServer } from '../../../helpers/test-server.js';
import { marker, qs, userListHelpers, type Params } from '../../../helpers/user-list-helpers.js';

const server = useTestServer();
const { createUser, listIds, countUsers, expectList, expectSet } = userListHelpers(() => server);

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
