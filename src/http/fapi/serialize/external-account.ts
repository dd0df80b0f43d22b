import type { ExternalAccountRecord } from '../../../oauth/external-accounts.js';
import { oauthVerificationJSON } from './client.js';

/** `ExternalAccountWithVerification` as the Frontend API answers it (never the provider's tokens). */
export function toFapiExternalAccountJSON(account: ExternalAccountRecord) {
  return {
    object: 'external_account' as const,
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
    verification: oauthVerificationJSON({
      strategy: account.provider,
      status: account.verification.status,
      url: account.verification.externalVerificationRedirectUrl,
      error: account.verification.error,
      expireAt: account.verification.expireAt,
    }),
  };
}
