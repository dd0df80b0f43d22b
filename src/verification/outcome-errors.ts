import { errors, type ClerkError } from '../lib/error-catalog.js';
import type { VerificationOutcome } from './verification-codes.js';

/**
 * The Clerk error an attempt's outcome answers with, or null for `verified`: `form_code_incorrect` (422,
 * `param_name` = `paramName`), `verification_expired`, `verification_failed` (attempts used up),
 * `verification_already_verified` and `verification_missing` (400 each).
 */
export function verificationOutcomeError(outcome: VerificationOutcome, paramName = 'code'): ClerkError | null {
  switch (outcome) {
    case 'verified':
      return null;
    case 'incorrect':
      return errors.codeIncorrect(paramName);
    case 'expired':
      return errors.verificationExpired();
    case 'too_many_attempts':
      return errors.verificationFailed();
    case 'already_verified':
      return errors.verificationAlreadyVerified();
    case 'missing':
      return errors.verificationMissing();
  }
}

/** Throws the outcome's Clerk error unless the code verified. */
export function assertVerified(outcome: VerificationOutcome, paramName = 'code'): void {
  const error = verificationOutcomeError(outcome, paramName);
  if (error) throw error;
}
