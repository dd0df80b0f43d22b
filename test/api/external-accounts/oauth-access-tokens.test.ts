// GET /v1/users/{user_id}/oauth_access_tokens/{provider}: the account's token, refreshed at the provider (once,
// however many ask at the same time) when it is about to expire.
import { describe, expect, it } from 'vitest';
import { expectClerkError, expectSdkError } from '../../helpers/assertions.js';
import { uniqueTag } from '../../helpers/fixtures.js';
import { oauthEnv, useMockProvider } from '../../helpers/oauth-provider.js';
import { useTestServer } from '../../helpers/test-server.js';
import { createSecretBox } from '../../../src/lib/secret-box.js';
import { createOAuthAccessTokens } from '../../../src/oauth/access-tokens.js';
import { createOAuthProviders } from '../../../src/oauth/provider-client.js';
import { createHasherRegistry } from '../../../src/passwords/registry.js';
import { findExternalAccount } from '../../../src/storage/repositories/external-accounts-repository.js';
import { seedExternalAccount } from './seed.js';

const PASSWORD = 'correct horse battery 42';
const HOUR_MS = 3_600_000;

describe('GET /v1/users/{user_id}/oauth_access_tokens/{provider}', () => {
  const provider = useMockProvider();
  const server = useTestServer(() => oauthEnv(provider));
  const createUser = () => server.clerk.users.createUser({ emailAddress: [`tok-${uniqueTag()}@example.com`], password: PASSWORD });
  const refreshGrants = () => provider.grants.filter((grant) => grant === 'refresh_token').length;
  const tokensOf = (userId: string, query = '') => server.api('GET', `/v1/users/${userId}/oauth_access_tokens/oauth_google${query}`);

  it('hands out a token that is not about to expire as it is: bare array, or { data, total_count } when paginated', async () => {
    const user = await createUser();
    const expiresAtMs = server.clock.nowMs() + HOUR_MS;
    const account = await seedExternalAccount(server, user.id, { providerUserId: 'tok-sub', accessToken: 'current-token', idToken: 'an-id-token', expiresAtMs });
    const before = refreshGrants();
    const bare = await tokensOf(user.id);
    expect(bare.status).toBe(200);
    expect(bare.body).toEqual([
      {
        object: 'oauth_access_token',
        external_account_id: account.id,
        provider_user_id: 'tok-sub',
        token: 'current-token',
        // Unix seconds.
        expires_at: Math.floor(expiresAtMs / 1000),
        provider: 'oauth_google',
        public_metadata: {},
        label: null,
        scopes: ['openid', 'email', 'profile'],
        id_token: 'an-id-token',
      },
    ]);
    const paginated = await tokensOf(user.id, '?paginated=true');
    expect(paginated.body).toEqual({ data: bare.body, total_count: 1 });
    // The bare provider name works too, and so does @clerk/backend.
    expect((await server.api('GET', `/v1/users/${user.id}/oauth_access_tokens/google`)).body).toEqual(bare.body);
    const sdk = await server.clerk.users.getUserOauthAccessToken(user.id, 'google');
    expect(sdk.totalCount).toBe(1);
    expect(sdk.data[0]).toMatchObject({ externalAccountId: account.id, token: 'current-token', provider: 'oauth_google', expiresAt: Math.floor(expiresAtMs / 1000) });
    expect(refreshGrants()).toBe(before);
  });

  it('refreshes a token that expires within a minute, stores the new one sealed, and refreshes no more after', async () => {
    const user = await createUser();
    const account = await seedExternalAccount(server, user.id, { accessToken: 'old-token', refreshToken: 'the-refresh-token', expiresAtMs: server.clock.nowMs() + HOUR_MS });
    server.clock.advanceMs(HOUR_MS - 30_000);
    const before = refreshGrants();
    const response = await tokensOf(user.id);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(refreshGrants()).toBe(before + 1);
    const fresh = response.body[0].token as string;
    expect(fresh).not.toBe('old-token');
    expect(fresh).toBe(provider.accessTokens.at(-1));
    expect(response.body[0].expires_at).toBe(Math.floor((server.clock.nowMs() + provider.accessTokenLifetimeSeconds * 1000) / 1000));

    const row = (await findExternalAccount(server.database.db, account.id))!;
    expect(JSON.stringify(row)).not.toContain(fresh);
    const box = createSecretBox(server.config.instanceKey!);
    expect(box.open(row.access_token_sealed!)).toBe(fresh);
    expect(row.token_version).toBe(account.token_version + 1);
    expect(row.refresh_lease_until).toBeNull();

    expect((await tokensOf(user.id)).body[0].token).toBe(fresh);
    expect(refreshGrants()).toBe(before + 1);
  });

  it('keeps the refresh token when the provider sends none with the new access token', async () => {
    const user = await createUser();
    const account = await seedExternalAccount(server, user.id, { refreshToken: 'kept-refresh-token', expiresAtMs: server.clock.nowMs() - 1000 });
    provider.issueRefreshTokens = false;
    try {
      expect((await tokensOf(user.id)).status).toBe(200);
    } finally {
      provider.issueRefreshTokens = true;
    }
    const row = (await findExternalAccount(server.database.db, account.id))!;
    expect(createSecretBox(server.config.instanceKey!).open(row.refresh_token_sealed!)).toBe('kept-refresh-token');
  });

  it('ten concurrent calls for an expired token cause one refresh at the provider, and all get its token', async () => {
    const user = await createUser();
    await seedExternalAccount(server, user.id, { expiresAtMs: server.clock.nowMs() - 1000 });
    const before = refreshGrants();
    const responses = await Promise.all(Array.from({ length: 10 }, () => tokensOf(user.id)));
    for (const response of responses) expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(refreshGrants()).toBe(before + 1);
    expect(new Set(responses.map((response) => response.body[0].token)).size).toBe(1);
  });

  it('two nodes sharing the database refresh once between them', async () => {
    const user = await createUser();
    await seedExternalAccount(server, user.id, { expiresAtMs: server.clock.nowMs() - 1000 });
    // A second node: its own provider clients and service, the same database.
    const deps = { database: server.database, clock: server.clock, config: server.config, hashers: createHasherRegistry(), secretBox: createSecretBox(server.config.instanceKey!) };
    const otherNode = createOAuthAccessTokens(deps, { providers: createOAuthProviders(server.config.oauth, server.clock) });
    const before = refreshGrants();
    const [viaHttp, viaOther] = await Promise.all([
      Promise.all(Array.from({ length: 5 }, () => tokensOf(user.id))),
      Promise.all(Array.from({ length: 5 }, () => otherNode.forUser(user.id, 'oauth_google'))),
    ]);
    expect(refreshGrants()).toBe(before + 1);
    const tokens = new Set([...viaHttp.map((response) => response.body[0].token), ...viaOther.map((list) => list[0]!.token)]);
    expect(tokens.size).toBe(1);
  });

  it('an expired token without a refresh token is external_account_missing_refresh_token', async () => {
    const user = await createUser();
    await seedExternalAccount(server, user.id, { refreshToken: null, accessToken: 'valid-a-little-longer', expiresAtMs: server.clock.nowMs() + 30_000 });
    // Still valid (within the minute): handed out as it is.
    expect((await tokensOf(user.id)).body[0].token).toBe('valid-a-little-longer');
    server.clock.advanceMs(31_000);
    expectClerkError(await tokensOf(user.id), 400, 'external_account_missing_refresh_token');
    await expectSdkError(server.clerk.users.getUserOauthAccessToken(user.id, 'google'), 400, 'external_account_missing_refresh_token');
  });

  it('a provider refusing the refresh is oauth_token_retrieval_error, and a later call tries again', async () => {
    const user = await createUser();
    const account = await seedExternalAccount(server, user.id, { expiresAtMs: server.clock.nowMs() - 1000 });
    provider.refuseGrant = 'refresh_token';
    try {
      expectClerkError(await tokensOf(user.id), 400, 'oauth_token_retrieval_error');
      // Concurrent callers fail with the one refresh instead of waiting out the lease.
      for (const response of await Promise.all([tokensOf(user.id), tokensOf(user.id)])) expectClerkError(response, 400, 'oauth_token_retrieval_error');
    } finally {
      provider.refuseGrant = null;
    }
    expect((await findExternalAccount(server.database.db, account.id))!.refresh_lease_until).toBeNull();
    const before = refreshGrants();
    const retried = await tokensOf(user.id);
    expect(retried.status, JSON.stringify(retried.body)).toBe(200);
    expect(refreshGrants()).toBe(before + 1);
  });

  it('no account at the provider: an empty list; unknown user: 404; a provider not configured: 404', async () => {
    const user = await createUser();
    expect((await tokensOf(user.id)).body).toEqual([]);
    expect((await tokensOf(user.id, '?paginated=true')).body).toEqual({ data: [], total_count: 0 });
    expectClerkError(await tokensOf('user_unknown'), 404, 'resource_not_found');
    await seedExternalAccount(server, user.id, { provider: 'oauth_github' });
    expectClerkError(await server.api('GET', `/v1/users/${user.id}/oauth_access_tokens/oauth_github`), 404, 'oauth_token_provider_not_enabled');
  });
});
