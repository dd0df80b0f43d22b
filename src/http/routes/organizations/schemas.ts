import { Type, type Static } from 'typebox';
import { Metadata, Nullable, Paginated } from '../../schemas/common.js';

/**
 * Wire schemas of the organization request bodies (strict, as in Clerk's spec: unknown fields are refused) and
 * of the Organization, OrganizationMembership and OrganizationInvitation objects the serializers write.
 */

const nullableString = () => Type.Optional(Nullable(Type.String()));
const nullableMetadata = () => Type.Optional(Nullable(Metadata));
/** 0 means unlimited. */
const maxAllowedMemberships = () => Type.Optional(Nullable(Type.Integer({ minimum: 0 })));

export const CreateOrganizationBody = Type.Object(
  {
    name: Type.String(),
    created_by: nullableString(),
    private_metadata: nullableMetadata(),
    public_metadata: nullableMetadata(),
    slug: nullableString(),
    max_allowed_memberships: maxAllowedMemberships(),
    created_at: nullableString(),
    role_set_key: nullableString(),
  },
  { additionalProperties: false },
);
export type CreateOrganizationBody = Static<typeof CreateOrganizationBody>;

export const UpdateOrganizationBody = Type.Object(
  {
    name: nullableString(),
    slug: nullableString(),
    max_allowed_memberships: maxAllowedMemberships(),
    admin_delete_enabled: Type.Optional(Nullable(Type.Boolean())),
    created_at: nullableString(),
    role_set_key: nullableString(),
    // Accepted up to 2025-11-10; refused from 2026-05-12 (see versionRules).
    public_metadata: nullableMetadata(),
    private_metadata: nullableMetadata(),
  },
  { additionalProperties: false },
);
export type UpdateOrganizationBody = Static<typeof UpdateOrganizationBody>;

/** The organization's and a membership's metadata endpoints take the same body. */
export const MetadataBody = Type.Object(
  { public_metadata: Type.Optional(Metadata), private_metadata: Type.Optional(Metadata) },
  { additionalProperties: false },
);
export type MetadataBody = Static<typeof MetadataBody>;

export const CreateMembershipBody = Type.Object(
  { user_id: Type.String(), role: Type.String(), public_metadata: nullableMetadata(), private_metadata: nullableMetadata() },
  { additionalProperties: false },
);

export const UpdateMembershipBody = Type.Object({ role: Type.String() }, { additionalProperties: false });

export const CreateInvitationBody = Type.Object(
  {
    email_address: Type.String(),
    inviter_user_id: nullableString(),
    role: Type.String(),
    public_metadata: nullableMetadata(),
    private_metadata: nullableMetadata(),
    redirect_url: nullableString(),
    expires_in_days: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 365 }))),
    notify: Type.Optional(Nullable(Type.Boolean())),
  },
  { additionalProperties: false },
);
export type CreateInvitationBody = Static<typeof CreateInvitationBody>;

/** The bulk body is an array of objects; the route checks each against {@link CreateInvitationBody}, so errors name the field. */
export const BulkInvitationsBody = Type.Array(
  Type.Record(Type.String(), Type.Unknown(), { description: 'An invitation, as the body of a single one' }),
);

export const RevokeInvitationBody = Type.Object({ requesting_user_id: nullableString() }, { additionalProperties: false });

export const Organization = Type.Object(
  {
    object: Type.Literal('organization'),
    id: Type.String(),
    name: Type.String(),
    slug: Type.String(),
    image_url: Type.String(),
    has_image: Type.Boolean(),
    max_allowed_memberships: Type.Integer(),
    admin_delete_enabled: Type.Boolean(),
    public_metadata: Metadata,
    private_metadata: Metadata,
    role_set_key: Nullable(Type.String()),
    created_by: Type.Optional(Type.String()),
    members_count: Type.Optional(Type.Integer({ description: 'With `include_members_count`' })),
    pending_invitations_count: Type.Optional(Type.Integer({ description: 'With `include_members_count`' })),
    missing_member_with_elevated_permissions: Type.Optional(
      Type.Boolean({ description: 'With `include_missing_member_with_elevated_permissions`' }),
    ),
    created_at: Type.Integer(),
    updated_at: Type.Integer(),
  },
  { additionalProperties: false },
);
export type Organization = Static<typeof Organization>;

/** `PUT …/logo` answers with the deprecated `logo_url` too. */
export const OrganizationWithLogo = Type.Object({ ...Organization.properties, logo_url: Type.String() }, { additionalProperties: false });
export type OrganizationWithLogo = Static<typeof OrganizationWithLogo>;

export const OrganizationMembership = Type.Object(
  {
    object: Type.Literal('organization_membership'),
    id: Type.String(),
    role: Type.String(),
    role_name: Type.String(),
    permissions: Type.Array(Type.String()),
    public_metadata: Metadata,
    private_metadata: Metadata,
    organization: Organization,
    public_user_data: Type.Object(
      {
        user_id: Type.String(),
        first_name: Nullable(Type.String()),
        last_name: Nullable(Type.String()),
        profile_image_url: Type.String(),
        image_url: Type.String(),
        has_image: Type.Boolean(),
        identifier: Nullable(Type.String()),
        username: Nullable(Type.String()),
        banned: Type.Boolean(),
      },
      { additionalProperties: false },
    ),
    created_at: Type.Integer(),
    updated_at: Type.Integer(),
  },
  { additionalProperties: false },
);
export type OrganizationMembership = Static<typeof OrganizationMembership>;

const invitationProperties = {
  object: Type.Literal('organization_invitation'),
  id: Type.String(),
  email_address: Type.String(),
  role: Type.String(),
  role_name: Type.String(),
  organization_id: Type.String(),
  inviter_id: Nullable(Type.String()),
  public_inviter_data: Nullable(
    Type.Object(
      {
        user_id: Type.String(),
        first_name: Nullable(Type.String()),
        last_name: Nullable(Type.String()),
        image_url: Type.String(),
        has_image: Type.Boolean(),
        identifier: Type.String(),
      },
      { additionalProperties: false },
    ),
  ),
  public_metadata: Metadata,
  private_metadata: Metadata,
  status: Type.Union([Type.Literal('pending'), Type.Literal('accepted'), Type.Literal('revoked'), Type.Literal('expired')]),
  url: Nullable(Type.String({ description: 'The sign-up link with the invitation ticket (`__clerk_ticket`), while the invitation is pending' })),
  expires_at: Type.Integer(),
  created_at: Type.Integer(),
  updated_at: Type.Integer(),
};

export const OrganizationInvitation = Type.Object(invitationProperties, { additionalProperties: false });

/** Instance-wide and per-user lists show the organization's public data too. */
export const OrganizationInvitationWithPublicOrganizationData = Type.Object(
  {
    ...invitationProperties,
    public_organization_data: Type.Optional(
      Type.Object(
        { id: Type.String(), name: Type.String(), slug: Type.String(), image_url: Type.String(), has_image: Type.Boolean() },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
export type OrganizationInvitationWithPublicOrganizationData = Static<typeof OrganizationInvitationWithPublicOrganizationData>;

export const Organizations = Paginated(Organization);
export const OrganizationMemberships = Paginated(OrganizationMembership);
export const OrganizationInvitations = Paginated(OrganizationInvitation);
export const OrganizationInvitationsWithPublicOrganizationData = Paginated(OrganizationInvitationWithPublicOrganizationData);
