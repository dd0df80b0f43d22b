// External accounts on the User object: the Backend API (raw and @clerk/backend), lists, and the Frontend API's /v1/me.
import { describe, expect, it } from 'vitest';
import { fapiBrowser } from '../../helpers/fapi-client.js';
import { uniqueTag } from '../../helpers/fixtures.js';
import { useTestServer } from '../../helpers/test-server.js';
import { updateExternalAccount } from '../../../src/storage/repositories/external-accounts-repository.js';
import { seedExternalAccount } from './seed.js';

const PASSWORD = 'correct horse battery 42';

describe('external accounts on the User object', () => {
  const server = useTestServer();

  it('GET /v1/users/{id} shows the account as ExternalAccountWithVerification, never its tokens', async () => {
    const user = await server.clerk.users.createUser({ emailAddress: [`ext-${uniqueTag()}@example.com`], password: PASSWORD });
    const account = await seedExternalAccount(server, user.id, { providerUserId: 'google-123', accessToken: 'secret-access-token', imageUrl: null });
    const response = await server.api('GET', `/v1/users/${user.id}`);
    expect(response.status).toBe(200);
    expect(response.body.external_accounts).toEqual([
      {
        object: 'external_account',
        id: account.id,
        provider: 'oauth_google',
        identification_id: account.identification_id,
        provider_user_id: 'google-123',
        approved_scopes: 'openid email profile',
        email_address: account.email_address,
        email_address_verified: true,
        first_name: 'Ada',
        last_name: 'Lovelace',
        avatar_url: '',
        image_url: null,
        username: null,
        phone_number: null,
        public_metadata: {},
        label: null,
        created_at: account.created_at,
        updated_at: account.updated_at,
        verification: { object: 'verification_oauth', status: 'verified', strategy: 'oauth_google', error: null, expire_at: account.created_at, attempts: null },
      },
    ]);
    expect(JSON.stringify(response.body)).not.toContain('secret-access-token');
    expect(account.id).toMatch(/^eac_/);
  });

  it('@clerk/backend parses the accounts of getUser and getUserList', async () => {
    const user = await server.clerk.users.createUser({ emailAddress: [`ext-${uniqueTag()}@example.com`], password: PASSWORD });
    await seedExternalAccount(server, user.id, { providerUserId: 'sdk-sub' });
    const parsed = await server.clerk.users.getUser(user.id);
    expect(parsed.externalAccounts).toHaveLength(1);
    expect(parsed.externalAccounts[0]).toMatchObject({ provider: 'oauth_google', providerUserId: 'sdk-sub', imageUrl: 'https://images.example.com/ada.png' });
    expect(parsed.externalAccounts[0]!.verification).toMatchObject({ status: 'verified', strategy: 'oauth_google' });
    const list = await server.clerk.users.getUserList({ userId: [user.id] });
    expect(list.data[0]!.externalAccounts.map((account) => account.providerUserId)).toEqual(['sdk-sub']);
  });

  it('a connection waiting for the provider shows its redirect URL; a failed one its Clerk error', async () => {
    const user = await server.clerk.users.createUser({ emailAddress: [`ext-${uniqueTag()}@example.com`], password: PASSWORD });
    const pending = await seedExternalAccount(server, user.id);
    const failed = await seedExternalAccount(server, user.id, { provider: 'oauth_github' });
    const expireAt = server.clock.nowMs() + 600_000;
    const redirect = 'https://accounts.example.com/o/oauth2/auth?state=abc';
    await updateExternalAccount(server.database.db, pending.id, { verification_status: 'unverified', verification_external_url: redirect, verification_expire_at: expireAt });
    await updateExternalAccount(server.database.db, failed.id, { verification_status: 'failed', verification_error: 'external_account_exists' });
    const body = (await server.api('GET', `/v1/users/${user.id}`)).body;
    const verifications = new Map(body.external_accounts.map((account: any) => [account.id, account.verification]));
    expect(verifications.get(pending.id)).toEqual({
      object: 'verification_oauth',
      status: 'unverified',
      strategy: 'oauth_google',
      external_verification_redirect_url: redirect,
      error: null,
      expire_at: expireAt,
      attempts: null,
    });
    expect(verifications.get(failed.id)).toMatchObject({
      status: 'failed',
      error: { code: 'external_account_exists', message: expect.any(String), long_message: expect.any(String), meta: {} },
    });
    // @clerk/backend parses the redirect URL (a bad one would fail the whole user).
    const parsed = await server.clerk.users.getUser(user.id);
    const sdkPending = parsed.externalAccounts.find((account) => account.id === pending.id)!;
    expect(sdkPending.verification?.externalVerificationRedirectURL?.href).toBe(redirect);
  });

  it('a page of users shows each user its own accounts, oldest first', async () => {
    const tag = uniqueTag();
    const users = await Promise.all([0, 1, 2].map((n) => server.clerk.users.createUser({ emailAddress: [`page-${n}-${tag}@example.com`], password: PASSWORD })));
    await seedExternalAccount(server, users[0]!.id, { providerUserId: `a-${tag}` });
    await seedExternalAccount(server, users[2]!.id, { providerUserId: `c-${tag}` });
    server.clock.advanceMs(1000);
    await seedExternalAccount(server, users[2]!.id, { provider: 'oauth_github', providerUserId: `c2-${tag}` });
    const response = await server.api('GET', `/v1/users?${users.map((u) => `user_id=${u.id}`).join('&')}&order_by=created_at`);
    expect(response.status).toBe(200);
    const byUser = new Map(response.body.map((u: any) => [u.id, u.external_accounts.map((a: any) => a.provider_user_id)]));
    expect(byUser.get(users[0]!.id)).toEqual([`a-${tag}`]);
    expect(byUser.get(users[1]!.id)).toEqual([]);
    expect(byUser.get(users[2]!.id)).toEqual([`c-${tag}`, `c2-${tag}`]);
  });

  it('the Frontend API shows the signed-in user their accounts (/v1/me and the client)', async () => {
    const email = `me-${uniqueTag()}+clerk_test@example.com`;
    const user = await server.clerk.users.createUser({ emailAddress: [email], password: PASSWORD });
    const account = await seedExternalAccount(server, user.id, { providerUserId: 'fapi-sub', accessToken: 'browser-must-not-see' });
    const browser = fapiBrowser(() => server);
    const signIn = await browser.call('POST', '/v1/client/sign_ins', { identifier: email, strategy: 'password', password: PASSWORD });
    expect(signIn.status).toBe(200);
    const sessionUser = signIn.body.client.sessions[0].user;
    expect(sessionUser.external_accounts).toEqual([expect.objectContaining({ id: account.id, provider: 'oauth_google', provider_user_id: 'fapi-sub' })]);
    const me = await browser.call('GET', '/v1/me');
    expect(me.status).toBe(200);
    expect(me.body.response.external_accounts).toEqual([
      expect.objectContaining({ object: 'external_account', id: account.id, verification: expect.objectContaining({ object: 'verification_oauth', status: 'verified' }) }),
    ]);
    expect(JSON.stringify(me.body)).not.toContain('browser-must-not-see');
  });
});
