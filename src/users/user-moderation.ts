import type { ServiceDeps } from '../domain/service-deps.js';
import { errors } from '../lib/error-catalog.js';
import type { Executor, UserUpdate } from '../storage/database.js';
import { updateUser, updateUsers } from '../storage/repositories/users-repository.js';
import { loadRecord, loadRecordsById, requireUser } from './deps.js';
import { revokeAllSessions } from './session-revocation.js';
import type { UserRecord } from './user-record.js';

export const MAX_BULK_USERS = 50;

/** Ban, unban, lock and unlock: single and bulk. */
export function createUserModeration(deps: ServiceDeps) {
  const { database, clock, config } = deps;
  const { db } = database;

  /** Work done in the same transaction as the user change (revoking sessions). */
  type Alongside = (trx: Executor, userIds: readonly string[], nowMs: number) => Promise<unknown>;

  async function applyToOne(userId: string, change: (nowMs: number) => UserUpdate, alongside?: Alongside): Promise<UserRecord> {
    return db.transaction().execute(async (trx) => {
      await requireUser(trx, userId);
      const nowMs = clock.nowMs();
      const updated = await updateUser(trx, userId, change(nowMs));
      await alongside?.(trx, [userId], nowMs);
      return loadRecord(deps, trx, updated!);
    });
  }

  async function applyToMany(userIds: readonly string[], change: (nowMs: number) => UserUpdate, alongside?: Alongside): Promise<UserRecord[]> {
    const ids = [...new Set(userIds)];
    if (ids.length > MAX_BULK_USERS) throw errors.bulkSizeExceeded(MAX_BULK_USERS);
    return db.transaction().execute(async (trx) => {
      const nowMs = clock.nowMs();
      await updateUsers(trx, ids, change(nowMs));
      await alongside?.(trx, ids, nowMs);
      // Unknown ids are skipped, as Clerk does: the answer lists the users that exist.
      return loadRecordsById(deps, trx, ids);
    });
  }

  // A ban also signs the user out everywhere: every active session is revoked with it.
  const ban = (nowMs: number): UserUpdate => ({ banned: 1, sessions_revoked_at: nowMs, updated_at: nowMs });
  const unban = (nowMs: number): UserUpdate => ({ banned: 0, updated_at: nowMs });

  return {
    ban: (userId: string) => applyToOne(userId, ban, revokeAllSessions),
    unban: (userId: string) => applyToOne(userId, unban),
    banMany: (userIds: readonly string[]) => applyToMany(userIds, ban, revokeAllSessions),
    unbanMany: (userIds: readonly string[]) => applyToMany(userIds, unban),

    /** Locks now; the policy's duration decides when the lock ends (never, when it is null). */
    lock(userId: string): Promise<UserRecord> {
      if (config.lockout.maxAttempts === null) {
        throw errors.authorizationInvalid('User lockout is disabled on this instance (ROSTER_LOCKOUT_MAX_ATTEMPTS=off).');
      }
      return applyToOne(userId, (nowMs) => ({ locked_at: nowMs, updated_at: nowMs }));
    },

    /** Ends the lock and forgets failed attempts. */
    unlock(userId: string): Promise<UserRecord> {
      return applyToOne(userId, (nowMs) => ({ locked_at: null, failed_verification_attempts: 0, updated_at: nowMs }));
    },
  };
}

export type UserModeration = ReturnType<typeof createUserModeration>;
