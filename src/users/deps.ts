import type { Config } from '../config.js';
import type { Clock } from '../lib/clock.js';
import { ClerkError, errors } from '../lib/error-catalog.js';
import type { HasherRegistry } from '../passwords/registry.js';
import type { Executor, RosterDatabase, UserRow } from '../storage/database.js';
import { uniqueViolationTarget } from '../storage/unique-violation.js';
import { findUserById, findUsersByIds } from '../storage/repositories/users-repository.js';
import { toUserRecords, type UserRecord } from './user-record.js';

/** What the users services are built with. */
export interface UserServiceDeps {
  database: RosterDatabase;
  clock: Clock;
  hashers: HasherRegistry;
  config: Readonly<Config>;
}

export async function requireUser(db: Executor, userId: string): Promise<UserRow> {
  const user = await findUserById(db, userId);
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

/** RFC 3339 timestamp → Unix ms, or the catalogue error naming the parameter. */
export function parseTimestamp(value: string, paramName: string): number {
  const ms = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms)) {
    throw errors.paramValueInvalid(paramName, `${paramName} must be a valid RFC3339 date-time, e.g. 2012-10-20T07:15:20.902Z`);
  }
  return ms;
}
