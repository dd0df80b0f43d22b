// Adversarial review of "connect an account" (POST /v1/me/external_accounts) and its callback.
import { describe, expect, it } from 'vitest';
import { fapiBrowser } from '../../helpers/fapi-client.js';
import { oauthEnv, useMockProvider } from '../../helpers/oauth-provider.js';
import { AFTER_SIGN_IN_URL, authorizeAtProvider, callBack, oauthRoundTrip } from '../../helpers/oauth-flow.js';
import { useTestServer } from '../../helpers/test-server.js';

const PASSWORD = 'a very long secret passphrase';
const provider = useMockProvider();
const server = useTestServer(() => oauthEnv(provider));

async function passwordUser(email: string): Promise<string> {
  const created = await server.api('POST', '/v1/users', { email_address: [email], password: PASSWORD });
  expect(created.status).toBe(200);
  return created.body.id as string;
}

async function signIn(browser: ReturnType<typeof fapiBrowser>, email: string) {
  const answer = await browser.call('POST', '/v1/client/sign_ins', { identifier: email, password: PASSWORD, strategy: 'password' });
  expect(answer.body.response?.status).toBe('complete');
}

async function startConnect(browser: ReturnType<typeof fapiBrowser>): Promise<string> {
  const started = await browser.call('POST', '/v1/me/external_accounts', { strategy: 'oauth_google', redirect_url: `${AFTER_SIGN_IN_URL}user` });
  expect(started.status).toBe(200);
  return started.body.response.verification.external_verification_redirect_url as string;
}

/** Signs in with the provider's current person in a fresh browser: the user it opens, or null. */
async function signedInWithProvider(): Promise<string | null> {
  const trip = await oauthRoundTrip(fapiBrowser(() => server), 'sign_ins');
  return (trip.client.sessions[0]?.user.id as string | undefined) ?? null;
}

describe('review: connect an account', () => {
  // Guard: the happy path, proved black-box: after connecting, signing in with that provider account opens the user.
  it('connects the provider account to the signed-in user', async () => {
    const userId = await passwordUser('connect.ok@example.com');
    const browser = fapiBrowser(() => server);
    await signIn(browser, 'connect.ok@example.com');
    provider.person = { sub: 'connect-ok', email: 'other.address@example.com', email_verified: true };
    const callback = await callBack(browser, await authorizeAtProvider(await startConnect(browser)));
    expect(callback.status).toBe(303);
    expect(await signedInWithProvider()).toBe(userId);
  });

  // The connected account is stored (verified) but neither the Backend API's user nor the Frontend API's /v1/me
  // lists it: both serializers answer `external_accounts: []` whatever the user has, so <UserProfile/> cannot show
  // or disconnect it and an administrator cannot see which provider accounts open a user.
  it('a connected account is listed on the user (Backend API) and on /v1/me', async () => {
    const userId = await passwordUser('connect.listed@example.com');
    const browser = fapiBrowser(() => server);
    await signIn(browser, 'connect.listed@example.com');
    provider.person = { sub: 'connect-listed', email: 'listed.other@example.com', email_verified: true };
    await callBack(browser, await authorizeAtProvider(await startConnect(browser)));
    const user = await server.api('GET', `/v1/users/${userId}`);
    expect(user.body.external_accounts).toHaveLength(1);
    const me = await browser.call('GET', '/v1/me');
    expect(me.body.response.external_accounts).toHaveLength(1);
  });

  // Shared computer: A starts "connect Google" and signs out without finishing; B signs in on the same browser and
  // follows the provider link (or the provider's tab left open). The callback is bound to the browser's client
  // only, not to the user who asked, so B's provider account is linked to A: from then on B's "Sign in with
  // Google" opens A's account (and A can read B's provider data through the stored tokens). The callback must
  // refuse once the user who started the connection no longer has a session on this client.
  it('a connection started by a user who then signed out does not link the next person\'s provider account', async () => {
    const aliceId = await passwordUser('alice.shared@example.com');
    await passwordUser('bob.shared@example.com');
    const browser = fapiBrowser(() => server);
    await signIn(browser, 'alice.shared@example.com');
    const providerUrl = await startConnect(browser);
    expect((await browser.call('DELETE', '/v1/client')).status).toBe(200);
    await signIn(browser, 'bob.shared@example.com');
    provider.person = { sub: 'bob-google', email: 'bob.personal@example.com', email_verified: true };
    await callBack(browser, await authorizeAtProvider(providerUrl));
    // Bob, later, on his own computer: "Sign in with Google" must not open Alice's account.
    expect(await signedInWithProvider()).not.toBe(aliceId);
  });

  // An abandoned or failed "connect" leaves its row (unverified or failed) with the user's (user, provider) slot
  // taken. Later "Sign in with Google" by the same person (linking by the address both sides verified) tries to
  // insert the link, hits that slot and fails with oauth_account_already_connected: the user can never sign in
  // with that provider until they retry a connection. A pending or failed connection must give way to the link.
  it('an abandoned connection does not stop the user signing in with the provider later', async () => {
    const userId = await passwordUser('abandoned.connect@example.com');
    const browser = fapiBrowser(() => server);
    await signIn(browser, 'abandoned.connect@example.com');
    provider.authorizeError = 'access_denied';
    try {
      await callBack(browser, await authorizeAtProvider(await startConnect(browser)));
    } finally {
      provider.authorizeError = null;
    }
    await startConnect(browser);
    provider.person = { sub: 'abandoned-google', email: 'abandoned.connect@example.com', email_verified: true };
    const trip = await oauthRoundTrip(fapiBrowser(() => server), 'sign_ins');
    expect(trip.client.sign_in?.first_factor_verification?.error ?? null).toBeNull();
    expect(trip.client.sessions[0]?.user.id).toBe(userId);
  });

  // Guard: a provider account already linked to another user is never moved or shared by "connect".
  it('connecting a provider account already linked to another user fails with external_account_exists', async () => {
    provider.person = { sub: 'owned-google', email: 'owner@example.com', email_verified: true };
    const owner = await oauthRoundTrip(fapiBrowser(() => server), 'sign_ups');
    const ownerId = owner.client.sessions[0].user.id as string;
    const attackerId = await passwordUser('attacker.connect@example.com');
    const browser = fapiBrowser(() => server);
    await signIn(browser, 'attacker.connect@example.com');
    await callBack(browser, await authorizeAtProvider(await startConnect(browser)));
    expect(attackerId).not.toBe(ownerId);
    expect(await signedInWithProvider()).toBe(ownerId);
  });
});
