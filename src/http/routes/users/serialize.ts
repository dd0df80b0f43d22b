import type { Identification, IdentificationType, UserRecord } from '../../../users/user-record.js';
import type { SerializeContext } from '../../serialize-context.js';
import { userImageUrl } from '../images.js';
import { toExternalAccountJSON } from './external-account-json.js';
import { toPasskeyJSONOfUser } from './passkey-json.js';
import type { EmailAddressJSON, PhoneNumberJSON, UserJSON, Web3WalletJSON } from './schemas.js';


/**
 * Verified identifications carry how they were verified: an admin verification (the Backend API), or the code a
 * person entered at sign-up; reserved or unverified ones none yet.
 */
const verificationOf = (identification: Identification) => {
  if (!identification.verified) return null;
  const strategy = identification.verificationStrategy;
  if (strategy === 'email_code' || strategy === 'phone_code') {
    // The Frontend API's OTP verification needs an integer expiry; Roster keeps when the address was verified.
    return { object: 'verification_otp', status: 'verified', strategy, attempts: null, expire_at: identification.createdAtMs } as const;
  }
  if (strategy?.startsWith('from_oauth_')) {
    // Verified by the provider at an OAuth sign-up (the provider said the address was verified).
    return { object: 'verification_from_oauth', status: 'verified', strategy, attempts: null, expire_at: null } as const;
  }
  if (identification.verificationStrategy === 'ticket') {
    // Verified by redeeming an invitation's ticket at sign-up.
    return { object: 'verification_ticket', status: 'verified', strategy: 'ticket', attempts: null, expire_at: null } as const;
  }
  return { object: 'verification_admin', status: 'verified', strategy: 'admin', attempts: null, expire_at: null } as const;
};

export function toEmailAddressJSON(identification: Identification): EmailAddressJSON {
  return {
    id: identification.id,
    object: 'email_address',
    email_address: identification.value,
    reserved: identification.reserved,
    verification: verificationOf(identification),
    linked_to: [],
    matches_sso_connection: false,
    created_at: identification.createdAtMs,
    updated_at: identification.updatedAtMs,
  };
}

export function toPhoneNumberJSON(identification: Identification): PhoneNumberJSON {
  return {
    id: identification.id,
    object: 'phone_number',
    phone_number: identification.value,
    reserved_for_second_factor: identification.reservedForSecondFactor,
    default_second_factor: identification.defaultSecondFactor,
    reserved: identification.reserved,
    verification: verificationOf(identification),
    linked_to: [],
    backup_codes: null,
    created_at: identification.createdAtMs,
    updated_at: identification.updatedAtMs,
  };
}

export function toWeb3WalletJSON(identification: Identification): Web3WalletJSON {
  return {
    id: identification.id,
    object: 'web3_wallet',
    web3_wallet: identification.value,
    verification: verificationOf(identification),
    created_at: identification.createdAtMs,
    updated_at: identification.updatedAtMs,
  };
}

export function toDeletedJSON<const O extends string>(object: O, id: string) {
  return { object, id, deleted: true as const };
}

export function toUserJSON(record: UserRecord, context: SerializeContext): UserJSON {
  const { user, identifications, lock } = record;
  const ofType = (type: IdentificationType) => identifications.filter((identification) => identification.type === type);
  const phones = ofType('phone_number');
  const secondFactorPhone = phones.some((phone) => phone.verified && phone.reservedForSecondFactor);
  const image = userImageUrl(context.baseUrl, {
    id: user.id,
    image_id: user.imageId,
    first_name: user.firstName,
    last_name: user.lastName,
    username: user.username,
  });
  return {
    id: user.id,
    object: 'user',
    external_id: user.externalId,
    primary_email_address_id: user.primaryEmailAddressId,
    primary_phone_number_id: user.primaryPhoneNumberId,
    primary_web3_wallet_id: user.primaryWeb3WalletId,
    username: user.username,
    first_name: user.firstName,
    last_name: user.lastName,
    locale: user.locale,
    profile_image_url: image,
    image_url: image,
    has_image: user.imageId !== null,
    public_metadata: record.publicMetadata,
    private_metadata: record.privateMetadata,
    unsafe_metadata: record.unsafeMetadata,
    email_addresses: ofType('email_address').map(toEmailAddressJSON),
    phone_numbers: phones.map(toPhoneNumberJSON),
    web3_wallets: ofType('web3_wallet').map(toWeb3WalletJSON),
    passkeys: record.passkeys.map(toPasskeyJSONOfUser),
    password_enabled: user.passwordEnabled,
    two_factor_enabled: record.totpEnabled || record.backupCodeEnabled || secondFactorPhone,
    totp_enabled: record.totpEnabled,
    backup_code_enabled: record.backupCodeEnabled,
    mfa_enabled_at: user.mfaEnabledAtMs,
    mfa_disabled_at: user.mfaDisabledAtMs,
    password_last_updated_at: user.passwordLastUpdatedAtMs,
    external_accounts: record.externalAccounts.map(toExternalAccountJSON),
    saml_accounts: [],
    enterprise_accounts: [],
    last_sign_in_at: user.lastSignInAtMs,
    banned: user.banned,
    locked: lock.locked,
    deprovisioned: false,
    lockout_expires_in_seconds: lock.lockoutExpiresInSeconds,
    verification_attempts_remaining: lock.verificationAttemptsRemaining,
    updated_at: user.updatedAtMs,
    created_at: user.createdAtMs,
    delete_self_enabled: user.deleteSelfEnabled,
    create_organization_enabled: user.createOrganizationEnabled,
    create_organizations_limit: user.createOrganizationsLimit,
    last_active_at: user.lastActiveAtMs,
    legal_accepted_at: user.legalAcceptedAtMs,
    bypass_client_trust: user.bypassClientTrust,
  };
}
