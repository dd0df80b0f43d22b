// Adversarial review of DELETE /v1/users/{user_id}/external_accounts/{external_account_id}: the last-way-in rule.
import { describe, expect, it } from 'vitest';
import { expectClerkError } from '../../helpers/assertions.js';
import { uniqueTag } from '../../helpers/fixtures.js';
import { useTestServer } from '../../helpers/test-server.js';
import { seedExternalAccount } from './seed.js';

describe('review: unlinking external accounts', () => {
  // Google and a custom provider are configured; GitHub is not (or no longer).
  const server = useTestServer({
    ROSTER_OAUTH_PROVIDERS: JSON.stringify([
      { provider: 'google', client_id: 'g', client_secret: 'g-secret', issuer: 'https://accounts.google.com' },
      { provider: 'custom_acme', client_id: 'a', client_secret: 'a-secret', issuer: 'https://acme.example' },
    ]),
  });
  /** A user whose only address is reserved (unverified), without a password: OAuth is their only way in. */
  const withoutOtherWayIn = async () => {
    const response = await server.api('POST', '/v1/users', {
      email_address: [`rvdel-${uniqueTag()}@example.com`],
      email_address_identification_status: ['reserved'],
      skip_password_requirement: true,
    });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body as { id: string };
  };

  // Proves: an account at a provider the instance does not configure (removed from ROSTER_OAUTH_PROVIDERS, or
  // never configured) counts as "another way in" (hasAnotherWayIn looks at verification_status only), so the
  // user's last usable account can be unlinked and they are locked out: the sign-in page offers no GitHub button
  // and the token endpoint already answers oauth_token_provider_not_enabled for it.
  it('an account at a provider that is not configured is not another way in', async () => {
    const user = await withoutOtherWayIn();
    const google = await seedExternalAccount(server, user.id);
    await seedExternalAccount(server, user.id, { provider: 'oauth_github' });
    expectClerkError(await server.api('DELETE', `/v1/users/${user.id}/external_accounts/${google.id}`), 400, 'identification_deletion_failed');
  });

  // Guard (passes today on SQLite and PostgreSQL): two unlinks at once of a user's only two accounts must not
  // both see the other one as the remaining way in. Serialised by the user-row lock; a regression here (the lock
  // dropped, or the check moved outside the transaction) would silently lock people out.
  it('two unlinks at once leave one account', async () => {
    const user = await withoutOtherWayIn();
    const google = await seedExternalAccount(server, user.id);
    const acme = await seedExternalAccount(server, user.id, { provider: 'oauth_custom_acme' });
    const responses = await Promise.all([google, acme].map((account) => server.api('DELETE', `/v1/users/${user.id}/external_accounts/${account.id}`)));
    expect(responses.map((response) => response.status).sort()).toEqual([200, 400]);
    expect((await server.api('GET', `/v1/users/${user.id}`)).body.external_accounts).toHaveLength(1);
  });
});
