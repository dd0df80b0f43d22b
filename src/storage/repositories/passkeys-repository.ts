import type { Executor } from '../database.js';
import type { NewPasskeyRow, PasskeyRow, PasskeyUpdate, WebAuthnCeremony } from '../tables/passkey-tables.js';

export async function insertPasskey(db: Executor, row: NewPasskeyRow): Promise<void> {
  await db.insertInto('passkeys').values(row).execute();
}

export async function findPasskey(db: Executor, id: string): Promise<PasskeyRow | undefined> {
  return db.selectFrom('passkeys').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findPasskeyByCredentialId(db: Executor, credentialId: string): Promise<PasskeyRow | undefined> {
  return db.selectFrom('passkeys').selectAll().where('credential_id', '=', credentialId).executeTakeFirst();
}

/** The passkeys of some users (verified and not), oldest first. */
export async function listPasskeysOfUsers(db: Executor, userIds: readonly string[]): Promise<PasskeyRow[]> {
  if (userIds.length === 0) return [];
  return db.selectFrom('passkeys').selectAll().where('user_id', 'in', [...userIds]).orderBy('created_at').orderBy('id').execute();
}

export async function countVerifiedPasskeys(db: Executor, userId: string): Promise<number> {
  const row = await db
    .selectFrom('passkeys')
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .where('user_id', '=', userId)
    .where('verification_status', '=', 'verified')
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function updatePasskey(db: Executor, id: string, update: PasskeyUpdate): Promise<PasskeyRow | undefined> {
  return db.updateTable('passkeys').set(update).where('id', '=', id).returningAll().executeTakeFirst();
}

/** Completes a registration once: only a passkey still unverified takes its credential. */
export async function completePasskeyRegistration(db: Executor, id: string, update: PasskeyUpdate): Promise<PasskeyRow | undefined> {
  return db.updateTable('passkeys').set({ ...update, verification_status: 'verified' }).where('id', '=', id).where('verification_status', '=', 'unverified').returningAll().executeTakeFirst();
}

/**
 * Records a sign-in with a passkey: the new signature counter, only over the counter the check read, so two
 * sign-ins with one assertion (or a cloned authenticator racing the real one) cannot both move it.
 */
export async function recordPasskeyUse(db: Executor, id: string, fromCounter: number, toCounter: number, nowMs: number): Promise<boolean> {
  const result = await db
    .updateTable('passkeys')
    .set({ counter: toCounter, last_used_at: nowMs, updated_at: nowMs })
    .where('id', '=', id)
    .where('counter', '=', fromCounter)
    .where('verification_status', '=', 'verified')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function deletePasskey(db: Executor, userId: string, id: string): Promise<boolean> {
  const result = await db.deleteFrom('passkeys').where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Drops a user's registrations that never completed (started before `beforeMs`). */
export async function deleteUnverifiedPasskeys(db: Executor, userId: string, beforeMs: number): Promise<void> {
  await db.deleteFrom('passkeys').where('user_id', '=', userId).where('verification_status', '=', 'unverified').where('created_at', '<', beforeMs).execute();
}

/**
 * Sets the challenge of a ceremony for a subject, replacing an earlier one in one statement: two prepares of one
 * sign-in at once (a delete, then an insert, each) would otherwise both insert, and one hit the primary key.
 */
export async function putWebAuthnChallenge(db: Executor, row: { subject: string; ceremony: WebAuthnCeremony; challenge: string; expire_at: number; created_at: number }): Promise<void> {
  await db
    .insertInto('webauthn_challenges')
    .values(row)
    .onConflict((conflict) => conflict.columns(['subject', 'ceremony']).doUpdateSet({ challenge: row.challenge, expire_at: row.expire_at, created_at: row.created_at }))
    .execute();
}

/** Takes (deletes and returns) an unexpired challenge: one conditional DELETE, so a challenge is used at most once. */
export async function takeWebAuthnChallenge(db: Executor, subject: string, ceremony: WebAuthnCeremony, nowMs: number): Promise<string | undefined> {
  const row = await db
    .deleteFrom('webauthn_challenges')
    .where('subject', '=', subject)
    .where('ceremony', '=', ceremony)
    .where('expire_at', '>', nowMs)
    .returning('challenge')
    .executeTakeFirst();
  return row?.challenge;
}

/** Reads a challenge without using it (to show it again in the attempt's verification). */
export async function findWebAuthnChallenge(db: Executor, subject: string, ceremony: WebAuthnCeremony): Promise<{ challenge: string; expire_at: number } | undefined> {
  return db.selectFrom('webauthn_challenges').select(['challenge', 'expire_at']).where('subject', '=', subject).where('ceremony', '=', ceremony).executeTakeFirst();
}

export async function purgeWebAuthnChallenges(db: Executor, beforeMs: number): Promise<number> {
  const result = await db.deleteFrom('webauthn_challenges').where('expire_at', '<', beforeMs).executeTakeFirst();
  return Number(result.numDeletedRows);
}
