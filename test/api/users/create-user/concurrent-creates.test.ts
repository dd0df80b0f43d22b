// POST /v1/users under concurrency: parallel creates with the same email, username or external_id make one user.
import { describe, expect, it } from 'vitest';
import { expectClerkError } from '../../../helpers/assertions.js';
import { createUserHelpers } from '../../../helpers/create-user-helpers.js';
import { uniqueEmail, uniqueTag, uniqueUsername } from '../../../helpers/fixtures.js';
import { useTestServer } from '../../../helpers/test-server.js';

const server = useTestServer();
const { createRaw, userCount } = createUserHelpers(() => server);

describe('POST /v1/users: concurrent creates', () => {
  const PARALLEL = 50;

  async function race(bodyFor: (index: number) => Record<string, unknown>) {
    const before = await userCount();
    const results = await Promise.all(Array.from({ length: PARALLEL }, (_, index) => createRaw(bodyFor(index))));
    const ok = results.filter((res) => res.status === 200);
    const refused = results.filter((res) => res.status !== 200);
    return { before, ok, refused };
  }

  it('50 parallel creates with the same email: one 200, 49 × 422 form_identifier_exists, no partial rows', async () => {
    const address = uniqueEmail('race');
    const { before, ok, refused } = await race((index) => ({ email_address: [address], first_name: `Racer ${index}` }));
    expect(ok).toHaveLength(1);
    expect(refused).toHaveLength(PARALLEL - 1);
    for (const res of refused) expectClerkError(res, 422, 'form_identifier_exists', 'email_address');
    const holders = await server.api('GET', `/v1/users?email_address=${encodeURIComponent(address)}`);
    expect(holders.body.map((u: any) => u.id)).toEqual([ok[0]!.body.id]);
    expect(await userCount()).toBe(before + 1);
  });

  it('50 parallel creates with the same username: one 200, 49 × 422 naming username', async () => {
    const name = uniqueUsername('race');
    const { before, ok, refused } = await race((index) => ({ email_address: [uniqueEmail(`race${index}`)], username: index % 2 ? name : name.toUpperCase() }));
    expect(ok).toHaveLength(1);
    for (const res of refused) expectClerkError(res, 422, 'form_identifier_exists', 'username');
    expect(await userCount()).toBe(before + 1);
  });

  it('50 parallel creates with the same external_id: one 200, 49 × 422 naming external_id', async () => {
    const externalId = `race-${uniqueTag()}`;
    const { before, ok, refused } = await race((index) => ({ email_address: [uniqueEmail(`ext${index}`)], external_id: externalId }));
    expect(ok).toHaveLength(1);
    for (const res of refused) expectClerkError(res, 422, 'form_identifier_exists', 'external_id');
    expect(await userCount()).toBe(before + 1);
  });
});
