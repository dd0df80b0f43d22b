/** A stored session as a record, with the status it reads as (by default the stored one). */
export function toSessionRecord(row, status = row.status) {
    return {
        id: row.id,
        userId: row.user_id,
        clientId: row.client_id,
        actor: row.actor === null ? null : JSON.parse(row.actor),
        status,
        activeOrganizationId: row.active_organization_id,
        lastActiveAtMs: row.last_active_at,
        expireAtMs: row.expire_at,
        abandonAtMs: row.abandon_at,
        createdAtMs: row.created_at,
        updatedAtMs: row.updated_at,
    };
}
//# sourceMappingURL=session-record.js.map