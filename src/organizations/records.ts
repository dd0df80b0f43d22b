import { parseStoredMetadata, type Metadata } from '../domain/metadata.js';
import type { Executor, UserRow } from '../storage/database.js';
import { pendingInvitationCounts } from '../storage/repositories/organizations-invitations-repository.js';
import { organizationsWithRoles } from '../storage/repositories/organizations-memberships-repository.js';
import { findOrganizationsByIds } from '../storage/repositories/organizations-repository.js';
import { findUsersByIds } from '../storage/repositories/users-repository.js';
import type { InvitationRow, MembershipRow, OrganizationInvitationStatus, OrganizationRow } from '../storage/tables/organization-tables.js';
import type { RoleRegistry } from './roles.js';

/** What anyone invited to an organization may see of it. */
export interface PublicOrganizationRecord {
  id: string;
  name: string;
  slug: string;
  /** The uploaded logo's image id; null when the organization shows its default image. */
  imageId: string | null;
}

/** What the Organization JSON shows. */
export interface OrganizationRecord extends PublicOrganizationRecord {
  /** The user who created it, when one was named and still exists. */
  createdBy: string | null;
  /** 0 means unlimited. */
  maxAllowedMemberships: number;
  adminDeleteEnabled: boolean;
  roleSetKey: string | null;
  publicMetadata: Metadata;
  privateMetadata: Metadata;
  /** Present when the caller asked for counts (`include_members_count`). */
  counts?: { members: number; pendingInvitations: number };
  /** Present when asked for (`include_missing_member_with_elevated_permissions`). */
  missingMemberWithElevatedPermissions?: boolean;
  createdAtMs: number;
  updatedAtMs: number;
}

export interface RoleView {
  key: string;
  name: string;
  permissions: readonly string[];
}

/** What other members (and invitees) see of a user. */
export interface PublicUserRecord {
  id: string;
  firstName: string | null;
  lastName: string | null;
  username: string | null;
  /** The uploaded profile image's id; null for the default avatar. */
  imageId: string | null;
  /** The primary email address, else phone number, username or web3 wallet. */
  identifier: string | null;
  banned: boolean;
}

export interface MembershipRecord {
  id: string;
  role: RoleView;
  organization: OrganizationRecord;
  user: PublicUserRecord;
  publicMetadata: Metadata;
  privateMetadata: Metadata;
  createdAtMs: number;
  updatedAtMs: number;
}

export interface InvitationRecord {
  id: string;
  emailAddress: string;
  organizationId: string;
  inviterId: string | null;
  /** The status as of now: a pending invitation past its expiry is `expired`. */
  status: OrganizationInvitationStatus;
  role: RoleView;
  inviter: PublicUserRecord | null;
  /** Set where the JSON carries `public_organization_data` (instance-wide and per-user lists). */
  organization?: PublicOrganizationRecord;
  publicMetadata: Metadata;
  privateMetadata: Metadata;
  expiresAtMs: number;
  createdAtMs: number;
  updatedAtMs: number;
  /** The accept link with its ticket, while the invitation is pending. */
  url?: string | null;
}

export interface OrganizationViewOptions {
  includeMembersCount?: boolean;
  includeMissingMemberWithElevatedPermissions?: boolean;
}

/** A role key as shown: configured roles with their name and permissions; unknown (removed) roles bare. */
export function roleView(roles: RoleRegistry, key: string): RoleView {
  const role = roles.find(key);
  return role ? { key, name: role.name, permissions: role.permissions } : { key, name: key, permissions: [] };
}

const publicOrganizationRecord = (row: OrganizationRow): PublicOrganizationRecord => ({ id: row.id, name: row.name, slug: row.slug, imageId: row.image_id });

function publicUserRecord(user: UserRow): PublicUserRecord {
  return {
    id: user.id,
    firstName: user.first_name,
    lastName: user.last_name,
    username: user.username,
    imageId: user.image_id,
    identifier: user.primary_email_address ?? user.primary_phone_number ?? user.username ?? user.primary_web3_wallet ?? null,
    banned: user.banned === 1,
  };
}

export async function toOrganizationRecords(
  db: Executor,
  rows: readonly OrganizationRow[],
  roles: RoleRegistry,
  nowMs: number,
  options: OrganizationViewOptions = {},
): Promise<OrganizationRecord[]> {
  const ids = rows.map((row) => row.id);
  const pending = options.includeMembersCount ? await pendingInvitationCounts(db, ids, nowMs) : undefined;
  const withAdmins = options.includeMissingMemberWithElevatedPermissions ? await organizationsWithRoles(db, ids, roles.adminKeys()) : undefined;
  return rows.map((organization) => ({
    ...publicOrganizationRecord(organization),
    createdBy: organization.created_by,
    maxAllowedMemberships: organization.max_allowed_memberships,
    adminDeleteEnabled: organization.admin_delete_enabled === 1,
    roleSetKey: organization.role_set_key,
    publicMetadata: parseStoredMetadata(organization.public_metadata),
    privateMetadata: parseStoredMetadata(organization.private_metadata),
    ...(pending ? { counts: { members: organization.members_count, pendingInvitations: pending.get(organization.id) ?? 0 } } : {}),
    ...(withAdmins ? { missingMemberWithElevatedPermissions: !withAdmins.has(organization.id) } : {}),
    createdAtMs: organization.created_at,
    updatedAtMs: organization.updated_at,
  }));
}

/** Memberships with their organization and user, loaded in a few queries, keeping row order. */
export async function toMembershipRecords(db: Executor, rows: readonly MembershipRow[], roles: RoleRegistry, nowMs: number): Promise<MembershipRecord[]> {
  const organizations = await findOrganizationsByIds(db, rows.map((row) => row.organization_id));
  const orgRecords = new Map((await toOrganizationRecords(db, organizations, roles, nowMs)).map((record) => [record.id, record]));
  const users = new Map((await findUsersByIds(db, [...new Set(rows.map((row) => row.user_id))])).map((user) => [user.id, publicUserRecord(user)]));
  return rows.map((membership) => ({
    id: membership.id,
    role: roleView(roles, membership.role),
    organization: orgRecords.get(membership.organization_id)!,
    user: users.get(membership.user_id)!,
    publicMetadata: parseStoredMetadata(membership.public_metadata),
    privateMetadata: parseStoredMetadata(membership.private_metadata),
    createdAtMs: membership.created_at,
    updatedAtMs: membership.updated_at,
  }));
}

export function invitationStatus(row: InvitationRow, nowMs: number): OrganizationInvitationStatus {
  return row.status === 'pending' && row.expires_at <= nowMs ? 'expired' : row.status;
}

export async function toInvitationRecords(
  db: Executor,
  rows: readonly InvitationRow[],
  roles: RoleRegistry,
  nowMs: number,
  options: { withOrganization?: boolean } = {},
): Promise<InvitationRecord[]> {
  const inviterIds = [...new Set(rows.map((row) => row.inviter_id).filter((id): id is string => id !== null))];
  const inviters = new Map((await findUsersByIds(db, inviterIds)).map((user) => [user.id, publicUserRecord(user)]));
  const organizations = options.withOrganization
    ? new Map((await findOrganizationsByIds(db, rows.map((row) => row.organization_id))).map((org) => [org.id, publicOrganizationRecord(org)]))
    : undefined;
  return rows.map((invitation) => ({
    id: invitation.id,
    emailAddress: invitation.email_address,
    organizationId: invitation.organization_id,
    inviterId: invitation.inviter_id,
    status: invitationStatus(invitation, nowMs),
    role: roleView(roles, invitation.role),
    inviter: invitation.inviter_id ? (inviters.get(invitation.inviter_id) ?? null) : null,
    ...(organizations ? { organization: organizations.get(invitation.organization_id)! } : {}),
    publicMetadata: parseStoredMetadata(invitation.public_metadata),
    privateMetadata: parseStoredMetadata(invitation.private_metadata),
    expiresAtMs: invitation.expires_at,
    createdAtMs: invitation.created_at,
    updatedAtMs: invitation.updated_at,
  }));
}
