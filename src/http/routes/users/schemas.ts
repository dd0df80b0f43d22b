import { Type, type Static, type TProperties } from 'typebox';
import { IdParams, Metadata, Nullable, pageParams, rosterExtension } from '../../schemas/common.js';

/**
 * Wire schemas of the Users routes: request bodies as in Clerk's spec (strict: unknown fields are refused;
 * property order is the order Ajv checks them in, so the first error stays the same), and the objects the
 * routes answer with, exactly as the serializers (serialize.ts) write them.
 */

/** A string out of a fixed list, as `{ type: 'string', enum }`: a non-string is a type error, as before. */
const StringEnum = <const T extends readonly string[]>(values: T) => Type.Unsafe<T[number]>({ type: 'string', enum: [...values] });

const NullableString = Nullable(Type.String());
const NullableBoolean = Nullable(Type.Boolean());
const NullableCount = Nullable(Type.Integer({ minimum: 0, maximum: 2_147_483_647 }));
/** Names and external ids are indexed: bounded like Clerk's (256 characters). */
const NullableName = Nullable(Type.String({ maxLength: 256 }));
const NullableLocale = Nullable(Type.String({ maxLength: 64 }));
const BackupCodes = Type.Array(Type.String({ maxLength: 256 }), { maxItems: 50 });
const Strings = Type.Array(Type.String());
const IdentificationStatuses = Type.Array(StringEnum(['verified', 'reserved']));
/** Every property optional, none other allowed. */
const Fields = <T extends TProperties>(properties: T) => Type.Partial(Type.Object(properties), { additionalProperties: false });

export const UserParams = IdParams('user_id');
export const Web3WalletParams = IdParams('user_id', 'web3_wallet_identification_id');
export const ExternalAccountParams = IdParams('user_id', 'external_account_id');
export const PasskeyParams = IdParams('user_id', 'passkey_identification_id');
export const OAuthAccessTokenParams = IdParams('user_id', 'provider');

export const OAuthAccessTokenQuery = Type.Object(
  {
    paginated: Type.Optional(Type.Boolean({ description: 'Answer `{ data, total_count }` instead of the bare array' })),
    ...pageParams,
  },
  { additionalProperties: false },
);

export const CreateUserBody = Fields({
  external_id: NullableName,
  first_name: NullableName,
  last_name: NullableName,
  locale: NullableLocale,
  email_address: Strings,
  email_address_identification_status: IdentificationStatuses,
  phone_number: Strings,
  phone_number_identification_status: IdentificationStatuses,
  web3_wallet: Strings,
  username: NullableString,
  password: NullableString,
  password_digest: NullableString,
  password_hasher: Type.String(),
  skip_password_checks: NullableBoolean,
  skip_password_requirement: NullableBoolean,
  totp_secret: NullableString,
  backup_codes: BackupCodes,
  public_metadata: Metadata,
  private_metadata: Metadata,
  unsafe_metadata: Metadata,
  delete_self_enabled: NullableBoolean,
  legal_accepted_at: NullableString,
  skip_legal_checks: NullableBoolean,
  skip_user_requirement: NullableBoolean,
  create_organization_enabled: NullableBoolean,
  create_organizations_limit: NullableCount,
  created_at: NullableString,
  bypass_client_trust: NullableBoolean,
  banned: NullableBoolean,
  locked: NullableBoolean,
});
export type CreateUserBody = Static<typeof CreateUserBody>;

export const UpdateUserBody = Fields({
  external_id: NullableName,
  first_name: NullableName,
  last_name: NullableName,
  locale: NullableLocale,
  primary_email_address_id: NullableString,
  notify_primary_email_address_changed: NullableBoolean,
  primary_phone_number_id: NullableString,
  primary_web3_wallet_id: NullableString,
  username: NullableString,
  profile_image_id: NullableString,
  password: NullableString,
  password_digest: Type.String(),
  password_hasher: Type.String(),
  skip_password_checks: NullableBoolean,
  sign_out_of_other_sessions: NullableBoolean,
  totp_secret: NullableString,
  backup_codes: BackupCodes,
  delete_self_enabled: NullableBoolean,
  create_organization_enabled: NullableBoolean,
  legal_accepted_at: NullableString,
  skip_legal_checks: NullableBoolean,
  create_organizations_limit: NullableCount,
  created_at: NullableString,
  bypass_client_trust: NullableBoolean,
  // Accepted up to 2025-11-10; refused from 2026-05-12 (see versionRules).
  public_metadata: Metadata,
  private_metadata: Metadata,
  unsafe_metadata: Metadata,
});
export type UpdateUserBody = Static<typeof UpdateUserBody>;

export const MetadataBody = Fields({ public_metadata: Metadata, private_metadata: Metadata, unsafe_metadata: Metadata });
export type MetadataBody = Static<typeof MetadataBody>;

export const BulkUsersBody = Type.Object({ user_ids: Type.Array(Type.String(), { minItems: 1, maxItems: 50 }) }, { additionalProperties: false });

export const PasswordBody = Type.Object({ password: Type.String() }, { additionalProperties: false });

export const CodeBody = Type.Object({ code: Type.String() }, { additionalProperties: false });

export const RemovePasswordBody = Fields({ sign_out_of_other_sessions: Type.Boolean() });

export const SetCompromisedBody = Fields({ revoke_all_sessions: NullableBoolean });

// Answers.

/**
 * How a verified identification was verified: as an admin would (the Backend API), or by the email code a person
 * entered at a Frontend API sign-up; reserved or unverified ones carry no verification yet.
 */
const AdminVerification = Nullable(
  Type.Object(
    {
      object: Type.Union([Type.Literal('verification_admin'), Type.Literal('verification_otp'), Type.Literal('verification_ticket'), Type.Literal('verification_from_oauth')]),
      status: Type.Literal('verified'),
      strategy: Type.Union([
        Type.Literal('admin'),
        Type.Literal('email_code'),
        Type.Literal('phone_code'),
        Type.Literal('ticket'),
        Type.String({ pattern: '^from_oauth_[a-z0-9_]+$' }),
      ]),
      attempts: Type.Null(),
      /** The email code's verification: when the address was verified (the code's own expiry is not kept). */
      expire_at: Nullable(Type.Integer()),
    },
    { additionalProperties: false },
  ),
);
/** Lists Roster always answers empty (linked identifications, SAML or enterprise accounts). */
const Empty = Type.Array(Type.Never());
const UnixMs = Type.Integer({ description: 'Unix ms' });
const NullableUnixMs = Nullable(UnixMs);

export const EmailAddressJSON = Type.Object(
  {
    id: Type.String(),
    object: Type.Literal('email_address'),
    email_address: Type.String(),
    reserved: Type.Boolean(),
    verification: AdminVerification,
    linked_to: Empty,
    matches_sso_connection: Type.Boolean(),
    created_at: UnixMs,
    updated_at: UnixMs,
  },
  { additionalProperties: false },
);
export type EmailAddressJSON = Static<typeof EmailAddressJSON>;

export const PhoneNumberJSON = Type.Object(
  {
    id: Type.String(),
    object: Type.Literal('phone_number'),
    phone_number: Type.String(),
    reserved_for_second_factor: Type.Boolean(),
    default_second_factor: Type.Boolean(),
    reserved: Type.Boolean(),
    verification: AdminVerification,
    linked_to: Empty,
    backup_codes: Type.Null(),
    created_at: UnixMs,
    updated_at: UnixMs,
  },
  { additionalProperties: false },
);
export type PhoneNumberJSON = Static<typeof PhoneNumberJSON>;

export const Web3WalletJSON = Type.Object(
  {
    id: Type.String(),
    object: Type.Literal('web3_wallet'),
    web3_wallet: Type.String(),
    verification: AdminVerification,
    created_at: UnixMs,
    updated_at: UnixMs,
  },
  { additionalProperties: false },
);
export type Web3WalletJSON = Static<typeof Web3WalletJSON>;

export const VerificationErrorJSON = Type.Object(
  { code: Type.String(), message: Type.String(), long_message: Type.String(), meta: Type.Record(Type.String(), Type.Unknown()) },
  { additionalProperties: false },
);
export type VerificationErrorJSON = Static<typeof VerificationErrorJSON>;

/** An external account's OAuth verification; the redirect URL only while the provider is still to be visited. */
const OAuthVerification = Type.Object(
  {
    object: Type.Literal('verification_oauth'),
    status: StringEnum(['unverified', 'verified', 'failed', 'expired', 'transferable']),
    strategy: Type.String(),
    external_verification_redirect_url: Type.Optional(Type.String()),
    error: Nullable(VerificationErrorJSON),
    expire_at: UnixMs,
    attempts: Type.Null(),
  },
  { additionalProperties: false },
);

/** `ExternalAccountWithVerification`: a user's account at an OAuth provider (never its tokens). */
export const ExternalAccountJSON = Type.Object(
  {
    object: Type.Literal('external_account'),
    id: Type.String(),
    provider: Type.String(),
    identification_id: Type.String(),
    provider_user_id: Type.String(),
    approved_scopes: Type.String(),
    email_address: Type.String(),
    email_address_verified: NullableBoolean,
    first_name: Type.String(),
    last_name: Type.String(),
    avatar_url: Type.String(),
    image_url: NullableString,
    username: NullableString,
    phone_number: NullableString,
    public_metadata: Metadata,
    label: NullableString,
    created_at: UnixMs,
    updated_at: UnixMs,
    verification: OAuthVerification,
  },
  { additionalProperties: false },
);
export type ExternalAccountJSON = Static<typeof ExternalAccountJSON>;

/** Clerk's `Passkey` on a User: registered passkeys only, so always verified; never its credential. */
export const PasskeyJSON = Type.Object(
  {
    id: Type.String(),
    object: Type.Literal('passkey'),
    name: Type.String(),
    last_used_at: UnixMs,
    verification: Type.Object(
      {
        object: Type.Literal('verification_passkey'),
        status: Type.Literal('verified'),
        strategy: Type.Literal('passkey'),
        attempts: Type.Null(),
        expire_at: Type.Null(),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);
export type PasskeyJSON = Static<typeof PasskeyJSON>;

export const UserJSON = Type.Object(
  {
    id: Type.String(),
    object: Type.Literal('user'),
    external_id: NullableString,
    primary_email_address_id: NullableString,
    primary_phone_number_id: NullableString,
    primary_web3_wallet_id: NullableString,
    username: NullableString,
    first_name: NullableString,
    last_name: NullableString,
    locale: NullableString,
    profile_image_url: Type.String(),
    image_url: Type.String(),
    has_image: Type.Boolean(),
    public_metadata: Metadata,
    private_metadata: Metadata,
    unsafe_metadata: Metadata,
    email_addresses: Type.Array(EmailAddressJSON),
    phone_numbers: Type.Array(PhoneNumberJSON),
    web3_wallets: Type.Array(Web3WalletJSON),
    passkeys: Type.Array(PasskeyJSON),
    password_enabled: Type.Boolean(),
    two_factor_enabled: Type.Boolean(),
    totp_enabled: Type.Boolean(),
    backup_code_enabled: Type.Boolean(),
    mfa_enabled_at: NullableUnixMs,
    mfa_disabled_at: NullableUnixMs,
    password_last_updated_at: NullableUnixMs,
    external_accounts: Type.Array(ExternalAccountJSON),
    saml_accounts: Empty,
    enterprise_accounts: Empty,
    last_sign_in_at: NullableUnixMs,
    banned: Type.Boolean(),
    locked: Type.Boolean(),
    deprovisioned: Type.Boolean(),
    lockout_expires_in_seconds: Nullable(Type.Integer()),
    verification_attempts_remaining: Nullable(Type.Integer()),
    updated_at: UnixMs,
    created_at: UnixMs,
    delete_self_enabled: Type.Boolean(),
    create_organization_enabled: Type.Boolean(),
    create_organizations_limit: Nullable(Type.Integer()),
    last_active_at: NullableUnixMs,
    legal_accepted_at: NullableUnixMs,
    bypass_client_trust: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type UserJSON = Static<typeof UserJSON>;

export const UserList = Type.Array(UserJSON);

export const UserDeleted = Type.Object({ object: Type.Literal('user'), id: Type.String(), deleted: Type.Literal(true) }, { additionalProperties: false });
export const ExternalAccountDeleted = Type.Object(
  { object: Type.Literal('external_account'), id: Type.String(), deleted: Type.Literal(true) },
  { additionalProperties: false },
);
export const PasskeyDeleted = Type.Object({ object: Type.Literal('passkey'), id: Type.String(), deleted: Type.Literal(true) }, { additionalProperties: false });
export const Web3WalletDeleted = Type.Object(
  { object: Type.Literal('web3_wallet'), id: Type.String(), deleted: Type.Literal(true) },
  { additionalProperties: false },
);

/** Clerk's `oauth_access_token`; `expires_at` in Unix seconds (see external-accounts.ts), `id_token` when the provider sent one. */
export const OAuthAccessTokenJSON = Type.Object(
  {
    object: Type.Literal('oauth_access_token'),
    external_account_id: Type.String(),
    provider_user_id: Type.String(),
    token: Type.String(),
    expires_at: Nullable(Type.Integer({ description: 'Unix seconds' })),
    provider: Type.String(),
    public_metadata: Metadata,
    label: NullableString,
    scopes: Type.Array(Type.String()),
    id_token: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);
export type OAuthAccessTokenJSON = Static<typeof OAuthAccessTokenJSON>;

/** The spec shows the bare array; with `paginated=true` (what @clerk/backend sends) `{ data, total_count }`. */
export const OAuthAccessTokenList = Type.Union(
  [Type.Array(OAuthAccessTokenJSON), Type.Object({ data: Type.Array(OAuthAccessTokenJSON), total_count: Type.Integer() }, { additionalProperties: false })],
  rosterExtension,
);

export const PasswordVerified = Type.Object({ verified: Type.Literal(true) }, { additionalProperties: false });

/** A new, not yet verified TOTP; backup codes are not part of it. */
export const TOTPJSON = Type.Object(
  { object: Type.Literal('totp'), id: Type.String(), secret: Type.String(), uri: Type.String(), verified: Type.Boolean(), backup_codes: Type.Null() },
  { additionalProperties: false },
);

export const CodeVerified = Type.Object({ verified: Type.Literal(true), code_type: StringEnum(['totp', 'backup_code']) }, { additionalProperties: false });

/** What a removal of second factors answers: whose they were. */
export const SecondFactorsRemoved = Type.Object({ user_id: Type.String() }, { additionalProperties: false });
