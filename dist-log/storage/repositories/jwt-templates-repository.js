export async function insertJwtTemplate(db, row) {
    await db.insertInto('jwt_templates').values(row).execute();
}
export async function findJwtTemplateById(db, id) {
    return db.selectFrom('jwt_templates').selectAll().where('id', '=', id).executeTakeFirst();
}
export async function findJwtTemplateByName(db, name) {
    return db.selectFrom('jwt_templates').selectAll().where('name', '=', name).executeTakeFirst();
}
/** Oldest first, as created. */
export async function listJwtTemplates(db, page) {
    return db.selectFrom('jwt_templates').selectAll().orderBy('created_at', 'asc').orderBy('id', 'asc').limit(page.limit).offset(page.offset).execute();
}
export async function countJwtTemplates(db) {
    const row = await db.selectFrom('jwt_templates').select((eb) => eb.fn.countAll().as('count')).executeTakeFirstOrThrow();
    return Number(row.count);
}
export async function updateJwtTemplate(db, id, update) {
    return db.updateTable('jwt_templates').set(update).where('id', '=', id).returningAll().executeTakeFirst();
}
export async function deleteJwtTemplate(db, id) {
    const result = await db.deleteFrom('jwt_templates').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
}
//# sourceMappingURL=jwt-templates-repository.js.map