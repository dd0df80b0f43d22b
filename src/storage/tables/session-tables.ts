import type { Insertable, Selectable, Updateable } from 'kysely';

/** Stored session statuses; `expired` is also what an `active` row past its `expire_at` reads as. */
export type StoredSessionStatus = 'active' | 'revoked' | 'ended' | 'expired' | 'removed';

export interface SessionsTable {
  id: string;
  /** No foreign key: a deleted user's sessions stay, ended, as Clerk keeps them. */
  user_id: string;
  client_id: string;
  status: StoredSessionStatus;
  /** JSON of the impersonating actor (`act`), when there is one. */
  actor: string | null;
  /** The session's active organization (`last_active_organization_id` on the wire, `o` in tokens). */
  active_organization_id: string | null;
  /** When the first factor was verified (the sign-in): `fva` in tokens counts minutes from here. */
  first_factor_verified_at: number;
  last_active_at: number;
  /** When the session expires: the lifetime, or earlier when an inactivity timeout applies. */
  expire_at: number;
  /** The lifetime's end, which activity never moves. */
  max_expire_at: number;
  abandon_at: number;
  created_at: number;
  updated_at: number;
}

/** RSA keys that sign session tokens; the private half is sealed with the instance key. */
export interface SigningKeysTable {
  kid: string;
  /** 1 for the key that signs new tokens, NULL for the others (a unique index allows one current key). */
  is_current: number | null;
  /** AES-256-GCM sealed PKCS#8 PEM. */
  private_key: string;
  /** The public JWK as JSON (kty, n, e). */
  public_jwk: string;
  created_at: number;
  retired_at: number | null;
  /** The latest `exp` of any token this key signed: the key stays published until then. */
  tokens_expire_at: number | null;
}

/** Tables of sessions and signing keys (merged into `Database`). */
export interface SessionTables {
  sessions: SessionsTable;
  signing_keys: SigningKeysTable;
}

export type SessionRow = Selectable<SessionsTable>;
export type NewSessionRow = Insertable<SessionsTable>;
export type SessionUpdate = Updateable<SessionsTable>;
export type SigningKeyRow = Selectable<SigningKeysTable>;
