import { sql } from 'kysely';
import { dialectSql } from '../dialects.js';
// The lockout counters of a user row. Every change is one conditional UPDATE, so concurrent requests (on
// one node or many) can never evaluate more guesses than the policy allows:
// - `verifications_in_flight`: checks that took an attempt and have not settled it;
// - `failed_verification_attempts`: checks that failed since the last success, unlock or expired lock.
/** One less in flight, never below zero. */
const oneLessInFlight = sql `CASE WHEN verifications_in_flight > 0 THEN verifications_in_flight - 1 ELSE 0 END`;
/**
 * Takes one of the user's remaining attempts before anything is checked: true only while the user is not
 * locked and the failures plus the checks already running leave one.
 */
export async function reserveVerificationAttempt(db, userId, maxAttempts) {
    const result = await db
        .updateTable('users')
        // The database's clock: every node judges staleness by the same one (see clearStaleReservations).
        .set({ verifications_in_flight: sql `verifications_in_flight + 1`, verification_reserved_at: dialectSql(db).nowMs() })
        .where('id', '=', userId)
        .where('locked_at', 'is', null)
        .where(sql `failed_verification_attempts + verifications_in_flight < ${maxAttempts}`)
        .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
}
/** A check failed: it counts, and the failure that uses up the last attempt locks the user (once). */
export async function settleFailedAttempt(db, userId, maxAttempts, nowMs) {
    await db
        .updateTable('users')
        .set({
        failed_verification_attempts: sql `failed_verification_attempts + 1`,
        verifications_in_flight: oneLessInFlight,
        locked_at: sql `CASE WHEN locked_at IS NULL AND failed_verification_attempts + 1 >= ${maxAttempts} THEN ${nowMs} ELSE locked_at END`,
    })
        .where('id', '=', userId)
        .execute();
}
/** A check succeeded: earlier failures are forgotten (unless a lock was set meanwhile, which stands). */
export async function settleSuccessfulAttempt(db, userId) {
    await db
        .updateTable('users')
        .set({
        failed_verification_attempts: sql `CASE WHEN locked_at IS NULL THEN 0 ELSE failed_verification_attempts END`,
        verifications_in_flight: oneLessInFlight,
    })
        .where('id', '=', userId)
        .execute();
}
/** A check never reached an answer (a server error): its attempt is given back, it guessed nothing. */
export async function releaseVerificationAttempt(db, userId) {
    await db.updateTable('users').set({ verifications_in_flight: oneLessInFlight }).where('id', '=', userId).execute();
}
/**
 * Forgets attempts still marked in flight when the latest was taken more than `staleAfterMs` ago by the
 * database's clock: no check runs that long, so they belong to a process that died mid-check. True when
 * something was forgotten.
 */
export async function clearStaleReservations(db, userId, staleAfterMs) {
    const result = await db
        .updateTable('users')
        .set({ verifications_in_flight: 0 })
        .where('id', '=', userId)
        .where('verifications_in_flight', '>', 0)
        .where('verification_reserved_at', '<', sql `${dialectSql(db).nowMs()} - ${staleAfterMs}`)
        .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
}
/** Locks a user whose failures already use up the policy (a no-op when locked, so the first lock's time stands). */
export async function lockIfAttemptsExhausted(db, userId, maxAttempts, nowMs) {
    await db
        .updateTable('users')
        .set({ locked_at: nowMs })
        .where('id', '=', userId)
        .where('locked_at', 'is', null)
        .where('failed_verification_attempts', '>=', maxAttempts)
        .execute();
}
/** Ends a lock that has run out (locked at or before `lockedAtOrBeforeMs`), with its count. */
export async function clearExpiredLock(db, userId, lockedAtOrBeforeMs) {
    await db
        .updateTable('users')
        .set({ locked_at: null, failed_verification_attempts: 0 })
        .where('id', '=', userId)
        .where('locked_at', '<=', lockedAtOrBeforeMs)
        .execute();
}
//# sourceMappingURL=lockout-repository.js.map