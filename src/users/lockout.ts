import type { LockoutPolicy } from '../config/config.js';

/** What the User object reports about locking, computed from the stored lock and the policy in force. */
export interface LockStatus {
  locked: boolean;
  /** Seconds until the lock ends; null when not locked or when the lock never expires. */
  lockoutExpiresInSeconds: number | null;
  /** Null when lockout is off. */
  verificationAttemptsRemaining: number | null;
}

/**
 * A lock lasts `durationInSeconds` from `lockedAtMs` (forever when the duration is null). Once it has
 * run out the user is no longer locked and the failed-attempt count no longer applies.
 */
export function lockStatus(
  stored: { lockedAtMs: number | null; failedAttempts: number },
  policy: LockoutPolicy,
  nowMs: number,
): LockStatus {
  const { lockedAtMs, failedAttempts } = stored;
  const endsAtMs = lockedAtMs === null || policy.durationInSeconds === null ? null : lockedAtMs + policy.durationInSeconds * 1000;
  const locked = lockedAtMs !== null && (endsAtMs === null || nowMs < endsAtMs);
  const expired = lockedAtMs !== null && !locked;
  const lockoutExpiresInSeconds = locked && endsAtMs !== null ? Math.ceil((endsAtMs - nowMs) / 1000) : null;
  let verificationAttemptsRemaining: number | null = null;
  if (policy.maxAttempts !== null) {
    verificationAttemptsRemaining = expired ? policy.maxAttempts : Math.max(0, policy.maxAttempts - failedAttempts);
  }
  return { locked, lockoutExpiresInSeconds, verificationAttemptsRemaining };
}
