import { errors } from '../lib/error-catalog.js';
import type { Executor, UserRow } from '../storage/database.js';
import { clearExpiredLock, recordFailedVerification, resetFailedVerifications } from '../storage/repositories/credentials-repository.js';
import type { UserServiceDeps } from './deps.js';
import { lockStatus } from './lockout.js';

/**
 * The lockout policy around every verification (password, TOTP, backup code): banned and locked users
 * are refused before anything is checked, failures count atomically, a success resets the count.
 */
export function createVerificationGuard(deps: UserServiceDeps) {
  const { clock, config } = deps;
  const policy = config.lockout;

  return {
    async assertCanVerify(db: Executor, user: UserRow): Promise<void> {
      if (user.banned) throw errors.userBanned();
      const now = clock.nowMs();
      const status = lockStatus({ lockedAtMs: user.locked_at, failedAttempts: user.failed_verification_attempts }, policy, now);
      if (status.locked) throw errors.userLocked(status.lockoutExpiresInSeconds);
      // A lock that has run out starts the count afresh.
      if (user.locked_at !== null && policy.durationInSeconds !== null) {
        await clearExpiredLock(db, user.id, now - policy.durationInSeconds * 1000);
      }
    },

    async recordFailure(db: Executor, userId: string): Promise<void> {
      if (policy.maxAttempts === null) return;
      await recordFailedVerification(db, userId, policy.maxAttempts, clock.nowMs());
    },

    async recordSuccess(db: Executor, userId: string): Promise<void> {
      await resetFailedVerifications(db, userId);
    },
  };
}

export type VerificationGuard = ReturnType<typeof createVerificationGuard>;
