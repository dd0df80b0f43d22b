// Shared by the credential and MFA tests (passwords, password digests, lockout, TOTP, backup codes, MFA
// removal): their passwords and policy numbers, the MFA fields of a user, and request helpers bound to one
// test server.
import { createHash } from 'node:crypto';
import { expect } from 'vitest';
import { generateTOTP } from '../../src/mfa/totp.js';
import { uniqueEmail } from './fixtures.js';
import type { ApiResponse, TestServer } from './test-server.js';

export const PASSWORD = 'correct horse 42';
export const WRONG_PASSWORD = 'wrong horse 42!';
export const STEP_MS = 30_000;
export const LOCKOUT_SECONDS = 3600;

export const md5hex = (text: string): string => createHash('md5').update(text, 'utf8').digest('hex');

/** The fields that must always agree with the user's stored second factors. */
export function mfaState(user: any) {
  const { two_factor_enabled, totp_enabled, backup_code_enabled, mfa_enabled_at, mfa_disabled_at } = user;
  return { two_factor_enabled, totp_enabled, backup_code_enabled, mfa_enabled_at, mfa_disabled_at };
}

/** A six-digit code that is not valid for `secret` anywhere in the one-step window around `atMs`. */
export function wrongCode(secret: string, atMs: number): string {
  const valid = new Set([-1, 0, 1].map((step) => generateTOTP(secret, atMs + step * STEP_MS)));
  for (let n = 0; ; n++) {
    const code = String(n).padStart(6, '0');
    if (!valid.has(code)) return code;
  }
}

/** Helpers bound to one server. */
export function credentialHelpers(server: () => TestServer) {
  const api = <T = any>(method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<ApiResponse<T>> =>
    server().api<T>(method, url, body, headers);
  const now = () => server().clock.nowMs();

  async function createUser(body: Record<string, unknown> = {}): Promise<any> {
    const response = await api('POST', '/v1/users', { email_address: [uniqueEmail('cred')], ...body });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body;
  }
  async function getUser(id: string): Promise<any> {
    const response = await api('GET', `/v1/users/${id}`);
    expect(response.status).toBe(200);
    return response.body;
  }
  const verifyCode = (id: string, code: string) => api('POST', `/v1/users/${id}/verify_totp`, { code });
  async function createTOTP(id: string): Promise<any> {
    const response = await api('POST', `/v1/users/${id}/totp`);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body;
  }

  return {
    api,
    now,
    createUser,
    getUser,
    async lockState(id: string) {
      const response = await api('GET', `/v1/users/${id}`);
      expect(response.status).toBe(200);
      const { locked, lockout_expires_in_seconds, verification_attempts_remaining } = response.body;
      return { locked, lockout_expires_in_seconds, verification_attempts_remaining };
    },
    verifyPassword: (id: string, password: string) => api('POST', `/v1/users/${id}/verify_password`, { password }),
    verifyCode,
    createTOTP,
    async storedPassword(id: string) {
      return server()
        .database.db.selectFrom('users')
        .select(['password_hasher', 'password_digest'])
        .where('id', '=', id)
        .executeTakeFirst();
    },
    /** Every second factor is gone: MFA reads off, disabled now, enabled still at `enabledAt`. */
    expectMFAOffSince: async (userId: string, enabledAt: number | null) =>
      expect(mfaState(await getUser(userId))).toEqual({
        two_factor_enabled: false,
        totp_enabled: false,
        backup_code_enabled: false,
        mfa_enabled_at: enabledAt,
        mfa_disabled_at: now(),
      }),
    /**
     * A user with a confirmed TOTP (through POST /totp and a first correct code). The clock then moves four
     * steps on, so codes from now-2 to now+2 steps are all newer than the step already used.
     */
    async userWithTOTP(body: Record<string, unknown> = {}) {
      const user = await createUser(body);
      const totp = await createTOTP(user.id);
      const confirm = await verifyCode(user.id, generateTOTP(totp.secret, now()));
      expect(confirm.status, JSON.stringify(confirm.body)).toBe(200);
      server().clock.advanceMs(4 * STEP_MS);
      return { user, secret: totp.secret as string };
    },
  };
}
