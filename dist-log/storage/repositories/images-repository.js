const ownerColumn = (owner) => 'userId' in owner ? ['user_id', owner.userId] : ['organization_id', owner.organizationId];
/** Replaces the owner's image (each owner has at most one; the unique constraint holds it). */
export async function replaceImage(db, row) {
    const owner = row.user_id ? { userId: row.user_id } : { organizationId: row.organization_id };
    await deleteImageOf(db, owner);
    await db.insertInto('images').values(row).execute();
}
/** Deletes the owner's image; false when there was none. */
export async function deleteImageOf(db, owner) {
    const [column, id] = ownerColumn(owner);
    const result = await db.deleteFrom('images').where(column, '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
}
export async function findImageById(db, id) {
    return db.selectFrom('images').selectAll().where('id', '=', id).executeTakeFirst();
}
//# sourceMappingURL=images-repository.js.map