import { sql, type SelectQueryBuilder } from 'kysely';
import type { Database, Executor } from '../database.js';
import { dialectSql } from '../dialects.js';
import type { IdentificationRow, UserRow } from '../tables/user-tables.js';

/** A user's row with what the User object shows beside it, read in the same statement. */
export interface UserWithDetails {
  user: UserRow;
  /** In the user's order (position, then creation). */
  identifications: IdentificationRow[];
  /** At least one unused backup code. */
  hasBackupCodes: boolean;
}

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

interface DetailColumns {
  details_identifications: unknown;
  details_backup_codes: unknown;
}

/**
 * Adds the user's identifications (as one JSON array) and whether unused backup codes exist to a select of
 * users: one statement per page instead of three, each a lookup on the users' own indexes.
 */
export function withDetails<O>(db: Executor, query: SelectQueryBuilder<Database, 'users', O>) {
  const identifications = dialectSql(db).jsonRows('i', IDENTIFICATION_COLUMNS, ['position', 'created_at']);
  return query.select([
    sql<unknown>`(SELECT ${identifications} FROM identifications AS i WHERE i.user_id = users.id)`.as('details_identifications'),
    sql<unknown>`EXISTS (SELECT 1 FROM backup_codes AS b WHERE b.user_id = users.id AND b.consumed_at IS NULL)`.as('details_backup_codes'),
  ]);
}

/** Separates a row read through `withDetails` into the user and their details. */
export function toUserWithDetails(row: UserRow & DetailColumns): UserWithDetails {
  const { details_identifications: identifications, details_backup_codes: backupCodes, ...user } = row;
  return { user, ...detailsOf({ details_identifications: identifications, details_backup_codes: backupCodes }) };
}

function detailsOf(row: DetailColumns): Omit<UserWithDetails, 'user'> {
  const identifications = row.details_identifications;
  return {
    identifications: (typeof identifications === 'string' ? JSON.parse(identifications) : identifications) as IdentificationRow[],
    hasBackupCodes: row.details_backup_codes === 1 || row.details_backup_codes === true,
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
