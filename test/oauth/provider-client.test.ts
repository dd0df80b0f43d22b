import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import * as oidc from 'openid-client';
import { loadOAuthConfig } from '../../src/config/oauth-config.js';
import { createManualClock } from '../../src/lib/clock.js';
import { ProviderError, createOAuthProviders } from '../../src/oauth/provider-client.js';
import { MOCK_CLIENT_ID, MOCK_CLIENT_SECRET, useMockProvider } from '../helpers/oauth-provider.js';

const provider = useMockProvider();
const REDIRECT_URI = 'http://localhost:9/fapi/v1/oauth_callback';

function client(overrides: Record<string, unknown> = {}) {
  const config = loadOAuthConfig({
    ROSTER_OAUTH_PROVIDERS: JSON.stringify([{ provider: 'custom_mock', issuer: provider.issuer, client_id: MOCK_CLIENT_ID, client_secret: MOCK_CLIENT_SECRET, ...overrides }]),
  });
  const clock = createManualClock(Date.now());
  return { oauth: createOAuthProviders(config, clock).get('oauth_custom_mock')!, clock };
}

/** Asks the provider for a code the way a browser would (the mock authorizes at once). */
async function authorize(url: string): Promise<URLSearchParams> {
  const response = await fetch(url, { redirect: 'manual' });
  return new URL(response.headers.get('location')!).searchParams;
}

describe('the provider client (openid-client against a real OpenID Connect server on loopback)', () => {
  it('builds a PKCE S256 authorization request with state and nonce, and trades the code for a checked identity', async () => {
    provider.person = { sub: 'pc-1', email: 'pc@example.com', email_verified: true, given_name: 'Pe', family_name: 'Ce', picture: 'https://images.example/pc.png' };
    const { oauth, clock } = client();
    const state = randomBytes(16).toString('base64url');
    const nonce = randomBytes(16).toString('base64url');
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const url = new URL(await oauth.authorizationUrl({ redirectUri: REDIRECT_URI, state, codeVerifier, nonce }));
    expect(url.searchParams.get('code_challenge')).toBe(await oidc.calculatePKCECodeChallenge(codeVerifier));
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('nonce')).toBe(nonce);
    expect(url.searchParams.get('scope')).toBe('openid email profile');
    const query = await authorize(url.href);
    const identity = await oauth.exchange({ redirectUri: REDIRECT_URI, callbackQuery: query, state, codeVerifier, nonce });
    expect(identity.profile).toEqual({
      providerUserId: 'pc-1',
      emailAddress: 'pc@example.com',
      emailAddressVerified: true,
      firstName: 'Pe',
      lastName: 'Ce',
      imageUrl: 'https://images.example/pc.png',
      username: null,
      phoneNumber: null,
    });
    expect(identity.tokens.accessToken).toBe(provider.accessTokens.at(-1));
    expect(identity.tokens.refreshToken).toBeTruthy();
    expect(identity.tokens.idToken).toBeTruthy();
    expect(identity.tokens.expiresAtMs).toBe(clock.nowMs() + 3600 * 1000);
  });

  it('refuses a callback whose state is not the one sent, and a wrong PKCE verifier', async () => {
    const { oauth } = client();
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const url = await oauth.authorizationUrl({ redirectUri: REDIRECT_URI, state: 'the-state', codeVerifier, nonce: 'n' });
    const query = await authorize(url);
    await expect(oauth.exchange({ redirectUri: REDIRECT_URI, callbackQuery: query, state: 'another-state', codeVerifier, nonce: 'n' })).rejects.toMatchObject({
      code: 'oauth_token_exchange_error',
    });
    const again = await authorize(await oauth.authorizationUrl({ redirectUri: REDIRECT_URI, state: 's2', codeVerifier, nonce: 'n' }));
    const wrong = oidc.randomPKCECodeVerifier();
    const error = await oauth.exchange({ redirectUri: REDIRECT_URI, callbackQuery: again, state: 's2', codeVerifier: wrong, nonce: 'n' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ProviderError);
    expect(String((error as Error).message)).not.toContain(MOCK_CLIENT_SECRET);
  });

  it('refreshes with the refresh token, keeping it when the provider sends none', async () => {
    const { oauth } = client();
    provider.issueRefreshTokens = false;
    try {
      const tokens = await oauth.refresh('refresh-token-kept');
      expect(tokens.refreshToken).toBe('refresh-token-kept');
      expect(tokens.accessToken).toBe(provider.accessTokens.at(-1));
      expect(provider.grants.at(-1)).toBe('refresh_token');
    } finally {
      provider.issueRefreshTokens = true;
    }
    provider.refuseGrant = 'refresh_token';
    try {
      await expect(oauth.refresh('revoked')).rejects.toMatchObject({ code: 'oauth_token_retrieval_error', oauthError: 'invalid_grant' });
    } finally {
      provider.refuseGrant = null;
    }
  });

  it('an unreachable issuer is a misconfigured provider (and discovery is tried again next time)', async () => {
    const { oauth } = client({ issuer: 'http://127.0.0.1:9' });
    await expect(oauth.authorizationUrl({ redirectUri: REDIRECT_URI, state: 's', codeVerifier: oidc.randomPKCECodeVerifier(), nonce: 'n' })).rejects.toMatchObject({
      code: 'misconfigured_oauth_provider',
    });
    await expect(oauth.refresh('x')).rejects.toMatchObject({ code: 'misconfigured_oauth_provider' });
  });
});
