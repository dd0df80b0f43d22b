/** A session as Clerk's `Session` object. */
export function toSessionJSON(session) {
    return {
        object: 'session',
        id: session.id,
        user_id: session.userId,
        client_id: session.clientId,
        actor: session.actor,
        status: session.status,
        last_active_organization_id: session.activeOrganizationId,
        last_active_at: session.lastActiveAtMs,
        // No client, so no device activity to report.
        latest_activity: null,
        expire_at: session.expireAtMs,
        abandon_at: session.abandonAtMs,
        updated_at: session.updatedAtMs,
        created_at: session.createdAtMs,
        tasks: null,
    };
}
//# sourceMappingURL=serialize.js.map