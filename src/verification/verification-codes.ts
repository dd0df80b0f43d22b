import { randomInt, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../lib/clock.js';
import { errors } from '../lib/error-catalog.js';
import { newId } from '../lib/ids.js';
import { createKeyedHash, type KeyedHash } from '../lib/keyed-hash.js';
import type { RosterDatabase } from '../storage/database.js';
import {
  consumeVerificationCode,
  countFailedAttempt,
  deleteExpiredVerificationCodes,
  deleteVerificationCode,
  findVerificationCode,
  upsertVerificationCode,
} from '../storage/repositories/verification-codes-repository.js';
import type { VerificationCodeRow } from '../storage/tables/verification-tables.js';

/** HKDF purpose of the keyed hash codes are stored under (lib/keyed-hash.ts). */
export const VERIFICATION_CODE_HASH_PURPOSE = 'verification-codes';

/** @default 600 (10 minutes, Clerk's lifetime of an email code) */
export const DEFAULT_CODE_TTL_SECONDS = 600;
/** Failed attempts a code survives before it is dead. @default 5 */
export const DEFAULT_MAX_ATTEMPTS = 5;

/** How soon the user may ask for another code to their own new address or number (`/v1/me`). @default 30 */
export const SELF_VERIFICATION_RESEND_AFTER_SECONDS = 30;

const CODE_DIGITS = 6;
const CODE_PATTERN = /^[0-9]{6}$/;

/**
 * What an attempt came to. `incorrect` leaves the code live while it has attempts left; the failure that uses
 * the last one answers `too_many_attempts` at once, as does every attempt after it. `already_verified`: the
 * code was used (by this caller earlier, or by a concurrent attempt that won).
 */
export type VerificationOutcome = 'verified' | 'incorrect' | 'expired' | 'too_many_attempts' | 'missing' | 'already_verified';

export interface IssueOptions {
  /** @default 600 */
  ttlSeconds?: number;
  /** A known code instead of a random one: Clerk's test code for test identifiers on development instances. */
  fixedCode?: string;
  /**
   * Refuses a new code while the subject's current one is younger than this (Clerk's 429 `too_many_requests`,
   * `resets_in` the seconds left): one code per address per interval, so prepare_verification cannot flood a mailbox.
   * Decided by one conditional write, so concurrent requests issue at most one code. @default none
   */
  resendAfterSeconds?: number;
}

/** The code to deliver; it exists nowhere else (only its keyed hash is stored). */
export interface IssuedCode {
  /** Changes with every issue: what a Backend API verification's `id` is. */
  id: string;
  code: string;
  /** Unix milliseconds. */
  expiresAt: number;
}

/** A subject's code as a verification object shows it (Clerk's `attempts`, `expire_at`), without the code. */
export interface VerificationCodeState {
  id: string;
  expiresAt: number;
  attempts: number;
  maxAttempts: number;
  consumed: boolean;
}

export interface VerificationCodes {
  /** A new code for `subject`, replacing any earlier one (whose attempts no longer count). */
  issue(subject: string, options?: IssueOptions): Promise<IssuedCode>;
  /**
   * Checks `code` for `subject` in constant time; a correct code is used up (exactly once, even under concurrency).
   * With `id`, only that code (one issue) is checked: a replaced one is `missing`.
   */
  attempt(subject: string, code: string, options?: { id?: string }): Promise<VerificationOutcome>;
  /** The subject's code, or null when none was issued (or it was discarded). */
  find(subject: string): Promise<VerificationCodeState | null>;
  /** Forgets the subject's code (its sign-up or sign-in is gone). */
  discard(subject: string): Promise<void>;
  /** Deletes codes that expired more than `graceSeconds` ago; how many. */
  purgeExpired(graceSeconds?: number): Promise<number>;
}

export interface VerificationCodesDeps {
  database: RosterDatabase;
  clock: Clock;
  /** The keyed hash codes are stored under (derive it with VERIFICATION_CODE_HASH_PURPOSE); or give `instanceKey`. */
  keyedHash?: KeyedHash;
  /** The 32-byte instance key, when `keyedHash` is not given. */
  instanceKey?: Uint8Array;
  /** @default 5 */
  maxAttempts?: number;
}

/** Six random decimal digits, uniformly from 000000 to 999999. */
export function randomCode(): string {
  return randomInt(0, 10 ** CODE_DIGITS)
    .toString()
    .padStart(CODE_DIGITS, '0');
}

/** Equal digests, compared in constant time (the time does not depend on where they differ). */
export function sameDigest(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Why a code can no longer verify anything, or null while it is live. */
function deadOutcome(row: VerificationCodeRow, nowMs: number): VerificationOutcome | null {
  if (row.consumed_at !== null) return 'already_verified';
  if (Number(row.expire_at) <= nowMs) return 'expired';
  if (row.attempts >= row.max_attempts) return 'too_many_attempts';
  return null;
}

/** Rounds of read-then-conditional-write before a code that keeps being replaced under an attempt is judged wrong. */
const MAX_ROUNDS = 3;

export function createVerificationCodes(deps: VerificationCodesDeps): VerificationCodes {
  const { database, clock } = deps;
  const maxAttempts = deps.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) throw new Error('maxAttempts must be a positive integer');
  const keyedHash =
    deps.keyedHash ??
    (deps.instanceKey ? createKeyedHash(deps.instanceKey, VERIFICATION_CODE_HASH_PURPOSE) : null);
  if (!keyedHash) throw new Error('createVerificationCodes needs keyedHash or instanceKey');
  // The subject is hashed with the code: a digest copied to another subject's row verifies nothing there.
  const digest = (subject: string, code: string) => keyedHash.digest(JSON.stringify([subject, code]));
  const db = database.db;

  return {
    async issue(subject, options = {}) {
      const ttlSeconds = options.ttlSeconds ?? DEFAULT_CODE_TTL_SECONDS;
      if (!Number.isInteger(ttlSeconds) || ttlSeconds < 1) throw new Error('ttlSeconds must be a positive integer');
      if (options.fixedCode !== undefined && !CODE_PATTERN.test(options.fixedCode)) throw new Error('a fixed code must be six digits');
      const code = options.fixedCode ?? randomCode();
      const nowMs = clock.nowMs();
      const expiresAt = nowMs + ttlSeconds * 1000;
      const id = newId('vcode', nowMs);
      const resendAfterMs = options.resendAfterSeconds === undefined ? null : options.resendAfterSeconds * 1000;
      const written = await upsertVerificationCode(db, {
        id,
        subject,
        code_digest: digest(subject, code).toString('base64url'),
        expire_at: expiresAt,
        attempts: 0,
        max_attempts: maxAttempts,
        consumed_at: null,
        created_at: nowMs,
      }, resendAfterMs === null ? {} : { replaceIssuedBeforeMs: nowMs - resendAfterMs });
      if (!written) {
        const current = await findVerificationCode(db, subject);
        const leftMs = current ? Number(current.created_at) + resendAfterMs! - nowMs : 1000;
        throw errors.tooManyRequests(Math.max(1, Math.ceil(leftMs / 1000)));
      }
      return { id, code, expiresAt };
    },

    async attempt(subject, code, options = {}) {
      const candidate = digest(subject, code.trim());
      for (let round = 0; round < MAX_ROUNDS; round++) {
        const nowMs = clock.nowMs();
        const row = await findVerificationCode(db, subject);
        if (!row || (options.id !== undefined && row.id !== options.id)) return 'missing';
        const dead = deadOutcome(row, nowMs);
        if (dead) return dead;
        if (sameDigest(candidate, Buffer.from(row.code_digest, 'base64url'))) {
          // One conditional UPDATE: of any number of concurrent right answers, exactly one gets here first.
          if (await consumeVerificationCode(db, row.id, nowMs)) return 'verified';
        } else {
          // Counted only while attempts remain, so concurrent wrong guesses cannot spend more than the code has.
          const attempts = await countFailedAttempt(db, row.id, nowMs);
          if (attempts !== null) return attempts >= row.max_attempts ? 'too_many_attempts' : 'incorrect';
        }
        // The row changed between the read and the write (used, out of attempts, expired, or replaced by a
        // new code): judge the attempt again against what is there now.
      }
      return 'incorrect';
    },

    async find(subject) {
      const row = await findVerificationCode(db, subject);
      if (!row) return null;
      return { id: row.id, expiresAt: Number(row.expire_at), attempts: row.attempts, maxAttempts: row.max_attempts, consumed: row.consumed_at !== null };
    },

    async discard(subject) {
      await deleteVerificationCode(db, subject);
    },

    async purgeExpired(graceSeconds = 0) {
      return deleteExpiredVerificationCodes(db, clock.nowMs() - graceSeconds * 1000);
    },
  };
}
