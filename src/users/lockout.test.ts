import { describe, expect, it } from 'vitest';
import type { LockoutPolicy } from '../config/config.js';
import { lockStatus } from './lockout.js';

const NOW_MS = 1_700_000_000_000;
const HOUR_POLICY: LockoutPolicy = { maxAttempts: 10, durationInSeconds: 3600 };

describe('lockStatus', () => {
  it('a user never locked and with no failures is unlocked with every attempt left', () => {
    expect(lockStatus({ lockedAtMs: null, failedAttempts: 0 }, HOUR_POLICY, NOW_MS)).toEqual({
      locked: false,
      lockoutExpiresInSeconds: null,
      verificationAttemptsRemaining: 10,
    });
  });

  it('a lock with time left is locked and reports the seconds until it ends', () => {
    const lockedAtMs = NOW_MS - 600_000;
    expect(lockStatus({ lockedAtMs, failedAttempts: 10 }, HOUR_POLICY, NOW_MS)).toEqual({
      locked: true,
      lockoutExpiresInSeconds: 3000,
      verificationAttemptsRemaining: 0,
    });
  });

  it('a lock just placed reports the full duration', () => {
    expect(lockStatus({ lockedAtMs: NOW_MS, failedAttempts: 10 }, HOUR_POLICY, NOW_MS).lockoutExpiresInSeconds).toBe(3600);
  });

  it('rounds a partial second up, so a locked user never reads 0 seconds', () => {
    expect(lockStatus({ lockedAtMs: NOW_MS - 1500, failedAttempts: 10 }, HOUR_POLICY, NOW_MS).lockoutExpiresInSeconds).toBe(3599);
    const oneMsLeft = lockStatus({ lockedAtMs: NOW_MS - 3_599_999, failedAttempts: 10 }, HOUR_POLICY, NOW_MS);
    expect(oneMsLeft).toEqual({ locked: true, lockoutExpiresInSeconds: 1, verificationAttemptsRemaining: 0 });
  });

  it('counts down as time passes', () => {
    const stored = { lockedAtMs: NOW_MS, failedAttempts: 10 };
    const seconds = [0, 1, 60, 1800, 3599].map((s) => lockStatus(stored, HOUR_POLICY, NOW_MS + s * 1000).lockoutExpiresInSeconds);
    expect(seconds).toEqual([3600, 3599, 3540, 1800, 1]);
  });

  it('a lock that has run out is no longer reported, and the attempts are restored', () => {
    const atEnd = lockStatus({ lockedAtMs: NOW_MS - 3_600_000, failedAttempts: 10 }, HOUR_POLICY, NOW_MS);
    expect(atEnd).toEqual({ locked: false, lockoutExpiresInSeconds: null, verificationAttemptsRemaining: 10 });
    const longAfter = lockStatus({ lockedAtMs: NOW_MS - 86_400_000, failedAttempts: 12 }, HOUR_POLICY, NOW_MS);
    expect(longAfter).toEqual({ locked: false, lockoutExpiresInSeconds: null, verificationAttemptsRemaining: 10 });
  });

  it('a never-expiring lock stays locked with no expiry', () => {
    const policy: LockoutPolicy = { maxAttempts: 10, durationInSeconds: null };
    const stored = { lockedAtMs: NOW_MS - 10 * 365 * 86_400_000, failedAttempts: 10 };
    expect(lockStatus(stored, policy, NOW_MS)).toEqual({ locked: true, lockoutExpiresInSeconds: null, verificationAttemptsRemaining: 0 });
  });

  it('under a never-expiring policy an unlocked user is simply unlocked', () => {
    const policy: LockoutPolicy = { maxAttempts: 5, durationInSeconds: null };
    expect(lockStatus({ lockedAtMs: null, failedAttempts: 2 }, policy, NOW_MS)).toEqual({
      locked: false,
      lockoutExpiresInSeconds: null,
      verificationAttemptsRemaining: 3,
    });
  });

  it('with lockout disabled there are no attempts to report', () => {
    const policy: LockoutPolicy = { maxAttempts: null, durationInSeconds: 3600 };
    expect(lockStatus({ lockedAtMs: null, failedAttempts: 7 }, policy, NOW_MS)).toEqual({
      locked: false,
      lockoutExpiresInSeconds: null,
      verificationAttemptsRemaining: null,
    });
  });

  it('counts failed attempts down to zero and never below', () => {
    const remaining = [0, 1, 2, 5, 9, 10, 11, 25].map(
      (failedAttempts) => lockStatus({ lockedAtMs: null, failedAttempts }, HOUR_POLICY, NOW_MS).verificationAttemptsRemaining,
    );
    expect(remaining).toEqual([10, 9, 8, 5, 1, 0, 0, 0]);
  });

  it('uses the policy in force for the duration, not a stored one', () => {
    const stored = { lockedAtMs: NOW_MS - 60_000, failedAttempts: 5 };
    const short: LockoutPolicy = { maxAttempts: 5, durationInSeconds: 30 };
    const long: LockoutPolicy = { maxAttempts: 5, durationInSeconds: 120 };
    expect(lockStatus(stored, short, NOW_MS)).toEqual({ locked: false, lockoutExpiresInSeconds: null, verificationAttemptsRemaining: 5 });
    expect(lockStatus(stored, long, NOW_MS)).toEqual({ locked: true, lockoutExpiresInSeconds: 60, verificationAttemptsRemaining: 0 });
  });
});
