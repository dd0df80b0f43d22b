import { describe, expect, it } from 'vitest';
import { fapiBrowser } from '../../helpers/fapi-client.js';
import { oauthEnv, useMockProvider } from '../../helpers/oauth-provider.js';
import { SSO_CALLBACK_URL, authorizeAtProvider, callBack, oauthRoundTrip } from '../../helpers/oauth-flow.js';
import { useTestServer } from '../../helpers/test-server.js';

const PASSWORD = 'a very long secret passphrase';
const PROFILE_URL = 'http://localhost:5173/user';
const provider = useMockProvider();
const server = useTestServer(() => oauthEnv(provider));

/** A user with a password, signed in through the Frontend API in a fresh browser. */
async function signedIn(email: string) {
  const created = await server.api('POST', '/v1/users', { email_address: [email], password: PASSWORD });
  const browser = fapiBrowser(() => server);
  const signIn = await browser.call('POST', '/v1/client/sign_ins', { identifier: email, strategy: 'password', password: PASSWORD });
  expect(signIn.body.response.status).toBe('complete');
  return { browser, userId: created.body.id as string };
}

async function connect(browser: ReturnType<typeof fapiBrowser>) {
  const started = await browser.call('POST', '/v1/me/external_accounts', { strategy: 'oauth_google', redirect_url: PROFILE_URL });
  expect(started.status).toBe(200);
  expect(started.body.response.verification).toMatchObject({ status: 'unverified', strategy: 'oauth_google' });
  const callback = await callBack(browser, await authorizeAtProvider(started.body.response.verification.external_verification_redirect_url));
  expect(callback).toMatchObject({ status: 303, location: PROFILE_URL });
  return (await browser.call('GET', '/v1/me')).body.response.external_accounts as { id: string; provider_user_id: string; verification: { status: string; error: { code: string } | null } }[];
}

describe('connecting an account from the profile (/v1/me/external_accounts)', () => {
  it('connects, shows the account on the user, then unlinks it', async () => {
    const { browser, userId } = await signedIn('connector@example.com');
    provider.person = { sub: 'connect-1', email: 'other.address@example.com', email_verified: true };
    const accounts = await connect(browser);
    expect(accounts).toMatchObject([{ provider_user_id: 'connect-1', verification: { status: 'verified' } }]);
    const viaBackend = await server.clerk.users.getUser(userId);
    expect(viaBackend.externalAccounts.map((account) => account.providerUserId)).toEqual(['connect-1']);
    // A second one of the same provider is refused while this one is connected.
    const twice = await browser.call('POST', '/v1/me/external_accounts', { strategy: 'oauth_google', redirect_url: PROFILE_URL });
    expect(twice.body.errors[0].code).toBe('oauth_account_already_connected');
    const removed = await browser.call('DELETE', `/v1/me/external_accounts/${accounts[0]!.id}`);
    expect(removed.body.response).toEqual({ object: 'external_account', id: accounts[0]!.id, deleted: true });
    expect((await server.clerk.users.getUser(userId)).externalAccounts).toEqual([]);
  });

  it("a provider account linked to another user is not connected (the verification fails with external_account_exists)", async () => {
    provider.person = { sub: 'taken-1', email: 'taken.owner@example.com', email_verified: true };
    const owner = await oauthRoundTrip(fapiBrowser(() => server), 'sign_ups');
    expect(owner.client.sessions).toHaveLength(1);
    const { browser } = await signedIn('would-be@example.com');
    const accounts = await connect(browser);
    expect(accounts).toMatchObject([{ verification: { status: 'failed', error: { code: 'external_account_exists' } } }]);
  });

  it("another user's account is not found; a signed-out browser cannot connect", async () => {
    provider.person = { sub: 'mine-1', email: 'mine@example.com', email_verified: true };
    const owner = await signedIn('mine.owner@example.com');
    const [account] = await connect(owner.browser);
    const stranger = await signedIn('stranger@example.com');
    expect((await stranger.browser.call('DELETE', `/v1/me/external_accounts/${account!.id}`)).status).toBe(404);
    const signedOut = fapiBrowser(() => server);
    await signedOut.call('GET', '/v1/client');
    const refused = await signedOut.call('POST', '/v1/me/external_accounts', { strategy: 'oauth_google', redirect_url: SSO_CALLBACK_URL });
    expect(refused.status).toBeGreaterThanOrEqual(400);
  });
});
