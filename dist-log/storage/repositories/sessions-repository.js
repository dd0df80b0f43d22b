export async function insertSession(db, row) {
    await db.insertInto('sessions').values(row).execute();
}
export async function findSessionById(db, id) {
    return db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
}
function filtered(db, filter, nowMs) {
    let query = db.selectFrom('sessions');
    if (filter.userId !== undefined)
        query = query.where('user_id', '=', filter.userId);
    if (filter.clientId !== undefined)
        query = query.where('client_id', '=', filter.clientId);
    const { status } = filter;
    if (status === 'active') {
        query = query.where('status', '=', 'active').where('expire_at', '>', nowMs);
    }
    else if (status === 'expired') {
        // Stored as expired, or still marked active with its expiry behind it.
        query = query.where((eb) => eb.or([eb('status', '=', 'expired'), eb.and([eb('status', '=', 'active'), eb('expire_at', '<=', nowMs)])]));
    }
    else if (status !== undefined) {
        query = query.where('status', '=', status);
    }
    return query;
}
/** Newest first (creation time, then id), as Clerk lists sessions. */
export async function listSessions(db, filter, page, nowMs) {
    return filtered(db, filter, nowMs)
        .selectAll()
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(page.limit)
        .offset(page.offset)
        .execute();
}
export async function countSessions(db, filter, nowMs) {
    const row = await filtered(db, filter, nowMs)
        .select((eb) => eb.fn.countAll().as('count'))
        .executeTakeFirstOrThrow();
    return Number(row.count);
}
/** Changes a session only while it is active (stored so, and not past its expiry); undefined otherwise. */
export async function updateActiveSession(db, id, update, nowMs) {
    return db
        .updateTable('sessions')
        .set(update)
        .where('id', '=', id)
        .where('status', '=', 'active')
        .where('expire_at', '>', nowMs)
        .returningAll()
        .executeTakeFirst();
}
/** Moves every active session of these users to `status`; returns how many changed. */
export async function closeActiveSessionsOfUsers(db, userIds, status, nowMs) {
    if (userIds.length === 0)
        return 0;
    const result = await db
        .updateTable('sessions')
        .set({ status, updated_at: nowMs })
        .where('user_id', 'in', userIds)
        .where('status', '=', 'active')
        .where('expire_at', '>', nowMs)
        .executeTakeFirst();
    return Number(result.numUpdatedRows);
}
/** A sign-in: `last_sign_in_at` exactly, `last_active_at` at day precision. */
export async function recordUserSignIn(db, userId, nowMs, activeDayMs) {
    await db.updateTable('users').set({ last_sign_in_at: nowMs, last_active_at: activeDayMs }).where('id', '=', userId).execute();
}
/** Session activity moves the user's `last_active_at` (day precision) forward; a no-op within the same day. */
export async function recordUserActivity(db, userId, activeDayMs) {
    await db
        .updateTable('users')
        .set({ last_active_at: activeDayMs })
        .where('id', '=', userId)
        .where((eb) => eb.or([eb('last_active_at', 'is', null), eb('last_active_at', '<', activeDayMs)]))
        .execute();
}
//# sourceMappingURL=sessions-repository.js.map