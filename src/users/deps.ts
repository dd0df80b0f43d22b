import type { Config } from '../config.js';
import type { Clock } from '../lib/clock.js';
import { ClerkError, errors } from '../lib/error-catalog.js';
import type { HasherRegistry } from '../passwords/registry.js';
import type { SecretBox } from '../lib/secret-box.js';
import type { Executor, RosterDatabase, UserRow } from '../storage/database.js';
import { uniqueViolationTarget } from '../storage/constraint-violations.js';
import { findUserById, findUserByIdForUpdate, findUsersByIds } from '../storage/repositories/users-repository.js';
import { toUserRecords, type UserRecord } from './user-record.js';

/** What the users services are built with. */
export interface UserServiceDeps {
  database: RosterDatabase;
  clock: Clock;
  hashers: HasherRegistry;
  config: Readonly<Config>;
  /** Seals TOTP secrets at rest under the instance key. */
  secretBox: SecretBox;
}

export async function requireUser(db: Executor, userId: string): Promise<UserRow> {
  const user = await findUserById(db, userId);
  if (!user) throw errors.userNotFound(userId);
  return user;
}

/**
 * Reads the user and holds their row until the transaction ends: every change that checks the user's
 * identifications before writing (last identification, primaries, second factors) takes this first, so
 * two such changes to one user run one after the other on PostgreSQL too.
 */
export async function requireUserForUpdate(trx: Executor, userId: string): Promise<UserRow> {
  const user = await findUserByIdForUpdate(trx, userId);
  if (!user) throw errors.userNotFound(userId);
  return user;
}

export async function loadRecord(deps: UserServiceDeps, db: Executor, user: UserRow): Promise<UserRecord> {
  const [record] = await toUserRecords(db, [user], deps.config.lockout, deps.clock.nowMs());
  return record!;
}

export async function loadRecordsById(deps: UserServiceDeps, db: Executor, ids: readonly string[]): Promise<UserRecord[]> {
  const rows = await findUsersByIds(db, ids);
  const order = new Map(ids.map((id, index) => [id, index]));
  rows.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  return toUserRecords(db, rows, deps.config.lockout, deps.clock.nowMs());
}

/**
 * Runs a write and turns a unique-constraint failure (a race the pre-checks could not see) into
 * Clerk's `form_identifier_exists`, naming the identification type when it is known.
 */
export async function withUniqueErrors<T>(identificationParam: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ClerkError) throw error;
    const target = uniqueViolationTarget(error);
    if (target === 'external_id') throw errors.identifierExists('external_id');
    if (target === 'username') throw errors.identifierExists('username');
    if (target === 'identification') throw errors.identifierExists(identificationParam);
    throw error;
  }
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-](\d{2}):(\d{2}))$/i;

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** RFC 3339 timestamp → Unix ms, or the catalogue error naming the parameter. Impossible dates (Feb 30) are refused. */
export function parseTimestamp(value: string, paramName: string): number {
  const match = RFC3339.exec(value);
  if (match) {
    const [year, month, day, hour, minute, second, offsetHour, offsetMinute] = match.slice(1).map((part) => Number(part ?? 0)) as number[];
    // Ids carry the creation second in 32 bits (until 2150): keep dates to a sane range.
    const valid =
      year! >= 1970 && year! <= 2100 &&
      month! >= 1 && month! <= 12 && day! >= 1 && day! <= daysInMonth(year!, month!) &&
      hour! <= 23 && minute! <= 59 && second! <= 59 && offsetHour! <= 23 && offsetMinute! <= 59;
    if (valid) return Date.parse(value);
  }
  throw errors.paramValueInvalid(paramName, `${paramName} must be a valid RFC3339 date-time, e.g. 2012-10-20T07:15:20.902Z`);
}
