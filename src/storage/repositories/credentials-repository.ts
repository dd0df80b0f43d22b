import type { Executor } from '../database.js';
import type { BackupCodeRow } from '../tables/user-tables.js';

/**
 * Marks a TOTP step as used; true only for the first caller with a step newer than the last one, and
 * only while the secret the code was checked against is still the user's (not replaced meanwhile).
 */
export async function claimTOTPStep(
  db: Executor,
  userId: string,
  sealedSecret: string,
  step: number,
  nowMs: number,
  options: { confirming: boolean },
): Promise<boolean> {
  let query = db
    .updateTable('users')
    .set({ totp_last_step: step, totp_verified: 1, updated_at: nowMs })
    .where('id', '=', userId)
    .where('totp_secret', '=', sealedSecret)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]));
  // Only a confirmation may turn an unconfirmed TOTP into an enabled one; any other use needs it enabled already.
  if (!options.confirming) query = query.where('totp_verified', '=', 1);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Swaps the password digest only if it is still `expectedDigest` (a concurrent change wins). */
export async function replacePasswordDigestIfUnchanged(
  db: Executor,
  userId: string,
  expectedDigest: string,
  next: { digest: string; hasher: string },
): Promise<boolean> {
  const result = await db
    .updateTable('users')
    .set({ password_digest: next.digest, password_hasher: next.hasher })
    .where('id', '=', userId)
    .where('password_digest', '=', expectedDigest)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function replaceBackupCodes(db: Executor, userId: string, rows: readonly BackupCodeRow[]): Promise<void> {
  await db.deleteFrom('backup_codes').where('user_id', '=', userId).execute();
  if (rows.length > 0) await db.insertInto('backup_codes').values([...rows]).execute();
}

export async function listUnconsumedBackupCodes(db: Executor, userId: string): Promise<BackupCodeRow[]> {
  return db.selectFrom('backup_codes').selectAll().where('user_id', '=', userId).where('consumed_at', 'is', null).execute();
}

/** Consumes a backup code; true only for the one caller that got there first. */
export async function consumeBackupCode(db: Executor, id: string, nowMs: number): Promise<boolean> {
  const result = await db
    .updateTable('backup_codes')
    .set({ consumed_at: nowMs })
    .where('id', '=', id)
    .where('consumed_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteBackupCodes(db: Executor, userId: string): Promise<void> {
  await db.deleteFrom('backup_codes').where('user_id', '=', userId).execute();
}

/** Users (of the given ones) that hold at least one unconsumed backup code. */
export async function usersWithBackupCodes(db: Executor, userIds: readonly string[]): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('backup_codes')
    .select('user_id')
    .distinct()
    .where('user_id', 'in', userIds)
    .where('consumed_at', 'is', null)
    .execute();
  return new Set(rows.map((row) => row.user_id));
}
