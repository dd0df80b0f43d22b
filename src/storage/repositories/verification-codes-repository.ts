import { sql } from 'kysely';
import type { Executor } from '../database.js';
import type { NewVerificationCodeRow, VerificationCodeRow } from '../tables/verification-tables.js';

// A code is live while it is unconsumed, unexpired and has failed attempts left. Both changes a check makes
// (counting a failure, consuming) are one conditional UPDATE on the row's id that holds only while the code
// is live, so concurrent checks on any number of nodes can neither consume a code twice nor spend more
// attempts than it has.

/** Issues `row`'s code for its subject, replacing the subject's previous code (used or not) in one statement. */
/**
 * Stores the subject's code, replacing any earlier one; with `replaceIssuedBeforeMs`, only one issued before then
 * (one statement, so concurrent issues cannot both pass). False when an earlier code was kept.
 */
export async function upsertVerificationCode(
  db: Executor,
  row: NewVerificationCodeRow,
  options: { replaceIssuedBeforeMs?: number } = {},
): Promise<boolean> {
  const result = await db
    .insertInto('verification_codes')
    .values(row)
    .onConflict((conflict) => {
      const update = conflict.column('subject').doUpdateSet({
        id: row.id,
        code_digest: row.code_digest,
        expire_at: row.expire_at,
        attempts: 0,
        max_attempts: row.max_attempts,
        consumed_at: null,
        created_at: row.created_at,
      });
      return options.replaceIssuedBeforeMs === undefined ? update : update.where('verification_codes.created_at', '<=', options.replaceIssuedBeforeMs);
    })
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

export async function findVerificationCode(db: Executor, subject: string): Promise<VerificationCodeRow | undefined> {
  return db.selectFrom('verification_codes').selectAll().where('subject', '=', subject).executeTakeFirst();
}

/** Counts a failed attempt on code `id` if it is still live; the failed attempts so far, or null when it was not. */
export async function countFailedAttempt(db: Executor, id: string, nowMs: number): Promise<number | null> {
  const row = await db
    .updateTable('verification_codes')
    .set({ attempts: sql<number>`attempts + 1` })
    .where('id', '=', id)
    .where('consumed_at', 'is', null)
    .where('expire_at', '>', nowMs)
    .where(sql<boolean>`attempts < max_attempts`)
    .returning('attempts')
    .executeTakeFirst();
  return row ? Number(row.attempts) : null;
}

/** Marks code `id` used if it is still live: true for exactly one caller, however many try at once. */
export async function consumeVerificationCode(db: Executor, id: string, nowMs: number): Promise<boolean> {
  const result = await db
    .updateTable('verification_codes')
    .set({ consumed_at: nowMs })
    .where('id', '=', id)
    .where('consumed_at', 'is', null)
    .where('expire_at', '>', nowMs)
    .where(sql<boolean>`attempts < max_attempts`)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteVerificationCode(db: Executor, subject: string): Promise<void> {
  await db.deleteFrom('verification_codes').where('subject', '=', subject).execute();
}

/** Removes codes that expired before `beforeMs`; how many. */
export async function deleteExpiredVerificationCodes(db: Executor, beforeMs: number): Promise<number> {
  const result = await db.deleteFrom('verification_codes').where('expire_at', '<', beforeMs).executeTakeFirst();
  return Number(result.numDeletedRows);
}
