// Backup codes: backup_codes on create and update (plain and bcrypt), each verifying once through /verify_totp,
// also when presented by parallel requests (with the default lockout and with one too large to interfere).
import { hash as bcryptHash } from '@node-rs/bcrypt';
import { describe, expect, it } from 'vitest';
import { generateTOTP, generateTOTPSecret } from '../../../src/mfa/totp.js';
import { expectClerkError, expectSdkError } from '../../helpers/assertions.js';
import { credentialHelpers, mfaState } from '../../helpers/credential-helpers.js';
import { uniqueEmail } from '../../helpers/fixtures.js';
import { useTestServer } from '../../helpers/test-server.js';

describe('credentials and MFA', () => {
  const server = useTestServer();
  const { createUser, getUser, verifyCode, api, now, expectMFAOffSince } = credentialHelpers(() => server);

  describe('backup_codes on create and update', () => {
    it('plain codes on create: backup_code_enabled; each verifies once as code_type backup_code', async () => {
      const user = await createUser({ backup_codes: ['plain-0001', 'plain-0002', 'plain-0003'] });
      expect(mfaState(user)).toEqual({
        two_factor_enabled: true,
        totp_enabled: false,
        backup_code_enabled: true,
        mfa_enabled_at: now(),
        mfa_disabled_at: null,
      });
      expect(JSON.stringify(user)).not.toContain('plain-0001');
      expect(await verifyCode(user.id, 'plain-0001')).toEqual(expect.objectContaining({ status: 200, body: { verified: true, code_type: 'backup_code' } }));
      expectClerkError(await verifyCode(user.id, 'plain-0001'), 422, 'totp_incorrect_code', 'code');
      expect((await getUser(user.id)).backup_code_enabled).toBe(true);
      expect(await server.clerk.users.verifyTOTP({ userId: user.id, code: 'plain-0002' })).toEqual({ verified: true, code_type: 'backup_code' });
      await expectSdkError(server.clerk.users.verifyTOTP({ userId: user.id, code: 'plain-0002' }), 422, 'totp_incorrect_code');
    });

    it('bcrypt digests with the $2a$ and $2y$ prefixes (other ecosystems) verify too', async () => {
      const digest = await bcryptHash('prefix-code-1', 10);
      const other = await bcryptHash('prefix-code-2', 10);
      const user = await createUser({ backup_codes: [`$2a$${digest.slice(4)}`, `$2y$${other.slice(4)}`, 'prefix-spare-1'] });
      expect(await verifyCode(user.id, 'prefix-code-1')).toMatchObject({ status: 200, body: { verified: true, code_type: 'backup_code' } });
      expect(await verifyCode(user.id, 'prefix-code-2')).toMatchObject({ status: 200, body: { verified: true, code_type: 'backup_code' } });
    });

    it('bcrypt digests on create verify with their plain codes', async () => {
      const digest = await bcryptHash('digest-code-1', 10);
      const user = await createUser({ backup_codes: [digest, 'digest-spare-1'] });
      expect(user.backup_code_enabled).toBe(true);
      expect(await verifyCode(user.id, 'digest-code-1')).toMatchObject({ status: 200, body: { verified: true, code_type: 'backup_code' } });
      expectClerkError(await verifyCode(user.id, 'digest-code-1'), 422, 'totp_incorrect_code', 'code');
    });

    it('backup codes on update (plain and bcrypt) replace the earlier ones, through raw HTTP and @clerk/backend', async () => {
      const user = await createUser({ backup_codes: ['old-code-1'] });
      const digest = await bcryptHash('new-digest-1', 10);
      const response = await api('PATCH', `/v1/users/${user.id}`, { backup_codes: ['new-plain-1', digest] });
      expect(response.status).toBe(200);
      expect(response.body.backup_code_enabled).toBe(true);
      expect(response.body.two_factor_enabled).toBe(true);
      expectClerkError(await verifyCode(user.id, 'old-code-1'), 422, 'totp_incorrect_code', 'code');
      expect(await verifyCode(user.id, 'new-plain-1')).toMatchObject({ status: 200, body: { verified: true, code_type: 'backup_code' } });
      expect(await verifyCode(user.id, 'new-digest-1')).toMatchObject({ status: 200, body: { verified: true, code_type: 'backup_code' } });

      const other = await server.clerk.users.createUser({ emailAddress: [uniqueEmail('sdk')] });
      const updated = await server.clerk.users.updateUser(other.id, { backupCodes: ['sdk-code-1'] });
      expect(updated.backupCodeEnabled).toBe(true);
      expect(await server.clerk.users.verifyTOTP({ userId: other.id, code: 'sdk-code-1' })).toEqual({ verified: true, code_type: 'backup_code' });
    });

    it('when the last backup code is used, backup_code_enabled goes false and mfa_disabled_at is set', async () => {
      const user = await createUser({ backup_codes: ['only-code-1'] });
      const enabledAt = user.mfa_enabled_at;
      server.clock.advanceMs(1000);
      expect((await verifyCode(user.id, 'only-code-1')).status).toBe(200);
      await expectMFAOffSince(user.id, enabledAt);
      expectClerkError(await verifyCode(user.id, 'only-code-1'), 400, 'totp_disabled');
    });

    it('with TOTP and backup codes, both kinds verify', async () => {
      const secret = generateTOTPSecret();
      const user = await createUser({ totp_secret: secret, backup_codes: ['mixed-code-1'] });
      expect(await verifyCode(user.id, 'mixed-code-1')).toMatchObject({ status: 200, body: { verified: true, code_type: 'backup_code' } });
      expect(await verifyCode(user.id, generateTOTP(secret, now()))).toMatchObject({ status: 200, body: { verified: true, code_type: 'totp' } });
      expect(mfaState(await getUser(user.id))).toMatchObject({ two_factor_enabled: true, totp_enabled: true, backup_code_enabled: false });
    });

    it('a backup code presented by 20 requests at once verifies exactly once', async () => {
      // Lockout off here would hide failures; the default policy may lock the user after 10 losers, so
      // a loser answers 422 totp_incorrect_code, or 403 user_locked once the losers have locked the user.
      const user = await createUser({ backup_codes: ['race-code-1', 'spare-code-1'] });
      const responses = await Promise.all(Array.from({ length: 20 }, () => verifyCode(user.id, 'race-code-1')));
      const winners = responses.filter((response) => response.status === 200);
      expect(winners).toHaveLength(1);
      expect(winners[0]!.body).toEqual({ verified: true, code_type: 'backup_code' });
      for (const response of responses.filter((r) => r.status !== 200)) {
        expectClerkError(response, response.status, response.status === 403 ? 'user_locked' : 'totp_incorrect_code');
      }
      await server.clerk.users.unlockUser(user.id);
      expectClerkError(await verifyCode(user.id, 'race-code-1'), 422, 'totp_incorrect_code', 'code');
      expect(await verifyCode(user.id, 'spare-code-1')).toMatchObject({ status: 200, body: { verified: true, code_type: 'backup_code' } });
    });
  });
});

describe('backup-code race without lockout interference', () => {
  // A policy larger than the number of racers, so every loser must answer 422 (not 403 user_locked).
  const server = useTestServer({ ROSTER_LOCKOUT_MAX_ATTEMPTS: '100' });
  const { createUser, lockState, verifyCode } = credentialHelpers(() => server);

  it('20 parallel verify_totp calls with one backup code: exactly one 200, nineteen 422 totp_incorrect_code', async () => {
    const user = await createUser({ backup_codes: ['race-code-1', 'spare-code-1'] });
    const responses = await Promise.all(Array.from({ length: 20 }, () => verifyCode(user.id, 'race-code-1')));
    const winners = responses.filter((response) => response.status === 200);
    expect(winners).toHaveLength(1);
    expect(winners[0]!.body).toEqual({ verified: true, code_type: 'backup_code' });
    const losers = responses.filter((response) => response.status !== 200);
    expect(losers).toHaveLength(19);
    for (const response of losers) expectClerkError(response, 422, 'totp_incorrect_code', 'code');
    expect((await lockState(user.id)).locked).toBe(false);
    expectClerkError(await verifyCode(user.id, 'race-code-1'), 422, 'totp_incorrect_code', 'code');
    expect(await verifyCode(user.id, 'spare-code-1')).toMatchObject({ status: 200, body: { verified: true, code_type: 'backup_code' } });
  });

  it('20 parallel verify_totp calls with the same TOTP code: exactly one 200 (replay protection is atomic)', async () => {
    const user = await createUser();
    const totp = await server.api('POST', `/v1/users/${user.id}/totp`);
    expect(totp.status).toBe(200);
    const code = generateTOTP(totp.body.secret, server.clock.nowMs());
    const responses = await Promise.all(Array.from({ length: 20 }, () => verifyCode(user.id, code)));
    const winners = responses.filter((response) => response.status === 200);
    expect(winners).toHaveLength(1);
    expect(winners[0]!.body).toEqual({ verified: true, code_type: 'totp' });
    for (const response of responses.filter((r) => r.status !== 200)) expectClerkError(response, 422, 'totp_incorrect_code', 'code');
    expect((await server.api('GET', `/v1/users/${user.id}`)).body.totp_enabled).toBe(true);
  });
});
