import { ClerkError, errors } from '../lib/error-catalog.js';
import { sendPhoneCode, type SendPhoneCodeDeps } from './send-phone-code.js';
import type { VerificationCodeState, VerificationOutcome } from './verification-codes.js';

/** Phone codes as the services use them: sending (with Clerk's delivery error) and checking. */
export interface PhoneCodes {
  /** Sends a new code for `subject` (replacing any earlier one) to `phoneNumber`; 503 `sms_delivery_unavailable` when it cannot. */
  send(subject: string, phoneNumber: string, options?: { resendAfterSeconds?: number }): Promise<{ id: string; expiresAtMs: number }>;
  attempt(subject: string, code: string, options?: { id?: string }): Promise<VerificationOutcome>;
  find(subject: string): Promise<VerificationCodeState | null>;
}

export interface PhoneCodesDeps extends SendPhoneCodeDeps {
  /** Told why a message could not be sent (the reason names the webhook's redacted URL and status, never the code). */
  warn(object: Record<string, unknown>, message: string): void;
}

export function createPhoneCodes(deps: PhoneCodesDeps): PhoneCodes {
  return {
    async send(subject, phoneNumber, options = {}) {
      try {
        const sent = await sendPhoneCode(deps, { subject, phoneNumber, ...options });
        return { id: sent.id, expiresAtMs: sent.expiresAt };
      } catch (error) {
        if (error instanceof ClerkError) throw error;
        deps.warn({ reason: error instanceof Error ? error.message : 'unknown' }, 'a phone code could not be sent');
        throw errors.smsDeliveryUnavailable();
      }
    },
    attempt: (subject, code, options) => deps.codes.attempt(subject, code, options),
    find: (subject) => deps.codes.find(subject),
  };
}
