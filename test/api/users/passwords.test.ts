// Password endpoints: POST /v1/users/{user_id}/verify_password, /remove_password, /password/set_compromised and
// /password/unset_compromised, raw HTTP and @clerk/backend. Lockout: lockout.test.ts; imported digests:
// password-digests.test.ts.
import { describe, expect, it } from 'vitest';
import { expectClerkError, expectSdkError } from '../../helpers/assertions.js';
import { credentialHelpers, LOCKOUT_SECONDS, md5hex, PASSWORD, WRONG_PASSWORD } from '../../helpers/credential-helpers.js';
import { uniqueTag } from '../../helpers/fixtures.js';
import { useTestServer } from '../../helpers/test-server.js';

describe('credentials and MFA', () => {
  const server = useTestServer();
  const { createUser, getUser, lockState, verifyPassword, storedPassword, api, now } = credentialHelpers(() => server);

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
});
