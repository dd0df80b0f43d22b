import type { UserRow } from '../../../storage/database.js';
import type { InvitationRecord, MembershipRecord, OrganizationRecord } from '../../../organizations/records.js';
import type { OrganizationRow } from '../../../storage/tables/organization-tables.js';
import type { SerializeContext } from '../../serialize-context.js';
import { avatarUrl } from '../avatars.js';
import { userImageUrl } from '../images.js';

export const LOGO_PATH_PREFIX = '/roster/organization-logos';

/** The uploaded logo, or the default initials image. */
function imageUrlOf(organization: OrganizationRow, context: SerializeContext): string {
  if (organization.image_id) return `${context.baseUrl}${LOGO_PATH_PREFIX}/${encodeURIComponent(organization.image_id)}`;
  return avatarUrl(context.baseUrl, { id: organization.id, first_name: organization.name, last_name: null, username: null });
}

export function toOrganizationJSON(record: OrganizationRecord, context: SerializeContext) {
  const { organization } = record;
  return {
    object: 'organization',
    id: organization.id,
    name: organization.name,
    slug: organization.slug,
    image_url: imageUrlOf(organization, context),
    has_image: organization.image_id !== null,
    max_allowed_memberships: organization.max_allowed_memberships,
    admin_delete_enabled: organization.admin_delete_enabled === 1,
    public_metadata: record.publicMetadata,
    private_metadata: record.privateMetadata,
    role_set_key: organization.role_set_key,
    ...(organization.created_by ? { created_by: organization.created_by } : {}),
    ...(record.counts ? { members_count: record.counts.members, pending_invitations_count: record.counts.pendingInvitations } : {}),
    ...(record.missingMemberWithElevatedPermissions !== undefined
      ? { missing_member_with_elevated_permissions: record.missingMemberWithElevatedPermissions }
      : {}),
    created_at: organization.created_at,
    updated_at: organization.updated_at,
  };
}

/** `PUT …/logo` answers OrganizationWithLogo: the deprecated `logo_url` too. */
export function toOrganizationWithLogoJSON(record: OrganizationRecord, context: SerializeContext) {
  const json = toOrganizationJSON(record, context);
  return { ...json, logo_url: json.image_url };
}

export function toDeletedOrganizationJSON(deleted: { id: string; slug: string }) {
  return { object: 'organization', id: deleted.id, slug: deleted.slug, deleted: true };
}

/** The identifier other members see: primary email, else phone, username or wallet. */
function identifierOf(user: UserRow): string | null {
  return user.primary_email_address ?? user.primary_phone_number ?? user.username ?? user.primary_web3_wallet ?? null;
}

export function toMembershipJSON(record: MembershipRecord, context: SerializeContext) {
  const { membership, user, role } = record;
  const image = userImageUrl(context.baseUrl, user);
  return {
    object: 'organization_membership',
    id: membership.id,
    role: role.key,
    role_name: role.name,
    permissions: [...role.permissions],
    public_metadata: record.publicMetadata,
    private_metadata: record.privateMetadata,
    organization: toOrganizationJSON(record.organization, context),
    public_user_data: {
      user_id: user.id,
      first_name: user.first_name,
      last_name: user.last_name,
      profile_image_url: image,
      image_url: image,
      has_image: user.image_id !== null,
      identifier: identifierOf(user),
      username: user.username,
      banned: user.banned === 1,
    },
    created_at: membership.created_at,
    updated_at: membership.updated_at,
  };
}

export function toInvitationJSON(record: InvitationRecord, context: SerializeContext) {
  const { invitation, inviter, organization } = record;
  return {
    object: 'organization_invitation',
    id: invitation.id,
    email_address: invitation.email_address,
    role: record.role.key,
    role_name: record.role.name,
    organization_id: invitation.organization_id,
    inviter_id: invitation.inviter_id,
    public_inviter_data: inviter
      ? {
          user_id: inviter.id,
          first_name: inviter.first_name,
          last_name: inviter.last_name,
          image_url: userImageUrl(context.baseUrl, inviter),
          has_image: inviter.image_id !== null,
          identifier: identifierOf(inviter) ?? inviter.id,
        }
      : null,
    ...(organization
      ? {
          public_organization_data: {
            id: organization.id,
            name: organization.name,
            slug: organization.slug,
            image_url: imageUrlOf(organization, context),
            has_image: organization.image_id !== null,
          },
        }
      : {}),
    public_metadata: record.publicMetadata,
    private_metadata: record.privateMetadata,
    status: record.status,
    // Accepting invitations is a Frontend API flow Roster does not serve yet: no accept link.
    url: null,
    expires_at: invitation.expires_at,
    created_at: invitation.created_at,
    updated_at: invitation.updated_at,
  };
}

export function toPageJSON<T, R>(page: { data: T[]; totalCount: number }, toJSON: (item: T) => R) {
  return { data: page.data.map(toJSON), total_count: page.totalCount };
}
