import { dialectSql } from '../dialects.js';
export async function insertUser(db, row) {
    await db.insertInto('users').values(row).execute();
}
export async function findUserById(db, id) {
    return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}
/** Reads a user inside a transaction and holds it until commit, so read-modify-write (metadata merges) cannot interleave. */
export async function findUserByIdForUpdate(trx, id) {
    return dialectSql(trx).lockForUpdate(trx.selectFrom('users').selectAll().where('id', '=', id)).executeTakeFirst();
}
export async function findUsersByIds(db, ids) {
    if (ids.length === 0)
        return [];
    return db.selectFrom('users').selectAll().where('id', 'in', ids).execute();
}
export async function updateUser(db, id, update) {
    return db.updateTable('users').set(update).where('id', '=', id).returningAll().executeTakeFirst();
}
export async function updateUsers(db, ids, update) {
    if (ids.length === 0)
        return;
    await db.updateTable('users').set(update).where('id', 'in', ids).execute();
}
/** Deletes the user; identifications and search documents go with it (ON DELETE CASCADE). */
export async function deleteUser(db, id) {
    const result = await db.deleteFrom('users').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
}
//# sourceMappingURL=users-repository.js.map