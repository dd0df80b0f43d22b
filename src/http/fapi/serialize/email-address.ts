import type { EmailVerificationResult } from '../../../users/email-verification-service.js';
import { toEmailAddressJSON } from '../../routes/users/serialize.js';

/**
 * `Client.EmailAddress` of the signed-in user's own address. While a code is out for an unverified address, its
 * verification is the code's (`verification_otp`, `email_code`, attempts and expiry), as clerk-js shows it.
 */
export function toMeEmailAddressJSON({ identification, verification }: EmailVerificationResult) {
  const json = toEmailAddressJSON(identification);
  if (identification.verified || !verification) return json;
  return {
    ...json,
    verification: {
      object: 'verification_otp' as const,
      status: verification.status,
      strategy: 'email_code' as const,
      attempts: verification.attempts,
      expire_at: verification.expiresAtMs,
    },
  };
}
