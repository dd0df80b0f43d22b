import type { OrganizationConfig, OrganizationRoleConfig } from '../config/organization-config.js';

/** Clerk's system permissions, in the order Clerk lists them. */
export const SYSTEM_PERMISSIONS = [
  'org:sys_profile:manage',
  'org:sys_profile:delete',
  'org:sys_memberships:read',
  'org:sys_memberships:manage',
  'org:sys_domains:read',
  'org:sys_domains:manage',
] as const;

/** The permission that makes a member an administrator: an organization must keep one member holding it. */
export const MANAGE_MEMBERSHIPS = 'org:sys_memberships:manage';

/**
 * Clerk's default roles: admin holds every system permission; member only "Read members"
 * (Clerk's roles-and-permissions guide).
 */
const DEFAULT_ROLES: readonly OrganizationRoleConfig[] = [
  { key: 'org:admin', name: 'Admin', description: 'Role with elevated permissions in the organization.', permissions: SYSTEM_PERMISSIONS },
  { key: 'org:member', name: 'Member', description: 'Role with limited permissions in the organization.', permissions: ['org:sys_memberships:read'] },
];

export interface RoleRegistry {
  /** The role with this key, or undefined. */
  find(key: string): OrganizationRoleConfig | undefined;
  keys(): string[];
  /** Keys of the roles that can manage memberships (count as administrators). */
  adminKeys(): string[];
  creatorRole: string;
}

export function createRoleRegistry(config: OrganizationConfig): RoleRegistry {
  const roles = new Map<string, OrganizationRoleConfig>();
  for (const role of [...DEFAULT_ROLES, ...config.customRoles]) roles.set(role.key, role);
  const adminKeys = [...roles.values()].filter((role) => role.permissions.includes(MANAGE_MEMBERSHIPS)).map((role) => role.key);
  return {
    find: (key) => roles.get(key),
    keys: () => [...roles.keys()],
    adminKeys: () => [...adminKeys],
    creatorRole: config.creatorRole,
  };
}
