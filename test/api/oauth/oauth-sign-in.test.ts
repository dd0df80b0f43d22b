import { describe, expect, it } from 'vitest';
import { fapiBrowser } from '../../helpers/fapi-client.js';
import { oauthEnv, useMockProvider } from '../../helpers/oauth-provider.js';
import { AFTER_SIGN_IN_URL, SSO_CALLBACK_URL, authorizeAtProvider, callBack, oauthRoundTrip } from '../../helpers/oauth-flow.js';
import { useTestServer } from '../../helpers/test-server.js';

const provider = useMockProvider();
const server = useTestServer(() => oauthEnv(provider));

describe('OAuth sign-in through the Frontend API (a real OpenID Connect provider on loopback)', () => {
  it('a new person: sign-in → provider → callback → transferable → sign-up transfer makes the user and the session', async () => {
    provider.person = { sub: 'new-person-1', email: 'new.person@example.com', email_verified: true, given_name: 'New', family_name: 'Person' };
    const browser = fapiBrowser(() => server);
    const trip = await oauthRoundTrip(browser, 'sign_ins');
    const url = new URL(trip.providerUrl);
    expect(url.origin).toBe(new URL(provider.issuer).origin);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('state')).toMatch(/^[\w-]{43}$/);
    expect(url.searchParams.get('redirect_uri')).toMatch(/\/fapi\/v1\/oauth_callback$/);
    expect(trip.callback.status).toBe(303);
    expect(trip.callback.location).toBe(SSO_CALLBACK_URL);
    expect(trip.client.sign_in.first_factor_verification).toMatchObject({ status: 'transferable', strategy: 'oauth_google', error: { code: 'external_account_not_found' } });
    const transfer = await browser.call('POST', '/v1/client/sign_ups', { transfer: 'true' });
    expect(transfer.status).toBe(200);
    expect(transfer.body.response).toMatchObject({ status: 'complete', email_address: 'new.person@example.com', first_name: 'New', last_name: 'Person' });
    const userId = transfer.body.response.created_user_id as string;
    const user = await server.api('GET', `/v1/users/${userId}`);
    expect(user.status).toBe(200);
    expect(user.body.password_enabled).toBe(false);
    expect(user.body.email_addresses[0]).toMatchObject({
      email_address: 'new.person@example.com',
      verification: { object: 'verification_from_oauth', status: 'verified', strategy: 'from_oauth_google' },
    });
    expect(user.body.external_accounts).toMatchObject([{ provider: 'oauth_google', provider_user_id: 'new-person-1', email_address: 'new.person@example.com' }]);
    expect(transfer.body.client.sessions).toHaveLength(1);
  });

  it('the same person again: the callback signs them straight in', async () => {
    provider.person = { sub: 'returning-1', email: 'returning@example.com', email_verified: true, given_name: 'Re', family_name: 'Turn' };
    const first = fapiBrowser(() => server);
    await oauthRoundTrip(first, 'sign_ins');
    const made = await first.call('POST', '/v1/client/sign_ups', { transfer: 'true' });
    expect(made.body.response.status).toBe('complete');
    const again = fapiBrowser(() => server);
    const trip = await oauthRoundTrip(again, 'sign_ins');
    expect(trip.callback.location).toBe(AFTER_SIGN_IN_URL);
    expect(trip.client.sessions).toHaveLength(1);
    expect(trip.client.last_active_session_id).toBe(trip.client.sessions[0].id);
    expect(trip.client.sessions[0].user.id).toBe(made.body.response.created_user_id);
  });

  it('a replayed state is refused, and so is a callback from another browser', async () => {
    provider.person = { sub: 'replay-1', email: 'replay@example.com', email_verified: true };
    const browser = fapiBrowser(() => server);
    const started = await browser.call('POST', '/v1/client/sign_ins', { strategy: 'oauth_google', redirect_url: SSO_CALLBACK_URL });
    const callbackUrl = await authorizeAtProvider(started.body.response.first_factor_verification.external_verification_redirect_url);
    const stranger = fapiBrowser(() => server);
    await stranger.call('GET', '/v1/client');
    const foreign = await callBack(stranger, callbackUrl);
    expect(foreign.status).toBe(400);
    expect((foreign.body as { errors: { code: string }[] }).errors[0]!.code).toBe('oauth_callback_invalid');
    const first = await callBack(browser, callbackUrl);
    expect(first.status).toBe(303);
    const replay = await callBack(browser, callbackUrl);
    expect(replay.status).toBe(400);
    const tampered = new URL(callbackUrl);
    tampered.searchParams.set('state', 'x'.repeat(43));
    expect((await callBack(browser, tampered)).status).toBe(400);
  });

  it('redirect URLs off the allowed origins are refused before the provider is involved', async () => {
    const browser = fapiBrowser(() => server);
    const evil = await browser.call('POST', '/v1/client/sign_ins', { strategy: 'oauth_google', redirect_url: 'https://evil.example/steal' });
    expect(evil.status).toBe(422);
    expect(evil.body.errors[0].code).toBe('redirect_url_domain_mismatch');
    const js = await browser.call('POST', '/v1/client/sign_ins', { strategy: 'oauth_google', redirect_url: 'javascript:alert(1)' });
    expect(js.body.errors[0].code).toBe('invalid_redirect_url');
    const unknown = await browser.call('POST', '/v1/client/sign_ins', { strategy: 'oauth_github', redirect_url: SSO_CALLBACK_URL });
    expect(unknown.body.errors[0].code).toBe('oauth_provider_not_enabled');
  });
});
