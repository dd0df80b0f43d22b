import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import type { ServiceDeps } from '../domain/service-deps.js';
import { errors } from '../lib/error-catalog.js';
import { newId } from '../lib/ids.js';
import { uniqueViolationTarget } from '../storage/constraint-violations.js';
import {
  completePasskeyRegistration,
  countVerifiedPasskeys,
  deletePasskey,
  deleteUnverifiedPasskeys,
  findPasskey,
  findPasskeyByCredentialId,
  insertPasskey,
  listPasskeysOfUsers,
  purgeWebAuthnChallenges,
  putWebAuthnChallenge,
  recordPasskeyUse,
  takeWebAuthnChallenge,
  updatePasskey,
} from '../storage/repositories/passkeys-repository.js';
import { findUserById, findUserByIdForUpdate } from '../storage/repositories/users-repository.js';
import type { PasskeyRow } from '../storage/tables/passkey-tables.js';

/** How long an authenticator has to answer a challenge (Clerk's passkey verifications last 5 minutes). */
export const CHALLENGE_LIFETIME_MS = 5 * 60 * 1000;
/** The longest name a passkey may have. */
const NAME_MAX_LENGTH = 256;

/** The relying party of a ceremony: its id (a registrable domain), its name, and the page origins it accepts. */
export interface RelyingParty {
  id: string;
  name: string;
  isAllowedOrigin(origin: string): boolean;
}

/** What a passkey sign-in proved: whose passkey, and whether the authenticator verified the person. */
export interface PasskeyAssertion {
  userId: string;
  passkeyId: string;
  userVerified: boolean;
}

/** WebAuthn's transport names (`AuthenticatorTransport`, with Chromium's older `cable`). */
const TRANSPORTS: ReadonlySet<string> = new Set(['usb', 'nfc', 'ble', 'smart-card', 'hybrid', 'internal', 'cable']);

/**
 * The known transport names among what an attestation (or a stored row) says, each once. The browser's answer may
 * hold anything, and these go back into later ceremonies' options, where a wrong shape makes the browser throw.
 */
function knownTransports(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return [...new Set(value.filter((item): item is string => typeof item === 'string' && TRANSPORTS.has(item)))];
}

const transportsOf = (row: PasskeyRow) => knownTransports(JSON.parse(row.transports));

const toBase64Url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');
const fromBase64Url = (text: string) => new Uint8Array(Buffer.from(text, 'base64url'));

/** The page origin an authenticator's answer names (in its clientDataJSON), or null when it is malformed. */
function originOf(response: { response?: { clientDataJSON?: unknown } }): string | null {
  const encoded = response.response?.clientDataJSON;
  if (typeof encoded !== 'string' || encoded.length > 4096) return null;
  try {
    const origin = (JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8')) as { origin?: unknown }).origin;
    return typeof origin === 'string' ? origin : null;
  } catch {
    return null;
  }
}

/** Parses clerk-js's `public_key_credential` (JSON text of the credential); Clerk's error when it is not one. */
function parseCredential<T>(text: string | undefined): T & { id: string; response: { clientDataJSON: string } } {
  if (!text || text.length > 64 * 1024) throw errors.passkeyInvalidPublicKeyCredential();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw errors.passkeyInvalidPublicKeyCredential();
  }
  const candidate = parsed as { id?: unknown; rawId?: unknown; type?: unknown; response?: { clientDataJSON?: unknown } };
  if (typeof candidate !== 'object' || candidate === null || typeof candidate.id !== 'string' || typeof candidate.response?.clientDataJSON !== 'string') {
    throw errors.passkeyInvalidPublicKeyCredential();
  }
  if (candidate.rawId === undefined) (candidate as { rawId: string }).rawId = candidate.id;
  if (candidate.type === undefined) (candidate as { type: string }).type = 'public-key';
  return parsed as T & { id: string; response: { clientDataJSON: string } };
}

/**
 * Passkeys with `@simplewebauthn/server`: registration from a signed-in session (creation options, then the
 * authenticator's attestation, `none` accepted) and sign-in (request options for a sign-in, then the assertion).
 * Challenges are random, stored per ceremony and subject, used at most once and dead after 5 minutes; the
 * signature counter must move forward, so a cloned authenticator is refused; user verification as configured.
 */
export function createPasskeyService(deps: ServiceDeps) {
  const { clock } = deps;
  const { db } = deps.database;
  const settings = deps.config.passkeys;
  const requireUserVerification = settings.userVerification === 'required';

  async function ownPasskey(userId: string, passkeyId: string): Promise<PasskeyRow> {
    const row = await findPasskey(db, passkeyId);
    if (!row || row.user_id !== userId) throw errors.resourceNotFound();
    return row;
  }

  return {
    /** `POST /v1/me/passkeys`: a passkey waiting for its authenticator, and the creation options to give it. */
    async startRegistration(userId: string, rp: RelyingParty): Promise<{ passkey: PasskeyRow; options: PublicKeyCredentialCreationOptionsJSON }> {
      const user = await findUserById(db, userId);
      if (!user) throw errors.userNotFound(userId);
      const nowMs = clock.nowMs();
      if ((await countVerifiedPasskeys(db, userId)) >= settings.maxPerUser) throw errors.passkeyQuotaExceeded(settings.maxPerUser);
      // Registrations abandoned long enough ago that their challenge is dead make way.
      await deleteUnverifiedPasskeys(db, userId, nowMs - CHALLENGE_LIFETIME_MS);
      const existing = (await listPasskeysOfUsers(db, [userId])).filter((row) => row.verification_status === 'verified' && row.credential_id);
      const userName = user.primary_email_address ?? user.username ?? user.id;
      const options = await generateRegistrationOptions({
        rpName: rp.name,
        rpID: rp.id,
        userName,
        userID: new TextEncoder().encode(user.id),
        userDisplayName: [user.first_name, user.last_name].filter(Boolean).join(' ') || userName,
        timeout: CHALLENGE_LIFETIME_MS,
        attestationType: 'none',
        excludeCredentials: existing.map((row) => ({ id: row.credential_id!, transports: transportsOf(row) })),
        authenticatorSelection: { residentKey: 'required', requireResidentKey: true, userVerification: settings.userVerification },
      });
      const passkey: PasskeyRow = {
        id: newId('idn', nowMs),
        user_id: userId,
        name: 'Passkey',
        credential_id: null,
        public_key: null,
        counter: 0,
        transports: '[]',
        backed_up: 0,
        verification_status: 'unverified',
        last_used_at: null,
        created_at: nowMs,
        updated_at: nowMs,
      };
      await insertPasskey(db, passkey);
      await putWebAuthnChallenge(db, { subject: passkey.id, ceremony: 'registration', challenge: options.challenge, expire_at: nowMs + CHALLENGE_LIFETIME_MS, created_at: nowMs });
      return { passkey, options };
    },

    /** `POST /v1/me/passkeys/{id}/attempt_verification`: the authenticator's attestation checked; the passkey registered. */
    async finishRegistration(userId: string, passkeyId: string, credentialText: string | undefined, rp: RelyingParty): Promise<PasskeyRow> {
      const passkey = await ownPasskey(userId, passkeyId);
      if (passkey.verification_status === 'verified') throw errors.verificationAlreadyVerified();
      const response = parseCredential<RegistrationResponseJSON>(credentialText);
      const challenge = await takeWebAuthnChallenge(db, passkey.id, 'registration', clock.nowMs());
      if (!challenge) throw errors.passkeyInvalidVerification();
      const origin = originOf(response);
      if (!origin || !rp.isAllowedOrigin(origin)) throw errors.passkeyInvalidPublicKeyCredential();
      let info;
      try {
        const result = await verifyRegistrationResponse({ response, expectedChallenge: challenge, expectedOrigin: origin, expectedRPID: rp.id, requireUserVerification });
        if (!result.verified || !result.registrationInfo) throw new Error('not verified');
        info = result.registrationInfo;
      } catch {
        throw errors.passkeyInvalidPublicKeyCredential();
      }
      try {
        // Counted and stored under the user's row lock: registrations finishing at once would each count the
        // passkeys before any of them was stored, and all pass the limit.
        return await db.transaction().execute(async (trx) => {
          if (!(await findUserByIdForUpdate(trx, userId))) throw errors.userNotFound(userId);
          if ((await countVerifiedPasskeys(trx, userId)) >= settings.maxPerUser) throw errors.passkeyQuotaExceeded(settings.maxPerUser);
          const done = await completePasskeyRegistration(trx, passkey.id, {
            credential_id: info.credential.id,
            public_key: toBase64Url(info.credential.publicKey),
            counter: info.credential.counter,
            transports: JSON.stringify(knownTransports(info.credential.transports)),
            backed_up: info.credentialBackedUp ? 1 : 0,
            updated_at: clock.nowMs(),
          });
          if (!done) throw errors.verificationAlreadyVerified();
          return done;
        });
      } catch (error) {
        // A credential already registered (to anyone) is not registered twice.
        if (uniqueViolationTarget(error) === 'passkey_credential') throw errors.passkeyInvalidPublicKeyCredential();
        throw error;
      }
    },

    /**
     * Request options for a sign-in (`subject`, its id): for `userId`'s passkeys, or any discoverable one (no
     * identifier). The challenge replaces an earlier one of the same sign-in.
     */
    async startAuthentication(subject: string, userId: string | null, rp: RelyingParty): Promise<PublicKeyCredentialRequestOptionsJSON> {
      let allowCredentials: { id: string; transports?: string[] }[] = [];
      if (userId) {
        const passkeys = (await listPasskeysOfUsers(db, [userId])).filter((row) => row.verification_status === 'verified' && row.credential_id);
        if (passkeys.length === 0) throw errors.noPasskeysFoundForUser();
        allowCredentials = passkeys.map((row) => ({ id: row.credential_id!, transports: transportsOf(row) }));
      }
      const options = await generateAuthenticationOptions({ rpID: rp.id, allowCredentials, userVerification: settings.userVerification, timeout: CHALLENGE_LIFETIME_MS });
      const nowMs = clock.nowMs();
      await putWebAuthnChallenge(db, { subject, ceremony: 'authentication', challenge: options.challenge, expire_at: nowMs + CHALLENGE_LIFETIME_MS, created_at: nowMs });
      return options;
    },

    /**
     * The assertion of a sign-in: the challenge used (once), the passkey found by its credential, the signature and
     * origin checked, and the counter moved forward in one conditional update (a replay or a clone loses).
     */
    async verifyAuthentication(subject: string, credentialText: string | undefined, rp: RelyingParty): Promise<PasskeyAssertion> {
      const response = parseCredential<AuthenticationResponseJSON>(credentialText);
      const challenge = await takeWebAuthnChallenge(db, subject, 'authentication', clock.nowMs());
      if (!challenge) throw errors.passkeyInvalidVerification();
      const passkey = await findPasskeyByCredentialId(db, response.id);
      if (!passkey || passkey.verification_status !== 'verified' || !passkey.public_key) throw errors.passkeyNotRegistered();
      const origin = originOf(response);
      if (!origin || !rp.isAllowedOrigin(origin)) throw errors.passkeyInvalidPublicKeyCredential();
      const counter = Number(passkey.counter);
      let result;
      try {
        result = await verifyAuthenticationResponse({
          response,
          expectedChallenge: challenge,
          expectedOrigin: origin,
          expectedRPID: rp.id,
          requireUserVerification,
          credential: { id: passkey.credential_id!, publicKey: fromBase64Url(passkey.public_key), counter, transports: transportsOf(passkey) },
        });
      } catch {
        throw errors.passkeyAuthenticationFailure();
      }
      if (!result.verified) throw errors.passkeyAuthenticationFailure();
      if (!(await recordPasskeyUse(db, passkey.id, counter, result.authenticationInfo.newCounter, clock.nowMs()))) throw errors.passkeyAuthenticationFailure();
      return { userId: passkey.user_id, passkeyId: passkey.id, userVerified: result.authenticationInfo.userVerified };
    },

    /** `GET /v1/me/passkeys/{id}` and the rest: one of the user's passkeys. */
    get: ownPasskey,

    /** `PATCH /v1/me/passkeys/{id}`: a new name. */
    async rename(userId: string, passkeyId: string, name: string | undefined): Promise<PasskeyRow> {
      const passkey = await ownPasskey(userId, passkeyId);
      const trimmed = name?.trim();
      if (!trimmed) throw errors.paramMissing('name');
      if (trimmed.length > NAME_MAX_LENGTH) throw errors.paramMaxLengthExceeded('name', NAME_MAX_LENGTH);
      return (await updatePasskey(db, passkey.id, { name: trimmed, updated_at: clock.nowMs() }))!;
    },

    /** Deletes one of the user's passkeys (the profile's and the Backend API's `DeletePasskey`). */
    async remove(userId: string, passkeyId: string): Promise<PasskeyRow> {
      const passkey = await ownPasskey(userId, passkeyId);
      if (!(await deletePasskey(db, userId, passkey.id))) throw errors.resourceNotFound();
      return passkey;
    },

    /** Drops challenges an hour past their expiry. */
    purgeExpiredChallenges: () => purgeWebAuthnChallenges(db, clock.nowMs() - 3600 * 1000),

    /** The passkeys of some users, for their User objects. */
    listForUsers: (userIds: readonly string[]) => listPasskeysOfUsers(db, userIds),
  };
}

export type PasskeyService = ReturnType<typeof createPasskeyService>;
