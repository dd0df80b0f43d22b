import { errors } from '../lib/error-catalog.js';
import { updateUser, updateUsers } from '../storage/repositories/users-repository.js';
import { loadRecord, loadRecordsById, requireUser } from './deps.js';
import { revokeAllSessions } from './session-revocation.js';
export const MAX_BULK_USERS = 50;
/** Ban, unban, lock and unlock: single and bulk. */
export function createUserModeration(deps) {
    const { database, clock, config } = deps;
    const { db } = database;
    async function applyToOne(userId, change, alongside) {
        return db.transaction().execute(async (trx) => {
            await requireUser(trx, userId);
            const nowMs = clock.nowMs();
            const updated = await updateUser(trx, userId, change(nowMs));
            await alongside?.(trx, [userId], nowMs);
            return loadRecord(deps, trx, updated);
        });
    }
    async function applyToMany(userIds, change, alongside) {
        const ids = [...new Set(userIds)];
        if (ids.length > MAX_BULK_USERS)
            throw errors.bulkSizeExceeded(MAX_BULK_USERS);
        return db.transaction().execute(async (trx) => {
            const nowMs = clock.nowMs();
            await updateUsers(trx, ids, change(nowMs));
            await alongside?.(trx, ids, nowMs);
            // Unknown ids are skipped, as Clerk does: the answer lists the users that exist.
            return loadRecordsById(deps, trx, ids);
        });
    }
    // A ban also signs the user out everywhere: every active session is revoked with it.
    const ban = (nowMs) => ({ banned: 1, sessions_revoked_at: nowMs, updated_at: nowMs });
    const unban = (nowMs) => ({ banned: 0, updated_at: nowMs });
    return {
        ban: (userId) => applyToOne(userId, ban, revokeAllSessions),
        unban: (userId) => applyToOne(userId, unban),
        banMany: (userIds) => applyToMany(userIds, ban, revokeAllSessions),
        unbanMany: (userIds) => applyToMany(userIds, unban),
        /** Locks now; the policy's duration decides when the lock ends (never, when it is null). */
        lock(userId) {
            if (config.lockout.maxAttempts === null) {
                throw errors.authorizationInvalid('User lockout is disabled on this instance (ROSTER_LOCKOUT_MAX_ATTEMPTS=off).');
            }
            return applyToOne(userId, (nowMs) => ({ locked_at: nowMs, updated_at: nowMs }));
        },
        /** Ends the lock and forgets failed attempts. */
        unlock(userId) {
            return applyToOne(userId, (nowMs) => ({ locked_at: null, failed_verification_attempts: 0, updated_at: nowMs }));
        },
    };
}
//# sourceMappingURL=user-moderation.js.map