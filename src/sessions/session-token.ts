import { randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';
import type { SessionRow } from '../storage/tables/session-tables.js';
import type { OrganizationClaim, OrganizationClaims } from './organization-claim.js';
import { SIGNING_ALGORITHM, type SigningKey } from './signing-keys.js';

/** Clerk's version-2 session token claims (the ones Roster can know: no `azp` without an origin). */
export interface SessionTokenClaims {
  sub: string;
  sid: string;
  iss: string;
  iat: number;
  nbf: number;
  exp: number;
  jti: string;
  v: 2;
  /** Minutes since the first and the second factor were verified; -1 when never. */
  fva: [number, number];
  sts: 'active';
  /** The origin of the page the token was minted for (Frontend API requests only). */
  azp?: string;
  o?: OrganizationClaim;
  /** Features, scoped (`o:billing`), that the `o.fpm` bitmasks refer to. */
  fea?: string;
  act?: Record<string, unknown>;
}

/** Clerk back-dates `nbf` a little so a verifier whose clock lags slightly still accepts a fresh token. */
const NOT_BEFORE_LEEWAY_SECONDS = 10;

export function sessionTokenClaims(input: {
  session: SessionRow;
  issuer: string;
  nowMs: number;
  expiresInSeconds: number;
  organization: OrganizationClaims | null;
  azp?: string | null;
}): SessionTokenClaims {
  const { session, issuer, nowMs, expiresInSeconds, organization } = input;
  const iat = Math.floor(nowMs / 1000);
  const claims: SessionTokenClaims = {
    sub: session.user_id,
    sid: session.id,
    iss: issuer,
    iat,
    nbf: iat - NOT_BEFORE_LEEWAY_SECONDS,
    exp: iat + expiresInSeconds,
    jti: randomBytes(10).toString('hex'),
    v: 2,
    fva: [Math.max(0, Math.floor((nowMs - session.first_factor_verified_at) / 60_000)), -1],
    sts: 'active',
  };
  if (input.azp) claims.azp = input.azp;
  if (organization) {
    claims.o = organization.o;
    if (organization.fea) claims.fea = organization.fea;
  }
  if (session.actor) claims.act = JSON.parse(session.actor) as Record<string, unknown>;
  return claims;
}

/** Signs the claims with RS256, naming the key (`kid`) so verifiers pick it from the JWKS. */
export async function signSessionToken(claims: SessionTokenClaims, key: SigningKey): Promise<string> {
  return new SignJWT({ ...claims })
    .setProtectedHeader({ alg: SIGNING_ALGORITHM, kid: key.kid, typ: 'JWT' })
    .sign(key.privateKey);
}
