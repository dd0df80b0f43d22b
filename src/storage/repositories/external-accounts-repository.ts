import type { Executor } from '../database.js';
import type { ExternalAccountRow, ExternalAccountUpdate, NewExternalAccountRow } from '../tables/oauth-tables.js';

export async function insertExternalAccount(db: Executor, row: NewExternalAccountRow): Promise<void> {
  await db.insertInto('external_accounts').values(row).execute();
}

export async function findExternalAccount(db: Executor, id: string): Promise<ExternalAccountRow | undefined> {
  return db.selectFrom('external_accounts').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The verified account a provider's subject is linked to (the unique index on provider and subject). */
export async function findExternalAccountBySubject(db: Executor, provider: string, providerUserId: string): Promise<ExternalAccountRow | undefined> {
  return db.selectFrom('external_accounts').selectAll().where('provider', '=', provider).where('provider_user_id', '=', providerUserId).executeTakeFirst();
}

export async function findExternalAccountOfUser(db: Executor, userId: string, provider: string): Promise<ExternalAccountRow | undefined> {
  return db.selectFrom('external_accounts').selectAll().where('user_id', '=', userId).where('provider', '=', provider).executeTakeFirst();
}

/** The external accounts of some users, oldest first per user. */
export async function listExternalAccountsOfUsers(db: Executor, userIds: readonly string[]): Promise<ExternalAccountRow[]> {
  if (userIds.length === 0) return [];
  return db.selectFrom('external_accounts').selectAll().where('user_id', 'in', [...userIds]).orderBy('created_at').orderBy('id').execute();
}

export async function updateExternalAccount(db: Executor, id: string, update: ExternalAccountUpdate): Promise<ExternalAccountRow | undefined> {
  return db.updateTable('external_accounts').set(update).where('id', '=', id).returningAll().executeTakeFirst();
}

/** Deletes one account of one user; false when it is not theirs (or already gone). */
export async function deleteExternalAccount(db: Executor, userId: string, id: string): Promise<boolean> {
  const result = await db.deleteFrom('external_accounts').where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/**
 * Takes the refresh lease of an account whose tokens are still at `tokenVersion` and whose lease is free (or
 * lapsed): one conditional UPDATE, so of concurrent callers on any number of nodes one refreshes.
 */
export async function claimRefreshLease(db: Executor, id: string, tokenVersion: number, nowMs: number, leaseUntilMs: number): Promise<boolean> {
  const result = await db
    .updateTable('external_accounts')
    .set({ refresh_lease_until: leaseUntilMs })
    .where('id', '=', id)
    .where('token_version', '=', tokenVersion)
    .where((eb) => eb.or([eb('refresh_lease_until', 'is', null), eb('refresh_lease_until', '<=', nowMs)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Stores refreshed tokens over the version they were refreshed from (and frees the lease); the row, or undefined if it moved on. */
export async function storeRefreshedTokens(db: Executor, id: string, tokenVersion: number, update: ExternalAccountUpdate): Promise<ExternalAccountRow | undefined> {
  return db
    .updateTable('external_accounts')
    .set({ ...update, token_version: tokenVersion + 1, refresh_lease_until: null })
    .where('id', '=', id)
    .where('token_version', '=', tokenVersion)
    .returningAll()
    .executeTakeFirst();
}

/** Frees a lease after a failed refresh, so the next caller may try. */
export async function releaseRefreshLease(db: Executor, id: string, tokenVersion: number): Promise<void> {
  await db.updateTable('external_accounts').set({ refresh_lease_until: null }).where('id', '=', id).where('token_version', '=', tokenVersion).execute();
}

/** Drops the user's pending or failed accounts of one provider (connections that never completed). */
export async function deleteUnverifiedExternalAccounts(db: Executor, userId: string, provider: string): Promise<void> {
  await db.deleteFrom('external_accounts').where('user_id', '=', userId).where('provider', '=', provider).where('verification_status', '!=', 'verified').execute();
}
