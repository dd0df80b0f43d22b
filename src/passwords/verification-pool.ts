import { availableParallelism } from 'node:os';
import { errors } from '../lib/error-catalog.js';

/**
 * Where checks of imported digests run (the legacy formats of `password_hasher`, and bcrypt backup codes): at
 * most `maxConcurrent` at once, the rest waiting in a bounded first-in, first-out queue. The slow formats
 * compute on libuv's thread pool (4 threads by default), which also hashes every new password with argon2id;
 * without this bound a burst of costly imported digests would hold all of its threads (and cores).
 */
export interface VerificationPool {
  /**
   * Runs `check` once a slot is free, in arrival order, and answers what it answers. When `maxQueued` checks
   * already wait, refuses at once with Clerk's 429 `too_many_requests` and never runs `check`.
   */
  run<T>(check: () => Promise<T>): Promise<T>;
  /** Checks running now. */
  readonly running: number;
  /** Checks waiting for a slot now. */
  readonly queued: number;
}

export interface VerificationPoolOptions {
  /** Checks that may run at once. @default half the cores, between 1 and 2 */
  maxConcurrent: number;
  /** Checks that may wait for a slot; one more is refused. @default 32 */
  maxQueued: number;
}

/** Half the cores, at least 1 and at most 2, so new-password hashing always keeps threads and a core. */
export function defaultVerificationPoolOptions(cores: number = availableParallelism()): VerificationPoolOptions {
  return { maxConcurrent: Math.min(2, Math.max(1, Math.floor(cores / 2))), maxQueued: 32 };
}

export function createVerificationPool(options: Partial<VerificationPoolOptions> = {}): VerificationPool {
  const { maxConcurrent, maxQueued } = { ...defaultVerificationPoolOptions(), ...options };
  if (!Number.isSafeInteger(maxConcurrent) || maxConcurrent < 1) throw new Error('maxConcurrent must be a positive integer');
  if (!Number.isSafeInteger(maxQueued) || maxQueued < 0) throw new Error('maxQueued must be a non-negative integer');
  let running = 0;
  const waiting: Array<() => void> = [];

  /** Hands the finished check's slot to the first waiter, so `running` never rises above the limit. */
  function release(): void {
    const next = waiting.shift();
    if (next) next();
    else running--;
  }

  return {
    async run<T>(check: () => Promise<T>): Promise<T> {
      if (running < maxConcurrent) running++;
      else if (waiting.length >= maxQueued) throw errors.tooManyRequests();
      else await new Promise<void>((resolve) => waiting.push(resolve));
      try {
        return await check();
      } finally {
        release();
      }
    },
    get running() {
      return running;
    },
    get queued() {
      return waiting.length;
    },
  };
}
