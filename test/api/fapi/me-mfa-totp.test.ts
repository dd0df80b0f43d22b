// Issue 12: an authenticator app and backup codes from the profile (/v1/me/totp, /v1/me/backup_codes), sharing the
// Backend API's MFA state; the secret is shown only when the TOTP is created; wrong codes count toward lockout.
import { describe, expect, it } from 'vitest';
import { generateTOTP } from '../../../src/mfa/totp.js';
import { fapiBrowser } from '../../helpers/fapi-client.js';
import { uniqueTag } from '../../helpers/fixtures.js';
import { useTestServer } from '../../helpers/test-server.js';

const PASSWORD = 'correct horse battery 42';

describe('Frontend API: TOTP and backup codes from the profile', () => {
  const server = useTestServer();
  const signedIn = async () => {
    const email = `mfa-${uniqueTag()}+clerk_test@example.com`;
    const user = await server.clerk.users.createUser({ emailAddress: [email], password: PASSWORD });
    const browser = fapiBrowser(() => server);
    const signIn = await browser.call('POST', '/v1/client/sign_ins', { identifier: email, strategy: 'password', password: PASSWORD });
    expect(signIn.body.response.status).toBe('complete');
    return { user, email, browser };
  };
  const secretOf = (uri: string) => new URL(uri).searchParams.get('secret')!;
  const codeFor = (secret: string, offsetSteps = 0) => generateTOTP(secret, server.clock.nowMs() + offsetSteps * 30_000);

  const enrol = async (browser: ReturnType<typeof fapiBrowser>) => {
    const created = await browser.call('POST', '/v1/me/totp');
    expect(created.status).toBe(200);
    const secret = secretOf(created.body.response.uri);
    const verified = await browser.call('POST', '/v1/me/totp/attempt_verification', { code: codeFor(secret) });
    expect(verified.status).toBe(200);
    return { created, verified, secret };
  };

  it('creates a TOTP (secret and otpauth URI, not yet enabled), and a fresh POST replaces an unverified one', async () => {
    const { user, email, browser } = await signedIn();
    const first = await browser.call('POST', '/v1/me/totp');
    expect(first.body.response).toMatchObject({ object: 'totp', verified: false, secret: expect.stringMatching(/^[A-Z2-7]+$/), backup_codes: null });
    const uri = new URL(first.body.response.uri);
    expect(uri.protocol).toBe('otpauth:');
    expect(decodeURIComponent(uri.pathname)).toContain(email);
    expect(uri.searchParams.get('secret')).toBe(first.body.response.secret);
    expect((await server.clerk.users.getUser(user.id)).totpEnabled).toBe(false);

    const second = await browser.call('POST', '/v1/me/totp');
    expect(second.body.response.secret).not.toBe(first.body.response.secret);
    // The replaced secret's codes no longer verify.
    const stale = await browser.call('POST', '/v1/me/totp/attempt_verification', { code: codeFor(first.body.response.secret) });
    expect(stale.status).toBe(422);
    expect(stale.body.errors[0].code).toBe('form_code_incorrect');
  });

  it('a right code enables it and answers backup codes once; the secret never appears again; @clerk/backend sees it', async () => {
    const { user, browser } = await signedIn();
    const { verified, secret } = await enrol(browser);
    expect(verified.body.response).toMatchObject({ object: 'totp', verified: true, secret: null, uri: null });
    const codes: string[] = verified.body.response.backup_codes;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);

    const me = await browser.call('GET', '/v1/me');
    expect(me.body.response).toMatchObject({ totp_enabled: true, backup_code_enabled: true, two_factor_enabled: true });
    expect(JSON.stringify(me.body)).not.toContain(secret);
    const bapi = await server.api('GET', `/v1/users/${user.id}`);
    expect(JSON.stringify(bapi.body)).not.toContain(secret);
    for (const code of codes) expect(JSON.stringify(bapi.body)).not.toContain(code);
    const sdkUser = await server.clerk.users.getUser(user.id);
    expect(sdkUser).toMatchObject({ totpEnabled: true, twoFactorEnabled: true, backupCodeEnabled: true });

    // A second enrolment is refused while one is enabled.
    const again = await browser.call('POST', '/v1/me/totp');
    expect(again.status).toBe(400);
    expect(again.body.errors[0].code).toBe('totp_already_enabled');
    // A backup code works at the Backend API's verify_totp (the same state).
    const check = await server.api('POST', `/v1/users/${user.id}/verify_totp`, { code: codes[0] });
    expect(check.body).toEqual({ verified: true, code_type: 'backup_code' });
  });

  it('wrong codes count toward the lockout; an attempt without a pending TOTP is not found', async () => {
    const { user, browser } = await signedIn();
    const missing = await browser.call('POST', '/v1/me/totp/attempt_verification', { code: '123456' });
    expect(missing.status).toBe(404);
    const created = await browser.call('POST', '/v1/me/totp');
    const right = codeFor(secretOf(created.body.response.uri));
    const wrong = right === '000000' ? '111111' : '000000';
    for (let i = 0; i < 3; i++) {
      const attempt = await browser.call('POST', '/v1/me/totp/attempt_verification', { code: wrong });
      expect(attempt.status).toBe(422);
      expect(attempt.body.errors[0].code).toBe('form_code_incorrect');
    }
    const bapi = await server.api('GET', `/v1/users/${user.id}`);
    expect(bapi.body.verification_attempts_remaining).toBe(7);
    const empty = await browser.call('POST', '/v1/me/totp/attempt_verification', {});
    expect(empty.status).toBe(422);
    expect(empty.body.errors[0].code).toBe('form_param_missing');
  });

  it('concurrent right codes enable it once', async () => {
    const { browser } = await signedIn();
    const created = await browser.call('POST', '/v1/me/totp');
    const code = codeFor(secretOf(created.body.response.uri));
    const results = await Promise.all(Array.from({ length: 6 }, () => browser.call('POST', '/v1/me/totp/attempt_verification', { code })));
    const ok = results.filter((result) => result.status === 200);
    expect(ok).toHaveLength(1);
    expect(ok[0]!.body.response.backup_codes).toHaveLength(10);
  });

  it('backup codes: refused without another second factor, then a new set replaces the old one', async () => {
    const { user, browser } = await signedIn();
    const refused = await browser.call('POST', '/v1/me/backup_codes');
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].code).toBe('backup_codes_not_available');
    const { verified } = await enrol(browser);
    const old: string[] = verified.body.response.backup_codes;
    // clerk-js posts to `/me/backup_codes/` (trailing slash).
    const fresh = await browser.call('POST', '/v1/me/backup_codes/');
    expect(fresh.status).toBe(200);
    expect(fresh.body.response).toMatchObject({ object: 'backup_code', codes: expect.any(Array) });
    const codes: string[] = fresh.body.response.codes;
    expect(codes).toHaveLength(10);
    expect((await server.api('POST', `/v1/users/${user.id}/verify_totp`, { code: old[0] })).status).toBe(422);
    expect((await server.api('POST', `/v1/users/${user.id}/verify_totp`, { code: codes[0] })).body.code_type).toBe('backup_code');
  });

  it('DELETE /v1/me/totp and the Backend API DELETE /v1/users/{id}/mfa remove it', async () => {
    const { user, browser } = await signedIn();
    await enrol(browser);
    const deleted = await browser.call('DELETE', '/v1/me/totp');
    expect(deleted.status).toBe(200);
    expect(deleted.body.response).toMatchObject({ object: 'totp', deleted: true });
    // Its backup codes backed up nothing any more: they went with it.
    expect(await server.clerk.users.getUser(user.id)).toMatchObject({ totpEnabled: false, backupCodeEnabled: false, twoFactorEnabled: false });
    expect((await browser.call('DELETE', '/v1/me/totp')).status).toBe(404);

    await enrol(browser);
    await server.api('DELETE', `/v1/users/${user.id}/mfa`);
    expect(await server.clerk.users.getUser(user.id)).toMatchObject({ totpEnabled: false, backupCodeEnabled: false, twoFactorEnabled: false });
  });

  it('the next sign-in needs the second factor, and a TOTP code passes it', async () => {
    const { email, browser } = await signedIn();
    const { secret } = await enrol(browser);
    const other = fapiBrowser(() => server);
    const started = await other.call('POST', '/v1/client/sign_ins', { identifier: email, strategy: 'password', password: PASSWORD });
    expect(started.body.response.status).toBe('needs_second_factor');
    expect(started.body.response.supported_second_factors.map((factor: any) => factor.strategy)).toEqual(['totp', 'backup_code']);
    server.clock.advanceMs(30_000);
    const passed = await other.call('POST', `/v1/client/sign_ins/${started.body.response.id}/attempt_second_factor`, { strategy: 'totp', code: codeFor(secret) });
    expect(passed.body.response.status).toBe('complete');
  });

  it('needs a signed-in session', async () => {
    const stranger = fapiBrowser(() => server);
    expect((await stranger.call('POST', '/v1/me/totp')).body.errors[0].code).toBe('client_not_found');
    const { browser } = await signedIn();
    const sessionId = (await browser.call('GET', '/v1/me')).body.client.last_active_session_id;
    await browser.call('POST', `/v1/client/sessions/${sessionId}/end`);
    expect((await browser.call('POST', '/v1/me/totp', undefined)).status).toBe(401);
  });
});
