import { createHash, randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';
import type { ServiceDeps } from '../domain/service-deps.js';
import type { InstanceType } from '../frontend/instance.js';
import type { SessionService } from '../sessions/session-service.js';
import { SIGNING_ALGORITHM, type SigningKeyStore } from '../sessions/signing-keys.js';
import { insertHandshakeNonce, listActiveSessionsOfClient, takeHandshakeNonce } from '../storage/repositories/clients-repository.js';
import type { ClientRow } from '../storage/tables/client-tables.js';

/** A handshake nonce or token is redeemed by the middleware right after the redirect; a minute is plenty. */
const HANDSHAKE_TTL_MS = 60_000;
/** Cookies the handshake sets on the app's site live as long as Clerk's (`__client_uat` ten years). */
const LONG_LIVED_SECONDS = 10 * 365 * 86_400;

const nonceDigest = (nonce: string) => createHash('sha256').update(nonce).digest('hex');

export interface HandshakeInput {
  client: ClientRow | null;
  /** The app page the browser returns to: its origin is the token's `azp`, its scheme decides `Secure`. */
  redirectUrl: URL;
  /** Whether the middleware reads suffixed cookie names (`__session_<suffix>`) too. */
  suffixedCookies: boolean;
  cookieSuffix: string;
  instanceType: InstanceType;
  /** The development browser token the middleware already has, kept; a new one otherwise. */
  devBrowserToken: string | null;
  issuer: string;
}

function cookie(name: string, value: string, options: { maxAgeSeconds: number; secure: boolean }): string {
  return `${name}=${value}; Path=/; Max-Age=${options.maxAgeSeconds}; SameSite=Lax${options.secure ? '; Secure' : ''}`;
}

/**
 * Clerk's handshake: the browser arrives on a document request the middleware could not authenticate, and
 * leaves with the cookies the middleware must set on the app's site (`__session`, `__client_uat`, and in
 * development `__clerk_db_jwt`), carried by a single-use nonce (redeemed through the Backend API) or a JWT.
 */
export function createHandshakeService(deps: ServiceDeps & { sessions: SessionService; signingKeys: SigningKeyStore }) {
  const { database, clock } = deps;
  const { db } = database;

  return {
    /** The Set-Cookie directives for the browser's current state: signed in with a fresh token, or signed out. */
    async directives(input: HandshakeInput): Promise<string[]> {
      const nowMs = clock.nowMs();
      const secure = input.redirectUrl.protocol === 'https:';
      const sessions = input.client ? await listActiveSessionsOfClient(db, input.client.id, nowMs) : [];
      const session = sessions.find((row) => row.id === input.client?.last_active_session_id) ?? sessions[0];
      const pairs: [string, string, number][] = [];
      if (session) {
        const { jwt } = await deps.sessions.createToken(session.id, { issuer: input.issuer, azp: input.redirectUrl.origin });
        pairs.push(['__session', jwt, LONG_LIVED_SECONDS], ['__client_uat', String(Math.floor(session.created_at / 1000)), LONG_LIVED_SECONDS]);
      } else {
        pairs.push(['__session', '', 0], ['__client_uat', '0', LONG_LIVED_SECONDS]);
      }
      if (input.instanceType === 'development') {
        pairs.push(['__clerk_db_jwt', input.devBrowserToken ?? `dvb_${randomBytes(18).toString('base64url')}`, LONG_LIVED_SECONDS]);
      }
      const named = input.suffixedCookies ? pairs.flatMap(([name, value, age]) => [[name, value, age], [`${name}_${input.cookieSuffix}`, value, age]] as const) : pairs;
      return named.map(([name, value, maxAgeSeconds]) => cookie(name, value, { maxAgeSeconds, secure }));
    },

    /** Stores the directives under a new single-use nonce. */
    async issueNonce(directives: readonly string[]): Promise<string> {
      const nowMs = clock.nowMs();
      const nonce = randomBytes(24).toString('base64url');
      await insertHandshakeNonce(db, { nonce_digest: nonceDigest(nonce), directives: JSON.stringify(directives), expire_at: nowMs + HANDSHAKE_TTL_MS, created_at: nowMs });
      return nonce;
    },

    /** Backend API `GET /v1/clients/handshake_payload`: the directives, once; undefined for an unknown, used or expired nonce. */
    async redeemNonce(nonce: string): Promise<string[] | undefined> {
      const directives = await takeHandshakeNonce(db, nonceDigest(nonce), clock.nowMs());
      return directives === undefined ? undefined : (JSON.parse(directives) as string[]);
    },

    /** `format=token`: the directives in a JWT signed by the instance's session key (the middleware checks it with the JWKS). */
    async token(directives: readonly string[]): Promise<string> {
      const key = await deps.signingKeys.current();
      const iat = Math.floor(clock.nowMs() / 1000);
      await deps.signingKeys.recordTokenExpiry(key.kid, (iat + HANDSHAKE_TTL_MS / 1000) * 1000);
      return new SignJWT({ handshake: [...directives] })
        .setProtectedHeader({ alg: SIGNING_ALGORITHM, kid: key.kid, typ: 'JWT' })
        .setIssuedAt(iat)
        .setNotBefore(iat - 10)
        .setExpirationTime(iat + HANDSHAKE_TTL_MS / 1000)
        .sign(key.privateKey);
    },
  };
}

export type HandshakeService = ReturnType<typeof createHandshakeService>;
