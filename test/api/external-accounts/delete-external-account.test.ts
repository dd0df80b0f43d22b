// DELETE /v1/users/{user_id}/external_accounts/{external_account_id}: unlinks an account, never the last way in.
import { describe, expect, it } from 'vitest';
import { expectClerkError, expectSdkError } from '../../helpers/assertions.js';
import { uniqueTag } from '../../helpers/fixtures.js';
import { useTestServer } from '../../helpers/test-server.js';
import { seedExternalAccount } from './seed.js';

const PASSWORD = 'correct horse battery 42';

describe('DELETE /v1/users/{user_id}/external_accounts/{external_account_id}', () => {
  // Both providers configured (never contacted here): an account counts as a way in only at a provider the instance offers.
  const server = useTestServer({
    ROSTER_OAUTH_PROVIDERS: JSON.stringify([
      { provider: 'google', client_id: 'google-client', client_secret: 'google-secret' },
      { provider: 'github', client_id: 'github-client', client_secret: 'github-secret' },
    ]),
  });
  const withPassword = () => server.clerk.users.createUser({ emailAddress: [`del-${uniqueTag()}@example.com`], password: PASSWORD });
  /** A user whose only email address is reserved (unverified) and who has no password: no way in but OAuth. */
  const withoutOtherWayIn = async () => {
    const response = await server.api('POST', '/v1/users', {
      email_address: [`del-${uniqueTag()}@example.com`],
      email_address_identification_status: ['reserved'],
      skip_password_requirement: true,
    });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body as { id: string };
  };

  it('unlinks the account: DeletedObject, and the user no longer shows it', async () => {
    const user = await withPassword();
    const account = await seedExternalAccount(server, user.id);
    const response = await server.api('DELETE', `/v1/users/${user.id}/external_accounts/${account.id}`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ object: 'external_account', id: account.id, deleted: true });
    expect((await server.api('GET', `/v1/users/${user.id}`)).body.external_accounts).toEqual([]);
    // Gone: a second deletion finds nothing.
    expectClerkError(await server.api('DELETE', `/v1/users/${user.id}/external_accounts/${account.id}`), 404, 'resource_not_found');
  });

  it('@clerk/backend deleteUserExternalAccount', async () => {
    const user = await withPassword();
    const account = await seedExternalAccount(server, user.id);
    const deleted = await server.clerk.users.deleteUserExternalAccount({ userId: user.id, externalAccountId: account.id });
    expect(deleted).toMatchObject({ object: 'external_account', id: account.id, deleted: true });
  });

  it("404 for an unknown account, another user's account, and an unknown user", async () => {
    const owner = await withPassword();
    const other = await withPassword();
    const account = await seedExternalAccount(server, owner.id);
    expectClerkError(await server.api('DELETE', `/v1/users/${owner.id}/external_accounts/eac_unknown`), 404, 'resource_not_found');
    expectClerkError(await server.api('DELETE', `/v1/users/${other.id}/external_accounts/${account.id}`), 404, 'resource_not_found');
    expectClerkError(await server.api('DELETE', `/v1/users/user_unknown/external_accounts/${account.id}`), 404, 'resource_not_found');
    // Nothing was unlinked.
    expect((await server.api('GET', `/v1/users/${owner.id}`)).body.external_accounts).toHaveLength(1);
  });

  it('refuses to unlink the last way to sign in (no password, no verified address, no other account)', async () => {
    const user = await withoutOtherWayIn();
    const account = await seedExternalAccount(server, user.id);
    expectClerkError(await server.api('DELETE', `/v1/users/${user.id}/external_accounts/${account.id}`), 400, 'identification_deletion_failed');
    await expectSdkError(server.clerk.users.deleteUserExternalAccount({ userId: user.id, externalAccountId: account.id }), 400, 'identification_deletion_failed');
    expect((await server.api('GET', `/v1/users/${user.id}`)).body.external_accounts).toHaveLength(1);
  });

  it('another verified account, or a password, is another way in', async () => {
    const user = await withoutOtherWayIn();
    const google = await seedExternalAccount(server, user.id);
    const github = await seedExternalAccount(server, user.id, { provider: 'oauth_github' });
    expect((await server.api('DELETE', `/v1/users/${user.id}/external_accounts/${google.id}`)).status).toBe(200);
    // Now GitHub is the last way in, until a password is set.
    expectClerkError(await server.api('DELETE', `/v1/users/${user.id}/external_accounts/${github.id}`), 400, 'identification_deletion_failed');
    expect((await server.api('PATCH', `/v1/users/${user.id}`, { password: PASSWORD })).status).toBe(200);
    expect((await server.api('DELETE', `/v1/users/${user.id}/external_accounts/${github.id}`)).status).toBe(200);
  });
});
