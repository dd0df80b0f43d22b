import { randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';
import { SIGNING_ALGORITHM } from './signing-keys.js';
/** Clerk back-dates `nbf` a little so a verifier whose clock lags slightly still accepts a fresh token. */
const NOT_BEFORE_LEEWAY_SECONDS = 10;
export function sessionTokenClaims(input) {
    const { session, issuer, nowMs, expiresInSeconds, organization } = input;
    const iat = Math.floor(nowMs / 1000);
    const claims = {
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
    if (organization) {
        claims.o = organization.o;
        if (organization.fea)
            claims.fea = organization.fea;
    }
    if (session.actor)
        claims.act = JSON.parse(session.actor);
    return claims;
}
/** Signs the claims with RS256, naming the key (`kid`) so verifiers pick it from the JWKS. */
export async function signSessionToken(claims, key) {
    return new SignJWT({ ...claims })
        .setProtectedHeader({ alg: SIGNING_ALGORITHM, kid: key.kid, typ: 'JWT' })
        .sign(key.privateKey);
}
//# sourceMappingURL=session-token.js.map