import { sql, type SelectQueryBuilder } from 'kysely';
import type { Database, Executor } from '../database.js';
import { dialectSql } from '../dialects.js';
import type { ExternalAccountRow } from '../tables/oauth-tables.js';
import type { PasskeyRow } from '../tables/passkey-tables.js';
import type { IdentificationRow, UserRow } from '../tables/user-tables.js';

/** A user's row with what the User object shows beside it, read in the same statement. */
export interface UserWithDetails {
  user: UserRow;
  /** In the user's order (position, then creation). */
  identifications: IdentificationRow[];
  /** At least one unused backup code. */
  hasBackupCodes: boolean;
  /** Oldest first; without tokens or refresh bookkeeping. */
  externalAccounts: ExternalAccountDetailsRow[];
  /** Verified passkeys only, oldest first; without credentials or public keys. */
  passkeys: PasskeyDetailsRow[];
}

/** An external account as the User object shows it: the row without its sealed tokens and refresh bookkeeping. */
export type ExternalAccountDetailsRow = Omit<ExternalAccountRow, 'access_token_sealed' | 'refresh_token_sealed' | 'id_token_sealed' | 'access_token_expires_at' | 'token_version' | 'refresh_lease_until'>;

/** A passkey as the User object shows it: its name and times, never its credential, public key or counter. */
export type PasskeyDetailsRow = Pick<PasskeyRow, 'id' | 'user_id' | 'name' | 'last_used_at' | 'created_at' | 'updated_at'>;

// Every column, checked by the compiler: a column added to identifications must be added here to be shown.
const IDENTIFICATION_COLUMN_SET: Record<keyof IdentificationRow, true> = {
  id: true,
  user_id: true,
  type: true,
  identifier: true,
  verified: true,
  verification_strategy: true,
  reserved: true,
  reserved_for_second_factor: true,
  default_second_factor: true,
  position: true,
  created_at: true,
  updated_at: true,
};
const IDENTIFICATION_COLUMNS = Object.keys(IDENTIFICATION_COLUMN_SET);

// The same for external accounts; sealed tokens never leave storage this way, even sealed.
const EXTERNAL_ACCOUNT_COLUMN_SET: Record<keyof ExternalAccountDetailsRow, true> = {
  id: true,
  user_id: true,
  identification_id: true,
  provider: true,
  provider_user_id: true,
  email_address: true,
  email_address_verified: true,
  first_name: true,
  last_name: true,
  image_url: true,
  username: true,
  phone_number: true,
  public_metadata: true,
  label: true,
  approved_scopes: true,
  verification_status: true,
  verification_error: true,
  verification_expire_at: true,
  verification_external_url: true,
  created_at: true,
  updated_at: true,
};
const EXTERNAL_ACCOUNT_COLUMNS = Object.keys(EXTERNAL_ACCOUNT_COLUMN_SET);

const PASSKEY_COLUMN_SET: Record<keyof PasskeyDetailsRow, true> = { id: true, user_id: true, name: true, last_used_at: true, created_at: true, updated_at: true };
const PASSKEY_COLUMNS = Object.keys(PASSKEY_COLUMN_SET);

interface DetailColumns {
  details_identifications: unknown;
  details_backup_codes: unknown;
  details_external_accounts: unknown;
  details_passkeys: unknown;
}

/**
 * Adds the user's identifications, external accounts and verified passkeys (each as one JSON array) and whether
 * unused backup codes exist to a select of users: one statement per page instead of five, each a lookup on the
 * users' own indexes (external accounts: the (user_id, provider) unique index; passkeys: (user_id, created_at)).
 * A passkey whose registration never completed is not the user's yet, so it is left out here.
 */
export function withDetails<O>(db: Executor, query: SelectQueryBuilder<Database, 'users', O>) {
  const identifications = dialectSql(db).jsonRows('i', IDENTIFICATION_COLUMNS, ['position', 'created_at']);
  const externalAccounts = dialectSql(db).jsonRows('e', EXTERNAL_ACCOUNT_COLUMNS, ['created_at', 'id']);
  const passkeys = dialectSql(db).jsonRows('p', PASSKEY_COLUMNS, ['created_at', 'id']);
  return query.select([
    sql<unknown>`(SELECT ${identifications} FROM identifications AS i WHERE i.user_id = users.id)`.as('details_identifications'),
    sql<unknown>`EXISTS (SELECT 1 FROM backup_codes AS b WHERE b.user_id = users.id AND b.consumed_at IS NULL)`.as('details_backup_codes'),
    sql<unknown>`(SELECT ${externalAccounts} FROM external_accounts AS e WHERE e.user_id = users.id)`.as('details_external_accounts'),
    sql<unknown>`(SELECT ${passkeys} FROM passkeys AS p WHERE p.user_id = users.id AND p.verification_status = 'verified')`.as('details_passkeys'),
  ]);
}

/** Separates a row read through `withDetails` into the user and their details. */
export function toUserWithDetails(row: UserRow & DetailColumns): UserWithDetails {
  const { details_identifications, details_backup_codes, details_external_accounts, details_passkeys, ...user } = row;
  return { user, ...detailsOf({ details_identifications, details_backup_codes, details_external_accounts, details_passkeys }) };
}

const parsedJSON = (value: unknown): unknown => (typeof value === 'string' ? JSON.parse(value) : value);

function detailsOf(row: DetailColumns): Omit<UserWithDetails, 'user'> {
  return {
    identifications: parsedJSON(row.details_identifications) as IdentificationRow[],
    hasBackupCodes: row.details_backup_codes === 1 || row.details_backup_codes === true,
    externalAccounts: (parsedJSON(row.details_external_accounts) ?? []) as ExternalAccountDetailsRow[],
    passkeys: (parsedJSON(row.details_passkeys) ?? []) as PasskeyDetailsRow[],
  };
}

/** The details of users whose rows the caller already holds, by user id, in one statement. */
export async function findDetailsOfUsers(db: Executor, userIds: readonly string[]): Promise<Map<string, Omit<UserWithDetails, 'user'>>> {
  if (userIds.length === 0) return new Map();
  const rows = await withDetails(db, db.selectFrom('users').select('users.id').where('users.id', 'in', userIds)).execute();
  return new Map(rows.map((row) => [row.id, detailsOf(row)]));
}

export async function findUserWithDetails(db: Executor, id: string): Promise<UserWithDetails | undefined> {
  const row = await withDetails(db, db.selectFrom('users').selectAll().where('id', '=', id)).executeTakeFirst();
  return row && toUserWithDetails(row);
}
