import type { Executor } from '../database.js';
import type { NewUserRow, UserRow, UserUpdate } from '../tables/user-tables.js';
import { dialectSql } from '../dialects.js';

export async function insertUser(db: Executor, row: NewUserRow): Promise<void> {
  await db.insertInto('users').values(row).execute();
}

export async function findUserById(db: Executor, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Reads a user inside a transaction and holds it until commit, so read-modify-write (metadata merges) cannot interleave. */
export async function findUserByIdForUpdate(trx: Executor, id: string): Promise<UserRow | undefined> {
  return dialectSql(trx).lockForUpdate(trx.selectFrom('users').selectAll().where('id', '=', id)).executeTakeFirst();
}

export async function findUsersByIds(db: Executor, ids: readonly string[]): Promise<UserRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('users').selectAll().where('id', 'in', ids).execute();
}

export async function updateUser(db: Executor, id: string, update: UserUpdate): Promise<UserRow | undefined> {
  return db.updateTable('users').set(update).where('id', '=', id).returningAll().executeTakeFirst();
}

export async function updateUsers(db: Executor, ids: readonly string[], update: UserUpdate): Promise<void> {
  if (ids.length === 0) return;
  await db.updateTable('users').set(update).where('id', 'in', ids).execute();
}

/** Deletes the user; identifications and search documents go with it (ON DELETE CASCADE). */
export async function deleteUser(db: Executor, id: string): Promise<boolean> {
  const result = await db.deleteFrom('users').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** The user holding this username (compared normalised, as it is stored). */
export async function findUserIdByUsername(db: Executor, usernameNormalized: string): Promise<string | undefined> {
  const row = await db.selectFrom('users').select('id').where('username_normalized', '=', usernameNormalized).executeTakeFirst();
  return row?.id;
}
