// TOTP: POST /v1/users/{user_id}/totp and /verify_totp (the code window, replay, errors, the secret never shown
// again), and totp_secret on create and update, raw HTTP and @clerk/backend.
import { describe, expect, it } from 'vitest';
import { generateTOTP, generateTOTPSecret } from '../../../src/mfa/totp.js';
import { expectClerkError, expectSdkError } from '../../helpers/assertions.js';
import { credentialHelpers, mfaState, STEP_MS, wrongCode } from '../../helpers/credential-helpers.js';
import { uniqueEmail, uniqueTag } from '../../helpers/fixtures.js';
import { useTestServer, type ApiResponse } from '../../helpers/test-server.js';

describe('credentials and MFA', () => {
  const server = useTestServer();
  const { createUser, getUser, verifyCode, createTOTP, api, now, userWithTOTP } = credentialHelpers(() => server);

  describe('POST /v1/users/{user_id}/totp and verify_totp', () => {
    it('creates a TOTP: base32 secret, otpauth URI with the issuer and primary email, not yet verified', async () => {
      const email = uniqueEmail('totp');
      const user = await createUser({ email_address: [email] });
      const response = await api('POST', `/v1/users/${user.id}/totp`);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        object: 'totp',
        id: expect.stringMatching(/\S/),
        secret: expect.stringMatching(/^[A-Z2-7]{16,}=*$/),
        uri: expect.stringMatching(/^otpauth:\/\/totp\//),
        verified: false,
        backup_codes: null,
      });
      const uri = new URL(response.body.uri);
      expect(decodeURIComponent(uri.pathname)).toContain(email);
      expect(uri.searchParams.get('issuer')).toBe('Roster');
      expect(uri.searchParams.get('secret')).toBe(response.body.secret);
      const after = await getUser(user.id);
      expect(mfaState(after)).toEqual({
        two_factor_enabled: false,
        totp_enabled: false,
        backup_code_enabled: false,
        mfa_enabled_at: null,
        mfa_disabled_at: null,
      });
    });

    it('the first correct code enables it: {verified: true, code_type: "totp"}, totp_enabled, two_factor_enabled, mfa_enabled_at', async () => {
      const user = await createUser();
      const totp = await createTOTP(user.id);
      const response = await verifyCode(user.id, generateTOTP(totp.secret, now()));
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ verified: true, code_type: 'totp' });
      expect(mfaState(await getUser(user.id))).toEqual({
        two_factor_enabled: true,
        totp_enabled: true,
        backup_code_enabled: false,
        mfa_enabled_at: now(),
        mfa_disabled_at: null,
      });
    });

    it('verifies through @clerk/backend verifyTOTP', async () => {
      const user = await createUser();
      const totp = await createTOTP(user.id);
      expect(await server.clerk.users.verifyTOTP({ userId: user.id, code: generateTOTP(totp.secret, now()) })).toEqual({ verified: true, code_type: 'totp' });
      server.clock.advanceMs(STEP_MS);
      await expectSdkError(server.clerk.users.verifyTOTP({ userId: user.id, code: wrongCode(totp.secret, now()) }), 422, 'totp_incorrect_code', 'code');
    });

    it('rejects the same code a second time (replay) with 422 totp_incorrect_code', async () => {
      const { user, secret } = await userWithTOTP();
      const code = generateTOTP(secret, now());
      expect((await verifyCode(user.id, code)).status).toBe(200);
      expectClerkError(await verifyCode(user.id, code), 422, 'totp_incorrect_code', 'code');
    });

    it('accepts codes from the previous and the next 30-second step', async () => {
      const { user: early, secret: earlySecret } = await userWithTOTP();
      expect(await verifyCode(early.id, generateTOTP(earlySecret, now() - STEP_MS))).toMatchObject({ status: 200, body: { verified: true, code_type: 'totp' } });
      expect(await verifyCode(early.id, generateTOTP(earlySecret, now() + STEP_MS))).toMatchObject({ status: 200, body: { verified: true, code_type: 'totp' } });
      const { user: late, secret: lateSecret } = await userWithTOTP();
      expect(await verifyCode(late.id, generateTOTP(lateSecret, now() + STEP_MS))).toMatchObject({ status: 200, body: { verified: true, code_type: 'totp' } });
    });

    it('rejects codes two steps away', async () => {
      const { user, secret } = await userWithTOTP();
      const past = generateTOTP(secret, now() - 2 * STEP_MS);
      const future = generateTOTP(secret, now() + 2 * STEP_MS);
      const inWindow = new Set([-1, 0, 1].map((step) => generateTOTP(secret, now() + step * STEP_MS)));
      if (!inWindow.has(past)) expectClerkError(await verifyCode(user.id, past), 422, 'totp_incorrect_code', 'code');
      if (!inWindow.has(future)) expectClerkError(await verifyCode(user.id, future), 422, 'totp_incorrect_code', 'code');
      // Neither attempt used up the current step.
      expect((await verifyCode(user.id, generateTOTP(secret, now()))).status).toBe(200);
    });

    it('a code is not accepted before the first verification while the clock has moved two steps past it', async () => {
      const user = await createUser();
      const totp = await createTOTP(user.id);
      const code = generateTOTP(totp.secret, now());
      server.clock.advanceMs(2 * STEP_MS);
      if (code !== generateTOTP(totp.secret, now()) && code !== generateTOTP(totp.secret, now() - STEP_MS) && code !== generateTOTP(totp.secret, now() + STEP_MS)) {
        expectClerkError(await verifyCode(user.id, code), 422, 'totp_incorrect_code', 'code');
      }
      expect((await getUser(user.id)).totp_enabled).toBe(false);
    });

    it('answers 400 totp_already_enabled when a TOTP is already enabled', async () => {
      const { user } = await userWithTOTP();
      expectClerkError(await api('POST', `/v1/users/${user.id}/totp`), 400, 'totp_already_enabled');
    });

    it('creating twice before verifying replaces the secret; the old secret no longer works', async () => {
      const user = await createUser();
      const first = await createTOTP(user.id);
      const second = await createTOTP(user.id);
      expect(second.secret).not.toBe(first.secret);
      expect(second.id).not.toBe(first.id);
      const oldCode = generateTOTP(first.secret, now());
      const newCodes = new Set([-1, 0, 1].map((step) => generateTOTP(second.secret, now() + step * STEP_MS)));
      if (!newCodes.has(oldCode)) expectClerkError(await verifyCode(user.id, oldCode), 422, 'totp_incorrect_code', 'code');
      expect((await getUser(user.id)).totp_enabled).toBe(false);
      expect(await verifyCode(user.id, generateTOTP(second.secret, now()))).toMatchObject({ status: 200, body: { verified: true, code_type: 'totp' } });
      expect((await getUser(user.id)).totp_enabled).toBe(true);
    });

    it('answers 422 totp_invalid_length for a wrong-length code when there are no backup codes', async () => {
      const { user } = await userWithTOTP();
      expectClerkError(await verifyCode(user.id, '12345'), 422, 'totp_invalid_length', 'code');
      expectClerkError(await verifyCode(user.id, '1234567'), 422, 'totp_invalid_length', 'code');
    });

    it('answers 400 totp_disabled for a user with neither TOTP nor backup codes', async () => {
      const user = await createUser();
      expectClerkError(await verifyCode(user.id, '123456'), 400, 'totp_disabled');
      await expectSdkError(server.clerk.users.verifyTOTP({ userId: user.id, code: '123456' }), 400, 'totp_disabled');
    });

    it('answers 404 for an unknown user (create and verify)', async () => {
      expectClerkError(await api('POST', `/v1/users/user_unknown${uniqueTag()}/totp`), 404, 'resource_not_found');
      expectClerkError(await verifyCode(`user_unknown${uniqueTag()}`, '123456'), 404, 'resource_not_found');
    });

    it('answers 422 form_param_missing (code) without a code', async () => {
      const { user } = await userWithTOTP();
      expectClerkError(await api('POST', `/v1/users/${user.id}/verify_totp`, {}), 422, 'form_param_missing', 'code');
    });

    it('never shows the secret again: not in GET, list, PATCH or verify answers, and not stored in the clear', async () => {
      const user = await createUser();
      const totp = await createTOTP(user.id);
      const seen: string[] = [];
      const record = async (response: ApiResponse) => {
        expect(response.status, JSON.stringify(response.body)).toBe(200);
        seen.push(JSON.stringify(response.body));
      };
      await record(await api('GET', `/v1/users/${user.id}`));
      await record(await verifyCode(user.id, generateTOTP(totp.secret, now())));
      await record(await api('GET', `/v1/users/${user.id}`));
      await record(await api('GET', `/v1/users?user_id=${user.id}`));
      await record(await api('GET', '/v1/users?limit=500'));
      await record(await api('PATCH', `/v1/users/${user.id}`, { first_name: 'Totp' }));
      await record(await api('POST', `/v1/users/${user.id}/lock`));
      await record(await api('POST', `/v1/users/${user.id}/unlock`));
      const sdkUser = await server.clerk.users.getUser(user.id);
      seen.push(JSON.stringify(sdkUser.raw ?? sdkUser));
      for (const text of seen) {
        expect(text).not.toContain(totp.secret);
        expect(text.toLowerCase()).not.toContain(totp.secret.toLowerCase());
      }
      const row = await server.database.db.selectFrom('users').selectAll().where('id', '=', user.id).executeTakeFirst();
      expect(JSON.stringify(row)).not.toContain(totp.secret);
    });
  });

  describe('totp_secret on create and update', () => {
    it('a valid base32 secret on create enables TOTP at once and its codes verify', async () => {
      const secret = generateTOTPSecret();
      const user = await createUser({ totp_secret: secret });
      expect(mfaState(user)).toEqual({
        two_factor_enabled: true,
        totp_enabled: true,
        backup_code_enabled: false,
        mfa_enabled_at: now(),
        mfa_disabled_at: null,
      });
      expect(JSON.stringify(user)).not.toContain(secret);
      expect(await verifyCode(user.id, generateTOTP(secret, now()))).toMatchObject({ status: 200, body: { verified: true, code_type: 'totp' } });
      expectClerkError(await api('POST', `/v1/users/${user.id}/totp`), 400, 'totp_already_enabled');
    });

    it('works through @clerk/backend createUser({ totpSecret }) and updateUser({ totpSecret })', async () => {
      const secret = generateTOTPSecret();
      const created = await server.clerk.users.createUser({ emailAddress: [uniqueEmail('sdk')], totpSecret: secret });
      expect(created.totpEnabled).toBe(true);
      expect(created.twoFactorEnabled).toBe(true);
      expect(await server.clerk.users.verifyTOTP({ userId: created.id, code: generateTOTP(secret, now()) })).toEqual({ verified: true, code_type: 'totp' });

      const plain = await server.clerk.users.createUser({ emailAddress: [uniqueEmail('sdk')] });
      const otherSecret = generateTOTPSecret();
      const updated = await server.clerk.users.updateUser(plain.id, { totpSecret: otherSecret });
      expect(updated.totpEnabled).toBe(true);
      expect(await server.clerk.users.verifyTOTP({ userId: plain.id, code: generateTOTP(otherSecret, now()) })).toEqual({ verified: true, code_type: 'totp' });
    });

    it('a valid secret on update enables TOTP at once, sets mfa_enabled_at, and replaces an earlier one', async () => {
      const user = await createUser();
      const secret = generateTOTPSecret();
      const response = await api('PATCH', `/v1/users/${user.id}`, { totp_secret: secret.toLowerCase() });
      expect(response.status).toBe(200);
      expect(mfaState(response.body)).toEqual({
        two_factor_enabled: true,
        totp_enabled: true,
        backup_code_enabled: false,
        mfa_enabled_at: now(),
        mfa_disabled_at: null,
      });
      expect(JSON.stringify(response.body).toLowerCase()).not.toContain(secret.toLowerCase());
      expect((await verifyCode(user.id, generateTOTP(secret, now()))).status).toBe(200);

      server.clock.advanceMs(STEP_MS);
      const replacement = generateTOTPSecret();
      expect((await api('PATCH', `/v1/users/${user.id}`, { totp_secret: replacement })).status).toBe(200);
      const oldCode = generateTOTP(secret, now());
      const newCodes = new Set([-1, 0, 1].map((step) => generateTOTP(replacement, now() + step * STEP_MS)));
      if (!newCodes.has(oldCode)) expectClerkError(await verifyCode(user.id, oldCode), 422, 'totp_incorrect_code', 'code');
      expect((await verifyCode(user.id, generateTOTP(replacement, now()))).status).toBe(200);
    });

    it('rejects an invalid secret with 422 invalid_totp_secret_code, on create and on update', async () => {
      expectClerkError(
        await api('POST', '/v1/users', { email_address: [uniqueEmail('bad')], totp_secret: 'not base32!' }),
        422,
        'invalid_totp_secret_code',
      );
      const user = await createUser();
      expectClerkError(await api('PATCH', `/v1/users/${user.id}`, { totp_secret: 'not base32!' }), 422, 'invalid_totp_secret_code');
      expect(mfaState(await getUser(user.id))).toMatchObject({ totp_enabled: false, two_factor_enabled: false });
      await expectSdkError(server.clerk.users.createUser({ emailAddress: [uniqueEmail('bad')], totpSecret: '0189' }), 422, 'invalid_totp_secret_code');
    });
  });
});
