// The lockout policy around every verification: wrong passwords, TOTP codes and backup codes share one count,
// a success or an admin unlock resets it, the lock expires; parallel guesses never exceed the policy.
import { describe, expect, it } from 'vitest';
import { generateTOTP } from '../../../src/mfa/totp.js';
import { expectClerkError } from '../../helpers/assertions.js';
import { credentialHelpers, LOCKOUT_SECONDS, PASSWORD, WRONG_PASSWORD, wrongCode } from '../../helpers/credential-helpers.js';
import { uniqueEmail } from '../../helpers/fixtures.js';
import { useTestServer } from '../../helpers/test-server.js';

describe('credentials and MFA', () => {
  const server = useTestServer();
  const { createUser, lockState, verifyPassword, verifyCode, now, userWithTOTP } = credentialHelpers(() => server);

  describe('lockout counting', () => {
    it('each wrong password takes one attempt; the tenth locks the user for the configured duration', async () => {
      const user = await createUser({ password: PASSWORD });
      expect(await lockState(user.id)).toEqual({ locked: false, lockout_expires_in_seconds: null, verification_attempts_remaining: 10 });
      for (let attempt = 1; attempt <= 9; attempt++) {
        expectClerkError(await verifyPassword(user.id, WRONG_PASSWORD), 422, 'incorrect_password');
        expect(await lockState(user.id)).toEqual({ locked: false, lockout_expires_in_seconds: null, verification_attempts_remaining: 10 - attempt });
      }
      expectClerkError(await verifyPassword(user.id, WRONG_PASSWORD), 422, 'incorrect_password');
      expect(await lockState(user.id)).toEqual({ locked: true, lockout_expires_in_seconds: LOCKOUT_SECONDS, verification_attempts_remaining: 0 });
      const locked = await verifyPassword(user.id, PASSWORD);
      expectClerkError(locked, 403, 'user_locked');
      expect(locked.body.errors[0].meta).toEqual({ lockout_expires_in_seconds: LOCKOUT_SECONDS });
    });

    it('a success resets the count to the full policy', async () => {
      const user = await createUser({ password: PASSWORD });
      for (let attempt = 0; attempt < 3; attempt++) expectClerkError(await verifyPassword(user.id, WRONG_PASSWORD), 422, 'incorrect_password');
      expect((await lockState(user.id)).verification_attempts_remaining).toBe(7);
      expect((await verifyPassword(user.id, PASSWORD)).status).toBe(200);
      expect(await lockState(user.id)).toEqual({ locked: false, lockout_expires_in_seconds: null, verification_attempts_remaining: 10 });
    });

    it('an admin unlock resets the count', async () => {
      const user = await createUser({ password: PASSWORD });
      for (let attempt = 0; attempt < 10; attempt++) await verifyPassword(user.id, WRONG_PASSWORD);
      expect((await lockState(user.id)).locked).toBe(true);
      await server.clerk.users.unlockUser(user.id);
      expect(await lockState(user.id)).toEqual({ locked: false, lockout_expires_in_seconds: null, verification_attempts_remaining: 10 });
      expectClerkError(await verifyPassword(user.id, WRONG_PASSWORD), 422, 'incorrect_password');
      expect((await lockState(user.id)).verification_attempts_remaining).toBe(9);
      expect((await verifyPassword(user.id, PASSWORD)).status).toBe(200);
    });

    it('after the lock expires the user can verify again and the count restarts', async () => {
      const user = await createUser({ password: PASSWORD });
      for (let attempt = 0; attempt < 10; attempt++) await verifyPassword(user.id, WRONG_PASSWORD);
      expect(await lockState(user.id)).toEqual({ locked: true, lockout_expires_in_seconds: LOCKOUT_SECONDS, verification_attempts_remaining: 0 });
      server.clock.advanceMs(LOCKOUT_SECONDS * 1000 - 1000);
      expect(await lockState(user.id)).toEqual({ locked: true, lockout_expires_in_seconds: 1, verification_attempts_remaining: 0 });
      expectClerkError(await verifyPassword(user.id, PASSWORD), 403, 'user_locked');
      server.clock.advanceMs(1001);
      expect(await lockState(user.id)).toEqual({ locked: false, lockout_expires_in_seconds: null, verification_attempts_remaining: 10 });
      expectClerkError(await verifyPassword(user.id, WRONG_PASSWORD), 422, 'incorrect_password');
      expect(await lockState(user.id)).toEqual({ locked: false, lockout_expires_in_seconds: null, verification_attempts_remaining: 9 });
      expect((await verifyPassword(user.id, PASSWORD)).status).toBe(200);
      expect((await lockState(user.id)).verification_attempts_remaining).toBe(10);
    });

    it('a right password right after the lock expires verifies and the count is full', async () => {
      const user = await createUser({ password: PASSWORD });
      for (let attempt = 0; attempt < 10; attempt++) await verifyPassword(user.id, WRONG_PASSWORD);
      server.clock.advanceMs(LOCKOUT_SECONDS * 1000 + 1);
      expect(await verifyPassword(user.id, PASSWORD)).toMatchObject({ status: 200, body: { verified: true } });
      expect(await lockState(user.id)).toEqual({ locked: false, lockout_expires_in_seconds: null, verification_attempts_remaining: 10 });
    });

    it('20 parallel wrong passwords on a policy of 10 leave the user locked with exactly 0 remaining', async () => {
      const user = await createUser({ password: PASSWORD });
      const responses = await Promise.all(Array.from({ length: 20 }, () => verifyPassword(user.id, WRONG_PASSWORD)));
      for (const response of responses) {
        expect([422, 403], JSON.stringify(response.body)).toContain(response.status);
        expectClerkError(response, response.status, response.status === 422 ? 'incorrect_password' : 'user_locked');
      }
      // At least the ten that locked the user were counted as wrong passwords.
      expect(responses.filter((response) => response.status === 422).length).toBeGreaterThanOrEqual(10);
      expect(await lockState(user.id)).toEqual({ locked: true, lockout_expires_in_seconds: LOCKOUT_SECONDS, verification_attempts_remaining: 0 });
      expectClerkError(await verifyPassword(user.id, PASSWORD), 403, 'user_locked');
    });

    it('wrong TOTP codes count toward the lockout, and the tenth locks the user', async () => {
      const { user, secret } = await userWithTOTP({ password: PASSWORD });
      expect((await lockState(user.id)).verification_attempts_remaining).toBe(10);
      for (let attempt = 1; attempt <= 10; attempt++) {
        expectClerkError(await verifyCode(user.id, wrongCode(secret, now())), 422, 'totp_incorrect_code', 'code');
        expect((await lockState(user.id)).verification_attempts_remaining).toBe(10 - attempt);
      }
      expect((await lockState(user.id)).locked).toBe(true);
      expectClerkError(await verifyCode(user.id, generateTOTP(secret, now())), 403, 'user_locked');
      expectClerkError(await verifyPassword(user.id, PASSWORD), 403, 'user_locked');
    });

    it('wrong passwords and wrong codes share one count; a correct TOTP code resets it', async () => {
      const { user, secret } = await userWithTOTP({ password: PASSWORD });
      await verifyPassword(user.id, WRONG_PASSWORD);
      await verifyCode(user.id, wrongCode(secret, now()));
      expect((await lockState(user.id)).verification_attempts_remaining).toBe(8);
      expect((await verifyCode(user.id, generateTOTP(secret, now()))).status).toBe(200);
      expect((await lockState(user.id)).verification_attempts_remaining).toBe(10);
    });

    it('wrong backup codes count toward the lockout; a right one resets it', async () => {
      const user = await createUser({ backup_codes: ['alpha-1111', 'bravo-2222'] });
      for (let attempt = 1; attempt <= 3; attempt++) {
        expectClerkError(await verifyCode(user.id, `nope-${attempt}`), 422, 'totp_incorrect_code', 'code');
        expect((await lockState(user.id)).verification_attempts_remaining).toBe(10 - attempt);
      }
      expect(await verifyCode(user.id, 'alpha-1111')).toMatchObject({ status: 200, body: { verified: true, code_type: 'backup_code' } });
      expect((await lockState(user.id)).verification_attempts_remaining).toBe(10);
      for (let attempt = 0; attempt < 10; attempt++) await verifyCode(user.id, 'nope');
      expect(await lockState(user.id)).toEqual({ locked: true, lockout_expires_in_seconds: LOCKOUT_SECONDS, verification_attempts_remaining: 0 });
      expectClerkError(await verifyCode(user.id, 'bravo-2222'), 403, 'user_locked');
    });

    it('verify_totp refuses banned users with 403 user_banned', async () => {
      const { user, secret } = await userWithTOTP();
      await server.clerk.users.banUser(user.id);
      expectClerkError(await verifyCode(user.id, generateTOTP(secret, now())), 403, 'user_banned');
    });
  });
});

describe('lockout under concurrency: guesses never exceed the policy', () => {
  const server = useTestServer({ ROSTER_LOCKOUT_MAX_ATTEMPTS: '5' });

  it('40 parallel wrong guesses on a policy of 5: exactly 5 are checked, 35 refused as locked; the right password then fails too', async () => {
    const created = await server.api('POST', '/v1/users', { email_address: [uniqueEmail('race')], password: 'right-password-42' });
    const userId = created.body.id as string;
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) => server.api('POST', `/v1/users/${userId}/verify_password`, { password: `wrong-${i}` })),
    );
    const codes = answers.map((answer) => answer.body.errors?.[0]?.code);
    expect(codes.filter((code) => code === 'incorrect_password')).toHaveLength(5);
    expect(codes.filter((code) => code === 'user_locked')).toHaveLength(35);
    const user = (await server.api('GET', `/v1/users/${userId}`)).body;
    expect(user.locked).toBe(true);
    expect(user.verification_attempts_remaining).toBe(0);
    expectClerkError(await server.api('POST', `/v1/users/${userId}/verify_password`, { password: 'right-password-42' }), 403, 'user_locked');
  });
});
