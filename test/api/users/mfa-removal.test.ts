// DELETE /v1/users/{user_id}/totp, /backup_code and /mfa (and @clerk/backend's deleteUserTOTP,
// deleteUserBackupCodes, disableUserMFA): which factors go, two_factor_enabled, mfa_enabled_at, mfa_disabled_at.
import { describe, expect, it } from 'vitest';
import { generateTOTP, generateTOTPSecret } from '../../../src/mfa/totp.js';
import { expectClerkError, expectSdkError } from '../../helpers/assertions.js';
import { credentialHelpers, mfaState } from '../../helpers/credential-helpers.js';
import { uniquePhone, uniqueTag } from '../../helpers/fixtures.js';
import { useTestServer } from '../../helpers/test-server.js';

describe('credentials and MFA', () => {
  const server = useTestServer();
  const { createUser, getUser, verifyCode, createTOTP, api, now, expectMFAOffSince, userWithTOTP } = credentialHelpers(() => server);

  describe('DELETE /v1/users/{user_id}/totp, /backup_code, /mfa', () => {
    it('DELETE /totp removes the TOTP; other factors keep MFA on', async () => {
      const secret = generateTOTPSecret();
      const user = await createUser({ totp_secret: secret, backup_codes: ['keep-code-1'] });
      const enabledAt = user.mfa_enabled_at;
      server.clock.advanceMs(1000);
      const response = await api('DELETE', `/v1/users/${user.id}/totp`);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ user_id: user.id });
      expect(mfaState(await getUser(user.id))).toEqual({
        two_factor_enabled: true,
        totp_enabled: false,
        backup_code_enabled: true,
        mfa_enabled_at: enabledAt,
        mfa_disabled_at: null,
      });
      const code = generateTOTP(secret, now());
      expectClerkError(await verifyCode(user.id, code), 422, 'totp_incorrect_code', 'code');
      // With the TOTP gone a new one can be created.
      expect((await createTOTP(user.id)).verified).toBe(false);
    });

    it('DELETE /totp of the last factor sets mfa_disabled_at and keeps mfa_enabled_at', async () => {
      const { user } = await userWithTOTP();
      const enabledAt = (await getUser(user.id)).mfa_enabled_at;
      expect(enabledAt).toEqual(expect.any(Number));
      server.clock.advanceMs(1000);
      // @clerk/backend hands the body back as it came: { user_id }.
      expect(await server.clerk.users.deleteUserTOTP(user.id)).toEqual({ user_id: user.id });
      await expectMFAOffSince(user.id, enabledAt);
      expectClerkError(await verifyCode(user.id, '123456'), 400, 'totp_disabled');
    });

    it('DELETE /backup_code removes the backup codes', async () => {
      const user = await createUser({ backup_codes: ['gone-code-1', 'gone-code-2'] });
      const enabledAt = user.mfa_enabled_at;
      server.clock.advanceMs(1000);
      const response = await api('DELETE', `/v1/users/${user.id}/backup_code`);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ user_id: user.id });
      await expectMFAOffSince(user.id, enabledAt);
      expectClerkError(await verifyCode(user.id, 'gone-code-1'), 400, 'totp_disabled');
    });

    it('deleteUserBackupCodes through @clerk/backend keeps a TOTP in place', async () => {
      const secret = generateTOTPSecret();
      const user = await createUser({ totp_secret: secret, backup_codes: ['sdk-gone-1'] });
      expect(await server.clerk.users.deleteUserBackupCodes(user.id)).toEqual({ user_id: user.id });
      expect(mfaState(await getUser(user.id))).toMatchObject({ two_factor_enabled: true, totp_enabled: true, backup_code_enabled: false, mfa_disabled_at: null });
      // Without backup codes only a six-digit TOTP code is a candidate.
      expectClerkError(await verifyCode(user.id, 'sdk-gone-1'), 422, 'totp_invalid_length', 'code');
      expect((await verifyCode(user.id, generateTOTP(secret, now()))).status).toBe(200);
    });

    it('DELETE /mfa removes TOTP and backup codes and turns a second-factor phone into a plain phone', async () => {
      const secret = generateTOTPSecret();
      const user = await createUser({ totp_secret: secret, backup_codes: ['mfa-code-1'] });
      const phone = await api('POST', '/v1/phone_numbers', { user_id: user.id, phone_number: uniquePhone(), verified: true, reserved_for_second_factor: true });
      expect(phone.status, JSON.stringify(phone.body)).toBe(200);
      expect(phone.body.reserved_for_second_factor).toBe(true);
      const enabledAt = user.mfa_enabled_at;
      server.clock.advanceMs(1000);

      const response = await api('DELETE', `/v1/users/${user.id}/mfa`);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ user_id: user.id });
      const after = await getUser(user.id);
      expect(mfaState(after)).toEqual({
        two_factor_enabled: false,
        totp_enabled: false,
        backup_code_enabled: false,
        mfa_enabled_at: enabledAt,
        mfa_disabled_at: now(),
      });
      const phoneAfter = after.phone_numbers.find((p: any) => p.id === phone.body.id);
      expect(phoneAfter).toMatchObject({ reserved_for_second_factor: false, default_second_factor: false });
      expectClerkError(await verifyCode(user.id, 'mfa-code-1'), 400, 'totp_disabled');
    });

    it('a second-factor phone alone makes two_factor_enabled true; disableUserMFA through @clerk/backend clears it', async () => {
      const user = await createUser();
      const phone = await api('POST', '/v1/phone_numbers', { user_id: user.id, phone_number: uniquePhone(), verified: true, reserved_for_second_factor: true });
      expect(phone.status, JSON.stringify(phone.body)).toBe(200);
      const withPhone = await getUser(user.id);
      expect(mfaState(withPhone)).toEqual({
        two_factor_enabled: true,
        totp_enabled: false,
        backup_code_enabled: false,
        mfa_enabled_at: now(),
        mfa_disabled_at: null,
      });
      server.clock.advanceMs(1000);
      expect(await server.clerk.users.disableUserMFA(user.id)).toEqual({ user_id: user.id });
      const after = await getUser(user.id);
      expect(mfaState(after)).toEqual({
        two_factor_enabled: false,
        totp_enabled: false,
        backup_code_enabled: false,
        mfa_enabled_at: withPhone.mfa_enabled_at,
        mfa_disabled_at: now(),
      });
      expect(after.phone_numbers).toHaveLength(1);
      expect(after.phone_numbers[0]).toMatchObject({ id: phone.body.id, reserved_for_second_factor: false });
    });

    it('deleting the only second-factor phone sets mfa_disabled_at and turns two_factor_enabled off', async () => {
      const user = await createUser();
      const phone = await api('POST', '/v1/phone_numbers', { user_id: user.id, phone_number: uniquePhone(), verified: true, reserved_for_second_factor: true });
      expect(phone.status, JSON.stringify(phone.body)).toBe(200);
      const enabledAt = now();
      server.clock.advanceMs(1000);
      expect((await api('DELETE', `/v1/phone_numbers/${phone.body.id}`)).status).toBe(200);
      await expectMFAOffSince(user.id, enabledAt);
    });

    it('re-enabling after a disable moves mfa_enabled_at forward and keeps mfa_disabled_at', async () => {
      const user = await createUser({ backup_codes: ['cycle-code-1'] });
      server.clock.advanceMs(1000);
      await server.clerk.users.disableUserMFA(user.id);
      const disabledAt = now();
      server.clock.advanceMs(1000);
      const totp = await createTOTP(user.id);
      expect((await verifyCode(user.id, generateTOTP(totp.secret, now()))).status).toBe(200);
      expect(mfaState(await getUser(user.id))).toEqual({
        two_factor_enabled: true,
        totp_enabled: true,
        backup_code_enabled: false,
        mfa_enabled_at: now(),
        mfa_disabled_at: disabledAt,
      });
    });

    it('the deletes succeed on a user without any factor and leave MFA off', async () => {
      const user = await createUser();
      for (const path of ['totp', 'backup_code', 'mfa']) {
        const response = await api('DELETE', `/v1/users/${user.id}/${path}`);
        expect(response.status).toBe(200);
        expect(response.body).toEqual({ user_id: user.id });
      }
      expect(mfaState(await getUser(user.id))).toEqual({
        two_factor_enabled: false,
        totp_enabled: false,
        backup_code_enabled: false,
        mfa_enabled_at: null,
        mfa_disabled_at: null,
      });
    });

    it.each(['totp', 'backup_code', 'mfa'])('DELETE /%s answers 404 for an unknown user', async (path) => {
      expectClerkError(await api('DELETE', `/v1/users/user_unknown${uniqueTag()}/${path}`), 404, 'resource_not_found');
    });

    it('the SDK delete calls answer 404 for an unknown user', async () => {
      await expectSdkError(server.clerk.users.disableUserMFA(`user_unknown${uniqueTag()}`), 404, 'resource_not_found');
      await expectSdkError(server.clerk.users.deleteUserTOTP(`user_unknown${uniqueTag()}`), 404, 'resource_not_found');
      await expectSdkError(server.clerk.users.deleteUserBackupCodes(`user_unknown${uniqueTag()}`), 404, 'resource_not_found');
    });
  });
});
