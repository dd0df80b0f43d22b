import { ClerkError, errors } from '../lib/error-catalog.js';
import type { Executor, UserRow } from '../storage/database.js';
import {
  clearExpiredLock,
  lockIfAttemptsExhausted,
  releaseVerificationAttempt,
  reserveVerificationAttempt,
  resetFailedVerifications,
} from '../storage/repositories/credentials-repository.js';
import { findUserById } from '../storage/repositories/users-repository.js';
import type { UserServiceDeps } from './deps.js';
import { lockStatus } from './lockout.js';

/** A server error (anything but a client-facing ClerkError): the check never reached an answer. */
function isServerError(error: unknown): boolean {
  return !(error instanceof ClerkError) || error.status >= 500;
}

/**
 * The lockout policy around every verification (password, TOTP, backup code): banned and locked users
 * are refused before anything is checked; each check first takes one of the remaining attempts (so
 * concurrent guesses can never exceed the policy), a failure that uses up the last one locks the user,
 * a success gives the attempts back, and a check that fails with a server error gives its attempt back.
 *
 * Whatever refuses a user for lockout leaves the stored state saying so (`locked_at` set), so the User
 * object reports the lock and its expiry, and the lock ends on time.
 */
export function createVerificationGuard(deps: UserServiceDeps) {
  const { clock, config } = deps;
  const policy = config.lockout;

  /**
   * No attempt was left to take. Usually another request took the last one and is locking the user;
   * an attempt can also have been left taken by a process that died mid-check. Lock now (a no-op when
   * the user already is) so the refusal, the User object and the lock's expiry agree.
   */
  async function refuseExhausted(db: Executor, userId: string, maxAttempts: number): Promise<never> {
    const now = clock.nowMs();
    await lockIfAttemptsExhausted(db, userId, maxAttempts, now);
    const user = await findUserById(db, userId);
    const status = user ? lockStatus({ lockedAtMs: user.locked_at, failedAttempts: user.failed_verification_attempts }, policy, now) : null;
    throw errors.userLocked(status?.locked ? status.lockoutExpiresInSeconds : policy.durationInSeconds);
  }

  async function beginAttempt(db: Executor, user: UserRow): Promise<void> {
    if (user.banned) throw errors.userBanned();
    const now = clock.nowMs();
    const status = lockStatus({ lockedAtMs: user.locked_at, failedAttempts: user.failed_verification_attempts }, policy, now);
    if (status.locked) throw errors.userLocked(status.lockoutExpiresInSeconds);
    // A lock that has run out starts the count afresh.
    if (user.locked_at !== null && policy.durationInSeconds !== null) {
      await clearExpiredLock(db, user.id, now - policy.durationInSeconds * 1000);
    }
    if (policy.maxAttempts !== null && !(await reserveVerificationAttempt(db, user.id, policy.maxAttempts))) {
      await refuseExhausted(db, user.id, policy.maxAttempts);
    }
  }

  return {
    /** Call right before the actual check, once nothing else can refuse the request. */
    beginAttempt,

    /**
     * Takes an attempt (`beginAttempt`), then runs `check`, which records its outcome with
     * `recordFailure`/`recordSuccess`. When `check` throws a server error (a sealed secret that cannot
     * be opened, a hasher or database failure) the attempt is given back before the error goes on:
     * a run of 500s must not lock anyone out.
     */
    async withAttempt<T>(db: Executor, user: UserRow, check: () => Promise<T>): Promise<T> {
      await beginAttempt(db, user);
      try {
        return await check();
      } catch (error) {
        if (isServerError(error) && policy.maxAttempts !== null) {
          // The original error is what matters; a failed release leaves the attempt taken (and the
          // next refusal then locks consistently).
          await releaseVerificationAttempt(db, user.id).catch(() => undefined);
        }
        throw error;
      }
    },

    async recordFailure(db: Executor, userId: string): Promise<void> {
      if (policy.maxAttempts === null) return;
      await lockIfAttemptsExhausted(db, userId, policy.maxAttempts, clock.nowMs());
    },

    async recordSuccess(db: Executor, userId: string): Promise<void> {
      await resetFailedVerifications(db, userId);
    },
  };
}

export type VerificationGuard = ReturnType<typeof createVerificationGuard>;
