// Adversarial review of the OAuth flow under other instance settings and failure modes: the request log,
// a provider that cannot be reached, restricted sign-up, and a required username.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fapiBrowser } from '../../helpers/fapi-client.js';
import { MOCK_CLIENT_SECRET, MOCK_CLIENT_ID, oauthEnv, useMockProvider } from '../../helpers/oauth-provider.js';
import { SSO_CALLBACK_URL, oauthRoundTrip } from '../../helpers/oauth-flow.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';

const provider = useMockProvider();

/** A server for one describe block, with its own settings and, optionally, its request log collected. */
function serverWith(env: () => Record<string, string>, logLines?: string[]): () => TestServer {
  let server: TestServer | undefined;
  beforeAll(async () => {
    server = await startTestServer(env(), logLines ? { logLines } : {});
  });
  afterAll(async () => server?.close());
  return () => server!;
}

describe('review: secrets in the request log', () => {
  const logLines: string[] = [];
  const server = serverWith(() => oauthEnv(provider), logLines);

  // The request log records every URL, and the callback's URL carries the provider's authorization `code` (and the
  // `state`). Anyone who reads the logs (a log pipeline, a support engineer) then holds live authorization codes;
  // with PKCE they are not enough alone, but OAuth 2.0 Security BCP treats codes as credentials not to be logged,
  // and providers without PKCE enforcement (or a leaked verifier) make them sign-ins. Tokens and the client secret
  // must never appear either.
  it('the log holds neither the code, the client secret nor the provider tokens', async () => {
    provider.person = { sub: 'logged-1', email: 'logged@example.com', email_verified: true };
    const trip = await oauthRoundTrip(fapiBrowser(server), 'sign_ins');
    const code = trip.callbackUrl.searchParams.get('code')!;
    expect(code).toBeTruthy();
    const log = logLines.join('\n');
    expect(log).toContain('oauth_callback');
    expect(log).not.toContain(MOCK_CLIENT_SECRET);
    for (const token of provider.accessTokens) expect(log).not.toContain(token);
    expect(log).not.toContain(code);
  });
});

describe('review: a provider that cannot be reached', () => {
  // Port 9 on loopback (discard) refuses connections: discovery fails when the first sign-in starts.
  const server = serverWith(() => ({
    ROSTER_OAUTH_PROVIDERS: JSON.stringify([{ provider: 'google', issuer: 'http://127.0.0.1:9', client_id: MOCK_CLIENT_ID, client_secret: MOCK_CLIENT_SECRET }]),
  }));

  // Guard: a provider outage is Clerk's misconfigured_oauth_provider, never a 500 with internals.
  it('starting a sign-in answers a Clerk error, not a 500', async () => {
    const answer = await fapiBrowser(server).call('POST', '/v1/client/sign_ins', { strategy: 'oauth_google', redirect_url: SSO_CALLBACK_URL });
    expect(answer.status).toBeLessThan(500);
    expect(answer.body.errors[0].code).toBe('misconfigured_oauth_provider');
    expect(JSON.stringify(answer.body)).not.toContain(MOCK_CLIENT_SECRET);
  });
});

describe('review: restricted sign-up mode', () => {
  const server = serverWith(() => ({ ...oauthEnv(provider), ROSTER_SIGN_UP_MODE: 'restricted' }));

  // Guard: an OAuth sign-in by someone new must not become an account through the transfer when sign-ups are
  // restricted (invitations only).
  it('the sign-up transfer of a new person is refused', async () => {
    provider.person = { sub: 'restricted-1', email: 'restricted@example.com', email_verified: true };
    const browser = fapiBrowser(server);
    await oauthRoundTrip(browser, 'sign_ins');
    const transfer = await browser.call('POST', '/v1/client/sign_ups', { transfer: 'true' });
    expect(transfer.body.errors?.[0]?.code).toBe('sign_up_mode_restricted');
    const users = await server().api('GET', '/v1/users?email_address=restricted@example.com');
    expect(users.body).toEqual([]);
  });
});

describe('review: a required username', () => {
  const server = serverWith(() => ({ ...oauthEnv(provider), ROSTER_SIGN_UP_ATTRIBUTES: 'username:required' }));

  // Guard: a provider sign-up stops for the username, then completes with no password and the account linked.
  it('an OAuth sign-up asks for the username, then completes and links the provider account', async () => {
    provider.person = { sub: 'needs-username-1', email: 'needs.username@example.com', email_verified: true };
    const browser = fapiBrowser(server);
    const trip = await oauthRoundTrip(browser, 'sign_ups');
    expect(trip.client.sign_up).toMatchObject({ status: 'missing_requirements', missing_fields: ['username'] });
    const done = await browser.call('PATCH', `/v1/client/sign_ups/${trip.client.sign_up.id}`, { username: 'needs_username' });
    expect(done.body.response).toMatchObject({ status: 'complete' });
    const userId = done.body.response.created_user_id as string;
    const again = await oauthRoundTrip(fapiBrowser(server), 'sign_ins');
    expect(again.client.sessions[0]?.user.id).toBe(userId);
  });
});
