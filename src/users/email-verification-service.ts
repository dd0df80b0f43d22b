import type { ServiceDeps } from '../domain/service-deps.js';
import { ClerkError, errors } from '../lib/error-catalog.js';
import { newId } from '../lib/ids.js';
import type { Executor, IdentificationRow } from '../storage/database.js';
import { findIdentificationById, updateIdentification } from '../storage/repositories/identifications-repository.js';
import { findUserById } from '../storage/repositories/users-repository.js';
import { assertVerified } from '../verification/outcome-errors.js';
import { SELF_VERIFICATION_RESEND_AFTER_SECONDS, type VerificationCodes, type VerificationOutcome } from '../verification/verification-codes.js';
import { requireUserForUpdate, withUniqueErrors } from './deps.js';
import { assertIdentifierAvailable, setPrimary } from './identification-rules.js';
import { toIdentification, type Identification } from './user-record.js';
import { createVerificationGuard } from './verification-guard.js';

/** Where the code of a verification stands, as the wire shows it (never the code). */
export interface CodeVerificationState {
  status: 'unverified' | 'verified' | 'expired' | 'failed';
  attempts: number;
  expiresAtMs: number;
}

/** An email address with its pending (or just settled) code verification, when one exists. */
export interface EmailVerificationResult {
  identification: Identification;
  verification: CodeVerificationState | null;
}

/** A Backend API verification (`POST /v1/email_addresses/{id}/prepare_verification`): it has an id of its own. */
export interface BackendVerification extends CodeVerificationState {
  id: string;
}

export interface EmailVerificationCollaborators {
  codes: VerificationCodes;
  /** Issues a code for `subject` (replacing an earlier one) and emails it; Clerk's test code for `+clerk_test` in development. */
  sendCode(subject: string, emailAddress: string, options?: { resendAfterSeconds?: number }): Promise<{ expiresAtMs: number }>;
}

/** The one code a user's own verification of an address runs on: bound to the identification and its address. */
const selfSubject = (row: IdentificationRow) => `email_address:${row.id}:${row.identifier}`;
/** Backend verifications each have their own code, so one backend flow never replaces another's. */
const backendSubject = (row: IdentificationRow, verificationId: string) => `email_address:${row.id}:${row.identifier}:${verificationId}`;
const VERIFICATION_ID = /^ver_[0-9A-Za-z]{27}$/;

/**
 * Verifying email addresses by a code sent to them: the signed-in user's own (`/v1/me/email_addresses/{id}/…`,
 * wrong codes count toward the user's lockout as wrong passwords do) and the Backend API's (`/v1/email_addresses/
 * {id}/…`, where an attempt reports its outcome as a status). A right code marks the address verified (once; the
 * code is single use) unless another user holds it verified meanwhile.
 */
export function createEmailVerificationService(deps: ServiceDeps, { codes, sendCode }: EmailVerificationCollaborators) {
  const { database, clock } = deps;
  const { db } = database;
  const guard = createVerificationGuard(deps);

  /** The email address, or 404; with `ownerId`, another user's address is a 404 too (it reveals nothing). */
  async function requireEmail(id: string, ownerId?: string): Promise<IdentificationRow> {
    const row = await findIdentificationById(db, id);
    if (!row || row.type !== 'email_address' || (ownerId !== undefined && row.user_id !== ownerId)) throw errors.resourceNotFound();
    return row;
  }

  async function stateOf(subject: string): Promise<CodeVerificationState | null> {
    const state = await codes.find(subject);
    if (!state) return null;
    const nowMs = clock.nowMs();
    const status = state.consumed ? 'verified' : state.attempts >= state.maxAttempts ? 'failed' : state.expiresAt <= nowMs ? 'expired' : 'unverified';
    return { status, attempts: state.attempts, expiresAtMs: state.expiresAt };
  }

  /** Marks the address verified by a code, unless another user claimed it meanwhile (then `form_identifier_exists`). */
  async function markVerified(id: string): Promise<Identification> {
    return withUniqueErrors('email_address', () =>
      db.transaction().execute(async (trx: Executor) => {
        const first = await findIdentificationById(trx, id);
        if (!first) throw errors.resourceNotFound();
        const user = await requireUserForUpdate(trx, first.user_id);
        // Re-read under the owner's lock: it may have been deleted or verified meanwhile.
        const row = await findIdentificationById(trx, id);
        if (!row) throw errors.resourceNotFound();
        if (row.verified) return toIdentification(row);
        await assertIdentifierAvailable(trx, 'email_address', row.identifier, row.user_id);
        const now = clock.nowMs();
        const updated = await updateIdentification(trx, id, { verified: 1, reserved: 0, verification_strategy: 'email_code', updated_at: now });
        // A user whose primary address is missing gets this one.
        if (user.primary_email_address_id === null) await setPrimary(trx, user.id, 'email_address', updated!, now);
        return toIdentification(updated!);
      }),
    );
  }

  /** A code for an address nobody else holds verified: another user's verified address gets no email from here. */
  async function assertAvailable(row: IdentificationRow): Promise<void> {
    await assertIdentifierAvailable(db, 'email_address', row.identifier, row.user_id);
  }

  return {
    /** The user's own address with the state of its pending code (for `GET /v1/me/email_addresses/{id}`). */
    async getOwn(userId: string, id: string): Promise<EmailVerificationResult> {
      const row = await requireEmail(id, userId);
      return { identification: toIdentification(row), verification: row.verified ? null : await stateOf(selfSubject(row)) };
    },

    /** `POST /v1/me/email_addresses/{id}/prepare_verification` with `email_code`: sends a new code to an unverified address. */
    async prepareOwn(userId: string, id: string): Promise<EmailVerificationResult> {
      const row = await requireEmail(id, userId);
      if (row.verified) throw errors.verificationAlreadyVerified();
      await assertAvailable(row);
      // One code per address per interval: prepare_verification must not flood a mailbox (which may not be the user's).
      await sendCode(selfSubject(row), row.identifier, { resendAfterSeconds: SELF_VERIFICATION_RESEND_AFTER_SECONDS });
      return { identification: toIdentification(row), verification: await stateOf(selfSubject(row)) };
    },

    /**
     * `POST /v1/me/email_addresses/{id}/attempt_verification`: the code sent to this address. A wrong code counts
     * toward the user's lockout (as a wrong password does) and toward the code's own five attempts.
     */
    async attemptOwn(userId: string, id: string, code: string): Promise<EmailVerificationResult> {
      const row = await requireEmail(id, userId);
      if (row.verified) throw errors.verificationAlreadyVerified();
      const user = await findUserById(db, userId);
      if (!user) throw errors.userNotFound(userId);
      await guard.withAttempt(db, user, async (attempt) => {
        const before = await codes.find(selfSubject(row));
        const outcome = await codes.attempt(selfSubject(row), code);
        // A wrong guess counts, including the one that uses up the code; tries at a code already dead guess nothing.
        const guessed = outcome === 'incorrect' || (outcome === 'too_many_attempts' && before !== null && before.attempts < before.maxAttempts);
        if (guessed) await attempt.failed();
        else if (outcome === 'verified') await attempt.released();
        assertVerified(outcome);
      });
      return { identification: await markVerified(row.id), verification: await stateOf(selfSubject(row)) };
    },

    /** `POST /v1/email_addresses/{id}/prepare_verification` (Backend API): a new verification with its own code. */
    async prepareForBackend(id: string): Promise<BackendVerification> {
      const row = await requireEmail(id);
      await assertAvailable(row);
      const verificationId = newId('ver', clock.nowMs());
      const { expiresAtMs } = await sendCode(backendSubject(row, verificationId), row.identifier);
      return { id: verificationId, status: 'unverified', attempts: 0, expiresAtMs };
    },

    /**
     * `POST /v1/email_addresses/{id}/attempt_verification` (Backend API): the outcome is the status (a wrong or
     * expired code is not an error); a verification already used is `verification_already_verified`.
     */
    async attemptForBackend(id: string, verificationId: string, code: string): Promise<BackendVerification> {
      const row = await requireEmail(id);
      if (!VERIFICATION_ID.test(verificationId)) throw errors.resourceNotFound();
      const subject = backendSubject(row, verificationId);
      const outcome: VerificationOutcome = await codes.attempt(subject, code);
      if (outcome === 'missing') throw errors.resourceNotFound();
      if (outcome === 'already_verified') throw errors.verificationAlreadyVerified();
      if (outcome === 'verified') {
        try {
          await markVerified(row.id);
        } catch (error) {
          // Another user verified the address meanwhile: the code was right, the address stays as it is.
          if (!(error instanceof ClerkError && error.code === 'form_identifier_exists')) throw error;
        }
      }
      const state = await stateOf(subject);
      if (!state) throw errors.resourceNotFound();
      return { id: verificationId, ...state, status: outcome === 'verified' ? 'verified' : state.status };
    },
  };
}

export type EmailVerificationService = ReturnType<typeof createEmailVerificationService>;
