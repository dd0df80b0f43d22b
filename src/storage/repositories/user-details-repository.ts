import { sql, type SelectQueryBuilder } from 'kysely';
import type { Database, Executor } from '../database.js';
import { dialectSql } from '../dialects.js';
import type { ExternalAccountRow } from '../tables/oauth-tables.js';
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
}

/** An external account as the User object shows it: the row without its sealed tokens and refresh bookkeeping. */
export type ExternalAccountDetailsRow = Omit<ExternalAccountRow, 'access_token_sealed' | 'refresh_token_sealed' | 'id_token_sealed' | 'access_token_expires_at' | 'token_version' | 'refresh_lease_until'>;

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

interface DetailColumns {
  details_identifications: unknown;
  details_backup_codes: unknown;
  details_external_accounts: unknown;
}

/**
 * Adds the user's identifications and external accounts (each as one JSON array) and whether unused backup codes
 * exist to a select of users: one statement per page instead of four, each a lookup on the users' own indexes
 * (external accounts: the (user_id, provider) unique index).
 */
export function withDetails<O>(db: Executor, query: SelectQueryBuilder<Database, 'users', O>) {
  const identifications = dialectSql(db).jsonRows('i', IDENTIFICATION_COLUMNS, ['position', 'created_at']);
  const externalAccounts = dialectSql(db).jsonRows('e', EXTERNAL_ACCOUNT_COLUMNS, ['created_at', 'id']);
  return query.select([
    sql<unknown>`(SELECT ${identifications} FROM identifications AS i WHERE i.user_id = users.id)`.as('details_identifications'),
    sql<unknown>`EXISTS (SELECT 1 FROM backup_codes AS b WHERE b.user_id = users.id AND b.consumed_at IS NULL)`.as('details_backup_codes'),
    sql<unknown>`(SELECT ${externalAccounts} FROM external_accounts AS e WHERE e.user_id = users.id)`.as('details_external_accounts'),
  ]);
}

/** Separates a row read through `withDetails` into the user and their details. */
export function toUserWithDetails(row: UserRow & DetailColumns): UserWithDetails {
  const { details_identifications, details_backup_codes, details_external_accounts, ...user } = row;
  return { user, ...detailsOf({ details_identifications, details_backup_codes, details_external_accounts }) };
}

const parsedJSON = (value: unknown): unknown => (typeof value === 'string' ? JSON.parse(value) : value);

function detailsOf(row: DetailColumns): Omit<UserWithDetails, 'user'> {
  return {
    identifications: parsedJSON(row.details_identifications) as IdentificationRow[],
    hasBackupCodes: row.details_backup_codes === 1 || row.details_backup_codes === true,
    externalAccounts: (parsedJSON(row.details_external_accounts) ?? []) as ExternalAccountDetailsRow[],
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
