import type { IdentifierType } from '../config/config.js';
import { errors } from '../lib/error-catalog.js';
import type { Executor, IdentificationRow, IdentificationType, UserRow, UserUpdate } from '../storage/database.js';
import { findClaimedIdentification } from '../storage/repositories/identifications-repository.js';
import { updateUser } from '../storage/repositories/users-repository.js';

/** Where each identification type keeps its primary id and its sortable copy on the user row. */
export const PRIMARY_COLUMNS = {
  email_address: { id: 'primary_email_address_id', value: 'primary_email_address' },
  phone_number: { id: 'primary_phone_number_id', value: 'primary_phone_number' },
  web3_wallet: { id: 'primary_web3_wallet_id', value: 'primary_web3_wallet' },
} as const satisfies Record<IdentificationType, { id: keyof UserRow; value: keyof UserRow }>;

const NOUNS: Record<IdentifierType, string> = {
  email_address: 'email address',
  phone_number: 'phone number',
  web3_wallet: 'web3 wallet',
  username: 'username',
};

/** Throws `form_identifier_exists` when another user holds the identifier verified or reserved. */
export async function assertIdentifierAvailable(
  db: Executor,
  type: IdentificationType,
  identifier: string,
  forUserId: string | null,
): Promise<void> {
  const claimed = await findClaimedIdentification(db, type, identifier);
  if (claimed && claimed.user_id !== forUserId) throw errors.identifierExists(type);
}

/** Sets (or clears) the user's primary identification of one type, with its sortable copy. */
export async function setPrimary(
  db: Executor,
  userId: string,
  type: IdentificationType,
  identification: IdentificationRow | null,
  nowMs: number,
): Promise<void> {
  const columns = PRIMARY_COLUMNS[type];
  const update: UserUpdate = {
    [columns.id]: identification?.id ?? null,
    [columns.value]: identification?.identifier ?? null,
    updated_at: nowMs,
  };
  await updateUser(db, userId, update);
}

/**
 * The rule for removing identifications: a required type must keep at least one, and a user keeps at
 * least one way to identify themselves (an identification or a username). `remaining` and `user` describe
 * the state after the removal.
 */
/**
 * The user's own removal of their primary (`/v1/me`): without a verified one of the same type to take over, a
 * required type is refused; an unverified address does not keep the user reachable.
 */
export function assertVerifiedSuccessor(
  successor: IdentificationRow | null,
  removedType: IdentifierType,
  requiredIdentifiers: readonly IdentifierType[],
): void {
  if (successor === null && requiredIdentifiers.includes(removedType)) throw errors.lastRequiredIdentificationDeletionFailed(NOUNS[removedType]);
}

export function assertCanRemove(
  remaining: readonly IdentificationRow[],
  removedType: IdentifierType,
  user: UserRow,
  requiredIdentifiers: readonly IdentifierType[],
): void {
  const left = (type: IdentifierType) =>
    type === 'username' ? user.username !== null : remaining.some((row) => row.type === type);
  if (requiredIdentifiers.includes(removedType) && !left(removedType)) {
    throw errors.lastRequiredIdentificationDeletionFailed(NOUNS[removedType]);
  }
  if (remaining.length === 0 && user.username === null) {
    throw errors.lastIdentificationDeletionFailed();
  }
}
