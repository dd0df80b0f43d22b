// Adversarial review of what the OAuth callback does to the browser's client: session fixation, token leaks in
// the client JSON, single-session mode, and transfers of a replaced attempt.
import { describe, expect, it } from 'vitest';
import { fapiBrowser } from '../../helpers/fapi-client.js';
import { oauthEnv, useMockProvider } from '../../helpers/oauth-provider.js';
import { SSO_CALLBACK_URL, oauthRoundTrip } from '../../helpers/oauth-flow.js';
import { useTestServer } from '../../helpers/test-server.js';

const PASSWORD = 'a very long secret passphrase';
const provider = useMockProvider();
const server = useTestServer(() => oauthEnv(provider));

/** A second browser holding the same `__client` cookie value (what an attacker who planted or read it holds). */
function cloneOf(browser: ReturnType<typeof fapiBrowser>) {
  const copy = fapiBrowser(() => server);
  for (const [name, value] of browser.jar) copy.jar.set(name, value);
  return copy;
}

describe('review: the client after the callback', () => {
  // Session fixation: an attacker who planted a `__client` cookie in the victim's browser (a sibling subdomain can
  // set cookies for the parent domain) must not ride the session the victim's OAuth sign-in starts. The callback
  // must give the browser a new cookie secret, so the planted one no longer reads the client's sessions.
  it.each(['sign_ins', 'sign_ups'] as const)('a %s callback that signs in rotates the client cookie', async (kind) => {
    provider.person = { sub: `fixation-${kind}`, email: `fixation.${kind}@example.com`, email_verified: true };
    if (kind === 'sign_ins') await oauthRoundTrip(fapiBrowser(() => server), 'sign_ups');
    const victim = fapiBrowser(() => server);
    await victim.call('GET', '/v1/client');
    await victim.call('POST', '/v1/client', {});
    const planted = cloneOf(victim);
    expect((await planted.call('GET', '/v1/client')).body.response?.id).toBeTruthy();
    const trip = await oauthRoundTrip(victim, kind);
    expect(trip.client.sessions).toHaveLength(1);
    const attacker = await planted.call('GET', '/v1/client');
    expect(attacker.body.response?.sessions ?? []).toEqual([]);
  });

  // The provider's tokens are kept sealed with the authorization while a transfer waits: neither the client JSON
  // nor the sign-in/sign-up JSON may carry them (or the ID token) to the page.
  it('no provider token appears in the client JSON of a transferable sign-in or sign-up', async () => {
    provider.person = { sub: 'no-leak-1', email: 'no.leak@example.com', email_verified: true };
    const browser = fapiBrowser(() => server);
    const before = provider.accessTokens.length;
    const trip = await oauthRoundTrip(browser, 'sign_ins');
    const issued = provider.accessTokens.slice(before);
    expect(issued.length).toBeGreaterThan(0);
    const json = JSON.stringify(trip.client);
    for (const token of issued) expect(json).not.toContain(token);
    expect(json).not.toMatch(/eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+/);
  });
});

describe('review: single-session mode and replaced attempts', () => {
  // Guard: a browser already signed in (single-session mode, the default) starts no OAuth sign-in or sign-up.
  it('a signed-in browser cannot start an OAuth sign-in or sign-up', async () => {
    await server.api('POST', '/v1/users', { email_address: ['single@example.com'], password: PASSWORD });
    const browser = fapiBrowser(() => server);
    const signedIn = await browser.call('POST', '/v1/client/sign_ins', { identifier: 'single@example.com', password: PASSWORD, strategy: 'password' });
    expect(signedIn.body.response.status).toBe('complete');
    for (const kind of ['sign_ins', 'sign_ups']) {
      const answer = await browser.call('POST', `/v1/client/${kind}`, { strategy: 'oauth_google', redirect_url: SSO_CALLBACK_URL });
      expect(answer.body.errors?.[0]?.code, kind).toBe('session_exists');
    }
  });

  // Guard: once the transferable sign-in is replaced by another sign-in, its identity cannot be transferred.
  it('a sign-up transfer after the sign-in was replaced is refused', async () => {
    provider.person = { sub: 'replaced-1', email: 'replaced@example.com', email_verified: true };
    const browser = fapiBrowser(() => server);
    await oauthRoundTrip(browser, 'sign_ins');
    await server.api('POST', '/v1/users', { email_address: ['replacer@example.com'], password: PASSWORD });
    const replaced = await browser.call('POST', '/v1/client/sign_ins', { identifier: 'replacer@example.com' });
    expect(replaced.body.response.status).toBe('needs_first_factor');
    const transfer = await browser.call('POST', '/v1/client/sign_ups', { transfer: 'true' });
    expect(transfer.body.errors?.[0]?.code).toBe('account_transfer_invalid');
  });

  // Guard: transfer without any OAuth attempt.
  it('transfer=true without an OAuth attempt is refused both ways', async () => {
    const browser = fapiBrowser(() => server);
    await browser.call('POST', '/v1/client', {});
    for (const kind of ['sign_ins', 'sign_ups']) {
      const answer = await browser.call('POST', `/v1/client/${kind}`, { transfer: 'true' });
      expect(answer.body.errors?.[0]?.code, kind).toBe('account_transfer_invalid');
    }
  });
});
