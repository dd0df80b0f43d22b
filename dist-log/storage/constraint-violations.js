/**
 * The one place outside migrations that knows constraint names: which unique constraint guards what,
 * and how each driver reports a violation. Services turn the target into the error the request gets
 * (the same collision can mean different things to different callers, and only they know the
 * parameter the client sent).
 */
/** Every unique constraint a request can collide on (ids are random, so primary keys are not among them). */
const UNIQUE_CONSTRAINTS = [
    { target: 'external_id', postgres: 'users_external_id_key', sqlite: 'users.external_id' },
    { target: 'username', postgres: 'users_username_normalized_key', sqlite: 'users.username_normalized' },
    {
        target: 'identification',
        postgres: 'identifications_user_type_identifier_key',
        sqlite: 'identifications.user_id, identifications.type, identifications.identifier',
    },
    // The partial index on verified or reserved identifiers: one owner per claimed identifier.
    { target: 'identification', postgres: 'identifications_claimed_key', sqlite: 'identifications.type, identifications.identifier' },
    { target: 'organization_slug', postgres: 'organizations_slug_key', sqlite: 'organizations.slug' },
    {
        target: 'organization_membership',
        postgres: 'organization_memberships_organization_user_key',
        sqlite: 'organization_memberships.organization_id, organization_memberships.user_id',
    },
    // The partial index on pending invitations: one per address and organization.
    {
        target: 'pending_invitation',
        postgres: 'organization_invitations_pending_key',
        sqlite: 'organization_invitations.organization_id, organization_invitations.email_address',
    },
    { target: 'jwt_template_name', postgres: 'jwt_templates_name_key', sqlite: 'jwt_templates.name' },
];
const SQLITE_UNIQUE_PREFIX = 'UNIQUE constraint failed: ';
/** Recognises a unique violation from either driver and names what collided, or returns null. */
export function uniqueViolationTarget(error) {
    if (typeof error !== 'object' || error === null)
        return null;
    const { code, message, constraint } = error;
    let found;
    if (code === 'SQLITE_CONSTRAINT_UNIQUE' && typeof message === 'string' && message.startsWith(SQLITE_UNIQUE_PREFIX)) {
        const columns = message.slice(SQLITE_UNIQUE_PREFIX.length);
        found = UNIQUE_CONSTRAINTS.find((entry) => entry.sqlite === columns);
    }
    else if (code === '23505' && typeof constraint === 'string') {
        found = UNIQUE_CONSTRAINTS.find((entry) => entry.postgres === constraint);
    }
    return found?.target ?? null;
}
/**
 * A foreign-key failure: something the write refers to was deleted by a concurrent request (a user
 * deleted while a membership for them is being added, say).
 */
export function isForeignKeyViolation(error) {
    if (typeof error !== 'object' || error === null)
        return false;
    const { code } = error;
    return code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || code === '23503';
}
/** The table itself, read by the test that checks it against the migrated schema of both dialects. */
export const uniqueConstraints = UNIQUE_CONSTRAINTS;
//# sourceMappingURL=constraint-violations.js.map