// Review: ROSTER_PASSKEY_MAX_PER_USER holds when registrations finish at once. Several registrations may be
// started under the limit; their attestations sent together each counted the passkeys before any was stored, so on
// PostgreSQL all of them registered. Run with TEST_DATABASE_URL to see the race.
import { describe, expect, it } from 'vitest';
import { signedInBrowser } from '../../helpers/passkey-helpers.js';
import { createSoftAuthenticator } from '../../helpers/soft-authenticator.js';
import { useTestServer } from '../../helpers/test-server.js';

describe('Frontend API: the passkey limit under concurrent registrations', () => {
  const server = useTestServer({ ROSTER_PASSKEY_MAX_PER_USER: '2' });

  it('registers at most the limit; the others are 403 passkey_quota_exceeded', async () => {
    const { browser, userId } = await signedInBrowser(server);
    const started: { id: string; creation: { challenge: string; rp: { id?: string }; user: { id: string } } }[] = [];
    for (let index = 0; index < 8; index++) {
      const created = await browser.call('POST', '/v1/me/passkeys');
      expect(created.status).toBe(200);
      started.push({ id: created.body.response.id, creation: JSON.parse(created.body.response.verification.nonce) });
    }
    const answers = await Promise.all(
      started.map(({ id, creation }) =>
        browser.call('POST', `/v1/me/passkeys/${id}/attempt_verification`, { strategy: 'passkey', public_key_credential: createSoftAuthenticator().register(creation) }),
      ),
    );
    const outcomes = answers.map((answer) => (answer.status === 200 ? 'registered' : `${answer.status} ${answer.body.errors?.[0]?.code}`)).sort();
    expect(outcomes).toEqual(['403 passkey_quota_exceeded', '403 passkey_quota_exceeded', '403 passkey_quota_exceeded', '403 passkey_quota_exceeded', '403 passkey_quota_exceeded', '403 passkey_quota_exceeded', 'registered', 'registered']);
    const user = await server.api('GET', `/v1/users/${userId}`);
    expect(user.body.passkeys).toHaveLength(2);
  });
});
