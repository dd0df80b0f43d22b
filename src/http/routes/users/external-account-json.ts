import { catalog } from '../../../lib/error-catalog.js';
import type { ExternalAccountRecord } from '../../../oauth/external-accounts.js';
import type { ExternalAccountJSON, VerificationErrorJSON } from './schemas.js';

/**
 * Clerk's error object for a verification that failed, from the code Roster stored: the catalogue's wording when
 * it knows the code, the code itself otherwise (a code of an older Roster is still shown, not dropped).
 */
export function verificationErrorOf(code: string | null): VerificationErrorJSON | null {
  if (code === null) return null;
  const entry = Object.values(catalog).find((candidate) => candidate.code === code);
  const message = entry?.message ?? code;
  return { code, message, long_message: message, meta: {} };
}

/**
 * `ExternalAccountWithVerification`, the same in the Backend and Frontend APIs. `avatar_url` is Clerk's deprecated
 * twin of `image_url` and a string, so '' when the provider gave no picture. The verification's `expire_at` is an
 * integer in the spec: an account verified with no deadline shows when it was linked.
 */
export function toExternalAccountJSON(account: ExternalAccountRecord): ExternalAccountJSON {
  const { verification } = account;
  return {
    object: 'external_account',
    id: account.id,
    provider: account.provider,
    identification_id: account.identificationId,
    provider_user_id: account.providerUserId,
    approved_scopes: account.approvedScopes,
    email_address: account.emailAddress,
    email_address_verified: account.emailAddressVerified,
    first_name: account.firstName,
    last_name: account.lastName,
    avatar_url: account.imageUrl ?? '',
    image_url: account.imageUrl,
    username: account.username,
    phone_number: account.phoneNumber,
    public_metadata: account.publicMetadata,
    label: account.label,
    created_at: account.createdAt,
    updated_at: account.updatedAt,
    verification: {
      object: 'verification_oauth',
      // Stored as one of ExternalAccountStatus (a subset of the spec's statuses).
      status: verification.status as ExternalAccountJSON['verification']['status'],
      strategy: verification.strategy,
      // @clerk/backend parses a present URL with `new URL` (a bad one fails the whole user): only a real one is sent.
      ...(verification.externalVerificationRedirectUrl ? { external_verification_redirect_url: verification.externalVerificationRedirectUrl } : {}),
      error: verificationErrorOf(verification.error),
      expire_at: verification.expireAt ?? account.createdAt,
      attempts: null,
    },
  };
}
