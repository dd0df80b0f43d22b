import type { ServiceDeps } from '../domain/service-deps.js';
import { ClerkError, errors } from '../lib/error-catalog.js';
import { closeOtherActiveSessionsOfUser, findSessionById, listSessions, updateActiveSession } from '../storage/repositories/sessions-repository.js';
import type { SessionRow } from '../storage/tables/session-tables.js';
import { updateUser } from '../storage/repositories/users-repository.js';
import type { Executor } from '../storage/database.js';
import { requireUser, requireUserForUpdate } from './deps.js';
import type { PasswordService } from './password-service.js';
import type { UserService } from './user-service.js';

export interface ChangePasswordInput {
  currentPassword?: string | undefined;
  newPassword?: string | undefined;
  signOutOfOtherSessions?: boolean | undefined;
  /** The session the change is made from: it stays signed in. */
  sessionId: string;
}

/** How many of a user's active sessions `/v1/me/sessions` lists at most (newest first). */
const MAX_LISTED_SESSIONS = 100;

/**
 * What signed-in users do to their own account through the Frontend API (`/v1/me…`), on the same services and rules
 * as the Backend API: the password policy and lockout, the deletion of users (which ends their sessions).
 */
export function createAccountService(deps: ServiceDeps, { passwords, users }: { passwords: PasswordService; users: UserService }) {
  const { database, clock } = deps;
  const { db } = database;

  /**
   * Checks the current password as a verification attempt (a wrong one counts toward lockout). Answers the digest it
   * matched, or null when the user had no password (then none may have been set meanwhile either).
   */
  async function checkCurrentPassword(userId: string, password: string | undefined): Promise<string> {
    if (!password) throw errors.paramMissing('current_password');
    try {
      return await passwords.verify(userId, password);
    } catch (error) {
      if (error instanceof ClerkError && error.code === 'incorrect_password') throw errors.passwordValidationFailed('current_password');
      // A compromised password is still the user's: replacing it is exactly what they should do.
      if (error instanceof ClerkError && error.code === 'form_password_compromised') return (await requireUser(db, userId)).password_digest!;
      throw error;
    }
  }

  /**
   * Under the user's row lock, before the write: the password is still the one checked (a concurrent change made
   * with the same current password lost the race) and the session acting is still active (not revoked meanwhile,
   * e.g. by that change's sign_out_of_other_sessions). Either way the check no longer holds.
   */
  async function assertCheckStillHolds(trx: Executor, userId: string, checkedDigest: string | null, sessionId: string): Promise<void> {
    const user = await requireUserForUpdate(trx, userId);
    const session = await findSessionById(trx, sessionId);
    const sessionActive = session !== undefined && session !== null && session.user_id === userId && session.status === 'active' && session.expire_at > clock.nowMs();
    if (user.password_digest !== checkedDigest || !sessionActive) throw errors.passwordValidationFailed('current_password');
  }

  return {
    /**
     * `POST /v1/me/change_password`: sets a new password under the policy. A user who has a password must give it
     * first; with `signOutOfOtherSessions` every other active session of the user is revoked.
     */
    async changePassword(userId: string, input: ChangePasswordInput): Promise<void> {
      if (!input.newPassword) throw errors.paramMissing('new_password');
      const user = await requireUser(db, userId);
      let checkedDigest: string | null = null;
      if (user.password_digest) {
        checkedDigest = await checkCurrentPassword(userId, input.currentPassword);
        if (input.newPassword === input.currentPassword) throw errors.newPasswordMatchesCurrent();
      }
      const prepared = await passwords.prepare({ password: input.newPassword }, { paramName: 'new_password' });
      await db.transaction().execute(async (trx) => {
        await assertCheckStillHolds(trx, userId, checkedDigest, input.sessionId);
        const now = clock.nowMs();
        await updateUser(trx, userId, {
          password_digest: prepared!.digest,
          password_hasher: prepared!.hasher,
          password_last_updated_at: now,
          password_compromised_at: null,
          updated_at: now,
        });
        if (input.signOutOfOtherSessions) await closeOtherActiveSessionsOfUser(trx, userId, input.sessionId, 'revoked', now);
      });
    },

    /** `POST /v1/me/remove_password`: only where the instance does not require a password, and with the current one. */
    async removePassword(userId: string, input: { currentPassword?: string | undefined; passwordRequired: boolean; sessionId: string }): Promise<void> {
      if (input.passwordRequired) throw errors.passwordRequired();
      const user = await requireUser(db, userId);
      if (!user.password_digest) throw errors.noPasswordSet();
      const checkedDigest = await checkCurrentPassword(userId, input.currentPassword);
      await db.transaction().execute(async (trx) => {
        await assertCheckStillHolds(trx, userId, checkedDigest, input.sessionId);
        await passwords.remove(userId, {}, trx);
      });
    },

    /** `DELETE /v1/me`: only for users whose `delete_self_enabled` is on; their sessions end with them. */
    async deleteSelf(userId: string): Promise<{ id: string }> {
      const user = await requireUser(db, userId);
      if (!user.delete_self_enabled) throw errors.userDeleteSelfNotEnabled();
      return users.delete(userId);
    },

    /** `GET /v1/me/sessions/active`: the user's active sessions on every client, newest first. */
    async activeSessions(userId: string): Promise<SessionRow[]> {
      return listSessions(db, { userId, status: 'active' }, { limit: MAX_LISTED_SESSIONS, offset: 0 }, clock.nowMs());
    },

    /**
     * `POST /v1/me/sessions/{id}/revoke`: one of the user's own sessions (another user's is not found). Revoking a
     * session that is no longer active is Clerk's `invalid_action_for_session`.
     */
    async revokeOwnSession(userId: string, sessionId: string): Promise<SessionRow> {
      const session = await findSessionById(db, sessionId);
      if (!session || session.user_id !== userId) throw errors.sessionNotFound(sessionId);
      const nowMs = clock.nowMs();
      const revoked = await updateActiveSession(db, sessionId, { status: 'revoked', updated_at: nowMs }, nowMs);
      if (!revoked) throw errors.invalidActionForSession('revoke', sessionId, session.status);
      return revoked;
    },
  };
}

export type AccountService = ReturnType<typeof createAccountService>;
