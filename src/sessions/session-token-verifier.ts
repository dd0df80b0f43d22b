import { compactVerify, errors as joseErrors, type CompactVerifyGetKey } from 'jose';
import { SIGNING_ALGORITHM, type SigningKeyStore } from './signing-keys.js';

/** The claims of a token Roster signed, as read back (any may be absent: nothing is assumed of them yet). */
export interface SignedClaims {
  sid?: unknown;
  sub?: unknown;
  iss?: unknown;
  azp?: unknown;
  iat?: unknown;
  nbf?: unknown;
  exp?: unknown;
  [claim: string]: unknown;
}

/** Compact JWS: three base64url parts. Anything longer than this is not a session token of Roster's. */
const MAX_TOKEN_LENGTH = 16_384;

/**
 * Reads tokens Roster signed with its session keys (current or retired): the signature is what is checked
 * here; time and the claims' meaning are the caller's to judge (a refresh wants an expired token, a
 * verification a current one). Expected outcomes are values: a token that is not Roster's reads as null.
 */
export function createSessionTokenVerifier(deps: { signingKeys: Pick<SigningKeyStore, 'publicKey'> }) {
  const getKey: CompactVerifyGetKey = async (header) => {
    const key = typeof header.kid === 'string' ? await deps.signingKeys.publicKey(header.kid) : undefined;
    if (!key) throw new joseErrors.JWKSNoMatchingKey();
    return key;
  };

  return {
    /** The claims of a token signed by one of Roster's session keys (RS256 only), or null. */
    async read(token: string): Promise<SignedClaims | null> {
      if (token.length > MAX_TOKEN_LENGTH) return null;
      try {
        const { payload } = await compactVerify(token, getKey, { algorithms: [SIGNING_ALGORITHM] });
        const claims: unknown = JSON.parse(new TextDecoder().decode(payload));
        return claims !== null && typeof claims === 'object' && !Array.isArray(claims) ? (claims as SignedClaims) : null;
      } catch {
        return null;
      }
    },
  };
}

export type SessionTokenVerifier = ReturnType<typeof createSessionTokenVerifier>;

/** Whether a token's `nbf`/`exp` window holds `nowMs` (a token without `exp` is never current). */
export function isCurrentToken(claims: SignedClaims, nowMs: number): boolean {
  const nowSeconds = Math.floor(nowMs / 1000);
  if (typeof claims.exp !== 'number' || claims.exp <= nowSeconds) return false;
  return typeof claims.nbf !== 'number' || claims.nbf <= nowSeconds;
}
