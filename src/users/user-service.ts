import type { Transaction } from 'kysely';
import { assertMetadataSize, type Metadata } from '../domain/metadata.js';
import { parseTimestamp } from '../domain/parse-timestamp.js';
import type { ServiceDeps } from '../domain/service-deps.js';
import { errors } from '../lib/error-catalog.js';
import { newId } from '../lib/ids.js';
import type { Database, IdentificationType, NewIdentificationRow, UserUpdate } from '../storage/database.js';
import { replaceBackupCodes } from '../storage/repositories/credentials-repository.js';
import { insertIdentifications, listIdentificationsForUsers } from '../storage/repositories/identifications-repository.js';
import { refreshUserSearchDoc } from '../storage/repositories/user-search-repository.js';
import { findUserWithDetails } from '../storage/repositories/user-details-repository.js';
import { deleteUser, insertUser, updateUser } from '../storage/repositories/users-repository.js';
import { loadRecord, requireUser, requireUserForUpdate, withUniqueErrors } from './deps.js';
import { assertCanRemove, assertIdentifierAvailable, PRIMARY_COLUMNS } from './identification-rules.js';
import { isValidLocale, normalizeUsername, parseIdentifier, parseUsernameInput } from './identifiers.js';
import { syncMFAState, type MFAService } from './mfa-service.js';
import type { PasswordService } from './password-service.js';
import { endAllSessions, revokeAllSessions } from './session-revocation.js';
import { userRecordsOf, type UserRecord } from './user-record.js';

export type IdentificationStatus = 'verified' | 'reserved';

export interface CreateUserInput {
  externalId?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  locale?: string | null;
  emailAddresses?: string[];
  emailAddressStatuses?: IdentificationStatus[];
  /** How the (verified) email addresses were verified: `email_code` at a Frontend API sign-up; admin otherwise. */
  emailAddressVerificationStrategy?: 'email_code' | 'ticket' | `from_oauth_${string}`;
  phoneNumbers?: string[];
  phoneNumberStatuses?: IdentificationStatus[];
  web3Wallets?: string[];
  username?: string | null;
  password?: string | null;
  passwordDigest?: string | null;
  passwordHasher?: string | null;
  skipPasswordChecks?: boolean | null;
  skipPasswordRequirement?: boolean | null;
  totpSecret?: string | null;
  backupCodes?: string[];
  publicMetadata?: Metadata;
  privateMetadata?: Metadata;
  unsafeMetadata?: Metadata;
  deleteSelfEnabled?: boolean | null;
  legalAcceptedAt?: string | null;
  skipLegalChecks?: boolean | null;
  skipUserRequirement?: boolean | null;
  createOrganizationEnabled?: boolean | null;
  createOrganizationsLimit?: number | null;
  createdAt?: string | null;
  bypassClientTrust?: boolean | null;
  banned?: boolean | null;
  locked?: boolean | null;
}

export interface UpdateUserInput {
  externalId?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  locale?: string | null;
  primaryEmailAddressId?: string | null;
  primaryPhoneNumberId?: string | null;
  primaryWeb3WalletId?: string | null;
  username?: string | null;
  password?: string | null;
  passwordDigest?: string | null;
  passwordHasher?: string | null;
  skipPasswordChecks?: boolean | null;
  signOutOfOtherSessions?: boolean | null;
  totpSecret?: string | null;
  backupCodes?: string[];
  publicMetadata?: Metadata;
  privateMetadata?: Metadata;
  unsafeMetadata?: Metadata;
  deleteSelfEnabled?: boolean | null;
  createOrganizationEnabled?: boolean | null;
  legalAcceptedAt?: string | null;
  createOrganizationsLimit?: number | null;
  createdAt?: string | null;
  bypassClientTrust?: boolean | null;
}

const bool = (value: boolean | null | undefined, fallback: boolean) => ((value ?? fallback) ? 1 : 0);

interface ParsedIdentification {
  type: IdentificationType;
  identifier: string;
  reserved: boolean;
}

function parseIdentifications(
  type: IdentificationType,
  values: readonly string[] | undefined,
  statuses: readonly IdentificationStatus[] | undefined,
  statusParam: string,
): ParsedIdentification[] {
  const list = values ?? [];
  if (statuses && statuses.length > 0 && statuses.length !== list.length) {
    throw errors.paramArrayLengthMismatch(statusParam, type);
  }
  const seen = new Set<string>();
  return list.map((value, index) => {
    const identifier = parseIdentifier(type, value);
    if (seen.has(identifier)) throw errors.identifierExists(type);
    seen.add(identifier);
    return { type, identifier, reserved: statuses?.[index] === 'reserved' };
  });
}

function parseLocale(locale: string | null | undefined): string | null | undefined {
  if (locale && !isValidLocale(locale)) throw errors.localeInvalid('locale');
  return locale;
}

/** The services a user's create and update hand their password and second factors to. */
export interface UserServiceCollaborators {
  passwords: PasswordService;
  mfa: MFAService;
}

export function createUserService(deps: ServiceDeps, { passwords, mfa }: UserServiceCollaborators) {
  const { database, clock, config } = deps;
  const { db } = database;

  return {
    async get(userId: string): Promise<UserRecord> {
      const found = await findUserWithDetails(db, userId);
      if (!found) throw errors.userNotFound(userId);
      return userRecordsOf([found], config.lockout, clock.nowMs())[0]!;
    },

    /**
     * `POST /v1/users`: validates everything first, hashes off the event loop, writes in one transaction — the
     * caller's `within`, when the user is one part of a larger write (a sign-up's user, membership and session).
     */
    async create(input: CreateUserInput, options: { within?: Transaction<Database> } = {}): Promise<UserRecord> {
      const identifications = [
        ...parseIdentifications('email_address', input.emailAddresses, input.emailAddressStatuses, 'email_address_identification_status'),
        ...parseIdentifications('phone_number', input.phoneNumbers, input.phoneNumberStatuses, 'phone_number_identification_status'),
        ...parseIdentifications('web3_wallet', input.web3Wallets, undefined, 'web3_wallet'),
      ];
      const username = parseUsernameInput(input.username);
      const usernameNormalized = username ? normalizeUsername(username) : null;
      const locale = parseLocale(input.locale);
      if (!input.skipUserRequirement) {
        for (const required of config.requiredIdentifiers) {
          const present = required === 'username' ? username !== null : identifications.some((i) => i.type === required);
          if (!present) throw errors.userDataMissing(required);
        }
      }
      // Even skip_user_requirement needs one way to identify the user (Clerk's spec says so).
      if (identifications.length === 0 && username === null) throw errors.userIdentifierMissing();
      for (const [name, value] of [
        ['public_metadata', input.publicMetadata],
        ['private_metadata', input.privateMetadata],
        ['unsafe_metadata', input.unsafeMetadata],
      ] as const) {
        if (value) assertMetadataSize(value, name);
      }
      const now = clock.nowMs();
      const createdAt = input.createdAt ? parseTimestamp(input.createdAt, 'created_at') : now;
      const legalAcceptedAt = input.legalAcceptedAt ? parseTimestamp(input.legalAcceptedAt, 'legal_accepted_at') : null;
      const password = await passwords.prepare(input);
      const totp = input.totpSecret ? mfa.sealImportedSecret(input.totpSecret) : null;

      const userId = newId('user', createdAt);
      const backupCodes = input.backupCodes?.length ? await mfa.prepareBackupCodes(userId, input.backupCodes, now) : [];
      const rows: NewIdentificationRow[] = identifications.map((item, index) => ({
        id: newId('idn', now),
        user_id: userId,
        type: item.type,
        identifier: item.identifier,
        verified: item.reserved ? 0 : 1,
        verification_strategy: !item.reserved && item.type === 'email_address' ? (input.emailAddressVerificationStrategy ?? null) : null,
        reserved: item.reserved ? 1 : 0,
        reserved_for_second_factor: 0,
        default_second_factor: 0,
        position: index,
        created_at: now,
        updated_at: now,
      }));
      const firstOf = (type: IdentificationType) => rows.find((row) => row.type === type);

      const inTransaction = <T>(write: (trx: Transaction<Database>) => Promise<T>) => (options.within ? write(options.within) : db.transaction().execute(write));
      return withUniqueErrors(identifications[0]?.type ?? 'email_address', () =>
        inTransaction(async (trx) => {
          for (const item of identifications) await assertIdentifierAvailable(trx, item.type, item.identifier, null);
          await insertUser(trx, {
            id: userId,
            external_id: input.externalId || null,
            username,
            username_normalized: usernameNormalized,
            first_name: input.firstName ?? null,
            last_name: input.lastName ?? null,
            locale: locale ?? null,
            password_digest: password?.digest ?? null,
            password_hasher: password?.hasher ?? null,
            password_last_updated_at: password ? now : null,
            password_compromised_at: null,
            totp_id: totp?.totp_id ?? null,
            totp_secret: totp?.totp_secret ?? null,
            totp_verified: totp ? 1 : 0,
            totp_last_step: null,
            public_metadata: JSON.stringify(input.publicMetadata ?? {}),
            private_metadata: JSON.stringify(input.privateMetadata ?? {}),
            unsafe_metadata: JSON.stringify(input.unsafeMetadata ?? {}),
            primary_email_address_id: firstOf('email_address')?.id ?? null,
            primary_email_address: firstOf('email_address')?.identifier ?? null,
            primary_phone_number_id: firstOf('phone_number')?.id ?? null,
            primary_phone_number: firstOf('phone_number')?.identifier ?? null,
            primary_web3_wallet_id: firstOf('web3_wallet')?.id ?? null,
            primary_web3_wallet: firstOf('web3_wallet')?.identifier ?? null,
            banned: bool(input.banned, false),
            locked_at: input.locked ? now : null,
            failed_verification_attempts: 0,
            delete_self_enabled: bool(input.deleteSelfEnabled, true),
            create_organization_enabled: bool(input.createOrganizationEnabled, true),
            create_organizations_limit: input.createOrganizationsLimit ?? null,
            bypass_client_trust: bool(input.bypassClientTrust, false),
            mfa_enabled_at: totp || backupCodes.length > 0 ? now : null,
            mfa_active: totp || backupCodes.length > 0 ? 1 : 0,
            mfa_disabled_at: null,
            legal_accepted_at: legalAcceptedAt,
            last_sign_in_at: null,
            last_active_at: null,
            sessions_revoked_at: null,
            created_at: createdAt,
            updated_at: now,
          });
          await insertIdentifications(trx, rows);
          await replaceBackupCodes(trx, userId, backupCodes);
          await refreshUserSearchDoc(trx, userId);
          return loadRecord(deps, trx, await requireUser(trx, userId));
        }),
      );
    },

    /** `PATCH /v1/users/{id}`: only the supplied fields change; `null` clears a nullable field. */
    async update(userId: string, input: UpdateUserInput): Promise<UserRecord> {
      const now = clock.nowMs();
      const update: UserUpdate = { updated_at: now };
      if (input.externalId !== undefined) update.external_id = input.externalId || null;
      if (input.firstName !== undefined) update.first_name = input.firstName;
      if (input.lastName !== undefined) update.last_name = input.lastName;
      if (input.locale !== undefined) update.locale = parseLocale(input.locale) ?? null;
      if (input.username !== undefined) {
        const username = parseUsernameInput(input.username);
        update.username = username;
        update.username_normalized = username ? normalizeUsername(username) : null;
      }
      if (input.deleteSelfEnabled != null) update.delete_self_enabled = bool(input.deleteSelfEnabled, true);
      if (input.createOrganizationEnabled != null) update.create_organization_enabled = bool(input.createOrganizationEnabled, true);
      if (input.createOrganizationsLimit !== undefined) update.create_organizations_limit = input.createOrganizationsLimit;
      if (input.bypassClientTrust != null) update.bypass_client_trust = bool(input.bypassClientTrust, false);
      if (input.createdAt) update.created_at = parseTimestamp(input.createdAt, 'created_at');
      if (input.legalAcceptedAt !== undefined) {
        update.legal_accepted_at = input.legalAcceptedAt ? parseTimestamp(input.legalAcceptedAt, 'legal_accepted_at') : null;
      }
      for (const [name, key, value] of [
        ['public_metadata', 'public_metadata', input.publicMetadata],
        ['private_metadata', 'private_metadata', input.privateMetadata],
        ['unsafe_metadata', 'unsafe_metadata', input.unsafeMetadata],
      ] as const) {
        if (value === undefined) continue;
        assertMetadataSize(value, name);
        update[key] = JSON.stringify(value);
      }
      const password = await passwords.prepare(input);
      if (password) {
        update.password_digest = password.digest;
        update.password_hasher = password.hasher;
        update.password_last_updated_at = now;
        update.password_compromised_at = null;
        if (input.signOutOfOtherSessions) update.sessions_revoked_at = now;
      }
      // The Backend API acts for no session, so "other sessions" are all of them.
      const signOutEverywhere = Boolean(password && input.signOutOfOtherSessions);
      if (input.totpSecret) Object.assign(update, mfa.sealImportedSecret(input.totpSecret));
      const backupCodes = input.backupCodes ? await mfa.prepareBackupCodes(userId, input.backupCodes, now) : undefined;
      const primaries: [IdentificationType, string | null | undefined, string][] = [
        ['email_address', input.primaryEmailAddressId, 'primary_email_address_id'],
        ['phone_number', input.primaryPhoneNumberId, 'primary_phone_number_id'],
        ['web3_wallet', input.primaryWeb3WalletId, 'primary_web3_wallet_id'],
      ];

      return withUniqueErrors('email_address', () =>
        db.transaction().execute(async (trx) => {
          const user = await requireUserForUpdate(trx, userId);
          const identifications = await listIdentificationsForUsers(trx, [userId]);
          for (const [type, id, param] of primaries) {
            if (!id) continue;
            const target = identifications.find((row) => row.id === id && row.type === type);
            if (!target) throw errors.formResourceNotFound(param);
            if (!target.verified) throw errors.verificationNeeded(param);
            update[PRIMARY_COLUMNS[type].id] = target.id;
            update[PRIMARY_COLUMNS[type].value] = target.identifier;
          }
          if (update.username === null && user.username !== null) {
            assertCanRemove(identifications, 'username', { ...user, username: null }, config.requiredIdentifiers);
          }
          if (backupCodes) await replaceBackupCodes(trx, userId, backupCodes);
          await updateUser(trx, userId, update);
          if (signOutEverywhere) await revokeAllSessions(trx, [userId], now);
          await syncMFAState(trx, userId, now);
          await refreshUserSearchDoc(trx, userId);
          // Re-read: the MFA timestamps may have moved with the change.
          return loadRecord(deps, trx, await requireUser(trx, userId));
        }),
      );
    },

    /** `DELETE /v1/users/{id}`: the user and everything they own (identifications, search document); their sessions end. */
    async delete(userId: string): Promise<{ id: string }> {
      return db.transaction().execute(async (trx) => {
        const deleted = await deleteUser(trx, userId);
        if (!deleted) throw errors.userNotFound(userId);
        await endAllSessions(trx, userId, clock.nowMs());
        return { id: userId };
      });
    },
  };
}

export type UserService = ReturnType<typeof createUserService>;
