import type { MembershipRecord, PublicUserRecord } from '../../../organizations/records.js';
import type { PasskeyRecord } from '../../../passkeys/passkey-record.js';
import { CHALLENGE_LIFETIME_MS } from '../../../passkeys/passkey-service.js';
import type { Identification, IdentificationType, UserRecord } from '../../../users/user-record.js';
import type { SerializeContext } from '../../serialize-context.js';
import { userImageUrl } from '../../routes/images.js';
import { toOrganizationJSON } from '../../routes/organizations/serialize.js';
import { toExternalAccountJSON } from '../../routes/users/external-account-json.js';
import type { EmailAddressJSON, ExternalAccountJSON, PhoneNumberJSON, Web3WalletJSON } from '../../routes/users/schemas.js';
import { toEmailAddressJSON, toPhoneNumberJSON, toWeb3WalletJSON } from '../../routes/users/serialize.js';

/**
 * The Frontend API's user shapes (`Client.User`, `Client.PublicUserData`, `Client.OrganizationMembership`), for the
 * signed-in user and the sessions of a client. The browser sees what the user may see of themselves: never
 * private metadata, password digests, TOTP secrets or backup codes (the FAPI spec's User has no private_metadata).
 * Email addresses, phone numbers and web3 wallets have the same shape in both APIs: the Backend API's serializers
 * write them.
 */

export type FapiEmailAddressJSON = EmailAddressJSON;
export type FapiPhoneNumberJSON = PhoneNumberJSON;
export type FapiWeb3WalletJSON = Web3WalletJSON;
export { toEmailAddressJSON as toFapiEmailAddressJSON, toPhoneNumberJSON as toFapiPhoneNumberJSON, toWeb3WalletJSON as toFapiWeb3WalletJSON };

/** `Client.PublicUserData`: what a session list or a membership shows of a user. */
export interface PublicUserDataJSON {
  user_id: string;
  first_name: string | null;
  last_name: string | null;
  image_url: string;
  has_image: boolean;
  identifier: string;
  username: string | null;
  banned: boolean;
}

/** `Client.Organization`: no private metadata, no creator. */
export interface FapiOrganizationJSON {
  object: 'organization';
  id: string;
  name: string;
  slug: string;
  image_url: string;
  has_image: boolean;
  members_count?: number;
  pending_invitations_count?: number;
  max_allowed_memberships: number;
  admin_delete_enabled: boolean;
  public_metadata: Record<string, unknown>;
  created_at: number;
  updated_at: number;
}

/** `Client.OrganizationMembership` of the signed-in user. */
export interface FapiOrganizationMembershipJSON {
  object: 'organization_membership';
  id: string;
  public_metadata: Record<string, unknown>;
  role: string;
  role_name: string;
  permissions: string[];
  created_at: number;
  updated_at: number;
  organization: FapiOrganizationJSON;
  public_user_data: PublicUserDataJSON;
}

/** `Client.Passkey` on the signed-in user: a registered passkey (never its credential). */
export interface FapiUserPasskeyJSON {
  id: string;
  object: 'passkey';
  name: string;
  last_used_at: number | null;
  verification: { object: 'verification_passkey'; status: 'verified'; strategy: 'passkey'; attempts: null; expire_at: number };
  created_at: number;
  updated_at: number;
}

/**
 * A registered passkey as clerk-js's `Passkey` resource reads it. The verification's `expire_at` is a required
 * integer in the Frontend API: the registration challenge's deadline (it was met, or the passkey would not show).
 */
export function toFapiUserPasskeyJSON(passkey: PasskeyRecord): FapiUserPasskeyJSON {
  return {
    id: passkey.id,
    object: 'passkey',
    name: passkey.name,
    last_used_at: passkey.lastUsedAtMs,
    verification: { object: 'verification_passkey', status: 'verified', strategy: 'passkey', attempts: null, expire_at: passkey.createdAtMs + CHALLENGE_LIFETIME_MS },
    created_at: passkey.createdAtMs,
    updated_at: passkey.updatedAtMs,
  };
}

/** `Client.User`: the signed-in user as clerk-js's `User` resource reads it. */
export interface FapiUserJSON {
  id: string;
  object: 'user';
  username: string | null;
  first_name: string | null;
  last_name: string | null;
  image_url: string;
  has_image: boolean;
  primary_email_address_id: string | null;
  primary_phone_number_id: string | null;
  primary_web3_wallet_id: string | null;
  password_enabled: boolean;
  two_factor_enabled: boolean;
  totp_enabled: boolean;
  backup_code_enabled: boolean;
  email_addresses: FapiEmailAddressJSON[];
  phone_numbers: FapiPhoneNumberJSON[];
  web3_wallets: FapiWeb3WalletJSON[];
  passkeys: FapiUserPasskeyJSON[];
  organization_memberships: FapiOrganizationMembershipJSON[];
  external_accounts: ExternalAccountJSON[];
  saml_accounts: never[];
  enterprise_accounts: never[];
  password_last_updated_at: number | null;
  public_metadata: Record<string, unknown>;
  unsafe_metadata: Record<string, unknown>;
  external_id: string | null;
  last_sign_in_at: number | null;
  banned: boolean;
  locked: boolean;
  lockout_expires_in_seconds: number | null;
  verification_attempts_remaining: number | null;
  created_at: number;
  updated_at: number;
  delete_self_enabled: boolean;
  create_organization_enabled: boolean;
  create_organizations_limit: number;
  last_active_at: number | null;
  mfa_enabled_at: number | null;
  mfa_disabled_at: number | null;
  legal_accepted_at: number | null;
}

export interface FapiUserContext extends SerializeContext {
  /** The user's organization memberships, when the caller read them; none otherwise. */
  organizationMemberships?: readonly MembershipRecord[];
}

/** The identifier Clerk shows for a user: the primary email address, else phone number, username or web3 wallet. */
function identifierOf(record: UserRecord): string {
  const { user, identifications } = record;
  const primary = (id: string | null) => identifications.find((identification) => identification.id === id)?.value ?? null;
  return primary(user.primaryEmailAddressId) ?? primary(user.primaryPhoneNumberId) ?? user.username ?? primary(user.primaryWeb3WalletId) ?? '';
}

function publicUserDataOf(user: PublicUserRecord, context: SerializeContext): PublicUserDataJSON {
  return {
    user_id: user.id,
    first_name: user.firstName,
    last_name: user.lastName,
    image_url: userImageUrl(context.baseUrl, { id: user.id, image_id: user.imageId, first_name: user.firstName, last_name: user.lastName, username: user.username }),
    has_image: user.imageId !== null,
    identifier: user.identifier ?? '',
    username: user.username,
    banned: user.banned,
  };
}

/** `Client.PublicUserData` of a user (a session's `public_user_data`). */
export function toPublicUserDataJSON(record: UserRecord, context: SerializeContext): PublicUserDataJSON {
  const { user } = record;
  return publicUserDataOf(
    { id: user.id, firstName: user.firstName, lastName: user.lastName, username: user.username, imageId: user.imageId, identifier: identifierOf(record), banned: user.banned },
    context,
  );
}

/** `Client.Organization`: the Backend API's organization without what only the backend may see. */
export function toFapiOrganizationJSON(record: MembershipRecord['organization'], context: SerializeContext): FapiOrganizationJSON {
  const json = toOrganizationJSON(record, context);
  return {
    object: 'organization',
    id: json.id,
    name: json.name,
    slug: json.slug,
    image_url: json.image_url,
    has_image: json.has_image,
    ...(record.counts ? { members_count: record.counts.members, pending_invitations_count: record.counts.pendingInvitations } : {}),
    max_allowed_memberships: json.max_allowed_memberships,
    admin_delete_enabled: json.admin_delete_enabled,
    public_metadata: json.public_metadata,
    created_at: json.created_at,
    updated_at: json.updated_at,
  };
}

export function toFapiMembershipJSON(record: MembershipRecord, context: SerializeContext): FapiOrganizationMembershipJSON {
  return {
    object: 'organization_membership',
    id: record.id,
    public_metadata: record.publicMetadata,
    role: record.role.key,
    role_name: record.role.name,
    permissions: [...record.role.permissions],
    created_at: record.createdAtMs,
    updated_at: record.updatedAtMs,
    organization: toFapiOrganizationJSON(record.organization, context),
    public_user_data: publicUserDataOf(record.user, context),
  };
}

/** `Client.User` of the signed-in user. */
export function toFapiUserJSON(record: UserRecord, context: FapiUserContext): FapiUserJSON {
  const { user, identifications, lock } = record;
  const ofType = (type: IdentificationType): Identification[] => identifications.filter((identification) => identification.type === type);
  const phones = ofType('phone_number');
  const secondFactorPhone = phones.some((phone) => phone.verified && phone.reservedForSecondFactor);
  return {
    id: user.id,
    object: 'user',
    username: user.username,
    first_name: user.firstName,
    last_name: user.lastName,
    image_url: userImageUrl(context.baseUrl, { id: user.id, image_id: user.imageId, first_name: user.firstName, last_name: user.lastName, username: user.username }),
    has_image: user.imageId !== null,
    primary_email_address_id: user.primaryEmailAddressId,
    primary_phone_number_id: user.primaryPhoneNumberId,
    primary_web3_wallet_id: user.primaryWeb3WalletId,
    password_enabled: user.passwordEnabled,
    two_factor_enabled: record.totpEnabled || record.backupCodeEnabled || secondFactorPhone,
    totp_enabled: record.totpEnabled,
    backup_code_enabled: record.backupCodeEnabled,
    email_addresses: ofType('email_address').map(toEmailAddressJSON),
    phone_numbers: phones.map(toPhoneNumberJSON),
    web3_wallets: ofType('web3_wallet').map(toWeb3WalletJSON),
    passkeys: record.passkeys.map(toFapiUserPasskeyJSON),
    organization_memberships: (context.organizationMemberships ?? []).map((membership) => toFapiMembershipJSON(membership, context)),
    // The same shape as the Backend API's (the FAPI's `ExternalAccountWithVerification`); tokens never reach the browser.
    external_accounts: record.externalAccounts.map(toExternalAccountJSON),
    saml_accounts: [],
    enterprise_accounts: [],
    password_last_updated_at: user.passwordLastUpdatedAtMs,
    public_metadata: record.publicMetadata,
    // Unsafe metadata is the user's own to read and write from the browser; private metadata never leaves the backend.
    unsafe_metadata: record.unsafeMetadata,
    external_id: user.externalId,
    last_sign_in_at: user.lastSignInAtMs,
    banned: user.banned,
    locked: lock.locked,
    lockout_expires_in_seconds: lock.lockoutExpiresInSeconds,
    verification_attempts_remaining: lock.verificationAttemptsRemaining,
    created_at: user.createdAtMs,
    updated_at: user.updatedAtMs,
    delete_self_enabled: user.deleteSelfEnabled,
    create_organization_enabled: user.createOrganizationEnabled,
    // The FAPI's limit is an integer where 0 means unlimited; Roster stores unlimited as null.
    create_organizations_limit: user.createOrganizationsLimit ?? 0,
    last_active_at: user.lastActiveAtMs,
    mfa_enabled_at: user.mfaEnabledAtMs,
    mfa_disabled_at: user.mfaDisabledAtMs,
    legal_accepted_at: user.legalAcceptedAtMs,
  };
}
