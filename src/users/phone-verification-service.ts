import type { ServiceDeps } from '../domain/service-deps.js';
import { errors } from '../lib/error-catalog.js';
import type { IdentificationRow } from '../storage/database.js';
import { findIdentificationById } from '../storage/repositories/identifications-repository.js';
import { findUserById } from '../storage/repositories/users-repository.js';
import type { PhoneCodes } from '../verification/phone-codes.js';
import type { VerificationOutcome } from '../verification/verification-codes.js';
import type { IdentificationService } from './identification-service.js';
import { assertIdentifierAvailable } from './identification-rules.js';
import { toIdentification, type Identification } from './user-record.js';
import { createVerificationGuard } from './verification-guard.js';

/** A phone code's verification as both APIs show it (never the code). */
export interface PhoneVerification {
  /** The code's id: the Backend API's `verification_id`. */
  id: string;
  status: 'unverified' | 'verified' | 'expired' | 'failed';
  attempts: number;
  expiresAtMs: number;
}

export interface PhoneAttemptResult {
  outcome: VerificationOutcome;
  identification: Identification;
  verification: PhoneVerification | null;
}

/** Outcomes that are a wrong guess: they count toward the user's lockout, as a wrong password does. */
const GUESSES: readonly VerificationOutcome[] = ['incorrect', 'too_many_attempts'];

/**
 * Verifying a phone number with a code sent to it by SMS (`prepare_verification` / `attempt_verification` of both
 * APIs). The code's subject names the identification and its number, so a code verifies only the number it went
 * to; codes are single use with bounded guesses (verification/verification-codes.ts), and wrong ones also count
 * toward the user's lockout through the same guard as passwords and TOTP.
 */
export function createPhoneVerificationService(deps: ServiceDeps, { phoneCodes, identifications }: { phoneCodes: PhoneCodes; identifications: IdentificationService }) {
  const { db } = deps.database;
  const guard = createVerificationGuard(deps);
  const subjectOf = (row: IdentificationRow) => `phone_number:${row.id}:${row.identifier}`;

  /** The phone number; another user's (with `ownerId`) is as unknown as a missing one. */
  async function requirePhone(phoneId: string, ownerId?: string): Promise<IdentificationRow> {
    const row = await findIdentificationById(db, phoneId);
    if (!row || row.type !== 'phone_number' || (ownerId !== undefined && row.user_id !== ownerId)) throw errors.resourceNotFound();
    return row;
  }

  async function stateOf(row: IdentificationRow, nowMs: number): Promise<PhoneVerification | null> {
    const state = await phoneCodes.find(subjectOf(row));
    if (!state) return null;
    const status = state.consumed
      ? 'verified'
      : state.attempts >= state.maxAttempts
        ? 'failed'
        : state.expiresAt <= nowMs
          ? 'expired'
          : 'unverified';
    return { id: state.id, status, attempts: state.attempts, expiresAtMs: state.expiresAt };
  }

  return {
    /** The phone's pending (or last) code verification, or null when none was sent. */
    async verificationOf(phoneId: string, ownerId?: string): Promise<PhoneVerification | null> {
      return stateOf(await requirePhone(phoneId, ownerId), deps.clock.nowMs());
    },

    /**
     * Sends a new code to the number (replacing any earlier one). Only to a number that still needs one: a verified
     * number (`verification_already_verified`) or one another user holds verified (`form_identifier_exists`) is never
     * texted, so these routes cannot be used to send texts to numbers whose verification is already settled.
     */
    async prepare(
      phoneId: string,
      options: { ownerId?: string; resendAfterSeconds?: number } = {},
    ): Promise<{ identification: Identification; verification: PhoneVerification }> {
      const row = await requirePhone(phoneId, options.ownerId);
      const user = await findUserById(db, row.user_id);
      if (!user) throw errors.resourceNotFound();
      if (user.banned) throw errors.userBanned();
      if (row.verified) throw errors.verificationAlreadyVerified();
      await assertIdentifierAvailable(db, 'phone_number', row.identifier, row.user_id);
      const { id, expiresAtMs } = await phoneCodes.send(subjectOf(row), row.identifier, { resendAfterSeconds: options.resendAfterSeconds });
      return { identification: toIdentification(row), verification: { id, status: 'unverified', attempts: 0, expiresAtMs } };
    },

    /**
     * Checks a code; a right one marks the number verified (`phone_code`). With `verificationId`, only that code
     * is checked. The outcome is returned, not thrown: the Backend API reports it as the verification's status,
     * the Frontend API turns it into Clerk's errors.
     */
    async attempt(phoneId: string, code: string, options: { ownerId?: string; verificationId?: string } = {}): Promise<PhoneAttemptResult> {
      const row = await requirePhone(phoneId, options.ownerId);
      const user = await findUserById(db, row.user_id);
      if (!user) throw errors.resourceNotFound();
      const outcome = await guard.withAttempt(db, user, async (attempt) => {
        const result = await phoneCodes.attempt(subjectOf(row), code, { id: options.verificationId });
        if (result === 'verified') await attempt.released();
        else if (GUESSES.includes(result)) await attempt.failed();
        return result;
      });
      let identification = toIdentification(row);
      if (outcome === 'verified' && !row.verified) {
        identification = await identifications.update('phone_number', row.id, { verified: true, verificationStrategy: 'phone_code', primaryIfNone: true });
      }
      return { outcome, identification, verification: await stateOf(row, deps.clock.nowMs()) };
    },
  };
}

export type PhoneVerificationService = ReturnType<typeof createPhoneVerificationService>;
