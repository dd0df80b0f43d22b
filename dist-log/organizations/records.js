import { parseStoredMetadata } from '../domain/metadata.js';
import { pendingInvitationCounts } from '../storage/repositories/organizations-invitations-repository.js';
import { organizationsWithRoles } from '../storage/repositories/organizations-memberships-repository.js';
import { findOrganizationsByIds } from '../storage/repositories/organizations-repository.js';
import { findUsersByIds } from '../storage/repositories/users-repository.js';
/** A role key as shown: configured roles with their name and permissions; unknown (removed) roles bare. */
export function roleView(roles, key) {
    const role = roles.find(key);
    return role ? { key, name: role.name, permissions: role.permissions } : { key, name: key, permissions: [] };
}
const publicOrganizationRecord = (row) => ({ id: row.id, name: row.name, slug: row.slug, imageId: row.image_id });
function publicUserRecord(user) {
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
export async function toOrganizationRecords(db, rows, roles, nowMs, options = {}) {
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
export async function toMembershipRecords(db, rows, roles, nowMs) {
    const organizations = await findOrganizationsByIds(db, rows.map((row) => row.organization_id));
    const orgRecords = new Map((await toOrganizationRecords(db, organizations, roles, nowMs)).map((record) => [record.id, record]));
    const users = new Map((await findUsersByIds(db, [...new Set(rows.map((row) => row.user_id))])).map((user) => [user.id, publicUserRecord(user)]));
    return rows.map((membership) => ({
        id: membership.id,
        role: roleView(roles, membership.role),
        organization: orgRecords.get(membership.organization_id),
        user: users.get(membership.user_id),
        publicMetadata: parseStoredMetadata(membership.public_metadata),
        privateMetadata: parseStoredMetadata(membership.private_metadata),
        createdAtMs: membership.created_at,
        updatedAtMs: membership.updated_at,
    }));
}
export function invitationStatus(row, nowMs) {
    return row.status === 'pending' && row.expires_at <= nowMs ? 'expired' : row.status;
}
export async function toInvitationRecords(db, rows, roles, nowMs, options = {}) {
    const inviterIds = [...new Set(rows.map((row) => row.inviter_id).filter((id) => id !== null))];
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
        ...(organizations ? { organization: organizations.get(invitation.organization_id) } : {}),
        publicMetadata: parseStoredMetadata(invitation.public_metadata),
        privateMetadata: parseStoredMetadata(invitation.private_metadata),
        expiresAtMs: invitation.expires_at,
        createdAtMs: invitation.created_at,
        updatedAtMs: invitation.updated_at,
    }));
}
//# sourceMappingURL=records.js.map