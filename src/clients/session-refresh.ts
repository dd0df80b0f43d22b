import { timingSafeEqual } from 'node:crypto';
import type { ServiceDeps } from '../domain/service-deps.js';
import { ClerkError, errors } from '../lib/error-catalog.js';
import { effectiveStatus } from '../sessions/session-lifetime.js';
import type { SessionService } from '../sessions/session-service.js';
import type { SessionTokenVerifier } from '../sessions/session-token-verifier.js';
import { findClientById } from '../storage/repositories/clients-repository.js';
import { findSessionById } from '../storage/repositories/sessions-repository.js';
import { clientTokenDigest } from './client-service.js';

export interface SessionRefreshInput {
  sessionId: string;
  /** The `__session` token the app's middleware holds (expired, usually). */
  expiredToken: string;
  /**
   * Proof that the caller holds the browser, not only a copy of its readable `__session` cookie. Roster's
   * Frontend API sets no `__refresh` cookie; its refresh token is the secret of the browser's HttpOnly
   * `__client` cookie, the client the session belongs to.
   */
  refreshToken: string;
  /** The origin of the page the request came from: it must be the token's `azp`. */
  requestOrigin: string;
  /** `iss` of the new token when the expired one has none (it always has: Roster signed it). */
  fallbackIssuer: string;
}

/** The origin of an http(s) URL, or null when the text is none. */
function parseOrigin(text: string): string | null {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}

function sameDigest(hexA: string, hexB: string): boolean {
  const a = Buffer.from(hexA, 'hex');
  const b = Buffer.from(hexB, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Clerk's session refresh (`POST /v1/sessions/{session_id}/refresh`): a new session token for an active
 * session, given an (expired) token Roster signed for it and minted for the same origin. Every refusal is one
 * of Clerk's 401 `session_refresh_*` errors, checked in the order Clerk lists them, so the SDK falls back to
 * the handshake.
 */
export function createSessionRefresh(deps: Pick<ServiceDeps, 'database' | 'clock'> & { sessions: SessionService; verifier: SessionTokenVerifier }) {
  const { db } = deps.database;

  return {
    async refresh(input: SessionRefreshInput): Promise<{ jwt: string; origin: string }> {
      const origin = parseOrigin(input.requestOrigin);
      if (!origin) throw errors.refreshRequestOriginInvalid();
      // The signature alone: the token is expected to have expired.
      const claims = await deps.verifier.read(input.expiredToken);
      if (!claims) throw errors.expiredSessionTokenInvalid();
      if (typeof claims.sid !== 'string' || !claims.sid) throw errors.expiredSessionTokenMissingSid();
      if (claims.sid !== input.sessionId) throw errors.refreshSidMismatch();
      if (typeof claims.iat !== 'number') throw errors.expiredSessionTokenMissingIat();
      if (typeof claims.azp !== 'string' || !claims.azp) throw errors.expiredSessionTokenMissingAzp();
      if (claims.azp !== origin) throw errors.refreshRequestOriginAzpMismatch();

      const session = await findSessionById(db, input.sessionId);
      // A token for the session names its user too; one that does not is not this session's.
      if (!session || claims.sub !== session.user_id) throw errors.sessionRefreshSessionNotFound(input.sessionId);
      if (effectiveStatus(session, deps.clock.nowMs()) !== 'active') throw errors.sessionRefreshInactiveSession();
      const client = await findClientById(db, session.client_id);
      if (!client || !sameDigest(clientTokenDigest(input.refreshToken), client.token_digest)) throw errors.refreshTokenNotFound();

      const issuer = typeof claims.iss === 'string' ? claims.iss : input.fallbackIssuer;
      try {
        const { jwt } = await deps.sessions.createToken(session.id, { issuer, azp: origin });
        return { jwt, origin };
      } catch (error) {
        // Ended, revoked or expired between the check and the mint.
        if (error instanceof ClerkError && error.status === 404) throw errors.sessionRefreshInactiveSession();
        throw error;
      }
    },
  };
}

export type SessionRefresh = ReturnType<typeof createSessionRefresh>;
