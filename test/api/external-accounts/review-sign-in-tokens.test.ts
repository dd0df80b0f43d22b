// Adversarial review: what a returning person's OAuth sign-in does to the tokens the Backend API hands out
// (GET /v1/users/{user_id}/oauth_access_tokens/{provider}).
import { describe, expect, it } from 'vitest';
import { fapiBrowser } from '../../helpers/fapi-client.js';
import { oauthRoundTrip } from '../../helpers/oauth-flow.js';
import { oauthEnv, useMockProvider } from '../../helpers/oauth-provider.js';
import { useTestServer } from '../../helpers/test-server.js';
import { createSecretBox } from '../../../src/lib/secret-box.js';

const HOUR_MS = 3_600_000;

describe('review: tokens after a returning sign-in', () => {
  const provider = useMockProvider();
  const server = useTestServer(() => oauthEnv(provider));

  // Proves: a returning person's sign-in overwrites the stored refresh token with null when the provider's code
  // exchange carries none (refreshLinkedAccount → identityColumns → tokenColumns seals `tokens.refreshToken`,
  // which exchange() defaults to null). Google, for one, issues a refresh token only on the first consent
  // (access_type=offline without prompt=consent), so after the user's second sign-in the token can no longer be
  // refreshed: an hour later the Backend API answers external_account_missing_refresh_token for good. The
  // refresh path already keeps the old refresh token when the provider sends none; the sign-in path must too.
  it('a sign-in whose code exchange has no refresh token keeps the one stored', async () => {
    provider.person = { sub: `keep-rt-${Date.now()}`, email: `keep-rt-${Date.now()}@example.com`, email_verified: true };
    const first = fapiBrowser(() => server);
    const signUp = await oauthRoundTrip(first, 'sign_ups');
    const userId = signUp.client.sessions[0].user.id as string;
    const [account] = (await server.database.db.selectFrom('external_accounts').selectAll().where('user_id', '=', userId).execute()) as any[];
    const box = createSecretBox(server.config.instanceKey!);
    const firstRefreshToken = box.open(account.refresh_token_sealed);

    provider.issueRefreshTokens = false;
    try {
      const again = await oauthRoundTrip(fapiBrowser(() => server), 'sign_ins');
      expect(again.client.sessions[0].user.id).toBe(userId);
    } finally {
      provider.issueRefreshTokens = true;
    }
    const after = (await server.database.db.selectFrom('external_accounts').selectAll().where('id', '=', account.id).executeTakeFirst()) as any;
    expect(after.refresh_token_sealed, 'the refresh token was wiped by the sign-in').not.toBeNull();
    expect(box.open(after.refresh_token_sealed)).toBe(firstRefreshToken);

    server.clock.advanceMs(HOUR_MS);
    const tokens = await server.api('GET', `/v1/users/${userId}/oauth_access_tokens/oauth_google`);
    expect(tokens.status, JSON.stringify(tokens.body)).toBe(200);
  });
});
