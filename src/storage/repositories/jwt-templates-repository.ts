import type { Executor } from '../database.js';
import type { JwtTemplateRow, JwtTemplateUpdate, NewJwtTemplateRow } from '../tables/jwt-template-tables.js';

export interface JwtTemplateListPage {
  limit: number;
  offset: number;
}

export async function insertJwtTemplate(db: Executor, row: NewJwtTemplateRow): Promise<void> {
  await db.insertInto('jwt_templates').values(row).execute();
}

export async function findJwtTemplateById(db: Executor, id: string): Promise<JwtTemplateRow | undefined> {
  return db.selectFrom('jwt_templates').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findJwtTemplateByName(db: Executor, name: string): Promise<JwtTemplateRow | undefined> {
  return db.selectFrom('jwt_templates').selectAll().where('name', '=', name).executeTakeFirst();
}

/** Oldest first, as created. */
export async function listJwtTemplates(db: Executor, page: JwtTemplateListPage): Promise<JwtTemplateRow[]> {
  return db.selectFrom('jwt_templates').selectAll().orderBy('created_at', 'asc').orderBy('id', 'asc').limit(page.limit).offset(page.offset).execute();
}

export async function countJwtTemplates(db: Executor): Promise<number> {
  const row = await db.selectFrom('jwt_templates').select((eb) => eb.fn.countAll<string | number>().as('count')).executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function updateJwtTemplate(db: Executor, id: string, update: JwtTemplateUpdate): Promise<JwtTemplateRow | undefined> {
  return db.updateTable('jwt_templates').set(update).where('id', '=', id).returningAll().executeTakeFirst();
}

export async function deleteJwtTemplate(db: Executor, id: string): Promise<boolean> {
  const result = await db.deleteFrom('jwt_templates').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
