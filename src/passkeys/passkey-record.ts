import type { PasskeyDetailsRow } from '../storage/repositories/user-details-repository.js';

/** A registered passkey as the User object shows it: never its credential, public key or counter. */
export interface PasskeyRecord {
  id: string;
  userId: string;
  name: string;
  /** The last sign-in with it; null until it is first used. */
  lastUsedAtMs: number | null;
  createdAtMs: number;
  updatedAtMs: number;
}

/** Reads the columns a User object shows: a full row or one read with a user's details both do. */
export function toPasskeyRecord(row: PasskeyDetailsRow): PasskeyRecord {
  return {
    id: row.id,
    userId: row.user_id,
    name: row.name,
    lastUsedAtMs: row.last_used_at,
    createdAtMs: row.created_at,
    updatedAtMs: row.updated_at,
  };
}
