import type { Executor } from '../database.js';
import type { ImageRow, NewImageRow } from '../tables/image-tables.js';

/** The owner of an image: one user (profile image) or one organization (logo). */
export type ImageOwner = { userId: string } | { organizationId: string };

const ownerColumn = (owner: ImageOwner) =>
  'userId' in owner ? (['user_id', owner.userId] as const) : (['organization_id', owner.organizationId] as const);

/** Replaces the owner's image (each owner has at most one; the unique constraint holds it). */
export async function replaceImage(db: Executor, row: NewImageRow): Promise<void> {
  const owner: ImageOwner = row.user_id ? { userId: row.user_id } : { organizationId: row.organization_id! };
  await deleteImageOf(db, owner);
  await db.insertInto('images').values(row).execute();
}

/** Deletes the owner's image; false when there was none. */
export async function deleteImageOf(db: Executor, owner: ImageOwner): Promise<boolean> {
  const [column, id] = ownerColumn(owner);
  const result = await db.deleteFrom('images').where(column, '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function findImageById(db: Executor, id: string): Promise<ImageRow | undefined> {
  return db.selectFrom('images').selectAll().where('id', '=', id).executeTakeFirst();
}
