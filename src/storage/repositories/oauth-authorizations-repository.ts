import type { Executor } from '../database.js';
import type { NewOAuthAuthorizationRow, OAuthAuthorizationRow } from '../tables/oauth-tables.js';

export async function insertOAuthAuthorization(db: Executor, row: NewOAuthAuthorizationRow): Promise<void> {
  await db.insertInto('oauth_authorizations').values(row).execute();
}

export async function findOAuthAuthorization(db: Executor, id: string): Promise<OAuthAuthorizationRow | undefined> {
  return db.selectFrom('oauth_authorizations').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Uses the pending, unexpired authorization whose `state` has this digest, started by this browser's client: one conditional UPDATE, so a `state`
 * replayed (or raced) is refused on every node. The row as it was, or undefined.
 */
export async function useOAuthAuthorization(db: Executor, stateDigest: string, clientId: string, nowMs: number): Promise<OAuthAuthorizationRow | undefined> {
  return db
    .updateTable('oauth_authorizations')
    .set({ status: 'used', updated_at: nowMs })
    .where('state_digest', '=', stateDigest)
    .where('client_id', '=', clientId)
    .where('status', '=', 'pending')
    .where('expire_at', '>', nowMs)
    .returningAll()
    .executeTakeFirst();
}

/** Keeps the provider's answer (sealed) with the authorization until `expireAtMs`, for a transfer between sign-in and sign-up. */
export async function setOAuthIdentity(db: Executor, id: string, identitySealed: string | null, nowMs: number, expireAtMs: number): Promise<void> {
  await db.updateTable('oauth_authorizations').set({ identity_sealed: identitySealed, expire_at: expireAtMs, updated_at: nowMs }).where('id', '=', id).execute();
}

/** Drops authorizations a day past their expiry (their sign-ins are abandoned by then). */
export async function purgeOAuthAuthorizations(db: Executor, beforeMs: number): Promise<number> {
  const result = await db.deleteFrom('oauth_authorizations').where('expire_at', '<', beforeMs).executeTakeFirst();
  return Number(result.numDeletedRows);
}
