import { randomInt } from 'node:crypto';
import type { ServiceDeps } from '../domain/service-deps.js';
import { ClerkError, errors } from '../lib/error-catalog.js';
import { newId } from '../lib/ids.js';
import { createKeyedHash } from '../lib/keyed-hash.js';
import { backupCodeImportProblem, createBackupCodes } from '../mfa/backup-codes.js';
import { generateTOTPSecret, parseTOTPSecret, totpURI, verifyTOTP } from '../mfa/totp.js';
import { createVerificationPool } from '../passwords/verification-pool.js';
import type { BackupCodeRow, Executor, UserRow, UserUpdate } from '../storage/database.js';
import {
  claimTOTPStep,
  consumeBackupCode,
  deleteBackupCodes,
  listUnconsumedBackupCodes,
  replaceBackupCodes,
  usersWithBackupCodes,
} from '../storage/repositories/credentials-repository.js';
import { clearSecondFactors, listIdentificationsForUsers } from '../storage/repositories/identifications-repository.js';
import { findUserById, updateUser } from '../storage/repositories/users-repository.js';
import { requireUser, requireUserForUpdate } from './deps.js';
import { createVerificationGuard } from './verification-guard.js';

export type CodeType = 'totp' | 'backup_code';

export interface CreatedTOTP {
  id: string;
  secret: string;
  uri: string;
  verified: boolean;
}

/** A TOTP confirmed from the profile, with the backup codes issued with it (shown once), if any. */
export interface ConfirmedTOTP {
  id: string;
  backupCodes: string[] | null;
}

/** How many backup codes a new set has, and their alphabet (Clerk's look: eight lower-case letters and digits). */
const BACKUP_CODE_COUNT = 10;
const BACKUP_CODE_LENGTH = 8;
const BACKUP_CODE_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** A new set of random backup codes (about 41 bits each). */
export function generateBackupCodes(): string[] {
  return Array.from({ length: BACKUP_CODE_COUNT }, () =>
    Array.from({ length: BACKUP_CODE_LENGTH }, () => BACKUP_CODE_ALPHABET[randomInt(BACKUP_CODE_ALPHABET.length)]).join(''),
  );
}

/** Whether the user has any second factor: a confirmed TOTP, an unused backup code, or a 2FA phone. */
export async function hasSecondFactor(db: Executor, user: UserRow): Promise<boolean> {
  if (user.totp_secret !== null && user.totp_verified === 1) return true;
  if ((await usersWithBackupCodes(db, [user.id])).has(user.id)) return true;
  const phones = await listIdentificationsForUsers(db, [user.id]);
  return phones.some((row) => row.type === 'phone_number' && row.verified === 1 && row.reserved_for_second_factor === 1);
}

/**
 * Brings `mfa_enabled_at` / `mfa_disabled_at` in step with the user's second factors after any change to
 * them: stamped when MFA goes from off to on, or from on to off (neither is cleared later, as Clerk
 * documents). Call it last in the transaction that changed TOTP, backup codes or second-factor phones.
 */
export async function syncMFAState(db: Executor, userId: string, nowMs: number): Promise<void> {
  const user = await findUserById(db, userId);
  if (!user) return;
  const active = await hasSecondFactor(db, user);
  if (active === (user.mfa_active === 1)) return;
  await updateUser(db, userId, active ? { mfa_active: 1, mfa_enabled_at: nowMs } : { mfa_active: 0, mfa_disabled_at: nowMs });
}

/** TOTP and backup codes: import, creation, verification (with lockout and replay protection), removal. */
export function createMFAService(deps: ServiceDeps) {
  const { database, clock, config, secretBox } = deps;
  const { db } = database;
  const guard = createVerificationGuard(deps);
  if (!config.instanceKey) throw new Error('config.instanceKey is required: backup codes are stored as its keyed hash');
  const codeStore = createBackupCodes(createKeyedHash(config.instanceKey, 'backup-codes'));
  const importedChecks = deps.hashers.importedDigestChecks ?? createVerificationPool();
  /** bcrypt codes are checked in the bounded pool; a full queue answers 429 before any attempt is taken. */
  const checkIn = <T>(slow: boolean, check: () => Promise<T>): Promise<T> => (slow ? importedChecks.run(check) : check());

  async function backupCodeRows(userId: string, codes: readonly string[], nowMs: number): Promise<BackupCodeRow[]> {
    const problem = backupCodeImportProblem(codes);
    if (problem) throw errors.paramValueInvalid('backup_codes', problem);
    return codes.map((code) => ({ id: newId('bkc', nowMs), user_id: userId, digest: codeStore.toStored(code), consumed_at: null, created_at: nowMs }));
  }

  /**
   * Replaces the user's backup codes with a new set (in `trx`); the plain codes, shown once. The user's row is
   * held first (PostgreSQL; SQLite runs one writer at a time), so concurrent replacements leave exactly one set:
   * callers that decide on the codes they read take the lock before reading.
   */
  async function issueBackupCodes(trx: Executor, userId: string, nowMs: number): Promise<string[]> {
    await requireUserForUpdate(trx, userId);
    const codes = generateBackupCodes();
    await replaceBackupCodes(trx, userId, await backupCodeRows(userId, codes, nowMs));
    return codes;
  }

  /** The label an authenticator shows: the user's primary identifier. */
  async function labelFor(user: UserRow): Promise<string> {
    return user.primary_email_address ?? user.primary_phone_number ?? user.username ?? user.primary_web3_wallet ?? user.id;
  }

  const service = {
    /** Validates and seals an imported `totp_secret`: the TOTP is in use at once, as Clerk documents. */
    sealImportedSecret(input: string): UserUpdate {
      const secret = parseTOTPSecret(input);
      if (!secret) throw errors.invalidTotpSecret();
      return { totp_id: newId('totp'), totp_secret: secretBox.seal(secret), totp_verified: 1, totp_last_step: null };
    },

    /** Checks imported `backup_codes` (plain, or bcrypt within the cost limits) and gives their rows; stored by `storeBackupCodes`. */
    prepareBackupCodes: (userId: string, codes: readonly string[], nowMs: number) => backupCodeRows(userId, codes, nowMs),

    async storeBackupCodes(trx: Executor, userId: string, rows: readonly BackupCodeRow[]): Promise<void> {
      await replaceBackupCodes(trx, userId, rows);
    },

    /**
     * `POST /v1/users/{id}/totp`: a new secret and its otpauth URI. It counts as enabled only after the
     * first correct code through verify_totp; until then a new call replaces it.
     */
    async create(userId: string): Promise<CreatedTOTP> {
      return db.transaction().execute(async (trx) => {
        const user = await requireUser(trx, userId);
        if (user.totp_secret !== null && user.totp_verified === 1) throw errors.totpAlreadyEnabled();
        const secret = generateTOTPSecret();
        const id = newId('totp', clock.nowMs());
        await updateUser(trx, userId, { totp_id: id, totp_secret: secretBox.seal(secret), totp_verified: 0, totp_last_step: null, updated_at: clock.nowMs() });
        return { id, secret, uri: totpURI(secret, config.totpIssuer, await labelFor(user)), verified: false };
      });
    },

    /**
     * `POST /v1/users/{id}/verify_totp`: the current TOTP code (one step either side; each step once), or
     * an unused backup code (consumed; exactly one of any concurrent presenters wins).
     *
     * A TOTP created but not yet confirmed is no second factor: its codes count only with `confirming` (the
     * Backend API's verify_totp and the profile's attempt_verification, whose first right code enables it).
     * Elsewhere (the sign-in's second step) it is as if the user had no TOTP.
     */
    async verify(userId: string, code: string, options: { only?: CodeType; confirming?: boolean } = {}): Promise<CodeType> {
      const user = await requireUser(db, userId);
      if (user.banned) throw errors.userBanned();
      const trimmed = code.trim();
      const backupCodes = await listUnconsumedBackupCodes(db, userId);
      const confirming = options.confirming === true;
      const totpSecret = user.totp_secret !== null && (confirming || user.totp_verified === 1) ? user.totp_secret : null;
      if (totpSecret === null && backupCodes.length === 0) throw errors.totpDisabled();
      // Without backup codes only a six-character TOTP code can be right: not an attempt at all.
      if (backupCodes.length === 0 && trimmed.length !== 6) throw errors.totpInvalidLength();
      const storedCodes = backupCodes.map((row) => row.digest);
      const pooled = codeStore.hasBcrypt(storedCodes);
      // A check that waited in the pool sees bans and locks that happened meanwhile. (Codes or a TOTP
      // replaced meanwhile cannot be used: consuming and claiming are conditional on the stored values.)
      return checkIn(pooled, async () => guard.withAttempt(db, pooled ? await requireUser(db, userId) : user, async (attempt) => {
        const now = clock.nowMs();
        // A right code that another request used first (a double submit, a retry) is refused but is no
        // guess: it does not count toward the lockout (its attempt is given back).
        let usedMeanwhile = false;
        if (options.only !== 'backup_code' && totpSecret !== null && /^\d{6}$/.test(trimmed)) {
          const step = verifyTOTP(secretBox.open(totpSecret), trimmed, now);
          if (step !== null) {
            if (await claimTOTPStep(db, userId, totpSecret, step, now, { confirming })) {
              await syncMFAState(db, userId, now);
              await attempt.succeeded();
              return 'totp';
            }
            usedMeanwhile = true;
          }
        }
        if (options.only !== 'totp' && backupCodes.length > 0) {
          const index = await codeStore.find(storedCodes, trimmed);
          if (index >= 0) {
            if (await consumeBackupCode(db, backupCodes[index]!.id, now)) {
              await syncMFAState(db, userId, now);
              await attempt.succeeded();
              return 'backup_code';
            }
            usedMeanwhile = true;
          }
        }
        if (!usedMeanwhile) await attempt.failed();
        throw errors.totpIncorrectCode();
      }));
    },

    /**
     * `POST /v1/me/totp/attempt_verification`: the first right code of a TOTP created by `create` enables it (each
     * step once; a wrong code counts toward the lockout). When the user had no backup codes, a new set is issued with
     * it, as Clerk does when the first second factor is added.
     */
    async confirmTOTP(userId: string, code: string): Promise<ConfirmedTOTP> {
      const user = await requireUser(db, userId);
      if (user.totp_secret === null || user.totp_id === null) throw errors.resourceNotFound();
      if (user.totp_verified === 1) throw errors.totpAlreadyEnabled();
      try {
        await service.verify(userId, code, { only: 'totp', confirming: true });
      } catch (error) {
        // The Frontend API's wording for a wrong (or mistyped) code.
        if (error instanceof ClerkError && error.status === 422) throw errors.codeIncorrect();
        throw error;
      }
      const backupCodes = await db.transaction().execute(async (trx) => {
        await requireUserForUpdate(trx, userId);
        const now = clock.nowMs();
        const issued = (await usersWithBackupCodes(trx, [userId])).has(userId) ? null : await issueBackupCodes(trx, userId, now);
        await syncMFAState(trx, userId, now);
        return issued;
      });
      return { id: user.totp_id, backupCodes };
    },

    /** `POST /v1/me/backup_codes`: a new set replacing the old one; only alongside another second factor. */
    async regenerateBackupCodes(userId: string): Promise<string[]> {
      return db.transaction().execute(async (trx) => {
        const user = await requireUserForUpdate(trx, userId);
        const phones = await listIdentificationsForUsers(trx, [userId]);
        const totp = user.totp_secret !== null && user.totp_verified === 1;
        const phone = phones.some((row) => row.type === 'phone_number' && row.verified === 1 && row.reserved_for_second_factor === 1);
        if (!totp && !phone) throw errors.backupCodesNotAvailable();
        const now = clock.nowMs();
        const codes = await issueBackupCodes(trx, userId, now);
        await updateUser(trx, userId, { updated_at: now });
        await syncMFAState(trx, userId, now);
        return codes;
      });
    },

    /** Backup codes for a user who just got a first second factor and has none (null when they have some). */
    async issueBackupCodesIfNone(userId: string): Promise<string[] | null> {
      return db.transaction().execute(async (trx) => {
        // Held before looking, so of concurrent first second factors exactly one issues a set.
        await requireUserForUpdate(trx, userId);
        if ((await usersWithBackupCodes(trx, [userId])).has(userId)) return null;
        const now = clock.nowMs();
        const codes = await issueBackupCodes(trx, userId, now);
        await syncMFAState(trx, userId, now);
        return codes;
      });
    },

    /**
     * Backup codes back up another second factor: once the user has neither a verified TOTP nor a second-factor
     * phone (the profile removed the last one), they go too, so a lone backup code is never the only second step.
     */
    async dropOrphanBackupCodes(userId: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const user = await requireUser(trx, userId);
        if (user.totp_secret !== null && user.totp_verified === 1) return;
        const phones = await listIdentificationsForUsers(trx, [userId]);
        if (phones.some((row) => row.type === 'phone_number' && row.verified === 1 && row.reserved_for_second_factor === 1)) return;
        if (!(await usersWithBackupCodes(trx, [userId])).has(userId)) return;
        const now = clock.nowMs();
        await deleteBackupCodes(trx, userId);
        await updateUser(trx, userId, { updated_at: now });
        await syncMFAState(trx, userId, now);
      });
    },

    /** `DELETE /v1/users/{id}/totp`. */
    async deleteTOTP(userId: string): Promise<{ id: string | null }> {
      return db.transaction().execute(async (trx) => {
        const { totp_id: id } = await requireUser(trx, userId);
        const now = clock.nowMs();
        await updateUser(trx, userId, { totp_id: null, totp_secret: null, totp_verified: 0, totp_last_step: null, updated_at: now });
        await syncMFAState(trx, userId, now);
        return { id };
      });
    },

    /** `DELETE /v1/users/{id}/backup_code`. */
    async deleteBackupCodes(userId: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await requireUser(trx, userId);
        const now = clock.nowMs();
        await deleteBackupCodes(trx, userId);
        await updateUser(trx, userId, { updated_at: now });
        await syncMFAState(trx, userId, now);
      });
    },

    /** `DELETE /v1/users/{id}/mfa`: TOTP and backup codes go; second-factor phones stay phones. */
    async disableAll(userId: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await requireUser(trx, userId);
        const now = clock.nowMs();
        await deleteBackupCodes(trx, userId);
        await updateUser(trx, userId, { totp_id: null, totp_secret: null, totp_verified: 0, totp_last_step: null, updated_at: now });
        await clearSecondFactors(trx, userId);
        await syncMFAState(trx, userId, now);
      });
    },
  };
  return service;
}

export type MFAService = ReturnType<typeof createMFAService>;
