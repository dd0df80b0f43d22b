import { errors } from '../lib/error-catalog.js';
import type { Executor, UserRow } from '../storage/database.js';
import {
  clearExpiredLock,
  lockIfAttemptsExhausted,
  reserveVerificationAttempt,
  resetFailedVerifications,
} from '../storage/repositories/credentials-repository.js';
import type { UserServiceDeps } from './deps.js';
import { lockStatus } from './lockout.js';

/**
 * The lockout policy around every verification (password, TOTP, backup code): banned and locked users
 * are refused before anything is checked; each check first takes one of the remaining attempts (so
 * concurrent guesses can never exceed the policy), a failure that uses up the last one locks the user,
 * and a success gives the attempts back.
 */
export function createVerificationGuard(deps: UserServiceDeps) {
  const { clock, config } = deps;
  const policy = config.lockout;

  return {
    /** Call right before the actual check, once nothing else can refuse the request. */
    async beginAttempt(db: Executor, user: UserRow): Promise<void> {
      if (user.banned) throw errors.userBanned();
      const now = clock.nowMs();
      const status = lockStatus({ lockedAtMs: user.locked_at, failedAttempts: user.failed_verification_attempts }, policy, now);
      if (status.locked) throw errors.userLocked(status.lockoutExpiresInSeconds);
      // A lock that has run out starts the count afresh.
      if (user.locked_at !== null && policy.durationInSeconds !== null) {
        await clearExpiredLock(db, user.id, now - policy.durationInSeconds * 1000);
      }
      if (policy.maxAttempts !== null && !(await reserveVerificationAttempt(db, user.id, policy.maxAttempts))) {
        // Another request took the last attempt (or locked the user) meanwhile.
        throw errors.userLocked(policy.durationInSeconds);
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
