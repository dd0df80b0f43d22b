import { sql } from 'kysely';
import { invitationIdsMatching } from './organizations-search.js';
export async function insertInvitations(db, rows) {
    if (rows.length === 0)
        return;
    await db.insertInto('organization_invitations').values([...rows]).execute();
}
export async function findInvitation(db, organizationId, invitationId) {
    return db
        .selectFrom('organization_invitations')
        .selectAll()
        .where('organization_id', '=', organizationId)
        .where('id', '=', invitationId)
        .executeTakeFirst();
}
/** Whether a user holding this verified email address is a member of the organization. */
export async function isMemberByEmail(db, organizationId, email) {
    const member = await db
        .selectFrom('identifications')
        .innerJoin('organization_memberships', 'organization_memberships.user_id', 'identifications.user_id')
        .select('identifications.user_id')
        .where('identifications.type', '=', 'email_address')
        .where('identifications.identifier', '=', email)
        .where('identifications.verified', '=', 1)
        .where('organization_memberships.organization_id', '=', organizationId)
        .executeTakeFirst();
    return member !== undefined;
}
/**
 * Stores `expired` on pending invitations past their expiry for these addresses, so a new invitation
 * for the same address no longer collides with them in the one-pending-invitation index.
 */
export async function expirePendingInvitations(db, organizationId, emails, nowMs) {
    if (emails.length === 0)
        return;
    await db
        .updateTable('organization_invitations')
        .set({ status: 'expired', updated_at: nowMs })
        .where('organization_id', '=', organizationId)
        .where('email_address', 'in', emails)
        .where('status', '=', 'pending')
        .where('expires_at', '<=', nowMs)
        .execute();
}
/** Revokes the invitation only if it is still pending (a conditional update: it succeeds once). */
export async function revokePendingInvitation(db, invitationId, nowMs) {
    return db
        .updateTable('organization_invitations')
        .set({ status: 'revoked', updated_at: nowMs })
        .where('id', '=', invitationId)
        .where('status', '=', 'pending')
        .where('expires_at', '>', nowMs)
        .returningAll()
        .executeTakeFirst();
}
/** A stored `pending` past `expires_at` reads as `expired`. */
function statusIs(eb, status, nowMs) {
    if (status === 'pending')
        return eb.and([eb('status', '=', 'pending'), eb('expires_at', '>', nowMs)]);
    if (status === 'expired')
        return eb.or([eb('status', '=', 'expired'), eb.and([eb('status', '=', 'pending'), eb('expires_at', '<=', nowMs)])]);
    return eb('status', '=', status);
}
function whereInvitations(db, filter, nowMs) {
    return (eb) => {
        const and = [];
        if (filter.organizationId !== undefined)
            and.push(eb('organization_id', '=', filter.organizationId));
        if (filter.statuses)
            and.push(filter.statuses.length ? eb.or(filter.statuses.map((status) => statusIs(eb, status, nowMs))) : sql `1 = 0`);
        if (filter.emailAddresses)
            and.push(filter.emailAddresses.length ? eb('email_address', 'in', filter.emailAddresses) : sql `1 = 0`);
        if (filter.userId !== undefined) {
            and.push(eb('email_address', 'in', eb
                .selectFrom('identifications')
                .select('identifications.identifier')
                .where('identifications.user_id', '=', filter.userId)
                .where('identifications.type', '=', 'email_address')
                .where('identifications.verified', '=', 1)));
        }
        if (filter.query)
            and.push(eb('id', 'in', invitationIdsMatching(db, filter.query)));
        return and.length ? eb.and(and) : sql `1 = 1`;
    };
}
export async function listInvitations(db, filter, page, nowMs) {
    return db
        .selectFrom('organization_invitations')
        .selectAll()
        .where(whereInvitations(db, filter, nowMs))
        .orderBy(page.orderBy, page.direction)
        .orderBy('id', page.direction)
        .limit(page.limit)
        .offset(page.offset)
        .execute();
}
export async function countInvitations(db, filter, nowMs) {
    const row = await db
        .selectFrom('organization_invitations')
        .select((eb) => eb.fn.countAll().as('count'))
        .where(whereInvitations(db, filter, nowMs))
        .executeTakeFirstOrThrow();
    return Number(row.count);
}
/** Pending (unexpired) invitations per organization. */
export async function pendingInvitationCounts(db, organizationIds, nowMs) {
    if (organizationIds.length === 0)
        return new Map();
    const rows = await db
        .selectFrom('organization_invitations')
        .select((eb) => ['organization_id', eb.fn.countAll().as('count')])
        .where('organization_id', 'in', organizationIds)
        .where('status', '=', 'pending')
        .where('expires_at', '>', nowMs)
        .groupBy('organization_id')
        .execute();
    return new Map(rows.map((row) => [row.organization_id, Number(row.count)]));
}
//# sourceMappingURL=organizations-invitations-repository.js.map