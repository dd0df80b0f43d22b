import type { ServiceDeps } from '../domain/service-deps.js';
import type { IdentifierType } from '../config/config.js';
import { errors } from '../lib/error-catalog.js';
import { newId } from '../lib/ids.js';
import type { Executor, IdentificationRow, IdentificationType, IdentificationUpdate } from '../storage/database.js';
import {
  clearDefaultSecondFactor,
  deleteIdentification,
  deleteIdentificationsOfType,
  ensureDefaultSecondFactor,
  findIdentificationById,
  insertIdentifications,
  listIdentificationsForUsers,
  updateIdentification,
} from '../storage/repositories/identifications-repository.js';
import { refreshUserSearchDoc } from '../storage/repositories/user-search-repository.js';
import { requireUser, requireUserForUpdate, withUniqueErrors } from './deps.js';
import { assertCanRemove, assertIdentifierAvailable, assertVerifiedSuccessor, PRIMARY_COLUMNS, setPrimary } from './identification-rules.js';
import { syncMFAState } from './mfa-service.js';
import { parseIdentifier } from './identifiers.js';
import { toIdentification, type Identification } from './user-record.js';

export type ContactType = Extract<IdentificationType, 'email_address' | 'phone_number'>;

export interface CreateContactInput {
  userId: string;
  value: string;
  verified?: boolean | null;
  primary?: boolean | null;
  reservedForSecondFactor?: boolean | null;
}

/** How a change made by the user themself (the Frontend API) differs from an administrator's (the Backend API). */
export interface SelfServiceOptions {
  /**
   * Only a verified identification ever becomes the primary one: a first unverified address stays non-primary until
   * its code comes back (markVerified fills an empty primary), and deleting the primary hands over to a verified one.
   * @default false (the Backend API: an administrator vouches for the addresses they add)
   */
  verifiedPrimaryOnly?: boolean;
}

export interface UpdateContactInput {
  verified?: boolean | null;
  primary?: boolean | null;
  reservedForSecondFactor?: boolean | null;
  /** Makes a second-factor phone the default one; `false` is refused (another one must be made the default). */
  defaultSecondFactor?: boolean | null;
  /** With `verified: true`: how it was verified (`phone_code`); an admin verification otherwise. */
  verificationStrategy?: string | null;
  /** Makes it the primary one when verified and the user has none of its type (a code came back, see verifiedPrimaryOnly). */
  primaryIfNone?: boolean;
}

export type ReplacementStatus = 'verified' | 'reserved' | 'unverified';

const nextPosition = (rows: readonly IdentificationRow[]) => rows.reduce((max, row) => Math.max(max, row.position + 1), 0);

/** Email addresses and phone numbers as resources of their own (`/v1/email_addresses`, `/v1/phone_numbers`). */
export function createIdentificationService(deps: ServiceDeps) {
  const { database, clock, config } = deps;
  const { db } = database;

  async function requireIdentification(trx: Executor, type: IdentificationType, id: string): Promise<IdentificationRow> {
    const row = await findIdentificationById(trx, id);
    if (!row || row.type !== type) throw errors.resourceNotFound();
    return row;
  }

  /** The identification with its owner's row locked (see requireUserForUpdate); re-read after the lock. */
  async function lockIdentification(trx: Executor, type: IdentificationType, id: string): Promise<IdentificationRow> {
    const { user_id: userId } = await requireIdentification(trx, type, id);
    await requireUserForUpdate(trx, userId);
    return requireIdentification(trx, type, id);
  }

  /** Marks a verified phone as a second factor, and as the default one when it is the first. */
  async function reserveForSecondFactor(trx: Executor, row: IdentificationRow, nowMs: number): Promise<IdentificationRow> {
    const siblings = await listIdentificationsForUsers(trx, [row.user_id]);
    const hasDefault = siblings.some((other) => other.id !== row.id && other.default_second_factor === 1);
    const updated = await updateIdentification(trx, row.id, {
      reserved_for_second_factor: 1,
      default_second_factor: hasDefault ? 0 : 1,
      updated_at: nowMs,
    });
    if (!hasDefault) await clearDefaultSecondFactor(trx, row.user_id, row.id);
    return updated!;
  }

  return {
    async get(type: ContactType, id: string): Promise<Identification> {
      return toIdentification(await requireIdentification(db, type, id));
    },

    async create(type: ContactType, input: CreateContactInput, options: SelfServiceOptions = {}): Promise<Identification> {
      const identifier = parseIdentifier(type, input.value);
      const verified = Boolean(input.verified);
      if (input.reservedForSecondFactor && !verified) throw errors.createSecondFactorUnverified();
      if (input.primary && !verified) throw errors.verificationNeeded('primary');
      return withUniqueErrors(type, () =>
        db.transaction().execute(async (trx) => {
          const user = await requireUserForUpdate(trx, input.userId);
          const existing = await listIdentificationsForUsers(trx, [user.id]);
          if (existing.some((row) => row.type === type && row.identifier === identifier)) throw errors.identifierExists(type);
          await assertIdentifierAvailable(trx, type, identifier, user.id);
          const now = clock.nowMs();
          let row: IdentificationRow = {
            id: newId('idn', now),
            user_id: user.id,
            type,
            identifier,
            verified: verified ? 1 : 0,
            verification_strategy: null,
            reserved: 0,
            reserved_for_second_factor: 0,
            default_second_factor: 0,
            position: nextPosition(existing),
            created_at: now,
            updated_at: now,
          };
          await insertIdentifications(trx, [row]);
          if (input.reservedForSecondFactor) row = await reserveForSecondFactor(trx, row, now);
          const isFirst = !existing.some((other) => other.type === type);
          if (input.primary || (isFirst && (verified || !options.verifiedPrimaryOnly))) await setPrimary(trx, user.id, type, row, now);
          await syncMFAState(trx, user.id, now);
          await refreshUserSearchDoc(trx, user.id);
          return toIdentification(row);
        }),
      );
    },

    async update(type: ContactType, id: string, input: UpdateContactInput): Promise<Identification> {
      return withUniqueErrors(type, () =>
        db.transaction().execute(async (trx) => {
          let row = await lockIdentification(trx, type, id);
          const now = clock.nowMs();
          const change: IdentificationUpdate = { updated_at: now };
          if (input.verified != null) {
            if (input.verified && !row.verified) await assertIdentifierAvailable(trx, type, row.identifier, row.user_id);
            change.verified = input.verified ? 1 : 0;
            // Verification settles a reservation.
            if (input.verified) change.reserved = 0;
            if (input.verified && !row.verified) change.verification_strategy = input.verificationStrategy ?? null;
            // Unverified identifications cannot be second factors.
            if (!input.verified) {
              change.reserved_for_second_factor = 0;
              change.default_second_factor = 0;
            }
          }
          const verified = change.verified ?? row.verified;
          if (input.primary && !verified) throw errors.verificationNeeded('primary');
          if (input.reservedForSecondFactor && !verified) throw errors.updateSecondFactorUnverified();
          if (input.reservedForSecondFactor === false) {
            change.reserved_for_second_factor = 0;
            change.default_second_factor = 0;
          }
          if (input.defaultSecondFactor === false && row.default_second_factor === 1) throw errors.disableDefaultSecondFactorNotAllowed();
          row = (await updateIdentification(trx, id, change))!;
          if (input.reservedForSecondFactor && !row.reserved_for_second_factor) row = await reserveForSecondFactor(trx, row, now);
          if (input.defaultSecondFactor && !row.default_second_factor) {
            if (!row.reserved_for_second_factor) throw errors.updateSecondFactorUnverified();
            row = (await updateIdentification(trx, id, { default_second_factor: 1, updated_at: now }))!;
            await clearDefaultSecondFactor(trx, row.user_id, row.id);
          }
          if (input.primary) await setPrimary(trx, row.user_id, type, row, now);
          else if (input.primaryIfNone && row.verified && (await requireUser(trx, row.user_id))[PRIMARY_COLUMNS[type].id] === null) {
            await setPrimary(trx, row.user_id, type, row, now);
          }
          await ensureDefaultSecondFactor(trx, row.user_id);
          await syncMFAState(trx, row.user_id, now);
          return toIdentification((await findIdentificationById(trx, id))!);
        }),
      );
    },

    /**
     * Deletes one identification; when it was the primary, the oldest remaining (verified first) takes over.
     * With `ownerId` (`DELETE /v1/users/{user_id}/web3_wallets/{id}`), another user's identification is not found.
     * With `verifiedPrimaryOnly` (`/v1/me`), only a verified one takes over; when none is left of a required type the
     * deletion is refused (an address nobody proved does not keep the user reachable), otherwise the primary is left empty.
     */
    async delete(type: IdentificationType, id: string, options: { ownerId?: string } & SelfServiceOptions = {}): Promise<{ id: string }> {
      return db.transaction().execute(async (trx) => {
        const row = await lockIdentification(trx, type, id);
        if (options.ownerId !== undefined && row.user_id !== options.ownerId) throw errors.resourceNotFound();
        const user = await requireUser(trx, row.user_id);
        const remaining = (await listIdentificationsForUsers(trx, [user.id])).filter((other) => other.id !== id);
        assertCanRemove(remaining, type, user, config.requiredIdentifiers);
        await deleteIdentification(trx, id);
        const now = clock.nowMs();
        const primaryId = user[PRIMARY_COLUMNS[type].id];
        if (primaryId === id) {
          const sameType = remaining.filter((other) => other.type === type);
          const verifiedSuccessor = sameType.find((other) => other.verified === 1) ?? null;
          if (options.verifiedPrimaryOnly) assertVerifiedSuccessor(verifiedSuccessor, type as IdentifierType, config.requiredIdentifiers);
          const successor = options.verifiedPrimaryOnly ? verifiedSuccessor : (verifiedSuccessor ?? sameType[0] ?? null);
          await setPrimary(trx, user.id, type, successor, now);
        }
        await ensureDefaultSecondFactor(trx, user.id);
        await syncMFAState(trx, user.id, now);
        await refreshUserSearchDoc(trx, user.id);
        return { id };
      });
    },

    /** `PUT /v1/users/{id}/email_address` (and phone): every identification of the type gives way to one new primary. */
    async replaceForUser(type: ContactType, userId: string, value: string, status: ReplacementStatus = 'verified'): Promise<Identification> {
      const identifier = parseIdentifier(type, value);
      return withUniqueErrors(type, () =>
        db.transaction().execute(async (trx) => {
          const user = await requireUserForUpdate(trx, userId);
          if (status !== 'unverified') await assertIdentifierAvailable(trx, type, identifier, user.id);
          await deleteIdentificationsOfType(trx, user.id, type);
          const remaining = await listIdentificationsForUsers(trx, [user.id]);
          const now = clock.nowMs();
          const row: IdentificationRow = {
            id: newId('idn', now),
            user_id: user.id,
            type,
            identifier,
            verified: status === 'verified' ? 1 : 0,
            verification_strategy: null,
            reserved: status === 'reserved' ? 1 : 0,
            reserved_for_second_factor: 0,
            default_second_factor: 0,
            position: nextPosition(remaining),
            created_at: now,
            updated_at: now,
          };
          await insertIdentifications(trx, [row]);
          await setPrimary(trx, user.id, type, row, now);
          await syncMFAState(trx, user.id, now);
          await refreshUserSearchDoc(trx, user.id);
          return toIdentification(row);
        }),
      );
    },
  };
}

export type IdentificationService = ReturnType<typeof createIdentificationService>;
