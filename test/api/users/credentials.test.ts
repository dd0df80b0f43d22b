// Credentials and MFA: POST /v1/users/{user_id}/verify_password, /remove_password,
// /password/set_compromised, /password/unset_compromised, /totp, /verify_totp; DELETE /v1/users/{user_id}/totp,
// /backup_code, /mfa; password_digest + password_hasher, totp_secret and backup_codes on create and update;
// the lockout policy around every verification.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { hash as bcryptHash } from '@node-rs/bcrypt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTOTP, generateTOTPSecret } from '../../../src/mfa/totp.js';
import { createHasherRegistry } from '../../../src/passwords/registry.js';
import { expectClerkError, expectSdkError } from '../../helpers/assertions.js';
import { uniqueEmail, uniquePhone, uniqueTag } from '../../helpers/fixtures.js';
import { startTestServer, type ApiResponse, type TestServer } from '../../helpers/test-server.js';

const PASSWORD = 'correct horse 42';
const WRONG_PASSWORD = 'wrong horse 42!';
const STEP_MS = 30_000;
const LOCKOUT_SECONDS = 3600;

const md5hex = (text: string): string => createHash('md5').update(text, 'utf8').digest('hex');

const FIXTURE_DIR = new URL('../../fixtures/password-digests/', import.meta.url);
interface DigestVector {
  password: string;
  digest: string;
}
/** Every registered hasher that has a known-answer fixture file, with that file's first vector. */
const HASHERS_WITH_FIXTURES: Array<[string, DigestVector]> = createHasherRegistry()
  .names()
  .filter((name) => fs.existsSync(new URL(`${name}.json`, FIXTURE_DIR)))
  .map((name) => {
    const fixture = JSON.parse(fs.readFileSync(new URL(`${name}.json`, FIXTURE_DIR), 'utf8')) as { vectors: DigestVector[] };
    return [name, fixture.vectors[0]!];
  });

/** The fields that must always agree with the user's stored second factors. */
function mfaState(user: any) {
  const { two_factor_enabled, totp_enabled, backup_code_enabled, mfa_enabled_at, mfa_disabled_at } = user;
  return { two_factor_enabled, totp_enabled, backup_code_enabled, mfa_enabled_at, mfa_disabled_at };
}

/** A six-digit code that is not valid for `secret` anywhere in the one-step window around `atMs`. */
function wrongCode(secret: string, atMs: number): string {
  const valid = new Set([-1, 0, 1].map((step) => generateTOTP(secret, atMs + step * STEP_MS)));
  for (let n = 0; ; n++) {
    const code = String(n).padStart(6, '0');
    if (!valid.has(code)) return code;
  }
}

/** Helpers bound to one server. */
function helpers(server: () => TestServer) {
  const api = <T = any>(method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<ApiResponse<T>> =>
    server().api<T>(method, url, body, headers);
  return {
    async createUser(body: Record<string, unknown> = {}): Promise<any> {
      const response = await api('POST', '/v1/users', { email_address: [uniqueEmail('cred')], ...body });
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      return response.body;
    },
    async getUser(id: string): Promise<any> {
      const response = await api('GET', `/v1/users/${id}`);
      expect(response.status).toBe(200);
      return response.body;
    },
    async lockState(id: string) {
      const response = await api('GET', `/v1/users/${id}`);
      expect(response.status).toBe(200);
      const { locked, lockout_expires_in_seconds, verification_attempts_remaining } = response.body;
      return { locked, lockout_expires_in_seconds, verification_attempts_remaining };
    },
    verifyPassword: (id: string, password: string) => api('POST', `/v1/users/${id}/verify_password`, { password }),
    verifyCode: (id: string, code: string) => api('POST', `/v1/users/${id}/verify_totp`, { code }),
    async createTOTP(id: string): Promise<any> {
      const response = await api('POST', `/v1/users/${id}/totp`);
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      return response.body;
    },
    async storedPassword(id: string) {
      return server()
        .database.db.selectFrom('users')
        .select(['password_hasher', 'password_digest'])
        .where('id', '=', id)
        .executeTakeFirst();
    },
    api,
  };
}

describe('credentials and MFA', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server.close());
  const { createUser, getUser, lockState, verifyPassword, verifyCode, createTOTP, storedPassword, api } = helpers(() => server);
  const now = () => server.clock.nowMs();
  /** Every second factor is gone: MFA reads off, disabled now, enabled still at `enabledAt`. */
  const expectMFAOffSince = async (userId: string, enabledAt: number | null) =>
    expect(mfaState(await getUser(userId))).toEqual({
      two_factor_enabled: false,
      totp_enabled: false,
      backup_code_enabled: false,
      mfa_enabled_at: enabledAt,
      mfa_disabled_at: now(),
    });

  /**
   * A user with a confirmed TOTP (through POST /totp and a first correct code). The clock then moves four
   * steps on, so codes from now-2 to now+2 steps are all newer than the step already used.
   */
  async function userWithTOTP(body: Record<string, unknown> = {}) {
    const user = await createUser(body);
    const totp = await createTOTP(user.id);
    const confirm = await verifyCode(user.id, generateTOTP(totp.secret, now()));
    expect(confirm.status, JSON.stringify(confirm.body)).toBe(200);
    server.clock.advanceMs(4 * STEP_MS);
    return { user, secret: totp.secret as string };
  }

  describe('POST /v1/users/{user_id}/verify_password', () => {
    it('answers {verified: true} for the right password, raw and through @clerk/backend', async () => {
      const user = await createUser({ password: PASSWORD });
      const response = await verifyPassword(user.id, PASSWORD);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ verified: true });
      expect(await server.clerk.users.verifyPassword({ userId: user.id, password: PASSWORD })).toEqual({ verified: true });
    });

    it('answers 422 incorrect_password for a wrong password, raw and through @clerk/backend', async () => {
      const user = await createUser({ password: PASSWORD });
      expectClerkError(await verifyPassword(user.id, WRONG_PASSWORD), 422, 'incorrect_password');
      await expectSdkError(server.clerk.users.verifyPassword({ userId: user.id, password: WRONG_PASSWORD }), 422, 'incorrect_password');
    });

    it('answers 400 no_password_set for a user without a password', async () => {
      const user = await createUser();
      expect(user.password_enabled).toBe(false);
      expectClerkError(await verifyPassword(user.id, PASSWORD), 400, 'no_password_set');
      await expectSdkError(server.clerk.users.verifyPassword({ userId: user.id, password: PASSWORD }), 400, 'no_password_set');
    });

    it('answers 404 resource_not_found for an unknown user', async () => {
      expectClerkError(await verifyPassword(`user_unknown${uniqueTag()}`, PASSWORD), 404, 'resource_not_found');
      await expectSdkError(server.clerk.users.verifyPassword({ userId: `user_unknown${uniqueTag()}`, password: PASSWORD }), 404, 'resource_not_found');
    });

    it('answers 403 user_banned for a banned user, even with the right password', async () => {
      const user = await createUser({ password: PASSWORD });
      expect((await api('POST', `/v1/users/${user.id}/ban`)).status).toBe(200);
      expectClerkError(await verifyPassword(user.id, PASSWORD), 403, 'user_banned');
      await expectSdkError(server.clerk.users.verifyPassword({ userId: user.id, password: PASSWORD }), 403, 'user_banned');
    });

    it('answers 403 user_locked for a locked user, even with the right password, and does not count it', async () => {
      const user = await createUser({ password: PASSWORD });
      await server.clerk.users.lockUser(user.id);
      expectClerkError(await verifyPassword(user.id, PASSWORD), 403, 'user_locked');
      expectClerkError(await verifyPassword(user.id, WRONG_PASSWORD), 403, 'user_locked');
      await expectSdkError(server.clerk.users.verifyPassword({ userId: user.id, password: PASSWORD }), 403, 'user_locked');
      expect(await lockState(user.id)).toEqual({ locked: true, lockout_expires_in_seconds: LOCKOUT_SECONDS, verification_attempts_remaining: 10 });
    });

    it('answers 422 form_param_missing (password) without a password', async () => {
      const user = await createUser({ password: PASSWORD });
      expectClerkError(await api('POST', `/v1/users/${user.id}/verify_password`, {}), 422, 'form_param_missing', 'password');
    });
  });

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

  describe('transparent upgrade of imported digests', () => {
    it('the first successful verification re-hashes an md5 digest to argon2id', async () => {
      const user = await createUser({ password_digest: md5hex(PASSWORD), password_hasher: 'md5' });
      expect(user.password_enabled).toBe(true);
      expect(await storedPassword(user.id)).toEqual({ password_hasher: 'md5', password_digest: md5hex(PASSWORD) });
      expect(await verifyPassword(user.id, PASSWORD)).toMatchObject({ status: 200, body: { verified: true } });
      const stored = await storedPassword(user.id);
      expect(stored?.password_hasher).toBe('argon2id');
      expect(stored?.password_digest).toMatch(/^\$argon2id\$/);
      expect(await verifyPassword(user.id, PASSWORD)).toMatchObject({ status: 200, body: { verified: true } });
      expectClerkError(await verifyPassword(user.id, WRONG_PASSWORD), 422, 'incorrect_password');
      expect((await getUser(user.id)).password_enabled).toBe(true);
    });

    it('a wrong password never upgrades the digest', async () => {
      const user = await createUser({ password_digest: md5hex(PASSWORD), password_hasher: 'md5' });
      expectClerkError(await verifyPassword(user.id, WRONG_PASSWORD), 422, 'incorrect_password');
      expect(await storedPassword(user.id)).toEqual({ password_hasher: 'md5', password_digest: md5hex(PASSWORD) });
    });

    it('@clerk/backend createUser with passwordDigest and passwordHasher imports a verifiable password', async () => {
      const created = await server.clerk.users.createUser({
        emailAddress: [uniqueEmail('sdk')],
        passwordDigest: md5hex(PASSWORD),
        passwordHasher: 'md5',
      });
      expect(created.passwordEnabled).toBe(true);
      expect(await server.clerk.users.verifyPassword({ userId: created.id, password: PASSWORD })).toEqual({ verified: true });
      await expectSdkError(server.clerk.users.verifyPassword({ userId: created.id, password: WRONG_PASSWORD }), 422, 'incorrect_password');
    });
  });

  describe('password digest import rules', () => {
    const targets = {
      'POST /v1/users': async (body: Record<string, unknown>) => api('POST', '/v1/users', { email_address: [uniqueEmail('digest')], ...body }),
      'PATCH /v1/users/{user_id}': async (body: Record<string, unknown>) => {
        const user = await createUser();
        return api('PATCH', `/v1/users/${user.id}`, body);
      },
    };

    describe.each(Object.entries(targets))('%s', (_label, send) => {
      it('rejects an unknown hasher with 422 form_param_value_invalid (password_hasher)', async () => {
        expectClerkError(await send({ password_digest: md5hex(PASSWORD), password_hasher: 'rot13' }), 422, 'form_param_value_invalid', 'password_hasher');
      });

      it('rejects awscognito with a 422 that says Cognito cannot be verified', async () => {
        const response = await send({ password_digest: 'awscognito#us-east-1_abc#client#user', password_hasher: 'awscognito' });
        expectClerkError(response, 422, 'form_param_value_invalid', 'password_hasher');
        expect(response.body.errors[0].long_message).toMatch(/cognito/i);
      });

      it('rejects a digest malformed for its hasher with 422 form_password_digest_invalid_code (password_digest)', async () => {
        const malformed = md5hex(PASSWORD).slice(0, 31);
        expectClerkError(await send({ password_digest: malformed, password_hasher: 'md5' }), 422, 'form_password_digest_invalid_code', 'password_digest');
        expectClerkError(await send({ password_digest: `${md5hex(PASSWORD).slice(0, 31)}z`, password_hasher: 'md5' }), 422, 'form_password_digest_invalid_code', 'password_digest');
      });

      it('rejects a digest without a hasher with 422 form_param_missing (password_hasher)', async () => {
        expectClerkError(await send({ password_digest: md5hex(PASSWORD) }), 422, 'form_param_missing', 'password_hasher');
      });

      it('rejects password and password_digest together with 422', async () => {
        const response = await send({ password: PASSWORD, password_digest: md5hex(PASSWORD), password_hasher: 'md5' });
        expectClerkError(response, 422, 'form_param_value_invalid');
      });
    });

    it('PATCH with a digest replaces the password, and the new one verifies', async () => {
      const user = await createUser({ password: PASSWORD });
      const response = await api('PATCH', `/v1/users/${user.id}`, { password_digest: md5hex('another horse 7'), password_hasher: 'md5' });
      expect(response.status).toBe(200);
      expect(response.body.password_enabled).toBe(true);
      expectClerkError(await verifyPassword(user.id, PASSWORD), 422, 'incorrect_password');
      expect((await verifyPassword(user.id, 'another horse 7')).status).toBe(200);
    });

    it('has a fixture for at least the fast hashers', () => {
      expect(HASHERS_WITH_FIXTURES.map(([name]) => name)).toEqual(expect.arrayContaining(['md5', 'sha256', 'phpass']));
    });

    describe.each(HASHERS_WITH_FIXTURES)('hasher %s', (name, vector) => {
      it('accepts its fixture digest on create, and verify_password with the fixture password answers 200', async () => {
        const user = await createUser({ password_digest: vector.digest, password_hasher: name });
        expect(user.password_enabled).toBe(true);
        expectClerkError(await verifyPassword(user.id, `${vector.password}-not-it`), 422, 'incorrect_password');
        expect(await verifyPassword(user.id, vector.password)).toMatchObject({ status: 200, body: { verified: true } });
        // Re-hashed to argon2id on that first success, and still the same password; kept as imported when the digest
        // accepts other passwords too (Devise's long pepper: rehash-fidelity.test.ts).
        const onlyOne = createHasherRegistry().get(name)!.acceptsOnly?.(vector.digest, vector.password) ?? true;
        expect((await storedPassword(user.id))?.password_hasher).toBe(onlyOne ? 'argon2id' : name);
        expect(await verifyPassword(user.id, vector.password)).toMatchObject({ status: 200, body: { verified: true } });
      });
    });
  });

  describe('POST /v1/users/{user_id}/remove_password', () => {
    it('removes the password: password_enabled false, then verify_password answers 400 no_password_set', async () => {
      const user = await createUser({ password: PASSWORD });
      expect(user.password_enabled).toBe(true);
      const response = await api('POST', `/v1/users/${user.id}/remove_password`, {});
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ id: user.id, object: 'user', password_enabled: false });
      expect((await getUser(user.id)).password_enabled).toBe(false);
      expectClerkError(await verifyPassword(user.id, PASSWORD), 400, 'no_password_set');
      expect(await storedPassword(user.id)).toEqual({ password_hasher: null, password_digest: null });
    });

    it('returns the user unchanged (200) when there is no password, as the 2026-05-12 spec says', async () => {
      const user = await createUser();
      const before = await getUser(user.id);
      expect(before.password_enabled).toBe(false);
      const response = await api('POST', `/v1/users/${user.id}/remove_password`, {});
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      expect(response.body).toEqual(before);
      const viaSdk = await server.clerk.users.removePassword(user.id, { signOutOfOtherSessions: true });
      expect(viaSdk).toMatchObject({ id: user.id, passwordEnabled: false, updatedAt: before.updated_at });
      expect(await getUser(user.id)).toEqual(before);
    });

    it('accepts sign_out_of_other_sessions: true', async () => {
      const user = await createUser({ password: PASSWORD });
      const response = await api('POST', `/v1/users/${user.id}/remove_password`, { sign_out_of_other_sessions: true });
      expect(response.status).toBe(200);
      expect(response.body.password_enabled).toBe(false);
    });

    it('accepts a bodiless POST with a JSON content type, and works through @clerk/backend', async () => {
      const first = await createUser({ password: PASSWORD });
      const response = await api('POST', `/v1/users/${first.id}/remove_password`, undefined, { 'content-type': 'application/json' });
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      expect(response.body.password_enabled).toBe(false);

      const second = await createUser({ password: PASSWORD });
      const updated = await server.clerk.users.removePassword(second.id, { signOutOfOtherSessions: true });
      expect(updated.passwordEnabled).toBe(false);
    });

    it('answers 404 for an unknown user', async () => {
      expectClerkError(await api('POST', `/v1/users/user_unknown${uniqueTag()}/remove_password`, {}), 404, 'resource_not_found');
    });

    it('password_last_updated_at follows the password: null without one, set on create and on PATCH', async () => {
      const without = await createUser();
      expect(without.password_last_updated_at).toBeNull();
      const user = await createUser({ password: PASSWORD });
      expect(user.password_last_updated_at).toBe(now());
      server.clock.advanceMs(5000);
      const patched = await api('PATCH', `/v1/users/${user.id}`, { password_digest: md5hex('digest horse 5'), password_hasher: 'md5' });
      expect(patched.status).toBe(200);
      expect(patched.body.password_last_updated_at).toBe(now());
      server.clock.advanceMs(5000);
      const unrelated = await api('PATCH', `/v1/users/${user.id}`, { first_name: 'Same' });
      expect(unrelated.body.password_last_updated_at).toBe(now() - 5000);
      // The transparent upgrade re-hashes the same password: not a password change.
      expect((await verifyPassword(user.id, 'digest horse 5')).status).toBe(200);
      expect((await getUser(user.id)).password_last_updated_at).toBe(now() - 5000);
    });
  });

  describe('POST /v1/users/{user_id}/password/set_compromised and unset_compromised', () => {
    it('a compromised password verifies as 422 form_password_compromised; a wrong one stays incorrect_password', async () => {
      const user = await createUser({ password: PASSWORD });
      const response = await api('POST', `/v1/users/${user.id}/password/set_compromised`, {});
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ id: user.id, password_enabled: true });
      expectClerkError(await verifyPassword(user.id, PASSWORD), 422, 'form_password_compromised');
      expectClerkError(await verifyPassword(user.id, WRONG_PASSWORD), 422, 'incorrect_password');
    });

    it('unset_compromised makes the password verify again', async () => {
      const user = await createUser({ password: PASSWORD });
      await server.clerk.users.setPasswordCompromised(user.id);
      await expectSdkError(server.clerk.users.verifyPassword({ userId: user.id, password: PASSWORD }), 422, 'form_password_compromised');
      const response = await api('POST', `/v1/users/${user.id}/password/unset_compromised`);
      expect(response.status).toBe(200);
      expect(response.body.id).toBe(user.id);
      expect(await verifyPassword(user.id, PASSWORD)).toMatchObject({ status: 200, body: { verified: true } });
    });

    it('setting a new password through PATCH clears the mark', async () => {
      const user = await createUser({ password: PASSWORD });
      await api('POST', `/v1/users/${user.id}/password/set_compromised`, {});
      expect((await api('PATCH', `/v1/users/${user.id}`, { password: 'a brand new horse 9' })).status).toBe(200);
      expect((await verifyPassword(user.id, 'a brand new horse 9')).status).toBe(200);
      expectClerkError(await verifyPassword(user.id, PASSWORD), 422, 'incorrect_password');
    });

    it('answers 404 for an unknown user', async () => {
      expectClerkError(await api('POST', `/v1/users/user_unknown${uniqueTag()}/password/set_compromised`, {}), 404, 'resource_not_found');
      expectClerkError(await api('POST', `/v1/users/user_unknown${uniqueTag()}/password/unset_compromised`), 404, 'resource_not_found');
    });

    it('accepts revoke_all_sessions: true, raw and through @clerk/backend', async () => {
      const user = await createUser({ password: PASSWORD });
      expect((await api('POST', `/v1/users/${user.id}/password/set_compromised`, { revoke_all_sessions: true })).status).toBe(200);
      expectClerkError(await verifyPassword(user.id, PASSWORD), 422, 'form_password_compromised');
      const other = await createUser({ password: PASSWORD });
      const updated = await server.clerk.users.setPasswordCompromised(other.id, { revokeAllSessions: true });
      expect(updated.id).toBe(other.id);
      expectClerkError(await verifyPassword(other.id, PASSWORD), 422, 'form_password_compromised');
      await server.clerk.users.unsetPasswordCompromised(other.id);
      expect((await verifyPassword(other.id, PASSWORD)).status).toBe(200);
    });
  });

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

describe('backup-code race without lockout interference', () => {
  let server: TestServer;
  beforeAll(async () => {
    // A policy larger than the number of racers, so every loser must answer 422 (not 403 user_locked).
    server = await startTestServer({ ROSTER_LOCKOUT_MAX_ATTEMPTS: '100' });
  });
  afterAll(async () => server.close());
  const { createUser, verifyCode, lockState } = helpers(() => server);

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

describe('lockout under concurrency: guesses never exceed the policy', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ ROSTER_LOCKOUT_MAX_ATTEMPTS: '5' });
  });
  afterAll(async () => server.close());

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

