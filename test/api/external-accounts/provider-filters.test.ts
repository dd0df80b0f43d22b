// GET /v1/users and /count: `provider` and `provider_user_id` find the users holding verified external accounts.
import { describe, expect, it } from 'vitest';
import { uniqueTag } from '../../helpers/fixtures.js';
import { useTestServer } from '../../helpers/test-server.js';
import { updateExternalAccount } from '../../../src/storage/repositories/external-accounts-repository.js';
import { seedExternalAccount } from './seed.js';

const PASSWORD = 'correct horse battery 42';

describe('GET /v1/users?provider=&provider_user_id=', () => {
  const server = useTestServer();

  /** Three users: Google subjects g1 and g2, and a GitHub account whose subject is the same text as g1's. */
  async function seed() {
    const tag = uniqueTag();
    const create = (n: number) => server.clerk.users.createUser({ emailAddress: [`pf-${n}-${tag}@example.com`], password: PASSWORD });
    const [a, b, c] = [await create(1), await create(2), await create(3)];
    await seedExternalAccount(server, a.id, { providerUserId: `g1-${tag}` });
    await seedExternalAccount(server, b.id, { providerUserId: `g2-${tag}` });
    await seedExternalAccount(server, c.id, { provider: 'oauth_github', providerUserId: `g1-${tag}` });
    return { tag, a, b, c };
  }
  const ids = (body: any[]) => body.map((user) => user.id).sort();
  const list = async (query: string) => {
    const response = await server.api('GET', `/v1/users?${query}`);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return ids(response.body);
  };
  const count = async (query: string) => {
    const response = await server.api('GET', `/v1/users/count?${query}`);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body.total_count as number;
  };

  it('provider and provider_user_id together: those subjects at that provider only; unknown ids are ignored', async () => {
    const { tag, a, b } = await seed();
    const query = `provider=oauth_google&provider_user_id=g1-${tag}&provider_user_id=g2-${tag}&provider_user_id=nobody-${tag}`;
    expect(await list(query)).toEqual([a.id, b.id].sort());
    expect(await count(query)).toBe(2);
    // The bare provider name is its strategy.
    expect(await list(`provider=google&provider_user_id=g1-${tag}`)).toEqual([a.id]);
  });

  it('provider_user_id alone matches the subject at any provider; combined with other filters it narrows them', async () => {
    const { tag, a, c } = await seed();
    expect(await list(`provider_user_id=g1-${tag}`)).toEqual([a.id, c.id].sort());
    expect(await count(`provider_user_id=g1-${tag}`)).toBe(2);
    expect(await list(`provider_user_id=g1-${tag}&user_id=${c.id}`)).toEqual([c.id]);
    expect(await list(`provider=oauth_github&provider_user_id=g2-${tag}`)).toEqual([]);
    expect(await count(`provider=oauth_github&provider_user_id=g2-${tag}`)).toBe(0);
  });

  it('an account not verified (a connection waiting for the provider) finds nobody', async () => {
    const { tag, a } = await seed();
    const [row] = await server.database.db.selectFrom('external_accounts').select('id').where('user_id', '=', a.id).execute();
    await updateExternalAccount(server.database.db, row!.id, { verification_status: 'unverified' });
    expect(await list(`provider=oauth_google&provider_user_id=g1-${tag}`)).toEqual([]);
    expect(await count(`provider=oauth_google&provider_user_id=g1-${tag}`)).toBe(0);
  });

  it('@clerk/backend getUserList sends the filters to the list and the count', async () => {
    const { tag, b } = await seed();
    // Not in the SDK's parameter type; it sends any parameter, snake_cased, as Clerk's API takes these.
    const params = { provider: 'oauth_google', providerUserId: [`g2-${tag}`] } as Parameters<typeof server.clerk.users.getUserList>[0];
    const { data, totalCount } = await server.clerk.users.getUserList(params);
    expect(data.map((user) => user.id)).toEqual([b.id]);
    expect(totalCount).toBe(1);
    expect(data[0]!.externalAccounts[0]!.providerUserId).toBe(`g2-${tag}`);
  });
});
