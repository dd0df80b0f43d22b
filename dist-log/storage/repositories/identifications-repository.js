export async function insertIdentifications(db, rows) {
    if (rows.length === 0)
        return;
    await db.insertInto('identifications').values([...rows]).execute();
}
export async function findIdentificationById(db, id) {
    return db.selectFrom('identifications').selectAll().where('id', '=', id).executeTakeFirst();
}
/** Identifications of the given users, in the order they were added (the order Clerk lists them in). */
export async function listIdentificationsForUsers(db, userIds) {
    if (userIds.length === 0)
        return [];
    return db
        .selectFrom('identifications')
        .selectAll()
        .where('user_id', 'in', userIds)
        .orderBy('user_id')
        .orderBy('position')
        .orderBy('created_at')
        .execute();
}
/** Who holds this identifier verified or reserved (the claim that makes it unavailable to others). */
export async function findClaimedIdentification(db, type, identifier) {
    return db
        .selectFrom('identifications')
        .selectAll()
        .where('type', '=', type)
        .where('identifier', '=', identifier)
        .where((eb) => eb.or([eb('verified', '=', 1), eb('reserved', '=', 1)]))
        .executeTakeFirst();
}
export async function updateIdentification(db, id, update) {
    return db.updateTable('identifications').set(update).where('id', '=', id).returningAll().executeTakeFirst();
}
export async function deleteIdentification(db, id) {
    await db.deleteFrom('identifications').where('id', '=', id).execute();
}
export async function deleteIdentificationsOfType(db, userId, type) {
    await db.deleteFrom('identifications').where('user_id', '=', userId).where('type', '=', type).execute();
}
/** Gives the user's oldest second-factor phone the default mark when none of them has it. */
export async function ensureDefaultSecondFactor(db, userId) {
    const reserved = await db
        .selectFrom('identifications')
        .select(['id', 'default_second_factor'])
        .where('user_id', '=', userId)
        .where('reserved_for_second_factor', '=', 1)
        .orderBy('position')
        .execute();
    if (reserved.length === 0 || reserved.some((row) => row.default_second_factor === 1))
        return;
    await db.updateTable('identifications').set({ default_second_factor: 1 }).where('id', '=', reserved[0].id).execute();
}
/** Clears the default-second-factor mark on the user's other phone numbers. */
export async function clearDefaultSecondFactor(db, userId, exceptId) {
    await db
        .updateTable('identifications')
        .set({ default_second_factor: 0 })
        .where('user_id', '=', userId)
        .where('id', '!=', exceptId)
        .where('default_second_factor', '=', 1)
        .execute();
}
/** Phones stop being second factors (disabling all of a user's MFA). */
export async function clearSecondFactors(db, userId) {
    await db
        .updateTable('identifications')
        .set({ reserved_for_second_factor: 0, default_second_factor: 0 })
        .where('user_id', '=', userId)
        .where('reserved_for_second_factor', '=', 1)
        .execute();
}
//# sourceMappingURL=identifications-repository.js.map