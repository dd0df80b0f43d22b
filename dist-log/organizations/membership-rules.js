import { newId } from '../lib/ids.js';
import { pendingInvitationCounts } from '../storage/repositories/organizations-invitations-repository.js';
import { countMembersWithRoles } from '../storage/repositories/organizations-memberships-repository.js';
import { errors } from '../lib/error-catalog.js';
export function newMembershipRow(organizationId, userId, role, nowMs, metadata = {}) {
    return {
        id: newId('orgmem', nowMs),
        organization_id: organizationId,
        user_id: userId,
        role,
        public_metadata: JSON.stringify(metadata.publicMetadata ?? {}),
        private_metadata: JSON.stringify(metadata.privateMetadata ?? {}),
        created_at: nowMs,
        updated_at: nowMs,
    };
}
/** A configured role key, or Clerk's 422 naming the parameter and the allowed roles. */
export function assertRole(roles, role, paramName = 'role') {
    if (!roles.find(role))
        throw errors.paramValueNotAllowed(paramName, role, roles.keys());
}
/**
 * `max_allowed_memberships` (0 = unlimited) counts members and outstanding invitations, as Clerk's
 * error says. The organization row must be locked by the caller so two additions cannot both fit.
 */
export async function assertRoomFor(db, organization, additions, nowMs) {
    const limit = organization.max_allowed_memberships;
    if (limit === 0)
        return;
    const pending = (await pendingInvitationCounts(db, [organization.id], nowMs)).get(organization.id) ?? 0;
    if (organization.members_count + pending + additions > limit)
        throw errors.membershipQuotaExceeded(limit);
}
/**
 * The last member who can manage memberships cannot leave or lose that permission (Clerk's
 * `organization_minimum_permissions_needed`). Deleting the user is the one way an organization ends
 * up without one.
 */
export async function assertAnotherAdminRemains(db, roles, organizationId, userId) {
    if ((await countMembersWithRoles(db, organizationId, roles.adminKeys(), userId)) === 0)
        throw errors.minimumPermissionsNeeded();
}
//# sourceMappingURL=membership-rules.js.map