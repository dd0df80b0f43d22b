import { parseStoredMetadata, type Metadata } from '../domain/metadata.js';
import type { Executor, UserRow } from '../storage/database.js';
import { pendingInvitationCounts } from '../storage/repositories/organizations-invitations-repository.js';
import { organizationsWithRoles } from '../storage/repositories/organizations-memberships-repository.js';
import { findOrganizationsByIds } from '../storage/repositories/organizations-repository.js';
import { findUsersByIds } from '../storage/repositories/users-repository.js';
import type { InvitationRow, MembershipRow, OrganizationInvitationStatus, OrganizationRow } from '../storage/tables/organization-tables.js';
import type { RoleRegistry } from './roles.js';

/** What the Organization JSON shows. */
export interface OrganizationRecord {
  organization: OrganizationRow;
  publicMetadata: Metadata;
  privateMetadata: Metadata;
  /** Present when the caller asked for counts (`include_members_count`). */
  counts?: { members: number; pendingInvitations: number };
  /** Present when asked for (`include_missing_member_with_elevated_permissions`). */
  missingMemberWithElevatedPermissions?: boolean;
}

export interface RoleView {
  key: string;
  name: string;
  permissions: readonly string[];
}

export interface MembershipRecord {
  membership: MembershipRow;
  role: RoleView;
  organization: OrganizationRecord;
  user: UserRow;
  publicMetadata: Metadata;
  privateMetadata: Metadata;
}

export interface InvitationRecord {
  invitation: InvitationRow;
  /** The status as of now: a pending invitation past its expiry is `expired`. */
  status: OrganizationInvitationStatus;
  role: RoleView;
  inviter: UserRow | null;
  /** Set where the JSON carries `public_organization_data` (instance-wide and per-user lists). */
  organization?: OrganizationRow;
  publicMetadata: Metadata;
  privateMetadata: Metadata;
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
    organization,
    publicMetadata: parseStoredMetadata(organization.public_metadata),
    privateMetadata: parseStoredMetadata(organization.private_metadata),
    ...(pending ? { counts: { members: organization.members_count, pendingInvitations: pending.get(organization.id) ?? 0 } } : {}),
    ...(withAdmins ? { missingMemberWithElevatedPermissions: !withAdmins.has(organization.id) } : {}),
  }));
}

/** Memberships with their organization and user, loaded in a few queries, keeping row order. */
export async function toMembershipRecords(db: Executor, rows: readonly MembershipRow[], roles: RoleRegistry, nowMs: number): Promise<MembershipRecord[]> {
  const organizations = await findOrganizationsByIds(db, rows.map((row) => row.organization_id));
  const orgRecords = new Map(
    (await toOrganizationRecords(db, organizations, roles, nowMs)).map((record) => [record.organization.id, record]),
  );
  const users = new Map((await findUsersByIds(db, [...new Set(rows.map((row) => row.user_id))])).map((user) => [user.id, user]));
  return rows.map((membership) => ({
    membership,
    role: roleView(roles, membership.role),
    organization: orgRecords.get(membership.organization_id)!,
    user: users.get(membership.user_id)!,
    publicMetadata: parseStoredMetadata(membership.public_metadata),
    privateMetadata: parseStoredMetadata(membership.private_metadata),
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
  const inviters = new Map((await findUsersByIds(db, inviterIds)).map((user) => [user.id, user]));
  const organizations = options.withOrganization
    ? new Map((await findOrganizationsByIds(db, rows.map((row) => row.organization_id))).map((org) => [org.id, org]))
    : undefined;
  return rows.map((invitation) => ({
    invitation,
    status: invitationStatus(invitation, nowMs),
    role: roleView(roles, invitation.role),
    inviter: invitation.inviter_id ? (inviters.get(invitation.inviter_id) ?? null) : null,
    ...(organizations ? { organization: organizations.get(invitation.organization_id)! } : {}),
    publicMetadata: parseStoredMetadata(invitation.public_metadata),
    privateMetadata: parseStoredMetadata(invitation.private_metadata),
  }));
}
