/** Clerk's system permissions, in the order Clerk lists them. */
export const SYSTEM_PERMISSIONS = [
    'org:sys_profile:manage',
    'org:sys_profile:delete',
    'org:sys_memberships:read',
    'org:sys_memberships:manage',
    'org:sys_domains:read',
    'org:sys_domains:manage',
];
/** The permission that makes a member an administrator: an organization must keep one member holding it. */
export const MANAGE_MEMBERSHIPS = 'org:sys_memberships:manage';
/**
 * Clerk's default roles: admin holds every system permission; member only "Read members"
 * (Clerk's roles-and-permissions guide).
 */
const DEFAULT_ROLES = [
    { key: 'org:admin', name: 'Admin', description: 'Role with elevated permissions in the organization.', permissions: SYSTEM_PERMISSIONS },
    { key: 'org:member', name: 'Member', description: 'Role with limited permissions in the organization.', permissions: ['org:sys_memberships:read'] },
];
export function createRoleRegistry(config) {
    const roles = new Map();
    for (const role of [...DEFAULT_ROLES, ...config.customRoles])
        roles.set(role.key, role);
    const adminKeys = [...roles.values()].filter((role) => role.permissions.includes(MANAGE_MEMBERSHIPS)).map((role) => role.key);
    return {
        find: (key) => roles.get(key),
        keys: () => [...roles.keys()],
        adminKeys: () => [...adminKeys],
        creatorRole: config.creatorRole,
    };
}
//# sourceMappingURL=roles.js.map