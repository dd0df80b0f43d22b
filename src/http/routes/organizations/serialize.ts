import type {
  InvitationRecord,
  MembershipRecord,
  OrganizationRecord,
  PublicOrganizationRecord,
  PublicUserRecord,
} from '../../../organizations/records.js';
import { avatarUrl } from '../avatars.js';
import { userImageUrl } from '../images.js';
import type { SerializeContext } from '../../serialize-context.js';
import type {
  Organization,
  OrganizationInvitationWithPublicOrganizationData,
  OrganizationMembership,
  OrganizationWithLogo,
} from './schemas.js';

export const LOGO_PATH_PREFIX = '/roster/organization-logos';

/** The uploaded logo, or the default initials image. */
function imageUrlOf(organization: PublicOrganizationRecord, context: SerializeContext): string {
  if (organization.imageId) return `${context.baseUrl}${LOGO_PATH_PREFIX}/${encodeURIComponent(organization.imageId)}`;
  return avatarUrl(context.baseUrl, { id: organization.id, first_name: organization.name, last_name: null, username: null });
}

/** The uploaded profile image, or the default avatar. */
const userImageUrlOf = (user: PublicUserRecord, context: SerializeContext): string =>
  userImageUrl(context.baseUrl, { id: user.id, image_id: user.imageId, first_name: user.firstName, last_name: user.lastName, username: user.username });

export function toOrganizationJSON(record: OrganizationRecord, context: SerializeContext): Organization {
  return {
    object: 'organization',
    id: record.id,
    name: record.name,
    slug: record.slug,
    image_url: imageUrlOf(record, context),
    has_image: record.imageId !== null,
    max_allowed_memberships: record.maxAllowedMemberships,
    admin_delete_enabled: record.adminDeleteEnabled,
    public_metadata: record.publicMetadata,
    private_metadata: record.privateMetadata,
    role_set_key: record.roleSetKey,
    ...(record.createdBy ? { created_by: record.createdBy } : {}),
    ...(record.counts ? { members_count: record.counts.members, pending_invitations_count: record.counts.pendingInvitations } : {}),
    ...(record.missingMemberWithElevatedPermissions !== undefined
      ? { missing_member_with_elevated_permissions: record.missingMemberWithElevatedPermissions }
      : {}),
    created_at: record.createdAtMs,
    updated_at: record.updatedAtMs,
  };
}

/** `PUT …/logo` answers OrganizationWithLogo: the deprecated `logo_url` too. */
export function toOrganizationWithLogoJSON(record: OrganizationRecord, context: SerializeContext): OrganizationWithLogo {
  const json = toOrganizationJSON(record, context);
  return { ...json, logo_url: json.image_url };
}

export function toDeletedOrganizationJSON(deleted: { id: string; slug: string }) {
  return { object: 'organization', id: deleted.id, slug: deleted.slug, deleted: true };
}

export function toMembershipJSON(record: MembershipRecord, context: SerializeContext): OrganizationMembership {
  const { user, role } = record;
  const image = userImageUrlOf(user, context);
  return {
    object: 'organization_membership',
    id: record.id,
    role: role.key,
    role_name: role.name,
    permissions: [...role.permissions],
    public_metadata: record.publicMetadata,
    private_metadata: record.privateMetadata,
    organization: toOrganizationJSON(record.organization, context),
    public_user_data: {
      user_id: user.id,
      first_name: user.firstName,
      last_name: user.lastName,
      profile_image_url: image,
      image_url: image,
      has_image: user.imageId !== null,
      identifier: user.identifier,
      username: user.username,
      banned: user.banned,
    },
    created_at: record.createdAtMs,
    updated_at: record.updatedAtMs,
  };
}

/** An invitation; with `public_organization_data` where the record carries its organization. */
export function toInvitationJSON(record: InvitationRecord, context: SerializeContext): OrganizationInvitationWithPublicOrganizationData {
  const { inviter, organization } = record;
  return {
    object: 'organization_invitation',
    id: record.id,
    email_address: record.emailAddress,
    role: record.role.key,
    role_name: record.role.name,
    organization_id: record.organizationId,
    inviter_id: record.inviterId,
    public_inviter_data: inviter
      ? {
          user_id: inviter.id,
          first_name: inviter.firstName,
          last_name: inviter.lastName,
          image_url: userImageUrlOf(inviter, context),
          has_image: inviter.imageId !== null,
          identifier: inviter.identifier ?? inviter.id,
        }
      : null,
    ...(organization
      ? {
          public_organization_data: {
            id: organization.id,
            name: organization.name,
            slug: organization.slug,
            image_url: imageUrlOf(organization, context),
            has_image: organization.imageId !== null,
          },
        }
      : {}),
    public_metadata: record.publicMetadata,
    private_metadata: record.privateMetadata,
    status: record.status,
    // The sign-up link with the invitation's ticket, while it is pending.
    url: record.url ?? null,
    expires_at: record.expiresAtMs,
    created_at: record.createdAtMs,
    updated_at: record.updatedAtMs,
  };
}

export function toPageJSON<T, R>(page: { data: T[]; totalCount: number }, toJSON: (item: T) => R) {
  return { data: page.data.map(toJSON), total_count: page.totalCount };
}
