import type { IdentificationRow } from '../../../storage/database.js';
import type { UserRecord } from '../../../users/user-record.js';
import type { SerializeContext } from '../../serialize-context.js';
import { userImageUrl } from '../images.js';

const ADMIN_VERIFICATION = {
  object: 'verification_admin',
  status: 'verified',
  strategy: 'admin',
  attempts: null,
  expire_at: null,
} as const;

/** Verified identifications carry an admin verification; reserved or unverified ones none yet. */
const verificationOf = (row: IdentificationRow) => (row.verified ? { ...ADMIN_VERIFICATION } : null);

export function toEmailAddressJSON(row: IdentificationRow) {
  return {
    id: row.id,
    object: 'email_address',
    email_address: row.identifier,
    reserved: row.reserved === 1,
    verification: verificationOf(row),
    linked_to: [],
    matches_sso_connection: false,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

export function toPhoneNumberJSON(row: IdentificationRow) {
  return {
    id: row.id,
    object: 'phone_number',
    phone_number: row.identifier,
    reserved_for_second_factor: row.reserved_for_second_factor === 1,
    default_second_factor: row.default_second_factor === 1,
    reserved: row.reserved === 1,
    verification: verificationOf(row),
    linked_to: [],
    backup_codes: null,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

export function toWeb3WalletJSON(row: IdentificationRow) {
  return {
    id: row.id,
    object: 'web3_wallet',
    web3_wallet: row.identifier,
    verification: verificationOf(row),
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

export function toDeletedJSON(object: string, id: string) {
  return { object, id, deleted: true };
}

export function toUserJSON(record: UserRecord, context: SerializeContext) {
  const { user, identifications, lock } = record;
  const ofType = (type: IdentificationRow['type']) => identifications.filter((row) => row.type === type);
  const phones = ofType('phone_number');
  const secondFactorPhone = phones.some((row) => row.verified === 1 && row.reserved_for_second_factor === 1);
  const image = userImageUrl(context.baseUrl, user);
  return {
    id: user.id,
    object: 'user',
    external_id: user.external_id,
    primary_email_address_id: user.primary_email_address_id,
    primary_phone_number_id: user.primary_phone_number_id,
    primary_web3_wallet_id: user.primary_web3_wallet_id,
    username: user.username,
    first_name: user.first_name,
    last_name: user.last_name,
    locale: user.locale,
    profile_image_url: image,
    image_url: image,
    has_image: user.image_id !== null,
    public_metadata: record.publicMetadata,
    private_metadata: record.privateMetadata,
    unsafe_metadata: record.unsafeMetadata,
    email_addresses: ofType('email_address').map(toEmailAddressJSON),
    phone_numbers: phones.map(toPhoneNumberJSON),
    web3_wallets: ofType('web3_wallet').map(toWeb3WalletJSON),
    passkeys: [],
    password_enabled: user.password_digest !== null,
    two_factor_enabled: record.totpEnabled || record.backupCodeEnabled || secondFactorPhone,
    totp_enabled: record.totpEnabled,
    backup_code_enabled: record.backupCodeEnabled,
    mfa_enabled_at: user.mfa_enabled_at,
    mfa_disabled_at: user.mfa_disabled_at,
    password_last_updated_at: user.password_last_updated_at,
    external_accounts: [],
    saml_accounts: [],
    enterprise_accounts: [],
    last_sign_in_at: user.last_sign_in_at,
    banned: user.banned === 1,
    locked: lock.locked,
    deprovisioned: false,
    lockout_expires_in_seconds: lock.lockoutExpiresInSeconds,
    verification_attempts_remaining: lock.verificationAttemptsRemaining,
    updated_at: user.updated_at,
    created_at: user.created_at,
    delete_self_enabled: user.delete_self_enabled === 1,
    create_organization_enabled: user.create_organization_enabled === 1,
    create_organizations_limit: user.create_organizations_limit,
    last_active_at: user.last_active_at,
    legal_accepted_at: user.legal_accepted_at,
    bypass_client_trust: user.bypass_client_trust === 1,
  };
}
