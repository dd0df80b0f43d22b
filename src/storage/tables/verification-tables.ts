import type { Insertable, Selectable } from 'kysely';

/**
 * One-time codes (email and phone codes), at most one live code per subject. The code itself is never
 * stored: only its keyed hash.
 */
export interface VerificationCodesTable {
  /** Changes whenever the subject's code is replaced, so a check of the old code cannot consume the new one. */
  id: string;
  /** What the code verifies, e.g. `sign_up:sua_123:email_address`; unique. */
  subject: string;
  /** base64url of HMAC-SHA256(subject, code) under a key derived from the instance key. */
  code_digest: string;
  expire_at: number;
  /** Failed attempts so far. */
  attempts: number;
  /** Failed attempts after which the code is dead. */
  max_attempts: number;
  /** When the code was used; a used code never verifies again. */
  consumed_at: number | null;
  created_at: number;
}

export interface VerificationTables {
  verification_codes: VerificationCodesTable;
}

export type VerificationCodeRow = Selectable<VerificationCodesTable>;
export type NewVerificationCodeRow = Insertable<VerificationCodesTable>;
