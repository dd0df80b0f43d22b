import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/** A user: profile, password, lockout counters, TOTP and the copies of its primary identifiers. */
export interface UsersTable {
  id: string;
  external_id: string | null;
  username: string | null;
  /** Lower-cased username: unique, and what filters and ordering use. */
  username_normalized: string | null;
  first_name: string | null;
  last_name: string | null;
  locale: string | null;
  password_digest: string | null;
  password_hasher: string | null;
  password_last_updated_at: number | null;
  public_metadata: string;
  private_metadata: string;
  unsafe_metadata: string;
  primary_email_address_id: string | null;
  primary_phone_number_id: string | null;
  primary_web3_wallet_id: string | null;
  /** Copies of the primary identifiers, kept for `order_by=email_address` and friends. */
  primary_email_address: string | null;
  primary_phone_number: string | null;
  primary_web3_wallet: string | null;
  banned: number;
  /** When an admin or the lockout policy locked the user; the policy decides when that lock ends. */
  locked_at: number | null;
  /** Failed verifications since the last success, unlock or expired lock. */
  failed_verification_attempts: number;
  /** Verifications that have taken an attempt and not yet settled it (failed, succeeded or given back). */
  verifications_in_flight: Generated<number>;
  /** When the latest of those attempts was taken: reservations far older than any check are a dead process's. */
  verification_reserved_at: number | null;
  delete_self_enabled: number;
  create_organization_enabled: number;
  create_organizations_limit: number | null;
  bypass_client_trust: number;
  mfa_enabled_at: number | null;
  mfa_disabled_at: number | null;
  legal_accepted_at: number | null;
  last_sign_in_at: number | null;
  last_active_at: number | null;
  /** Sessions created before this instant must be treated as revoked (sign_out_of_other_sessions). */
  sessions_revoked_at: number | null;
  totp_id: string | null;
  /** AES-256-GCM sealed base32 TOTP secret (never stored in the clear). */
  totp_secret: string | null;
  /** 1 once the TOTP is in use: imported with `totp_secret`, or confirmed by a first correct code. */
  totp_verified: number;
  /** Last 30-second step whose code was accepted: a code is good once (replay guard). */
  totp_last_step: number | null;
  password_compromised_at: number | null;
  /** Whether MFA was on at the last change: `mfa_enabled_at`/`mfa_disabled_at` move when this flips. */
  mfa_active: number;
  /** The uploaded profile image (`images.id`), or null for the default avatar. */
  image_id: string | null;
  created_at: number;
  updated_at: number;
}

export type IdentificationType = 'email_address' | 'phone_number' | 'web3_wallet';

export interface IdentificationsTable {
  id: string;
  user_id: string;
  type: IdentificationType;
  /** Normalised value: lower-cased email, E.164 phone, lower-cased hex wallet. */
  identifier: string;
  verified: number;
  /** How a verified identification was verified: null for an admin verification, else the strategy (`email_code`). */
  verification_strategy: string | null;
  reserved: number;
  reserved_for_second_factor: number;
  default_second_factor: number;
  /** Order among the user's identifications (creation order, even within one millisecond). */
  position: number;
  created_at: number;
  updated_at: number;
}

/** One row per user with the text that substring search looks at (FTS5 on SQLite, pg_trgm on PostgreSQL). */
export interface UserSearchDocsTable {
  id: Generated<number>;
  user_id: string;
  ids: string;
  emails: string;
  phones: string;
  usernames: string;
  web3_wallets: string;
  names: string;
  /** All of the above, newline-separated: what `query` searches. */
  everything: string;
}

export interface BackupCodesTable {
  id: string;
  user_id: string;
  /** bcrypt digest of the code. */
  digest: string;
  consumed_at: number | null;
  created_at: number;
}

/** One row (id 1): how many users exist, kept by triggers on `users`. */
export interface UserCountTable {
  id: number;
  users: number;
}

export interface UserTables {
  users: UsersTable;
  user_count: UserCountTable;
  identifications: IdentificationsTable;
  user_search_docs: UserSearchDocsTable;
  backup_codes: BackupCodesTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUserRow = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type IdentificationRow = Selectable<IdentificationsTable>;
export type NewIdentificationRow = Insertable<IdentificationsTable>;
export type IdentificationUpdate = Updateable<IdentificationsTable>;
export type BackupCodeRow = Selectable<BackupCodesTable>;
