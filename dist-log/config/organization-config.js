import { ConfigError } from './config-error.js';
const ROLE_KEY = /^org:[a-z0-9_:-]{1,64}$/;
const PERMISSION_KEY = /^org:[a-z0-9_-]+:[a-z0-9_-]+$/;
function parseRoles(raw) {
    if (raw === undefined || raw.trim() === '')
        return [];
    let parsed;
    try {
        parsed = JSON.parse(raw);
    }
    catch {
        throw new ConfigError('ROSTER_ORGANIZATION_ROLES must be JSON: [{"key":"org:billing","name":"Billing","permissions":["org:billing:manage"]}]');
    }
    if (!Array.isArray(parsed))
        throw new ConfigError('ROSTER_ORGANIZATION_ROLES must be a JSON array of roles');
    const seen = new Set(['org:admin', 'org:member']);
    return parsed.map((entry, index) => {
        const role = entry;
        if (typeof role !== 'object' || role === null || typeof role.key !== 'string' || !ROLE_KEY.test(role.key)) {
            throw new ConfigError(`ROSTER_ORGANIZATION_ROLES[${index}].key must look like org:<name>`);
        }
        if (seen.has(role.key))
            throw new ConfigError(`ROSTER_ORGANIZATION_ROLES: role ${role.key} is defined twice (or is a default role)`);
        seen.add(role.key);
        const permissions = role.permissions ?? [];
        if (!Array.isArray(permissions) || !permissions.every((p) => typeof p === 'string' && PERMISSION_KEY.test(p))) {
            throw new ConfigError(`ROSTER_ORGANIZATION_ROLES[${index}].permissions must be keys like org:<feature>:<action>`);
        }
        if (role.name !== undefined && typeof role.name !== 'string')
            throw new ConfigError(`ROSTER_ORGANIZATION_ROLES[${index}].name must be a string`);
        return Object.freeze({
            key: role.key,
            name: role.name || role.key.slice('org:'.length),
            description: typeof role.description === 'string' ? role.description : null,
            permissions: Object.freeze([...new Set(permissions)]),
        });
    });
}
export function loadOrganizationConfig(env) {
    const customRoles = parseRoles(env.ROSTER_ORGANIZATION_ROLES);
    const creatorRole = env.ROSTER_ORGANIZATION_CREATOR_ROLE?.trim() || 'org:admin';
    if (creatorRole !== 'org:admin' && creatorRole !== 'org:member' && !customRoles.some((role) => role.key === creatorRole)) {
        throw new ConfigError('ROSTER_ORGANIZATION_CREATOR_ROLE must be org:admin, org:member or a role from ROSTER_ORGANIZATION_ROLES');
    }
    const rawMax = env.ROSTER_ORGANIZATION_MAX_ALLOWED_MEMBERSHIPS;
    const defaultMaxAllowedMemberships = rawMax === undefined || rawMax === '' ? 0 : Number(rawMax);
    if (!Number.isInteger(defaultMaxAllowedMemberships) || defaultMaxAllowedMemberships < 0) {
        throw new ConfigError('ROSTER_ORGANIZATION_MAX_ALLOWED_MEMBERSHIPS must be an integer ≥ 0 (0 means unlimited)');
    }
    return Object.freeze({ customRoles: Object.freeze(customRoles), creatorRole, defaultMaxAllowedMemberships });
}
//# sourceMappingURL=organization-config.js.map