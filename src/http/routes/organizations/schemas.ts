/** Wire schemas of the organization request bodies, as in Clerk's spec (strict: unknown fields are refused). */
const nullableString = { type: ['string', 'null'] } as const;
const nullableBoolean = { type: ['boolean', 'null'] } as const;
const metadata = { type: 'object' } as const;
const nullableMetadata = { type: ['object', 'null'] } as const;

export const createOrganizationBody = {
  type: 'object',
  additionalProperties: false,
  required: ['name'],
  properties: {
    name: { type: 'string' },
    created_by: nullableString,
    private_metadata: nullableMetadata,
    public_metadata: nullableMetadata,
    slug: nullableString,
    max_allowed_memberships: { type: ['integer', 'null'], minimum: 0 },
    created_at: nullableString,
    role_set_key: nullableString,
  },
} as const;

export const updateOrganizationBody = {
  type: 'object',
  additionalProperties: false,
  properties: {
    name: nullableString,
    slug: nullableString,
    max_allowed_memberships: { type: ['integer', 'null'], minimum: 0 },
    admin_delete_enabled: nullableBoolean,
    created_at: nullableString,
    role_set_key: nullableString,
    // Accepted up to 2025-11-10; refused from 2026-05-12 (see versionRules).
    public_metadata: nullableMetadata,
    private_metadata: nullableMetadata,
  },
} as const;

export const organizationMetadataBody = {
  type: 'object',
  additionalProperties: false,
  properties: { public_metadata: metadata, private_metadata: metadata },
} as const;

export const createMembershipBody = {
  type: 'object',
  additionalProperties: false,
  required: ['user_id', 'role'],
  properties: { user_id: { type: 'string' }, role: { type: 'string' }, public_metadata: nullableMetadata, private_metadata: nullableMetadata },
} as const;

export const updateMembershipBody = {
  type: 'object',
  additionalProperties: false,
  required: ['role'],
  properties: { role: { type: 'string' } },
} as const;

export const membershipMetadataBody = organizationMetadataBody;

export const createInvitationBody = {
  type: 'object',
  additionalProperties: false,
  required: ['email_address', 'role'],
  properties: {
    email_address: { type: 'string' },
    inviter_user_id: nullableString,
    role: { type: 'string' },
    public_metadata: nullableMetadata,
    private_metadata: nullableMetadata,
    redirect_url: nullableString,
    expires_in_days: { type: ['integer', 'null'], minimum: 1, maximum: 365 },
    notify: nullableBoolean,
  },
} as const;

/** The bulk body is an array; each item is checked against `createInvitationBody` so errors name the field. */
export const bulkInvitationsBody = { type: 'array', items: { type: 'object' } } as const;

export const revokeInvitationBody = {
  type: 'object',
  additionalProperties: false,
  properties: { requesting_user_id: nullableString },
} as const;
