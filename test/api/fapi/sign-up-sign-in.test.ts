import { describe, expect, it } from 'vitest';
import { decodeJwt } from 'jose';
import { fapiBrowser, PAGE_ORIGIN } from '../../helpers/fapi-client.js';
import { uniqueTag } from '../../helpers/fixtures.js';
import { useTestServer } from '../../helpers/test-server.js';

const PASSWORD = 'correct horse battery 42';

describe('Frontend API: sign-up with an email code, sign-in with a password, sessions', () => {
  const server = useTestServer();

  it('a development page loads the environment and has no client yet', async () => {
    const browser = fapiBrowser(() => server);
    const environment = await browser.call('PATCH', '/v1/environment');
    expect(environment.status).toBe(200);
    expect(environment.body.auth_config.object).toBe('auth_config');
    expect(environment.headers.get('access-control-allow-origin')).toBe(PAGE_ORIGIN);
    expect(environment.headers.get('access-control-allow-credentials')).toBe('true');
    const client = await browser.call('GET', '/v1/client');
    expect(client.body).toEqual({ response: null, client: null });
  });

  it('signs up with a +clerk_test address and 424242, then signs out and in again', async () => {
    const browser = fapiBrowser(() => server);
    const email = `jane-${uniqueTag()}+clerk_test@example.com`;
    const created = await browser.call('POST', '/v1/client/sign_ups', { email_address: email, password: PASSWORD });
    expect(created.status).toBe(200);
    expect(created.body.response.status).toBe('missing_requirements');
    expect(created.body.response.unverified_fields).toEqual(['email_address']);
    expect(browser.jar.has('__client')).toBe(true);
    const signUpId = created.body.response.id;

    const prepared = await browser.call('POST', `/v1/client/sign_ups/${signUpId}/prepare_verification`, { strategy: 'email_code' });
    expect(prepared.body.response.verifications.email_address.status).toBe('unverified');

    const wrong = await browser.call('POST', `/v1/client/sign_ups/${signUpId}/attempt_verification`, { strategy: 'email_code', code: '111111' });
    expect(wrong.status).toBe(422);
    expect(wrong.body.errors[0].code).toBe('form_code_incorrect');

    const done = await browser.call('POST', `/v1/client/sign_ups/${signUpId}/attempt_verification`, { strategy: 'email_code', code: '424242' });
    expect(done.status).toBe(200);
    expect(done.body.response.status).toBe('complete');
    const userId = done.body.response.created_user_id;
    const sessionId = done.body.response.created_session_id;
    expect(done.body.client.last_active_session_id).toBe(sessionId);
    const token = done.body.client.sessions[0].last_active_token.jwt;
    const claims = decodeJwt(token);
    expect(claims).toMatchObject({ sub: userId, sid: sessionId, azp: PAGE_ORIGIN });

    // The Backend API sees the user (verified address) and the session.
    const user = await server.clerk.users.getUser(userId);
    expect(user.emailAddresses[0]!.emailAddress).toBe(email);
    expect(user.emailAddresses[0]!.verification?.status).toBe('verified');
    // Verified by the code the person entered, as Clerk shows it, not by an admin.
    expect(user.emailAddresses[0]!.verification?.strategy).toBe('email_code');
    const sessions = await server.clerk.sessions.getSessionList({ userId });
    expect(sessions.data.map((session) => session.id)).toEqual([sessionId]);

    const refreshed = await browser.call('POST', `/v1/client/sessions/${sessionId}/tokens`, {});
    expect(refreshed.body.object).toBe('token');
    expect(decodeJwt(refreshed.body.jwt).azp).toBe(PAGE_ORIGIN);

    const signedOut = await browser.call('DELETE', '/v1/client/sessions');
    expect(signedOut.status).toBe(200);
    expect(signedOut.body.response.sessions).toEqual([]);
    expect((await server.clerk.sessions.getSession(sessionId)).status).toBe('removed');

    const signIn = await browser.call('POST', '/v1/client/sign_ins', { identifier: email });
    expect(signIn.body.response.status).toBe('needs_first_factor');
    // The password, and codes to the verified address (sign in by code, forgot password).
    expect(signIn.body.response.supported_first_factors.map((factor: { strategy: string }) => factor.strategy)).toEqual([
      'password',
      'email_code',
      'reset_password_email_code',
    ]);
    const badPassword = await browser.call('POST', `/v1/client/sign_ins/${signIn.body.response.id}/attempt_first_factor`, {
      strategy: 'password',
      password: 'not the password',
    });
    expect(badPassword.status).toBe(422);
    expect(badPassword.body.errors[0].code).toBe('form_password_incorrect');
    const signedIn = await browser.call('POST', `/v1/client/sign_ins/${signIn.body.response.id}/attempt_first_factor`, {
      strategy: 'password',
      password: PASSWORD,
    });
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.response.status).toBe('complete');
    expect(signedIn.body.client.sessions).toHaveLength(1);

    // Single-session mode (the default): a signed-in browser signs out before signing in again.
    const again = await browser.call('POST', '/v1/client/sign_ins', { identifier: email });
    expect(again.status).toBe(400);
    expect(again.body.errors[0].code).toBe('session_exists');
  });

  it('refuses pages of other origins with origin_invalid, without CORS', async () => {
    const browser = fapiBrowser(() => server, 'https://evil.example');
    const response = await browser.call('GET', '/v1/client');
    expect(response.status).toBe(400);
    expect(response.body.errors[0].code).toBe('origin_invalid');
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('a banned user cannot sign in, and a ban revokes the browser session', async () => {
    const browser = fapiBrowser(() => server);
    const email = `ban-${uniqueTag()}@example.com`;
    const user = await server.clerk.users.createUser({ emailAddress: [email], password: PASSWORD });
    const signIn = await browser.call('POST', '/v1/client/sign_ins', { identifier: email, strategy: 'password', password: PASSWORD });
    expect(signIn.body.response.status).toBe('complete');
    const sessionId = signIn.body.response.created_session_id;
    await server.clerk.users.banUser(user.id);
    expect((await server.clerk.sessions.getSession(sessionId)).status).toBe('revoked');
    // The browser's session ended with the ban: clerk-js signs the page out on Clerk's 403 user_banned.
    const token = await browser.call('POST', `/v1/client/sessions/${sessionId}/tokens`, {});
    expect([token.status, token.body.errors[0].code]).toEqual([403, 'user_banned']);
    const again = await browser.call('POST', '/v1/client/sign_ins', { identifier: email });
    expect(again.status).toBe(403);
    expect(again.body.errors[0].code).toBe('user_banned');
  });

  it('a password change with sign_out_of_other_sessions and revokeSession sign the browser out', async () => {
    const email = `revoke-${uniqueTag()}@example.com`;
    const user = await server.clerk.users.createUser({ emailAddress: [email], password: PASSWORD });
    const signInWith = async () => {
      const browser = fapiBrowser(() => server);
      const signIn = await browser.call('POST', '/v1/client/sign_ins', { identifier: email, strategy: 'password', password: PASSWORD });
      expect(signIn.body.response.status).toBe('complete');
      return { browser, sessionId: signIn.body.response.created_session_id as string };
    };
    const first = await signInWith();
    await server.clerk.users.updateUser(user.id, { password: PASSWORD, signOutOfOtherSessions: true });
    const firstToken = await first.browser.call('POST', `/v1/client/sessions/${first.sessionId}/tokens`, {});
    expect([firstToken.status, firstToken.body.errors[0].code]).toEqual([401, 'signed_out']);
    expect((await first.browser.call('GET', '/v1/client')).body.response.sessions).toEqual([]);

    const second = await signInWith();
    await server.clerk.sessions.revokeSession(second.sessionId);
    const secondToken = await second.browser.call('POST', `/v1/client/sessions/${second.sessionId}/tokens`, {});
    expect([secondToken.status, secondToken.body.errors[0].code]).toEqual([401, 'signed_out']);
    expect((await second.browser.call('GET', '/v1/client')).body.response.last_active_session_id).toBeNull();
  });

  it('locks a user after the configured failed passwords, shared with verify_password', async () => {
    const email = `lock-${uniqueTag()}@example.com`;
    const user = await server.clerk.users.createUser({ emailAddress: [email], password: PASSWORD });
    const browser = fapiBrowser(() => server);
    const signIn = await browser.call('POST', '/v1/client/sign_ins', { identifier: email });
    for (let i = 0; i < 9; i++) {
      const wrong = await browser.call('POST', `/v1/client/sign_ins/${signIn.body.response.id}/attempt_first_factor`, { strategy: 'password', password: `nope ${i}` });
      expect(wrong.body.errors[0].code).toBe('form_password_incorrect');
    }
    // The tenth failure is counted by the Backend API's verify_password: one counter for both APIs.
    await expect(server.clerk.users.verifyPassword({ userId: user.id, password: 'nope 10' })).rejects.toThrow();
    const locked = await browser.call('POST', `/v1/client/sign_ins/${signIn.body.response.id}/attempt_first_factor`, { strategy: 'password', password: PASSWORD });
    expect(locked.status).toBe(403);
    expect(locked.body.errors[0].code).toBe('user_locked');
    expect((await server.clerk.users.getUser(user.id)).locked).toBe(true);
  });

  it('refuses a weak or breached password at sign-up with the Backend API\'s codes', async () => {
    const browser = fapiBrowser(() => server);
    const short = await browser.call('POST', '/v1/client/sign_ups', { email_address: `short-${uniqueTag()}@example.com`, password: 'abc' });
    expect(short.status).toBe(422);
    expect(short.body.errors[0].code).toBe('form_password_length_too_short');
    const pwned = await browser.call('POST', '/v1/client/sign_ups', { email_address: `pwned-${uniqueTag()}@example.com`, password: 'password123' });
    expect(pwned.status).toBe(422);
    expect(pwned.body.errors[0].code).toBe('form_password_pwned');
    const taken = await server.clerk.users.createUser({ emailAddress: [`taken-${uniqueTag()}@example.com`], password: PASSWORD });
    const duplicate = await browser.call('POST', '/v1/client/sign_ups', { email_address: taken.emailAddresses[0]!.emailAddress, password: PASSWORD });
    expect(duplicate.status).toBe(422);
    expect(duplicate.body.errors[0].code).toBe('form_identifier_exists');
  });
});
