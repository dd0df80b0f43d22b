import type { Executor } from '../database.js';
import type { IdentifierListRow } from '../tables/invitation-tables.js';

/** The allowlist or the blocklist: the same shape, two tables. */
export type IdentifierList = 'allowlist_identifiers' | 'blocklist_identifiers';

export async function insertListIdentifier(db: Executor, list: IdentifierList, row: IdentifierListRow): Promise<void> {
  await db.insertInto(list).values(row).execute();
}

export async function deleteListIdentifier(db: Executor, list: IdentifierList, id: string): Promise<boolean> {
  const result = await db.deleteFrom(list).where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function listListIdentifiers(db: Executor, list: IdentifierList, page: { limit: number; offset: number }): Promise<IdentifierListRow[]> {
  return db.selectFrom(list).selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(page.limit).offset(page.offset).execute();
}

export async function countListIdentifiers(db: Executor, list: IdentifierList): Promise<number> {
  const row = await db
    .selectFrom(list)
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Whether any of these exact identifiers is on the list: one lookup on the unique index. */
export async function anyListed(db: Executor, list: IdentifierList, identifiers: readonly string[]): Promise<boolean> {
  if (identifiers.length === 0) return false;
  const row = await db.selectFrom(list).select('id').where('identifier', 'in', identifiers).limit(1).executeTakeFirst();
  return row !== undefined;
}

export async function setListIdentifierInvitation(db: Executor, list: IdentifierList, id: string, invitationId: string, nowMs: number): Promise<IdentifierListRow | undefined> {
  return db.updateTable(list).set({ invitation_id: invitationId, updated_at: nowMs }).where('id', '=', id).returningAll().executeTakeFirst();
}
