import { setTimeout as sleep } from 'node:timers/promises';
import type { ServiceDeps } from '../domain/service-deps.js';
import { errors } from '../lib/error-catalog.js';
import type { Executor, UserRow } from '../storage/database.js';
import {
  clearExpiredLock,
  clearStaleReservations,
  lockIfAttemptsExhausted,
  releaseVerificationAttempt,
  reserveVerificationAttempt,
  settleFailedAttempt,
  settleSuccessfulAttempt,
} from '../storage/repositories/lockout-repository.js';
import { findUserById } from '../storage/repositories/users-repository.js';
import { lockStatus } from './lockout.js';

/** How long a check waits for attempts that other checks of the same user are running to settle. */
const WAIT_FOR_ATTEMPTS_MS = 10_000;
/** Attempts in flight for longer than this belong to a process that died mid-check (checks take ~1 s). */
const STALE_RESERVATION_MS = 60_000;

/** What a check reports once it knows its answer. */
export interface Attempt {
  /** A wrong password or code: counts toward the lockout, and the one that uses up the policy locks. */
  failed(): Promise<void>;
  /** A right password (or a completed sign-in factor): earlier failures are forgotten. */
  succeeded(): Promise<void>;
  /**
   * A right code that proves only control of a new address or number (a self-verification): its own attempt is
   * given back, earlier failures stay counted. Otherwise "verify an address, guess again" refills password guesses.
   */
  released(): Promise<void>;
}

/**
 * The lockout policy around every verification (password, TOTP, backup code). Banned and locked users are
 * refused before anything is checked. Each check first takes one of the remaining attempts, counting the
 * checks already running, so concurrent guesses can never exceed the policy. Only failures count toward the
 * lock: when every remaining attempt is taken by a running check, a new check waits for them to settle
 * (parallel right answers never lock anyone out). A check that fails with a server error gives its
 * attempt back. Whatever refuses a user for lockout has the stored state say so (`locked_at` set), so the
 * User object reports the lock and its expiry, and the lock ends on time.
 */
export function createVerificationGuard(deps: ServiceDeps) {
  const { clock, config } = deps;
  const policy = config.lockout;

  /** Refuses a banned or locked user (reading the row afresh), ending a lock that has run out. */
  async function refuseIfLocked(db: Executor, user: UserRow): Promise<void> {
    if (user.banned) throw errors.userBanned();
    const now = clock.nowMs();
    const status = lockStatus({ lockedAtMs: user.locked_at, failedAttempts: user.failed_verification_attempts }, policy, now);
    if (status.locked) throw errors.userLocked(status.lockoutExpiresInSeconds);
    // A lock that has run out starts the count afresh.
    if (user.locked_at !== null && policy.durationInSeconds !== null) {
      await clearExpiredLock(db, user.id, now - policy.durationInSeconds * 1000);
    }
  }

  /** Takes an attempt, waiting (bounded) while running checks hold the remaining ones. */
  async function reserve(db: Executor, userId: string, maxAttempts: number): Promise<void> {
    const giveUpAt = Date.now() + WAIT_FOR_ATTEMPTS_MS;
    for (let delayMs = 5; ; delayMs = Math.min(delayMs * 2, 100)) {
      if (await reserveVerificationAttempt(db, userId, maxAttempts)) return;
      const user = await findUserById(db, userId);
      if (!user) throw errors.userNotFound(userId);
      await refuseIfLocked(db, user);
      const now = clock.nowMs();
      if (user.failed_verification_attempts >= maxAttempts) {
        // Failures alone use up the policy but no lock was recorded (a process died between the two):
        // lock now, so the refusal, the User object and the lock's expiry agree.
        await lockIfAttemptsExhausted(db, userId, maxAttempts, now);
        const locked = await findUserById(db, userId);
        if (locked) await refuseIfLocked(db, locked);
        continue;
      }
      // Judged by the database's clock, so a node whose own clock is off cannot drop live reservations.
      if (await clearStaleReservations(db, userId, STALE_RESERVATION_MS)) continue;
      // Checks of this user are running and hold the remaining attempts: their outcome decides.
      if (Date.now() + delayMs > giveUpAt) throw errors.tooManyRequests();
      await sleep(delayMs);
    }
  }

  return {
    /**
     * Takes an attempt, then runs `check`, which reports its answer through `attempt`. When `check` throws a
     * server error (a sealed secret that cannot be opened, a hasher or database failure), or ends without
     * reporting, the attempt is given back before the error goes on: a run of 500s must not lock anyone out.
     */
    async withAttempt<T>(db: Executor, user: UserRow, check: (attempt: Attempt) => Promise<T>): Promise<T> {
      await refuseIfLocked(db, user);
      if (policy.maxAttempts === null) {
        return check({ failed: async () => undefined, succeeded: async () => undefined, released: async () => undefined });
      }
      const maxAttempts = policy.maxAttempts;
      await reserve(db, user.id, maxAttempts);
      let settled = false;
      const attempt: Attempt = {
        async failed() {
          settled = true;
          await settleFailedAttempt(db, user.id, maxAttempts, clock.nowMs());
        },
        async succeeded() {
          settled = true;
          await settleSuccessfulAttempt(db, user.id);
        },
        async released() {
          settled = true;
          await releaseVerificationAttempt(db, user.id);
        },
      };
      try {
        return await check(attempt);
      } finally {
        // The original error is what matters; a failed release leaves the attempt in flight until it is
        // stale (STALE_RESERVATION_MS).
        if (!settled) await releaseVerificationAttempt(db, user.id).catch(() => undefined);
      }
    },
  };
}

export type VerificationGuard = ReturnType<typeof createVerificationGuard>;
