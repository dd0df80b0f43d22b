import type { Insertable, Selectable, Updateable } from 'kysely';

/** A browser (or other Frontend API caller), known by the secret in its `__client` cookie. */
export interface ClientsTable {
  id: string;
  /** Hex SHA-256 of the cookie's secret. */
  token_digest: string;
  /** The client's current sign-in and sign-up attempts (one each at most, as in Clerk). */
  sign_in_id: string | null;
  sign_up_id: string | null;
  last_active_session_id: string | null;
  last_authentication_strategy: string | null;
  created_at: number;
  updated_at: number;
}

export type SignInStatus = 'needs_identifier' | 'needs_first_factor' | 'needs_second_factor' | 'needs_new_password' | 'complete' | 'abandoned';

export interface SignInsTable {
  id: string;
  client_id: string;
  status: SignInStatus;
  identifier: string | null;
  user_id: string | null;
  /** The identification the identifier named (an email address, phone number or username's user). */
  identification_id: string | null;
  first_factor_strategy: string | null;
  /** `unverified` | `verified` | `failed` while a first factor is being verified. */
  first_factor_status: string | null;
  first_factor_attempts: number | null;
  /** When the email code of an `email_code` or `reset_password_email_code` first factor expires. */
  first_factor_expire_at: number | null;
  created_session_id: string | null;
  /** The organization the session activates on completion (a sign-in token's `org_id`). */
  activate_organization_id: string | null;
  /**
   * An OAuth first factor: its trip to the provider (`oaa_…`), the provider URL, and Clerk's error code when it failed
   * or is transferable. A passkey first factor keeps its request options (the verification's `nonce`) in
   * `first_factor_external_url`: the text a verification hands the browser, as the provider URL is.
   */
  oauth_authorization_id: string | null;
  first_factor_external_url: string | null;
  first_factor_error: string | null;
  abandon_at: number;
  created_at: number;
  updated_at: number;
}

export type SignUpStatus = 'missing_requirements' | 'complete' | 'abandoned';

export interface SignUpsTable {
  id: string;
  client_id: string;
  status: SignUpStatus;
  email_address: string | null;
  username: string | null;
  first_name: string | null;
  last_name: string | null;
  /** The new password, hashed when it was given (never the password itself). */
  password_digest: string | null;
  password_hasher: string | null;
  /** JSON text. */
  unsafe_metadata: string | null;
  legal_accepted_at: number | null;
  /** `unverified` once a code was sent, `verified` after the right code, null before any. */
  email_verification_status: string | null;
  email_verification_expire_at: number | null;
  email_verification_attempts: number | null;
  created_user_id: string | null;
  created_session_id: string | null;
  /** The invitation (`inv_…` or `orginv_…`) whose ticket started this sign-up; redeemed when it completes. */
  ticket_invitation_id: string | null;
  /** An OAuth sign-up (`verifications.external_account`): strategy, status, provider URL, Clerk's error code, and its trip. */
  external_strategy: string | null;
  external_status: string | null;
  external_url: string | null;
  external_error: string | null;
  oauth_authorization_id: string | null;
  abandon_at: number;
  created_at: number;
  updated_at: number;
}

export interface HandshakeNoncesTable {
  nonce_digest: string;
  directives: string;
  expire_at: number;
  created_at: number;
}

export interface ClientTables {
  clients: ClientsTable;
  sign_ins: SignInsTable;
  sign_ups: SignUpsTable;
  handshake_nonces: HandshakeNoncesTable;
}

export type ClientRow = Selectable<ClientsTable>;
export type ClientUpdate = Updateable<ClientsTable>;
export type SignInRow = Selectable<SignInsTable>;
export type NewSignInRow = Insertable<SignInsTable>;
export type SignInUpdate = Updateable<SignInsTable>;
export type SignUpRow = Selectable<SignUpsTable>;
export type NewSignUpRow = Insertable<SignUpsTable>;
export type SignUpUpdate = Updateable<SignUpsTable>;
