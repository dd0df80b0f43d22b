// Adversarial review of the OAuth sign-in flow: each test states the attack it tries and what must hold. A
// failing test here is a finding (see the review report); passing ones guard something subtle.
import { describe, expect, it } from 'vitest';
import { fapiBrowser } from '../../helpers/fapi-client.js';
import { oauthEnv, useMockProvider } from '../../helpers/oauth-provider.js';
import { SSO_CALLBACK_URL, AFTER_SIGN_IN_URL, authorizeAtProvider, callBack, oauthRoundTrip } from '../../helpers/oauth-flow.js';
import { useTestServer } from '../../helpers/test-server.js';

const PASSWORD = 'a very long secret passphrase';
const provider = useMockProvider();
const server = useTestServer(() => oauthEnv(provider));

async function passwordUser(email: string): Promise<string> {
  const created = await server.api('POST', '/v1/users', { email_address: [email], password: PASSWORD });
  expect(created.status).toBe(200);
  return created.body.id as string;
}

describe('review: account linking by email', () => {
  // Roster folds compatibility forms into one stored address (NFKC + lower-case: U+212A KELVIN SIGN → "k",
  // full-width "ｋ" → "k"). That is fine for uniqueness, but linking must compare what the provider actually
  // verified: a mailbox "\u212Aate@…" or "ｋate@…" is another mailbox on the mail server than "kate@…". Folding
  // before the link lets whoever holds the look-alike mailbox at a provider sign in as the user.
  it.each([
    ['KELVIN SIGN', 'kate@example.com', '\u212Aate@example.com'],
    ['full-width k', 'kim@example.com', '\uFF4Bim@example.com'],
  ])('never links a provider address that only normalises to the user\'s (%s)', async (name, victimEmail, lookAlike) => {
    const victimId = await passwordUser(victimEmail);
    provider.person = { sub: `lookalike-${name}`, email: lookAlike, email_verified: true };
    const trip = await oauthRoundTrip(fapiBrowser(() => server), 'sign_ins');
    const signedInAs = trip.client.sessions.map((item: { user: { id: string } }) => item.user.id);
    expect(signedInAs).not.toContain(victimId);
    expect(trip.callback.location).toBe(SSO_CALLBACK_URL);
  });
});

describe('review: transfers', () => {
  // A transferable sign-in keeps the provider's identity (and its tokens) until the row is purged a day after
  // the 10-minute authorization expired. Clerk's transferable verification dies with the verification; here a
  // browser left on a shared computer lets the next person, hours later, create an account in the first person's
  // name (their provider-verified address, linked to their provider account): an account pre-hijack.
  it('a sign-up transfer after the OAuth verification expired is refused', async () => {
    provider.person = { sub: 'late-transfer-1', email: 'late.transfer@example.com', email_verified: true };
    const browser = fapiBrowser(() => server);
    const trip = await oauthRoundTrip(browser, 'sign_ins');
    expect(trip.client.sign_in.first_factor_verification.status).toBe('transferable');
    server.clock.advanceMs(3 * 3600 * 1000);
    const transfer = await browser.call('POST', '/v1/client/sign_ups', { transfer: 'true' });
    expect(transfer.status).toBe(400);
    expect(transfer.body.errors[0].code).toBe('account_transfer_invalid');
  });

  // Worse than the sign-up case: A, who already has an account, clicks "Sign up with Google" and walks away at the
  // "you already have an account" step (the sign-up is transferable). Hours later B, on the same browser, posts
  // `sign_ins {transfer: true}` and gets a session as A, without A's provider or password. The kept identity must
  // die with the 10-minute authorization.
  it('a sign-in transfer after the OAuth verification expired is refused (no session as the account owner)', async () => {
    provider.person = { sub: 'late-signin-1', email: 'late.signin@example.com', email_verified: true };
    const owner = await oauthRoundTrip(fapiBrowser(() => server), 'sign_ups');
    expect(owner.client.sessions).toHaveLength(1);
    const shared = fapiBrowser(() => server);
    const left = await oauthRoundTrip(shared, 'sign_ups');
    expect(left.client.sign_up.verifications.external_account.status).toBe('transferable');
    server.clock.advanceMs(3 * 3600 * 1000);
    const transfer = await shared.call('POST', '/v1/client/sign_ins', { transfer: 'true' });
    expect(transfer.body.errors?.[0]?.code).toBe('account_transfer_invalid');
    expect((await shared.call('GET', '/v1/client')).body.response.sessions).toEqual([]);
  });

  // Guard: several sign-up transfers at once from one browser make one user.
  it('concurrent sign-up transfers make one user', async () => {
    provider.person = { sub: 'race-signup-1', email: 'race.signup@example.com', email_verified: true };
    const browser = fapiBrowser(() => server);
    await oauthRoundTrip(browser, 'sign_ins');
    const answers = await Promise.all([1, 2, 3].map(() => browser.call('POST', '/v1/client/sign_ups', { transfer: 'true' })));
    expect(answers.every((answer) => answer.status < 500)).toBe(true);
    const users = await server.api('GET', '/v1/users?email_address=race.signup@example.com');
    expect(users.body).toHaveLength(1);
    expect((await browser.call('GET', '/v1/client')).body.response.sessions).toHaveLength(1);
  });

  // Guard: several `sign_ins {transfer: true}` at once from one browser. The identity is read by each and only
  // cleared after the session starts, so this is a race worth pinning: one transfer makes at most one session.
  it('two concurrent sign-in transfers make one session, not two', async () => {
    provider.person = { sub: 'race-transfer-1', email: 'race.transfer@example.com', email_verified: true };
    const first = fapiBrowser(() => server);
    await oauthRoundTrip(first, 'sign_ups');
    const browser = fapiBrowser(() => server);
    const again = await oauthRoundTrip(browser, 'sign_ups');
    expect(again.client.sign_up.verifications.external_account.status).toBe('transferable');
    const answers = await Promise.all([1, 2, 3].map(() => browser.call('POST', '/v1/client/sign_ins', { transfer: 'true' })));
    const client = await browser.call('GET', '/v1/client');
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(1);
    expect(client.body.response.sessions).toHaveLength(1);
  });
});

describe('review: the callback', () => {
  // Guard: a callback 10 minutes after the start (a code phished and held back, a tab left open) is refused, and
  // the attempt is not completed by it.
  it('a callback after the authorization expired is oauth_callback_invalid', async () => {
    provider.person = { sub: 'late-callback-1', email: 'late.callback@example.com', email_verified: true };
    const browser = fapiBrowser(() => server);
    const started = await browser.call('POST', '/v1/client/sign_ups', { strategy: 'oauth_google', redirect_url: SSO_CALLBACK_URL });
    const callbackUrl = await authorizeAtProvider(started.body.response.verifications.external_account.external_verification_redirect_url);
    server.clock.advanceMs(10 * 60 * 1000 + 1);
    const late = await callBack(browser, callbackUrl);
    expect(late.status).toBe(400);
    expect((late.body as { errors: { code: string }[] }).errors[0]!.code).toBe('oauth_callback_invalid');
    expect((await browser.call('GET', '/v1/client')).body.response.sessions).toEqual([]);
  });

  // Guard: one `state`, several callbacks at once (a double-clicked link, or an attacker racing the victim's
  // browser with a stolen callback URL): exactly one completes; the others are oauth_callback_invalid.
  it('a state raced by concurrent callbacks completes once', async () => {
    provider.person = { sub: 'race-callback-1', email: 'race.callback@example.com', email_verified: true };
    const browser = fapiBrowser(() => server);
    const started = await browser.call('POST', '/v1/client/sign_ups', { strategy: 'oauth_google', redirect_url: SSO_CALLBACK_URL, action_complete_redirect_url: AFTER_SIGN_IN_URL });
    const callbackUrl = await authorizeAtProvider(started.body.response.verifications.external_account.external_verification_redirect_url);
    const answers = await Promise.all([1, 2, 3].map(() => callBack(browser, callbackUrl)));
    expect(answers.filter((answer) => answer.status === 303)).toHaveLength(1);
    const users = await server.api('GET', '/v1/users?email_address=race.callback@example.com');
    expect(users.body).toHaveLength(1);
  });
});

describe('review: form_post callbacks', () => {
  // POST /v1/oauth_callback exists for providers that post their answer (response_mode=form_post, Apple's only
  // mode with name/email scopes). That POST is a cross-site form submission from the provider's page, so the
  // browser sends `Origin: <provider>`; the Frontend API's origin check refuses any origin it does not allow, so
  // the route can never be reached by the requests it exists for. It carries no cookie (SameSite=Lax) and only
  // redirects to the GET, so it needs no origin check.
  it('a provider posting the callback from its own origin is redirected to the GET callback', async () => {
    provider.person = { sub: 'form-post-1', email: 'form.post@example.com', email_verified: true };
    const browser = fapiBrowser(() => server);
    const started = await browser.call('POST', '/v1/client/sign_ups', { strategy: 'oauth_google', redirect_url: SSO_CALLBACK_URL, action_complete_redirect_url: AFTER_SIGN_IN_URL });
    const callbackUrl = await authorizeAtProvider(started.body.response.verifications.external_account.external_verification_redirect_url);
    // A real provider's page (the loopback mock's own origin would pass as a development origin).
    const providerPage = fapiBrowser(() => server, 'https://appleid.apple.com');
    const posted = await providerPage.call('POST', '/v1/oauth_callback', { code: callbackUrl.searchParams.get('code')!, state: callbackUrl.searchParams.get('state')! });
    expect(posted.body.errors?.[0]?.code).toBeUndefined();
    expect(posted.status).toBe(303);
    const callback = await callBack(browser, new URL(posted.headers.get('location')!));
    expect(callback.location).toBe(AFTER_SIGN_IN_URL);
  });
});

describe('review: input junk', () => {
  // A 10k-character strategy name must be a 4xx, and not echoed back in full (responses and logs stay small).
  it('strategy=oauth_ + 10k characters is refused without echoing it', async () => {
    const browser = fapiBrowser(() => server);
    const strategy = `oauth_${'a'.repeat(10_000)}`;
    const answer = await browser.call('POST', '/v1/client/sign_ins', { strategy, redirect_url: SSO_CALLBACK_URL });
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
    expect(JSON.stringify(answer.body).length).toBeLessThan(2000);
  });

  it.each([
    ['userinfo', 'http://localhost:5173@evil.example/'],
    ['look-alike host', 'http://localhost.evil.example/'],
    ['backslash', 'http://evil.example\\@localhost:5173/'],
    ['protocol-relative', '//evil.example/'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['javascript:', 'javascript:alert(1)//http://localhost:5173/'],
  ])('a redirect_url with a trick (%s) is refused', async (_name, url) => {
    const browser = fapiBrowser(() => server);
    for (const param of ['redirect_url', 'action_complete_redirect_url']) {
      const body = { strategy: 'oauth_google', redirect_url: SSO_CALLBACK_URL, [param]: url };
      const answer = await browser.call('POST', '/v1/client/sign_ins', body);
      expect([400, 422], `${param}=${url}`).toContain(answer.status);
    }
  });
});
