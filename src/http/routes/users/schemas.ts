/** Wire schemas of the Users request bodies, as in Clerk's spec (strict: unknown fields are refused). */
const nullableString = { type: ['string', 'null'] } as const;
const nullableBoolean = { type: ['boolean', 'null'] } as const;
const nullableCount = { type: ['integer', 'null'], minimum: 0, maximum: 2_147_483_647 } as const;
/** Names and external ids are indexed: bounded like Clerk's (256 characters). */
const nullableName = { type: ['string', 'null'], maxLength: 256 } as const;
const backupCodes = { type: 'array', items: { type: 'string', maxLength: 256 }, maxItems: 50 } as const;
const stringArray = { type: 'array', items: { type: 'string' } } as const;
const statusArray = { type: 'array', items: { type: 'string', enum: ['verified', 'reserved'] } } as const;
const metadata = { type: 'object' } as const;

export const createUserBody = {
  type: 'object',
  additionalProperties: false,
  properties: {
    external_id: nullableName,
    first_name: nullableName,
    last_name: nullableName,
    locale: { type: ['string', 'null'], maxLength: 64 },
    email_address: stringArray,
    email_address_identification_status: statusArray,
    phone_number: stringArray,
    phone_number_identification_status: statusArray,
    web3_wallet: stringArray,
    username: nullableString,
    password: nullableString,
    password_digest: nullableString,
    password_hasher: { type: 'string' },
    skip_password_checks: nullableBoolean,
    skip_password_requirement: nullableBoolean,
    totp_secret: nullableString,
    backup_codes: backupCodes,
    public_metadata: metadata,
    private_metadata: metadata,
    unsafe_metadata: metadata,
    delete_self_enabled: nullableBoolean,
    legal_accepted_at: nullableString,
    skip_legal_checks: nullableBoolean,
    skip_user_requirement: nullableBoolean,
    create_organization_enabled: nullableBoolean,
    create_organizations_limit: nullableCount,
    created_at: nullableString,
    bypass_client_trust: nullableBoolean,
    banned: nullableBoolean,
    locked: nullableBoolean,
  },
} as const;

export const updateUserBody = {
  type: 'object',
  additionalProperties: false,
  properties: {
    external_id: nullableName,
    first_name: nullableName,
    last_name: nullableName,
    locale: { type: ['string', 'null'], maxLength: 64 },
    primary_email_address_id: nullableString,
    notify_primary_email_address_changed: nullableBoolean,
    primary_phone_number_id: nullableString,
    primary_web3_wallet_id: nullableString,
    username: nullableString,
    profile_image_id: nullableString,
    password: nullableString,
    password_digest: { type: 'string' },
    password_hasher: { type: 'string' },
    skip_password_checks: nullableBoolean,
    sign_out_of_other_sessions: nullableBoolean,
    totp_secret: nullableString,
    backup_codes: backupCodes,
    delete_self_enabled: nullableBoolean,
    create_organization_enabled: nullableBoolean,
    legal_accepted_at: nullableString,
    skip_legal_checks: nullableBoolean,
    create_organizations_limit: nullableCount,
    created_at: nullableString,
    bypass_client_trust: nullableBoolean,
    // Accepted up to 2025-11-10; refused from 2026-05-12 (see versionRules).
    public_metadata: metadata,
    private_metadata: metadata,
    unsafe_metadata: metadata,
  },
} as const;

export const metadataBody = {
  type: 'object',
  additionalProperties: false,
  properties: { public_metadata: metadata, private_metadata: metadata, unsafe_metadata: metadata },
} as const;

export const bulkUsersBody = {
  type: 'object',
  additionalProperties: false,
  required: ['user_ids'],
  properties: { user_ids: { type: 'array', items: { type: 'string' }, minItems: 1, maxItems: 50 } },
} as const;

export const createEmailAddressBody = {
  type: 'object',
  additionalProperties: false,
  required: ['user_id', 'email_address'],
  properties: {
    user_id: { type: 'string' },
    email_address: { type: 'string' },
    verified: nullableBoolean,
    primary: nullableBoolean,
    notify_primary_email_address_changed: nullableBoolean,
  },
} as const;

export const updateEmailAddressBody = {
  type: 'object',
  additionalProperties: false,
  properties: { verified: nullableBoolean, primary: nullableBoolean, notify_primary_email_address_changed: nullableBoolean },
} as const;

export const createPhoneNumberBody = {
  type: 'object',
  additionalProperties: false,
  required: ['user_id', 'phone_number'],
  properties: {
    user_id: { type: 'string' },
    phone_number: { type: 'string' },
    verified: nullableBoolean,
    primary: nullableBoolean,
    reserved_for_second_factor: nullableBoolean,
  },
} as const;

export const updatePhoneNumberBody = {
  type: 'object',
  additionalProperties: false,
  properties: { verified: nullableBoolean, primary: nullableBoolean, reserved_for_second_factor: nullableBoolean },
} as const;

const replacementStatus = { type: 'string', enum: ['verified', 'reserved', 'unverified'] } as const;

export const replaceEmailAddressBody = {
  type: 'object',
  additionalProperties: false,
  required: ['email_address'],
  properties: { email_address: { type: 'string' }, identification_status: replacementStatus, notify_primary_email_address_changed: nullableBoolean },
} as const;

export const replacePhoneNumberBody = {
  type: 'object',
  additionalProperties: false,
  required: ['phone_number'],
  properties: { phone_number: { type: 'string' }, identification_status: replacementStatus },
} as const;

export const passwordBody = {
  type: 'object',
  additionalProperties: false,
  required: ['password'],
  properties: { password: { type: 'string' } },
} as const;

export const codeBody = {
  type: 'object',
  additionalProperties: false,
  required: ['code'],
  properties: { code: { type: 'string' } },
} as const;

export const removePasswordBody = {
  type: 'object',
  additionalProperties: false,
  properties: { sign_out_of_other_sessions: { type: 'boolean' } },
} as const;

export const setCompromisedBody = {
  type: 'object',
  additionalProperties: false,
  properties: { revoke_all_sessions: nullableBoolean },
} as const;
