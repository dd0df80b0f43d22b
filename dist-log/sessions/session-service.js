import { newId } from '../lib/ids.js';
import { errors } from '../lib/error-catalog.js';
import { findMembership } from '../storage/repositories/organizations-memberships-repository.js';
import { findUserByIdForUpdate } from '../storage/repositories/users-repository.js';
import { countSessions, findSessionById, insertSession, listSessions, recordUserActivity, recordUserSignIn, updateActiveSession, } from '../storage/repositories/sessions-repository.js';
import { lockStatus } from '../users/lockout.js';
import { createOrganizationClaimResolver } from './organization-claim.js';
import { effectiveStatus, expiryAfterActivity, initialLifetime, startOfDayMs } from './session-lifetime.js';
import { toSessionListQuery } from './session-list-query.js';
import { toSessionRecord } from './session-record.js';
import { sessionTokenClaims, signSessionToken } from './session-token.js';
// Clients are not a Roster resource yet; each session made through the Backend API gets its own client id.
/** Sessions: creation (a sign-in), lookup and lists, revocation, and session tokens. */
export function createSessionService(deps) {
    const { database, clock, config, signingKeys } = deps;
    const { db } = database;
    const sessionsConfig = config.sessions;
    const organizationClaim = deps.organizationClaim ?? createOrganizationClaimResolver(deps.roles);
    const asRead = (row, nowMs) => toSessionRecord(row, effectiveStatus(row, nowMs));
    async function requireSession(executor, sessionId) {
        const row = await findSessionById(executor, sessionId);
        if (!row)
            throw errors.sessionNotFound(sessionId);
        return row;
    }
    /** Proves the session active and records the activity of minting a token, in one transaction. */
    async function recordTokenActivity(sessionId, nowMs) {
        return db.transaction().execute(async (trx) => {
            const existing = await requireSession(trx, sessionId);
            const updated = await updateActiveSession(trx, sessionId, {
                last_active_at: nowMs,
                expire_at: expiryAfterActivity(sessionsConfig, existing.max_expire_at, nowMs),
                updated_at: nowMs,
            }, nowMs);
            if (!updated)
                throw errors.activeSessionNotFound(sessionId, effectiveStatus(existing, nowMs));
            await recordUserActivity(trx, updated.user_id, startOfDayMs(nowMs));
            return updated;
        });
    }
    return {
        /**
         * `POST /v1/sessions` (testing only): a sign-in for the user. Banned and locked users are refused;
         * the user row is held for the transaction so a concurrent ban either sees this session or refuses it.
         */
        async create(input) {
            if (!sessionsConfig.testMode)
                throw errors.testModeOnly();
            return db.transaction().execute(async (trx) => {
                const user = await findUserByIdForUpdate(trx, input.userId);
                if (!user)
                    throw errors.userNotFound(input.userId);
                if (user.banned)
                    throw errors.userBanned();
                const nowMs = clock.nowMs();
                const lock = lockStatus({ lockedAtMs: user.locked_at, failedAttempts: user.failed_verification_attempts }, config.lockout, nowMs);
                if (lock.locked)
                    throw errors.userLocked(lock.lockoutExpiresInSeconds);
                const activeOrganizationId = input.activeOrganizationId || null;
                // The active organization must be one the user belongs to.
                if (activeOrganizationId && !(await findMembership(trx, activeOrganizationId, user.id))) {
                    throw errors.formResourceNotFound('active_organization_id');
                }
                const lifetime = initialLifetime(sessionsConfig, nowMs);
                const row = {
                    id: newId('sess', nowMs),
                    user_id: user.id,
                    client_id: newId('client', nowMs),
                    status: 'active',
                    actor: null,
                    active_organization_id: activeOrganizationId,
                    first_factor_verified_at: nowMs,
                    last_active_at: nowMs,
                    expire_at: lifetime.expireAt,
                    max_expire_at: lifetime.maxExpireAt,
                    abandon_at: lifetime.abandonAt,
                    created_at: nowMs,
                    updated_at: nowMs,
                };
                await insertSession(trx, row);
                await recordUserSignIn(trx, user.id, nowMs, startOfDayMs(nowMs));
                return toSessionRecord(row);
            });
        },
        /** `GET /v1/sessions/{session_id}`. */
        async get(sessionId) {
            return asRead(await requireSession(db, sessionId), clock.nowMs());
        },
        /** `GET /v1/sessions`: newest first, with the total of the same filters. */
        async list(input) {
            const { filter, page } = toSessionListQuery(input);
            const nowMs = clock.nowMs();
            const [rows, totalCount] = await Promise.all([
                listSessions(db, filter, page, nowMs),
                input.withTotalCount ? countSessions(db, filter, nowMs) : Promise.resolve(0),
            ]);
            return { sessions: rows.map((row) => asRead(row, nowMs)), totalCount };
        },
        /** `POST /v1/sessions/{session_id}/revoke`: active → revoked; revoking a revoked session changes nothing. */
        async revoke(sessionId) {
            const nowMs = clock.nowMs();
            const revoked = await updateActiveSession(db, sessionId, { status: 'revoked', updated_at: nowMs }, nowMs);
            if (revoked)
                return toSessionRecord(revoked);
            const current = asRead(await requireSession(db, sessionId), nowMs);
            if (current.status === 'revoked')
                return current;
            throw errors.invalidActionForSession('revoke', sessionId, current.status);
        },
        /**
         * `POST /v1/sessions/{session_id}/tokens`: a v2 session token for an active session. Minting is
         * activity: the session's `last_active_at` (and, with an inactivity timeout, its expiry) and the
         * user's day-precision `last_active_at` move, in one transaction that also proves the session active.
         */
        async createToken(sessionId, options) {
            const nowMs = clock.nowMs();
            const session = await recordTokenActivity(sessionId, nowMs);
            const organization = session.active_organization_id
                ? await organizationClaim(db, session.user_id, session.active_organization_id)
                : null;
            const claims = sessionTokenClaims({
                session,
                issuer: options.issuer,
                nowMs,
                expiresInSeconds: options.expiresInSeconds ?? sessionsConfig.tokenLifetimeInSeconds,
                organization,
            });
            const key = await signingKeys.current();
            // Recorded before the token leaves: a rotation from now on keeps this key published until `exp`.
            await signingKeys.recordTokenExpiry(key.kid, claims.exp * 1000);
            return { jwt: await signSessionToken(claims, key) };
        },
        /**
         * Proves the session active and records the activity of minting a token for it (any token: the
         * session token or a JWT template's); refuses a session that is not active, as the tokens route does.
         */
        recordTokenActivity: (sessionId, nowMs = clock.nowMs()) => recordTokenActivity(sessionId, nowMs),
    };
}
//# sourceMappingURL=session-service.js.map