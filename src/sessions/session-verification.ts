import type { ServiceDeps } from '../domain/service-deps.js';
import { errors } from '../lib/error-catalog.js';
import { findSessionById } from '../storage/repositories/sessions-repository.js';
import { effectiveStatus } from './session-lifetime.js';
import { toSessionRecord, type SessionRecord } from './session-record.js';
import { isCurrentToken, type SessionTokenVerifier } from './session-token-verifier.js';

/**
 * `POST /v1/sessions/{session_id}/verify` (deprecated in Clerk, still called by `@clerk/backend`'s
 * `verifySession`): the session, when the token is a current token Roster signed for it and it is active.
 */
export function createSessionVerification(deps: Pick<ServiceDeps, 'database' | 'clock'> & { verifier: SessionTokenVerifier }) {
  const { db } = deps.database;
  return {
    async verify(sessionId: string, token: string): Promise<SessionRecord> {
      const session = await findSessionById(db, sessionId);
      if (!session) throw errors.sessionNotFound(sessionId);
      const nowMs = deps.clock.nowMs();
      const claims = await deps.verifier.read(token);
      // One answer for every way a token can fail (not Roster's, expired, another session's or user's, or a
      // session no longer active): the caller learns only that this token does not vouch for this session.
      const valid = claims !== null && isCurrentToken(claims, nowMs) && claims.sid === session.id && claims.sub === session.user_id;
      const status = effectiveStatus(session, nowMs);
      if (!valid || status !== 'active') throw errors.invalidSessionToken();
      return toSessionRecord(session, status);
    },
  };
}

export type SessionVerification = ReturnType<typeof createSessionVerification>;
