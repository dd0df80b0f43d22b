// GET /v1/users and /v1/users/count filtered by identifiers (email_address, phone_number, web3_wallet, username,
// external_id, user_id, organization_id), and the validation of the query parameters, raw HTTP and @clerk/backend.
// One server for the file; every test creates its own users with a random marker and filters by it, so tests
// never see each other's users. Helpers: test/helpers/user-list-helpers.ts.
import { describe, expect, it } from 'vitest';
import { uniquePhone } from '../../../helpers/fixtures.js';
import { useTestServer } from '../../../helpers/test-server.js';
import { formatPhone, marker, nextWallet, userListHelpers } from '../../../helpers/user-list-helpers.js';

const server = useTestServer();
const { createUser, listIds, countUsers, expectSet, expectError } = userListHelpers(() => server);

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
