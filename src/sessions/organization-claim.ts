import type { RoleRegistry } from '../organizations/roles.js';
import type { Executor } from '../storage/database.js';
import { findMembership } from '../storage/repositories/organizations-memberships-repository.js';
import { findOrganizationById } from '../storage/repositories/organizations-repository.js';

/** The `o` claim of a v2 session token: the active organization, with the member's role and permissions. */
export interface OrganizationClaim {
  id: string;
  /** Slug. */
  slg: string;
  /** Role without its `org:` prefix. */
  rol: string;
  /** The permissions' actions, comma-separated (`per`), when the role has custom permissions. */
  per?: string;
  /** One decimal bitmask per feature of `fea`: bit i set when the feature has action i of `per`. */
  fpm?: string;
}

/** `o`, and the features (`fea`, `o:`-scoped) that `fpm` indexes. */
export interface OrganizationClaims {
  o: OrganizationClaim;
  fea?: string;
}

/**
 * Builds the organization claims of a session whose active organization is `organizationId`; null
 * leaves them out (the organization is gone, or the user is no longer a member).
 */
export type OrganizationClaimResolver = (db: Executor, userId: string, organizationId: string) => Promise<OrganizationClaims | null>;

/**
 * Encodes custom permissions (`org:<feature>:<action>`) as Clerk's v2 token does, which @clerk/shared
 * decodes back into `org:<feature>:<action>` for `has({ permission })`. System permissions
 * (`org:sys_*`) are left out of session tokens, as Clerk does.
 */
export function encodePermissions(permissions: readonly string[]): { fea: string; per: string; fpm: string } | null {
  const features: string[] = [];
  const actions: string[] = [];
  const pairs: [number, number][] = [];
  for (const permission of permissions) {
    const [scope, feature, action] = permission.split(':');
    if (scope !== 'org' || !feature || !action || feature.startsWith('sys_')) continue;
    if (!features.includes(feature)) features.push(feature);
    if (!actions.includes(action)) actions.push(action);
    pairs.push([features.indexOf(feature), actions.indexOf(action)]);
  }
  if (features.length === 0) return null;
  const masks = features.map(() => 0n);
  for (const [feature, action] of pairs) masks[feature]! |= 1n << BigInt(action);
  return { fea: features.map((feature) => `o:${feature}`).join(','), per: actions.join(','), fpm: masks.join(',') };
}

/** Reads the organization and the membership: slug, role and the role's permissions. */
export function createOrganizationClaimResolver(roles: RoleRegistry): OrganizationClaimResolver {
  return async (db, userId, organizationId) => {
    const [organization, membership] = await Promise.all([findOrganizationById(db, organizationId), findMembership(db, organizationId, userId)]);
    if (!organization || !membership) return null;
    const o: OrganizationClaim = { id: organization.id, slg: organization.slug, rol: membership.role.replace(/^org:/, '') };
    const encoded = encodePermissions(roles.find(membership.role)?.permissions ?? []);
    if (!encoded) return { o };
    return { o: { ...o, per: encoded.per, fpm: encoded.fpm }, fea: encoded.fea };
  };
}
