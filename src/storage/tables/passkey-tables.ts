import type { Insertable, Selectable, Updateable } from 'kysely';

/**
 * A user's passkey (`idn_…`, an identification as in Clerk): a WebAuthn credential, `unverified` from the moment
 * registration starts until the authenticator's answer is checked.
 */
export interface PasskeysTable {
  id: string;
  user_id: string;
  name: string;
  /** base64url of the credential id (null until registered); unique. */
  credential_id: string | null;
  /** base64url of the COSE public key. */
  public_key: string | null;
  /** The authenticator's signature counter as last seen (0 for authenticators that keep none). */
  counter: number;
  /** JSON array of transports (`internal`, `usb`, `hybrid`, …). */
  transports: string;
  backed_up: number;
  verification_status: 'unverified' | 'verified';
  last_used_at: number | null;
  created_at: number;
  updated_at: number;
}

/** `registration` or `authentication`. */
export type WebAuthnCeremony = 'registration' | 'authentication';

/** A WebAuthn challenge: for one passkey's registration or one sign-in's authentication, used once, before it expires. */
export interface WebAuthnChallengesTable {
  /** What the challenge is for: the passkey id (registration) or the sign-in id (authentication). */
  subject: string;
  ceremony: WebAuthnCeremony;
  /** base64url of the random challenge. */
  challenge: string;
  expire_at: number;
  created_at: number;
}

export interface PasskeyTables {
  passkeys: PasskeysTable;
  webauthn_challenges: WebAuthnChallengesTable;
}

export type PasskeyRow = Selectable<PasskeysTable>;
export type NewPasskeyRow = Insertable<PasskeysTable>;
export type PasskeyUpdate = Updateable<PasskeysTable>;
