// Lockout under server errors: POST /v1/users/{user_id}/verify_password and /verify_totp. A check that
// fails with a server error takes no attempt, and whatever refuses a user for lockout leaves the stored
// state saying so: GET /v1/users/{user_id} shows `locked: true` with the right expiry, and the lock ends on time.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSecretBox } from '../../../src/lib/secret-box.js';
import { generateTOTP, generateTOTPSecret } from '../../../src/mfa/totp.js';
import { createHasherRegistry, type HasherRegistry } from '../../../src/passwords/registry.js';
import { createPasswordService } from '../../../src/users/password-service.js';
import { createVerificationGuard } from '../../../src/users/verification-guard.js';
import { findUserById } from '../../../src/storage/repositories/users-repository.js';
import { expectClerkError } from '../../helpers/assertions.js';
import { uniqueEmail } from '../../helpers/fixtures.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';

const PASSWORD = 'correct horse 42';
const WRONG_PASSWORD = 'wrong horse 42!';
const LOCKOUT_SECONDS = 3600;
const MAX_ATTEMPTS = 10;

describe('lockout consistency', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server.close());

  const now = () => server.clock.nowMs();
  const verifyPassword = (id: string, password: string) => server.api('POST', `/v1/users/${id}/verify_password`, { password });
  const verifyCode = (id: string, code: string) => server.api('POST', `/v1/users/${id}/verify_totp`, { code });
  async function lockState(id: string) {
    const response = await server.api('GET', `/v1/users/${id}`);
    expect(response.status).toBe(200);
    const { locked, lockout_expires_in_seconds, verification_attempts_remaining } = response.body;
    return { locked, lockout_expires_in_seconds, verification_attempts_remaining };
  }
  const unlockedWith = (remaining: number) => ({ locked: false, lockout_expires_in_seconds: null, verification_attempts_remaining: remaining });

  async function createUser(body: Record<string, unknown> = {}): Promise<{ id: string }> {
    const response = await server.api('POST', '/v1/users', { email_address: [uniqueEmail('lockc')], password: PASSWORD, ...body });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body;
  }

  /** A user whose stored TOTP secret was sealed under another instance key: opening it throws. */
  async function userWithUnreadableTOTP() {
    const secret = generateTOTPSecret();
    const user = await createUser({ totp_secret: secret });
    const foreign = createSecretBox(randomBytes(32)).seal(secret);
    await server.database.db.updateTable('users').set({ totp_secret: foreign }).where('id', '=', user.id).execute();
    return { user, secret };
  }

  async function storedLock(id: string) {
    const row = await findUserById(server.database.db, id);
    return { lockedAt: row!.locked_at, failedAttempts: row!.failed_verification_attempts };
  }

  describe('a check that fails with a server error takes no attempt', () => {
    it('verify_totp answering 500 (a sealed secret the key cannot open) twelve times leaves every attempt', async () => {
      const { user, secret } = await userWithUnreadableTOTP();
      for (let i = 0; i < MAX_ATTEMPTS + 2; i++) {
        expectClerkError(await verifyCode(user.id, generateTOTP(secret, now())), 500, 'internal_clerk_error');
      }
      expect(await lockState(user.id)).toEqual(unlockedWith(MAX_ATTEMPTS));
      expect(await storedLock(user.id)).toEqual({ lockedAt: null, failedAttempts: 0 });
      const password = await verifyPassword(user.id, PASSWORD);
      expect(password.status, JSON.stringify(password.body)).toBe(200);
    });

    it('server errors between wrong passwords do not count: only the wrong passwords do', async () => {
      const { user, secret } = await userWithUnreadableTOTP();
      for (let i = 0; i < MAX_ATTEMPTS - 1; i++) {
        expectClerkError(await verifyPassword(user.id, WRONG_PASSWORD), 422, 'incorrect_password');
        expectClerkError(await verifyCode(user.id, generateTOTP(secret, now())), 500, 'internal_clerk_error');
      }
      expect(await lockState(user.id)).toEqual(unlockedWith(1));
      expectClerkError(await verifyPassword(user.id, WRONG_PASSWORD), 422, 'incorrect_password');
      expect(await lockState(user.id)).toEqual({ locked: true, lockout_expires_in_seconds: LOCKOUT_SECONDS, verification_attempts_remaining: 0 });
    });

    it('verify_password whose hasher throws gives its attempt back', async () => {
      const user = await createUser();
      const real = createHasherRegistry();
      const throwing: HasherRegistry = {
        preferred: real.preferred,
        names: () => real.names(),
        get: (name) => {
          const hasher = real.get(name);
          return hasher && { ...hasher, verify: async () => Promise.reject(new Error('hasher worker crashed')) };
        },
      };
      const secretBox = createSecretBox(server.config.instanceKey!);
      const passwords = createPasswordService({ database: server.database, clock: server.clock, config: server.config, hashers: throwing, secretBox });
      for (let i = 0; i < MAX_ATTEMPTS + 2; i++) {
        await expect(passwords.verify(user.id, PASSWORD)).rejects.toThrow('hasher worker crashed');
      }
      expect(await lockState(user.id)).toEqual(unlockedWith(MAX_ATTEMPTS));
    });

    it('a check that fails with a database error gives its attempt back; a wrong guess keeps it', async () => {
      const user = await createUser();
      const secretBox = createSecretBox(server.config.instanceKey!);
      const guard = createVerificationGuard({ database: server.database, clock: server.clock, config: server.config, hashers: createHasherRegistry(), secretBox });
      const row = async () => (await findUserById(server.database.db, user.id))!;
      await expect(guard.withAttempt(server.database.db, await row(), async () => Promise.reject(new Error('connection reset')))).rejects.toThrow('connection reset');
      expect(await storedLock(user.id)).toEqual({ lockedAt: null, failedAttempts: 0 });
      expectClerkError(await verifyPassword(user.id, WRONG_PASSWORD), 422, 'incorrect_password');
      expect(await storedLock(user.id)).toEqual({ lockedAt: null, failedAttempts: 1 });
    });
  });

  describe('a refusal for lockout is a lock the User object shows', () => {
    it('attempts left taken with no lock (a node that died mid-check): the refusal locks, GET shows it, and it expires on time', async () => {
      const user = await createUser();
      // What a run of 500s left behind before this fix, or a process killed between taking an attempt and recording it.
      await server.database.db.updateTable('users').set({ failed_verification_attempts: MAX_ATTEMPTS, locked_at: null }).where('id', '=', user.id).execute();

      const refused = await verifyPassword(user.id, PASSWORD);
      expectClerkError(refused, 403, 'user_locked');
      expect(refused.body.errors[0].meta).toEqual({ lockout_expires_in_seconds: LOCKOUT_SECONDS });
      expect(await lockState(user.id)).toEqual({ locked: true, lockout_expires_in_seconds: LOCKOUT_SECONDS, verification_attempts_remaining: 0 });

      server.clock.advanceMs(LOCKOUT_SECONDS * 1000 - 1000);
      expect(await lockState(user.id)).toEqual({ locked: true, lockout_expires_in_seconds: 1, verification_attempts_remaining: 0 });
      const stillLocked = await verifyPassword(user.id, PASSWORD);
      expectClerkError(stillLocked, 403, 'user_locked');
      expect(stillLocked.body.errors[0].meta).toEqual({ lockout_expires_in_seconds: 1 });

      server.clock.advanceMs(1000);
      expect(await lockState(user.id)).toEqual(unlockedWith(MAX_ATTEMPTS));
      const verified = await verifyPassword(user.id, PASSWORD);
      expect(verified.status, JSON.stringify(verified.body)).toBe(200);
      expect(await lockState(user.id)).toEqual(unlockedWith(MAX_ATTEMPTS));
    });

    it('verify_totp refusing for lockout shows the same lock', async () => {
      const secret = generateTOTPSecret();
      const user = await createUser({ totp_secret: secret });
      await server.database.db.updateTable('users').set({ failed_verification_attempts: MAX_ATTEMPTS, locked_at: null }).where('id', '=', user.id).execute();
      expectClerkError(await verifyCode(user.id, generateTOTP(secret, now())), 403, 'user_locked');
      expect(await lockState(user.id)).toEqual({ locked: true, lockout_expires_in_seconds: LOCKOUT_SECONDS, verification_attempts_remaining: 0 });
      server.clock.advanceMs(LOCKOUT_SECONDS * 1000);
      expect(await lockState(user.id)).toEqual(unlockedWith(MAX_ATTEMPTS));
      const verified = await verifyCode(user.id, generateTOTP(secret, now()));
      expect(verified.status, JSON.stringify(verified.body)).toBe(200);
    });

    it('parallel wrong passwords interleaved with server errors: every refusal is a lock GET shows', async () => {
      const { user, secret } = await userWithUnreadableTOTP();
      const responses = await Promise.all(
        Array.from({ length: 30 }, (_, i) => (i % 2 === 0 ? verifyPassword(user.id, WRONG_PASSWORD) : verifyCode(user.id, generateTOTP(secret, now())))),
      );
      const statuses = responses.map((response) => response.status);
      expect(statuses.filter((status) => status === 422).length).toBeLessThanOrEqual(MAX_ATTEMPTS);
      expect(statuses.every((status) => [422, 500, 403].includes(status))).toBe(true);
      const state = await lockState(user.id);
      if (statuses.includes(403)) {
        expect(state).toEqual({ locked: true, lockout_expires_in_seconds: LOCKOUT_SECONDS, verification_attempts_remaining: 0 });
      } else {
        expect(state).toEqual(unlockedWith(MAX_ATTEMPTS - statuses.filter((status) => status === 422).length));
      }
    });
  });

  describe('only failures count: checks in flight are not failures', () => {
    it('parallel right passwords, more of them than the policy allows attempts, all verify and lock nobody', async () => {
      const user = await createUser();
      const responses = await Promise.all(Array.from({ length: MAX_ATTEMPTS * 2 + 5 }, () => verifyPassword(user.id, PASSWORD)));
      expect(responses.map((response) => response.status)).toEqual(responses.map(() => 200));
      expect(await lockState(user.id)).toEqual(unlockedWith(MAX_ATTEMPTS));
      const row = await findUserById(server.database.db, user.id);
      expect(row!.verifications_in_flight).toBe(0);
    });

    it('one right TOTP or backup code sent many times at once: one success, the rest refused without counting', async () => {
      const secret = generateTOTPSecret();
      const user = await createUser({ totp_secret: secret, backup_codes: ['replayed-backup-1'] });
      for (const code of [generateTOTP(secret, now()), 'replayed-backup-1']) {
        const responses = await Promise.all(Array.from({ length: MAX_ATTEMPTS * 2 }, () => verifyCode(user.id, code)));
        const statuses = responses.map((response) => response.status);
        expect(statuses.filter((status) => status === 200)).toHaveLength(1);
        expect(statuses.filter((status) => status === 422)).toHaveLength(MAX_ATTEMPTS * 2 - 1);
        expect(await lockState(user.id)).toEqual(unlockedWith(MAX_ATTEMPTS));
      }
      // A wrong code still counts (six characters that no TOTP step can produce).
      expectClerkError(await verifyCode(user.id, 'abcdef'), 422, 'totp_incorrect_code');
      expect(await lockState(user.id)).toEqual(unlockedWith(MAX_ATTEMPTS - 1));
    });

    it('parallel wrong passwords still evaluate exactly the policy and lock', async () => {
      const user = await createUser();
      const responses = await Promise.all(Array.from({ length: MAX_ATTEMPTS * 3 }, () => verifyPassword(user.id, WRONG_PASSWORD)));
      const statuses = responses.map((response) => response.status);
      expect(statuses.filter((status) => status === 422)).toHaveLength(MAX_ATTEMPTS);
      expect(statuses.filter((status) => status === 403)).toHaveLength(MAX_ATTEMPTS * 2);
      expect(await lockState(user.id)).toEqual({ locked: true, lockout_expires_in_seconds: LOCKOUT_SECONDS, verification_attempts_remaining: 0 });
    });

    it('attempts a dead process left in flight are forgotten once they are older than any check, by the database clock', async () => {
      const user = await createUser();
      const setInFlight = (reservedAtMs: number) =>
        server.database.db
          .updateTable('users')
          .set({ verifications_in_flight: MAX_ATTEMPTS, verification_reserved_at: reservedAtMs })
          .where('id', '=', user.id)
          .execute();
      // Reservations taken moments ago stay, whatever this node's clock says (a node 70 s ahead must not
      // drop another node's live checks): the check waits for them, then answers 429.
      await setInFlight(Date.now());
      server.clock.advanceMs(70_000);
      const busy = await verifyPassword(user.id, PASSWORD);
      expectClerkError(busy, 429, 'too_many_requests');
      expect((await findUserById(server.database.db, user.id))!.verifications_in_flight).toBe(MAX_ATTEMPTS);
      // Taken over a minute ago by the database's clock: a dead process's, forgotten.
      await setInFlight(Date.now() - 61_000);
      const verified = await verifyPassword(user.id, PASSWORD);
      expect(verified.status, JSON.stringify(verified.body)).toBe(200);
      expect(await lockState(user.id)).toEqual(unlockedWith(MAX_ATTEMPTS));
      expect((await findUserById(server.database.db, user.id))!.verifications_in_flight).toBe(0);
    });
  });
});
