// Issue 14: signing in with a passkey through the Frontend API: discoverable (no identifier) or for an identified
// user; the assertion's challenge is single-use and short-lived, the counter must move forward, bans and lists apply.
import { describe, expect, it } from 'vitest';
import { generateTOTP } from '../../../src/mfa/totp.js';
import { fapiBrowser } from '../../helpers/fapi-client.js';
import { userWithPasskey } from '../../helpers/passkey-helpers.js';
import { useTestServer } from '../../helpers/test-server.js';

describe('Frontend API: sign-in with a passkey', () => {
  const server = useTestServer();

  /** `POST /v1/client/sign_ins {strategy: passkey}`: the sign-in and its request options. */
  const startDiscoverable = async (browser: ReturnType<typeof fapiBrowser>) => {
    const started = await browser.call('POST', '/v1/client/sign_ins', { strategy: 'passkey' });
    expect(started.status).toBe(200);
    return { id: started.body.response.id as string, body: started.body, request: JSON.parse(started.body.response.first_factor_verification.nonce) };
  };
  const attempt = (browser: ReturnType<typeof fapiBrowser>, signInId: string, credential: string) =>
    browser.call('POST', `/v1/client/sign_ins/${signInId}/attempt_first_factor`, { strategy: 'passkey', public_key_credential: credential });

  it('signs in with a discoverable passkey (no identifier): request options as the nonce, then a session', async () => {
    const { userId, authenticator, passkeyId, browser, owner } = await userWithPasskey(server);
    const started = await startDiscoverable(browser);
    expect(started.body.response).toMatchObject({ status: 'needs_identifier', identifier: null, supported_first_factors: [] });
    const verification = started.body.response.first_factor_verification;
    expect(verification).toMatchObject({ object: 'verification_passkey', strategy: 'passkey', status: 'unverified', attempts: null });
    expect(verification.expire_at).toBe(server.clock.nowMs() + 5 * 60 * 1000);
    expect(started.request).toMatchObject({ rpId: 'localhost', allowCredentials: [] });

    const signedIn = await attempt(browser, started.id, authenticator.assert(started.request));
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.response).toMatchObject({ status: 'complete', first_factor_verification: { object: 'verification_passkey', status: 'verified' } });
    expect(signedIn.body.response.first_factor_verification.nonce).toBeUndefined();
    const sessionId = signedIn.body.response.created_session_id;
    const session = signedIn.body.client.sessions.find((item: { id: string }) => item.id === sessionId);
    expect(session.user.id).toBe(userId);
    expect(signedIn.body.client.last_active_session_id).toBe(sessionId);
    // The passkey's last use is recorded.
    const read = await owner.call('GET', `/v1/me/passkeys/${passkeyId}`);
    expect(read.body.response.last_used_at).toBe(server.clock.nowMs());

    // The same assertion again, on a new sign-in: its challenge is another one.
    const replayBrowser = fapiBrowser(() => server);
    const next = await startDiscoverable(replayBrowser);
    const replayed = await attempt(replayBrowser, next.id, authenticator.assert(started.request));
    expect(replayed.status).toBe(400);
    expect(replayed.body.errors[0].code).toBe('passkey_authentication_failure');
  });

  it('an identified sign-in offers the passkey; prepare answers options for the user\'s credential; attempt signs in', async () => {
    const { email, authenticator, browser } = await userWithPasskey(server);
    const created = await browser.call('POST', '/v1/client/sign_ins', { identifier: email });
    expect(created.body.response.supported_first_factors).toContainEqual({ strategy: 'passkey' });
    const id = created.body.response.id;
    const prepared = await browser.call('POST', `/v1/client/sign_ins/${id}/prepare_first_factor`, { strategy: 'passkey' });
    expect(prepared.status).toBe(200);
    const request = JSON.parse(prepared.body.response.first_factor_verification.nonce);
    expect(request.allowCredentials).toEqual([{ id: authenticator.credentialId, type: 'public-key', transports: ['internal'] }]);
    const credential = authenticator.assert(request);
    const signedIn = await attempt(browser, id, credential);
    expect(signedIn.body.response.status).toBe('complete');
  });

  it('refuses a replayed assertion: the challenge is used once', async () => {
    const { email, authenticator, browser } = await userWithPasskey(server);
    const created = await browser.call('POST', '/v1/client/sign_ins', { identifier: email });
    const id = created.body.response.id;
    const prepared = await browser.call('POST', `/v1/client/sign_ins/${id}/prepare_first_factor`, { strategy: 'passkey' });
    const credential = authenticator.assert(JSON.parse(prepared.body.response.first_factor_verification.nonce));
    const wrongOrigin = await attempt(browser, id, authenticator.assert(JSON.parse(prepared.body.response.first_factor_verification.nonce), { origin: 'https://evil.example' }));
    expect(wrongOrigin.status).toBe(422);
    expect(wrongOrigin.body.errors[0].code).toBe('passkey_invalid_public_key_credential');
    // That attempt used the challenge: the genuine assertion for it is refused now.
    const replayed = await attempt(browser, id, credential);
    expect(replayed.status).toBe(400);
    expect(replayed.body.errors[0].code).toBe('passkey_invalid_verification');
  });

  it('refuses a cloned authenticator (the counter did not move forward)', async () => {
    const { authenticator, browser } = await userWithPasskey(server);
    const first = await startDiscoverable(browser);
    expect((await attempt(browser, first.id, authenticator.assert(first.request))).body.response.status).toBe('complete');
    authenticator.counter = 0; // the clone still has the counter the original had before that sign-in
    const other = fapiBrowser(() => server);
    const second = await startDiscoverable(other);
    const refused = await attempt(other, second.id, authenticator.assert(second.request));
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].code).toBe('passkey_authentication_failure');
  });

  it('refuses an assertion for another relying party, and one after the challenge expired', async () => {
    const { authenticator, browser } = await userWithPasskey(server);
    const started = await startDiscoverable(browser);
    const otherRp = await attempt(browser, started.id, authenticator.assert(started.request, { rpId: 'example.com' }));
    expect(otherRp.status).toBe(400);
    expect(otherRp.body.errors[0].code).toBe('passkey_authentication_failure');

    const late = await startDiscoverable(browser);
    server.clock.advanceMs(5 * 60 * 1000 + 1000);
    const expired = await attempt(browser, late.id, authenticator.assert(late.request));
    expect(expired.status).toBe(400);
    expect(expired.body.errors[0].code).toBe('passkey_invalid_verification');
  });

  it('refuses another user\'s passkey on an identified sign-in', async () => {
    const first = await userWithPasskey(server);
    const second = await userWithPasskey(server);
    const created = await first.browser.call('POST', '/v1/client/sign_ins', { identifier: first.email });
    const id = created.body.response.id;
    const prepared = await first.browser.call('POST', `/v1/client/sign_ins/${id}/prepare_first_factor`, { strategy: 'passkey' });
    const refused = await attempt(first.browser, id, second.authenticator.assert(JSON.parse(prepared.body.response.first_factor_verification.nonce)));
    expect(refused.status).toBe(404);
    expect(refused.body.errors[0].code).toBe('passkey_not_registered');
  });

  it('a deleted passkey no longer signs in (passkey_not_registered)', async () => {
    const { authenticator, passkeyId, browser, owner } = await userWithPasskey(server);
    expect((await owner.call('DELETE', `/v1/me/passkeys/${passkeyId}`)).status).toBe(200);
    const started = await startDiscoverable(browser);
    const refused = await attempt(browser, started.id, authenticator.assert(started.request));
    expect(refused.status).toBe(404);
    expect(refused.body.errors[0].code).toBe('passkey_not_registered');
  });

  it('refuses a banned user', async () => {
    const { userId, authenticator, browser } = await userWithPasskey(server);
    await server.clerk.users.banUser(userId);
    const started = await startDiscoverable(browser);
    const refused = await attempt(browser, started.id, authenticator.assert(started.request));
    expect(refused.status).toBe(403);
    expect(refused.body.errors[0].code).toBe('user_banned');
    expect(refused.body.client?.sessions ?? []).toEqual([]);
  });

  it('refuses a blocklisted user found by a discoverable passkey', async () => {
    const { email, authenticator, browser } = await userWithPasskey(server);
    expect((await server.api('POST', '/v1/blocklist_identifiers', { identifier: email })).status).toBe(200);
    const started = await startDiscoverable(browser);
    const refused = await attempt(browser, started.id, authenticator.assert(started.request));
    expect([refused.status, refused.body.errors?.[0]?.code]).toEqual([403, 'not_allowed_access']);
  });

  it('single-session mode: a browser already signed in starts no passkey sign-in', async () => {
    const { owner } = await userWithPasskey(server);
    const refused = await owner.call('POST', '/v1/client/sign_ins', { strategy: 'passkey' });
    expect([refused.status, refused.body.errors?.[0]?.code]).toEqual([400, 'session_exists']);
  });

  it('a discoverable sign-in takes no other factor until the passkey names its user', async () => {
    const { browser } = await userWithPasskey(server);
    const started = await startDiscoverable(browser);
    const password = await browser.call('POST', `/v1/client/sign_ins/${started.id}/attempt_first_factor`, { strategy: 'password', password: 'anything at all' });
    expect(password.status).toBe(400);
    expect(password.body.errors[0].code).toBe('request_body_invalid');
  });

  it('a malformed public_key_credential is 422', async () => {
    const { browser } = await userWithPasskey(server);
    const started = await startDiscoverable(browser);
    const refused = await attempt(browser, started.id, '{"nope":true}');
    expect(refused.status).toBe(422);
    expect(refused.body.errors[0].code).toBe('passkey_invalid_public_key_credential');
  });

  it('with user verification the passkey is both factors; without it, a user with TOTP is asked for the second factor', async () => {
    const { userId, authenticator, browser } = await userWithPasskey(server);
    const totp = await server.api('POST', `/v1/users/${userId}/totp`);
    expect(totp.status).toBe(200);
    const secret: string = totp.body.secret;
    // Enabled by its first correct code.
    expect((await server.api('POST', `/v1/users/${userId}/verify_totp`, { code: generateTOTP(secret, server.clock.nowMs()) })).body.verified).toBe(true);
    expect((await server.clerk.users.getUser(userId)).totpEnabled).toBe(true);
    const verified = await startDiscoverable(browser);
    expect((await attempt(browser, verified.id, authenticator.assert(verified.request))).body.response.status).toBe('complete');

    const other = fapiBrowser(() => server);
    const unverified = await startDiscoverable(other);
    const step = await attempt(other, unverified.id, authenticator.assert(unverified.request, { userVerified: false }));
    expect(step.status).toBe(200);
    expect(step.body.response).toMatchObject({ status: 'needs_second_factor', supported_second_factors: expect.arrayContaining([{ strategy: 'totp' }]) });
    server.clock.advanceMs(30_000); // a fresh TOTP step: the code used to enable it is spent
    const done = await other.call('POST', `/v1/client/sign_ins/${unverified.id}/attempt_second_factor`, { strategy: 'totp', code: generateTOTP(secret, server.clock.nowMs()) });
    expect(done.body.response.status).toBe('complete');
  });
});

describe('Frontend API: passkeys in the environment', () => {
  const server = useTestServer();

  it('turns passkeys on as Clerk does: attribute, first factor, sign-in button and autofill', async () => {
    const environment = await fapiBrowser(() => server).call('GET', '/v1/environment');
    expect(environment.status).toBe(200);
    const settings = environment.body.user_settings;
    expect(settings.attributes.passkey).toMatchObject({ enabled: true, used_for_first_factor: true, first_factors: ['passkey'], used_for_second_factor: false });
    expect(environment.body.auth_config.first_factors).toContain('passkey');
    expect(settings.passkey_settings).toMatchObject({ allow_autofill: true, show_sign_in_button: true });
  });
});
