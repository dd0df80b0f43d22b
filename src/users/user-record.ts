import type { LockoutPolicy } from '../config/config.js';
import { parseStoredMetadata, type Metadata } from '../domain/metadata.js';
import type { Executor, IdentificationRow, UserRow } from '../storage/database.js';
import { usersWithBackupCodes } from '../storage/repositories/credentials-repository.js';
import { listIdentificationsForUsers } from '../storage/repositories/identifications-repository.js';
import { lockStatus, type LockStatus } from './lockout.js';

/** A user with everything the User object shows, ready for the serializer. */
export interface UserRecord {
  user: UserRow;
  identifications: IdentificationRow[];
  lock: LockStatus;
  /** TOTP confirmed and in use. */
  totpEnabled: boolean;
  /** At least one unused backup code. */
  backupCodeEnabled: boolean;
  publicMetadata: Metadata;
  privateMetadata: Metadata;
  unsafeMetadata: Metadata;
}

/** Loads identifications for many users in one query and assembles their records, keeping row order. */
export async function toUserRecords(db: Executor, rows: readonly UserRow[], policy: LockoutPolicy, nowMs: number): Promise<UserRecord[]> {
  const ids = rows.map((row) => row.id);
  const [identifications, withBackupCodes] = [await listIdentificationsForUsers(db, ids), await usersWithBackupCodes(db, ids)];
  const byUser = new Map<string, IdentificationRow[]>();
  for (const identification of identifications) {
    const list = byUser.get(identification.user_id) ?? [];
    list.push(identification);
    byUser.set(identification.user_id, list);
  }
  return rows.map((user) => ({
    user,
    identifications: byUser.get(user.id) ?? [],
    lock: lockStatus({ lockedAtMs: user.locked_at, failedAttempts: user.failed_verification_attempts }, policy, nowMs),
    totpEnabled: user.totp_secret !== null && user.totp_verified === 1,
    backupCodeEnabled: withBackupCodes.has(user.id),
    publicMetadata: parseStoredMetadata(user.public_metadata),
    privateMetadata: parseStoredMetadata(user.private_metadata),
    unsafeMetadata: parseStoredMetadata(user.unsafe_metadata),
  }));
}
