import { describe, expect, it } from 'vitest';
import { generateTOTPSecret } from '../../../src/mfa/totp.js';
import { fapiBrowser } from '../../helpers/fapi-client.js';
import { oauthEnv, useMockProvider } from '../../helpers/oauth-provider.js';
import { AFTER_SIGN_IN_URL, SSO_CALLBACK_URL, oauthRoundTrip } from '../../helpers/oauth-flow.js';
import { useTestServer } from '../../helpers/test-server.js';

const PASSWORD = 'a very long secret passphrase';
const provider = useMockProvider();
const server = useTestServer(() => oauthEnv(provider));

async function passwordUser(email: string, extra: Record<string, unknown> = {}): Promise<string> {
  const created = await server.api('POST', '/v1/users', { email_address: [email], password: PASSWORD, ...extra });
  expect(created.status).toBe(200);
  return created.body.id as string;
}

describe('OAuth account linking, sign-up, transfers and refusals', () => {
  it('links to the user whose verified address the provider verified, and signs them in', async () => {
    const userId = await passwordUser('linked@example.com');
    provider.person = { sub: 'link-1', email: 'Linked@Example.com', email_verified: true, given_name: 'Lin' };
    const trip = await oauthRoundTrip(fapiBrowser(() => server), 'sign_ins');
    expect(trip.callback.location).toBe(AFTER_SIGN_IN_URL);
    expect(trip.client.sessions.map((item: { user: { id: string } }) => item.user.id)).toEqual([userId]);
  });

  it('never links an address the provider did not verify (no takeover): the sign-in fails, nobody is signed in', async () => {
    const userId = await passwordUser('victim@example.com');
    provider.person = { sub: 'attacker-1', email: 'victim@example.com', email_verified: false };
    const trip = await oauthRoundTrip(fapiBrowser(() => server), 'sign_ins');
    expect(trip.callback.location).toBe(SSO_CALLBACK_URL);
    expect(trip.client.sessions).toEqual([]);
    expect(trip.client.sign_in.first_factor_verification).toMatchObject({ status: 'failed', error: { code: 'oauth_identification_claimed' } });
    // A sign-up with the same provider answer cannot take the address either.
    const signUp = await oauthRoundTrip(fapiBrowser(() => server), 'sign_ups');
    expect(signUp.client.sign_up.verifications.external_account).toMatchObject({ status: 'failed', error: { code: 'oauth_identification_claimed' } });
    expect(signUp.client.sessions).toEqual([]);
    const user = await server.api('GET', `/v1/users/${userId}`);
    expect(user.body.email_addresses).toHaveLength(1);
  });

  it('a sign-up with the provider makes the user at the callback and lands on the page after sign-up', async () => {
    provider.person = { sub: 'signup-1', email: 'fresh@example.com', email_verified: true, given_name: 'Fresh', family_name: 'Start' };
    const trip = await oauthRoundTrip(fapiBrowser(() => server), 'sign_ups');
    expect(trip.callback.location).toBe(AFTER_SIGN_IN_URL);
    expect(trip.client.sessions).toHaveLength(1);
    expect(trip.client.sessions[0].user).toMatchObject({ first_name: 'Fresh', last_name: 'Start' });
  });

  it('a sign-up by a person who already has an account is transferable, and the sign-in transfer signs them in', async () => {
    provider.person = { sub: 'twice-1', email: 'twice@example.com', email_verified: true };
    const first = await oauthRoundTrip(fapiBrowser(() => server), 'sign_ups');
    const userId = first.client.sessions[0].user.id as string;
    const browser = fapiBrowser(() => server);
    const again = await oauthRoundTrip(browser, 'sign_ups');
    expect(again.callback.location).toBe(SSO_CALLBACK_URL);
    expect(again.client.sign_up.verifications.external_account).toMatchObject({ status: 'transferable', error: { code: 'external_account_exists' } });
    const transfer = await browser.call('POST', '/v1/client/sign_ins', { transfer: 'true' });
    expect(transfer.status).toBe(200);
    expect(transfer.body.response.status).toBe('complete');
    expect(transfer.body.client.sessions[0].user.id).toBe(userId);
    // The transfer is used up: a second one finds nothing to transfer.
    expect((await browser.call('POST', '/v1/client/sign_ins', { transfer: 'true' })).body.errors[0].code).toBe('account_transfer_invalid');
  });

  it('an address the provider did not verify needs its email code before the sign-up completes', async () => {
    provider.person = { sub: 'unverified-1', email: 'unsure@example.com', email_verified: false };
    const browser = fapiBrowser(() => server);
    await oauthRoundTrip(browser, 'sign_ins');
    const transfer = await browser.call('POST', '/v1/client/sign_ups', { transfer: 'true' });
    expect(transfer.body.response).toMatchObject({ status: 'missing_requirements', unverified_fields: ['email_address'], missing_fields: [] });
    expect(transfer.body.client.sessions).toEqual([]);
  });

  it('a user with a second factor still needs it after the provider', async () => {
    const userId = await passwordUser('twofactor@example.com', { totp_secret: generateTOTPSecret() });
    provider.person = { sub: 'mfa-1', email: 'twofactor@example.com', email_verified: true };
    const trip = await oauthRoundTrip(fapiBrowser(() => server), 'sign_ins');
    expect(trip.callback.location).toBe(SSO_CALLBACK_URL);
    expect(trip.client.sessions).toEqual([]);
    expect(trip.client.sign_in).toMatchObject({ status: 'needs_second_factor', first_factor_verification: { status: 'verified', strategy: 'oauth_google' } });
    expect(userId).toMatch(/^user_/);
  });

  it('a banned user is refused at the callback', async () => {
    const userId = await passwordUser('banned@example.com');
    provider.person = { sub: 'banned-1', email: 'banned@example.com', email_verified: true };
    await oauthRoundTrip(fapiBrowser(() => server), 'sign_ins');
    await server.api('POST', `/v1/users/${userId}/ban`);
    const trip = await oauthRoundTrip(fapiBrowser(() => server), 'sign_ins');
    expect(trip.client.sessions).toEqual([]);
    expect(trip.client.sign_in.first_factor_verification).toMatchObject({ status: 'failed', error: { code: 'user_banned' } });
  });

  it('a person who denies access at the provider comes back with oauth_access_denied', async () => {
    provider.authorizeError = 'access_denied';
    try {
      const trip = await oauthRoundTrip(fapiBrowser(() => server), 'sign_ins');
      expect(trip.callback.location).toBe(SSO_CALLBACK_URL);
      expect(trip.client.sign_in.first_factor_verification).toMatchObject({ status: 'failed', error: { code: 'oauth_access_denied' } });
    } finally {
      provider.authorizeError = null;
    }
  });
});
