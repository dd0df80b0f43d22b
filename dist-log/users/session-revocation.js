import { closeActiveSessionsOfUsers } from '../storage/repositories/sessions-repository.js';
/**
 * What the Users API calls inside its own transaction to keep its promises about sessions: a ban, a
 * password change with `sign_out_of_other_sessions`, `remove_password`, `set_compromised` with
 * `revoke_all_sessions` revoke every active session of the user.
 */
export async function revokeAllSessions(trx, userIds, nowMs) {
    return closeActiveSessionsOfUsers(trx, userIds, 'revoked', nowMs);
}
/** Deleting a user ends their sessions (the rows stay, `ended`). */
export async function endAllSessions(trx, userId, nowMs) {
    return closeActiveSessionsOfUsers(trx, [userId], 'ended', nowMs);
}
//# sourceMappingURL=session-revocation.js.map