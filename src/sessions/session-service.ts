import type { ServiceDeps } from '../domain/service-deps.js';
import { newId } from '../lib/ids.js';
import { errors } from '../lib/error-catalog.js';
import type { RoleRegistry } from '../organizations/roles.js';
import type { Executor } from '../storage/database.js';
import { findMembership } from '../storage/repositories/organizations-memberships-repository.js';
import { findUserByIdForUpdate } from '../storage/repositories/users-repository.js';
import {
  countSessions,
  findSessionById,
  insertSession,
  listSessions,
  recordUserActivity,
  recordUserSignIn,
  updateActiveSession,
} from '../storage/repositories/sessions-repository.js';
import type { SessionRow } from '../storage/tables/session-tables.js';
import type { UserRow } from '../storage/database.js';
import type { Config } from '../config/config.js';
import { lockStatus } from '../users/lockout.js';
import { createOrganizationClaimResolver, type OrganizationClaimResolver } from './organization-claim.js';
import { effectiveStatus, expiryAfterActivity, initialLifetime, startOfDayMs } from './session-lifetime.js';
import { toSessionListQuery, type SessionListInput } from './session-list-query.js';
import { toSessionRecord, type SessionRecord } from './session-record.js';
import { sessionTokenClaims, signSessionToken } from './session-token.js';
import type { SigningKeyStore } from './signing-keys.js';

export interface SessionServiceDeps extends ServiceDeps {
  signingKeys: SigningKeyStore;
  /** The roles' permissions, for the `o` claim. */
  roles: RoleRegistry;
  /** Fills the `o` claim. @default the memberships in the database */
  organizationClaim?: OrganizationClaimResolver;
}

export interface CreateSessionInput {
  userId: string;
  activeOrganizationId?: string | null;
}

export type { SessionRecord } from './session-record.js';

/** A session signed in by an actor token: who impersonates the user (`act`), and how long the session may last. */
export interface Impersonation {
  actor: Record<string, unknown>;
  maxDurationInSeconds: number;
}

export interface SessionList {
  sessions: SessionRecord[];
  /** Every session the filters match; 0 unless the input asked for it. */
  totalCount: number;
}

// A session made through the Backend API's testing endpoint gets a client id of its own, belonging to no browser.

/** Refuses a sign-in of a banned or locked user (Clerk's rules, the same for both APIs). */
export function assertMaySignIn(user: UserRow, lockout: Config['lockout'], nowMs: number): void {
  if (user.banned) throw errors.userBanned();
  const lock = lockStatus({ lockedAtMs: user.locked_at, failedAttempts: user.failed_verification_attempts }, lockout, nowMs);
  if (lock.locked) throw errors.userLocked(lock.lockoutExpiresInSeconds);
}

/** Sessions: creation (a sign-in), lookup and lists, revocation, and session tokens. */
export function createSessionService(deps: SessionServiceDeps) {
  const { database, clock, config, signingKeys } = deps;
  const { db } = database;
  const sessionsConfig = config.sessions;
  const organizationClaim = deps.organizationClaim ?? createOrganizationClaimResolver(deps.roles);

  const asRead = (row: SessionRow, nowMs: number): SessionRecord => toSessionRecord(row, effectiveStatus(row, nowMs));

  async function requireSession(executor: Executor, sessionId: string): Promise<SessionRow> {
    const row = await findSessionById(executor, sessionId);
    if (!row) throw errors.sessionNotFound(sessionId);
    return row;
  }

  /** Proves the session active and records the activity of minting a token, in one transaction. */
  async function recordTokenActivity(sessionId: string, nowMs: number): Promise<SessionRow> {
    return db.transaction().execute(async (trx) => {
      const existing = await requireSession(trx, sessionId);
      const updated = await updateActiveSession(
        trx,
        sessionId,
        {
          last_active_at: nowMs,
          expire_at: expiryAfterActivity(sessionsConfig, existing.max_expire_at, nowMs),
          updated_at: nowMs,
        },
        nowMs,
      );
      if (!updated) throw errors.activeSessionNotFound(sessionId, effectiveStatus(existing, nowMs));
      await recordUserActivity(trx, updated.user_id, startOfDayMs(nowMs));
      return updated;
    });
  }

  function newSessionRow(
    input: { userId: string; clientId: string; activeOrganizationId: string | null; impersonation?: Impersonation | undefined },
    nowMs: number,
  ): SessionRow {
    const lifetime = initialLifetime(sessionsConfig, nowMs);
    // An impersonation session ends after its actor token's maximum duration, however active it is.
    const maxExpireAt = input.impersonation
      ? Math.min(lifetime.maxExpireAt, nowMs + input.impersonation.maxDurationInSeconds * 1000)
      : lifetime.maxExpireAt;
    return {
      id: newId('sess', nowMs),
      user_id: input.userId,
      client_id: input.clientId,
      status: 'active',
      actor: input.impersonation ? JSON.stringify(input.impersonation.actor) : null,
      active_organization_id: input.activeOrganizationId,
      first_factor_verified_at: nowMs,
      last_active_at: nowMs,
      expire_at: Math.min(lifetime.expireAt, maxExpireAt),
      max_expire_at: maxExpireAt,
      abandon_at: lifetime.abandonAt,
      created_at: nowMs,
      updated_at: nowMs,
    };
  }

  return {
    /**
     * A sign-in through the Frontend API: a new active session on the browser's client, inside the caller's
     * transaction (the one that completes the sign-in or sign-up). The user's row is held while the ban and lock
     * are checked, so a concurrent ban either sees this session or refuses it.
     */
    async start(
      trx: Executor,
      input: { userId: string; clientId: string; impersonation?: Impersonation | undefined; activeOrganizationId?: string | null | undefined },
      nowMs: number,
    ): Promise<SessionRow> {
      const user = await findUserByIdForUpdate(trx, input.userId);
      if (!user) throw errors.userNotFound(input.userId);
      assertMaySignIn(user, config.lockout, nowMs);
      // An organization to activate (a sign-in token's) only while the user still belongs to it.
      const activeOrganizationId =
        input.activeOrganizationId && (await findMembership(trx, input.activeOrganizationId, user.id)) ? input.activeOrganizationId : null;
      const row = newSessionRow({ userId: input.userId, clientId: input.clientId, impersonation: input.impersonation, activeOrganizationId }, nowMs);
      await insertSession(trx, row);
      await recordUserSignIn(trx, input.userId, nowMs, startOfDayMs(nowMs));
      return row;
    },

    /**
     * `POST /v1/sessions` (testing only): a sign-in for the user. Banned and locked users are refused;
     * the user row is held for the transaction so a concurrent ban either sees this session or refuses it.
     */
    async create(input: CreateSessionInput): Promise<SessionRecord> {
      if (!sessionsConfig.testMode) throw errors.testModeOnly();
      return db.transaction().execute(async (trx) => {
        const user = await findUserByIdForUpdate(trx, input.userId);
        if (!user) throw errors.userNotFound(input.userId);
        const nowMs = clock.nowMs();
        assertMaySignIn(user, config.lockout, nowMs);
        const activeOrganizationId = input.activeOrganizationId || null;
        // The active organization must be one the user belongs to.
        if (activeOrganizationId && !(await findMembership(trx, activeOrganizationId, user.id))) {
          throw errors.formResourceNotFound('active_organization_id');
        }
        const row = newSessionRow({ userId: user.id, clientId: newId('client', nowMs), activeOrganizationId }, nowMs);
        await insertSession(trx, row);
        await recordUserSignIn(trx, user.id, nowMs, startOfDayMs(nowMs));
        return toSessionRecord(row);
      });
    },

    /** `GET /v1/sessions/{session_id}`. */
    async get(sessionId: string): Promise<SessionRecord> {
      return asRead(await requireSession(db, sessionId), clock.nowMs());
    },

    /** `GET /v1/sessions`: newest first, with the total of the same filters. */
    async list(input: SessionListInput): Promise<SessionList> {
      const { filter, page } = toSessionListQuery(input);
      const nowMs = clock.nowMs();
      const [rows, totalCount] = await Promise.all([
        listSessions(db, filter, page, nowMs),
        input.withTotalCount ? countSessions(db, filter, nowMs) : Promise.resolve(0),
      ]);
      return { sessions: rows.map((row) => asRead(row, nowMs)), totalCount };
    },

    /** `POST /v1/sessions/{session_id}/revoke`: active → revoked; revoking a revoked session changes nothing. */
    async revoke(sessionId: string): Promise<SessionRecord> {
      const nowMs = clock.nowMs();
      const revoked = await updateActiveSession(db, sessionId, { status: 'revoked', updated_at: nowMs }, nowMs);
      if (revoked) return toSessionRecord(revoked);
      const current = asRead(await requireSession(db, sessionId), nowMs);
      if (current.status === 'revoked') return current;
      throw errors.invalidActionForSession('revoke', sessionId, current.status);
    },

    /**
     * `POST /v1/sessions/{session_id}/tokens`: a v2 session token for an active session. Minting is
     * activity: the session's `last_active_at` (and, with an inactivity timeout, its expiry) and the
     * user's day-precision `last_active_at` move, in one transaction that also proves the session active.
     */
    async createToken(sessionId: string, options: { expiresInSeconds?: number | null; issuer: string; azp?: string | null }): Promise<{ jwt: string }> {
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
        azp: options.azp ?? null,
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
    recordTokenActivity: (sessionId: string, nowMs: number = clock.nowMs()) => recordTokenActivity(sessionId, nowMs),
  };

}

export type SessionService = ReturnType<typeof createSessionService>;
