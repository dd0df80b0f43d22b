import type { Insertable, Selectable, Updateable } from 'kysely';

/** `unverified` while a profile's "connect an account" waits for the provider, `failed` when it came back refused. */
export type ExternalAccountStatus = 'verified' | 'unverified' | 'failed';

/**
 * A user's account at an OAuth provider (`eac_…`): who the provider says they are, and the provider's tokens,
 * sealed (AES-256-GCM under the instance key). One per provider per user; one user per provider account.
 */
export interface ExternalAccountsTable {
  id: string;
  user_id: string;
  /** The `idn_…` id Clerk gives the account's identification (`identification_id` on the wire). */
  identification_id: string;
  /** The strategy, e.g. `oauth_google` or `oauth_custom_acme`. */
  provider: string;
  /** The provider's subject; null while a connection from the profile waits for the provider. */
  provider_user_id: string | null;
  email_address: string;
  /** What the provider said about the address: 1, 0, or null when it said nothing. */
  email_address_verified: number | null;
  first_name: string;
  last_name: string;
  image_url: string | null;
  username: string | null;
  phone_number: string | null;
  /** JSON text. */
  public_metadata: string;
  label: string | null;
  /** Space-separated, as the provider granted them. */
  approved_scopes: string;
  access_token_sealed: string | null;
  refresh_token_sealed: string | null;
  id_token_sealed: string | null;
  /** When the access token expires (Unix ms); null when the provider did not say. */
  access_token_expires_at: number | null;
  /** Bumped on every token change: a refresh stores its tokens only over the version it read. */
  token_version: number;
  /** A refresh in flight holds this lease (Unix ms) so concurrent readers, on any node, refresh once. */
  refresh_lease_until: number | null;
  verification_status: ExternalAccountStatus;
  /** Clerk's error code when the verification failed (e.g. `external_account_exists`). */
  verification_error: string | null;
  verification_expire_at: number | null;
  /** While unverified: the provider's authorization URL the browser is sent to. */
  verification_external_url: string | null;
  created_at: number;
  updated_at: number;
}

/** What an authorization at a provider is for. */
export type OAuthPurpose = 'sign_in' | 'sign_up' | 'connect';

/** `pending` until the provider calls back (`used`); `transferable` while it holds an identity no user has yet. */
export type OAuthAuthorizationStatus = 'pending' | 'used';

/**
 * One trip to a provider (`oaa_…`): the `state` (stored as its SHA-256), the PKCE verifier and nonce (sealed),
 * where the browser goes afterwards, and, once the provider called back, who it said the person is (sealed), for a
 * transfer between sign-in and sign-up.
 */
export interface OAuthAuthorizationsTable {
  id: string;
  state_digest: string;
  client_id: string;
  purpose: OAuthPurpose;
  /** The sign-in (`sia_…`), sign-up (`sua_…`) or pending external account (`eac_…`) it completes. */
  attempt_id: string;
  provider: string;
  /** JSON `{ codeVerifier, nonce }`, sealed. */
  secrets_sealed: string;
  redirect_url: string;
  action_complete_redirect_url: string | null;
  status: OAuthAuthorizationStatus;
  /** The provider's answer (profile and tokens) as sealed JSON, kept for a transfer; null before the callback. */
  identity_sealed: string | null;
  expire_at: number;
  created_at: number;
  updated_at: number;
}

export interface OAuthTables {
  external_accounts: ExternalAccountsTable;
  oauth_authorizations: OAuthAuthorizationsTable;
}

export type ExternalAccountRow = Selectable<ExternalAccountsTable>;
export type NewExternalAccountRow = Insertable<ExternalAccountsTable>;
export type ExternalAccountUpdate = Updateable<ExternalAccountsTable>;
export type OAuthAuthorizationRow = Selectable<OAuthAuthorizationsTable>;
export type NewOAuthAuthorizationRow = Insertable<OAuthAuthorizationsTable>;
