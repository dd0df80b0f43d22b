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
 * lapsed): one conditional UPDATE, so of concurrent callers on any number of nodes one refreshes. The lease is
 * its expiry, `leaseUntilMs`, which also names the claim: storing and releasing match it, so a caller whose lease
 * lapsed cannot free or overwrite the lease of the caller that took over.
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

/** Stores refreshed tokens under the lease that refreshed them (and frees it); the row, or undefined if the lease was lost. */
export async function storeRefreshedTokens(db: Executor, id: string, leaseUntilMs: number, update: ExternalAccountUpdate): Promise<ExternalAccountRow | undefined> {
  return db
    .updateTable('external_accounts')
    .set((eb) => ({ ...update, token_version: eb('token_version', '+', 1), refresh_lease_until: null }))
    .where('id', '=', id)
    .where('refresh_lease_until', '=', leaseUntilMs)
    .returningAll()
    .executeTakeFirst();
}

/** Frees a lease after a failed refresh, so the next caller may try (only this caller's own lease). */
export async function releaseRefreshLease(db: Executor, id: string, leaseUntilMs: number): Promise<void> {
  await db.updateTable('external_accounts').set({ refresh_lease_until: null }).where('id', '=', id).where('refresh_lease_until', '=', leaseUntilMs).execute();
}

/**
 * A returning person's new tokens and profile from a sign-in: the version moves on (a refresh in flight then stores
 * nothing over them), and a refresh token the provider did not send again keeps the stored one.
 */
export async function storeSignInTokens(db: Executor, id: string, update: ExternalAccountUpdate): Promise<ExternalAccountRow | undefined> {
  return db
    .updateTable('external_accounts')
    .set((eb) => ({
      ...update,
      refresh_token_sealed: update.refresh_token_sealed ?? eb.ref('refresh_token_sealed'),
      token_version: eb('token_version', '+', 1),
      refresh_lease_until: null,
    }))
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

/** Drops the user's pending or failed accounts of one provider (connections that never completed). */
export async function deleteUnverifiedExternalAccounts(db: Executor, userId: string, provider: string): Promise<void> {
  await db.deleteFrom('external_accounts').where('user_id', '=', userId).where('provider', '=', provider).where('verification_status', '!=', 'verified').execute();
}
