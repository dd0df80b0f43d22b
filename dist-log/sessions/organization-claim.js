import { findMembership } from '../storage/repositories/organizations-memberships-repository.js';
import { findOrganizationById } from '../storage/repositories/organizations-repository.js';
/**
 * Encodes custom permissions (`org:<feature>:<action>`) as Clerk's v2 token does, which @clerk/shared
 * decodes back into `org:<feature>:<action>` for `has({ permission })`. System permissions
 * (`org:sys_*`) are left out of session tokens, as Clerk does.
 */
export function encodePermissions(permissions) {
    const features = [];
    const actions = [];
    const pairs = [];
    for (const permission of permissions) {
        const [scope, feature, action] = permission.split(':');
        if (scope !== 'org' || !feature || !action || feature.startsWith('sys_'))
            continue;
        if (!features.includes(feature))
            features.push(feature);
        if (!actions.includes(action))
            actions.push(action);
        pairs.push([features.indexOf(feature), actions.indexOf(action)]);
    }
    if (features.length === 0)
        return null;
    const masks = features.map(() => 0n);
    for (const [feature, action] of pairs)
        masks[feature] |= 1n << BigInt(action);
    return { fea: features.map((feature) => `o:${feature}`).join(','), per: actions.join(','), fpm: masks.join(',') };
}
/** Reads the organization and the membership: slug, role and the role's permissions. */
export function createOrganizationClaimResolver(roles) {
    return async (db, userId, organizationId) => {
        const [organization, membership] = await Promise.all([findOrganizationById(db, organizationId), findMembership(db, organizationId, userId)]);
        if (!organization || !membership)
            return null;
        const o = { id: organization.id, slg: organization.slug, rol: membership.role.replace(/^org:/, '') };
        const encoded = encodePermissions(roles.find(membership.role)?.permissions ?? []);
        if (!encoded)
            return { o };
        return { o: { ...o, per: encoded.per, fpm: encoded.fpm }, fea: encoded.fea };
    };
}
//# sourceMappingURL=organization-claim.js.map