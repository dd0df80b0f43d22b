import type { LockoutPolicy } from '../config/config.js';
import { parseStoredMetadata, type Metadata } from '../domain/metadata.js';
import type { Executor, IdentificationRow, IdentificationType, UserRow } from '../storage/database.js';
import { findDetailsOfUsers, type UserWithDetails } from '../storage/repositories/user-details-repository.js';
import { toExternalAccountRecord, type ExternalAccountRecord } from '../oauth/external-accounts.js';
import { toPasskeyRecord, type PasskeyRecord } from '../passkeys/passkey-record.js';
import { lockStatus, type LockStatus } from './lockout.js';

export type { IdentificationType };

/** A user as the domain shows it: real booleans, camelCase, times in Unix ms; no secrets, no bookkeeping. */
export interface User {
  id: string;
  externalId: string | null;
  username: string | null;
  firstName: string | null;
  lastName: string | null;
  locale: string | null;
  /** The uploaded profile image, if any. */
  imageId: string | null;
  primaryEmailAddressId: string | null;
  primaryPhoneNumberId: string | null;
  primaryWeb3WalletId: string | null;
  /** The user has a password (its digest never leaves storage). */
  passwordEnabled: boolean;
  passwordLastUpdatedAtMs: number | null;
  banned: boolean;
  deleteSelfEnabled: boolean;
  createOrganizationEnabled: boolean;
  createOrganizationsLimit: number | null;
  bypassClientTrust: boolean;
  mfaEnabledAtMs: number | null;
  mfaDisabledAtMs: number | null;
  legalAcceptedAtMs: number | null;
  lastSignInAtMs: number | null;
  lastActiveAtMs: number | null;
  createdAtMs: number;
  updatedAtMs: number;
}

/** An email address, phone number or web3 wallet of a user. */
export interface Identification {
  id: string;
  userId: string;
  type: IdentificationType;
  /** Normalised value: lower-cased email, E.164 phone, lower-cased hex wallet. */
  value: string;
  verified: boolean;
  /** How it was verified: null for an admin verification, else the strategy a person completed (`email_code`). */
  verificationStrategy: string | null;
  /** Held for the user without being verified (`identification_status: reserved`). */
  reserved: boolean;
  reservedForSecondFactor: boolean;
  defaultSecondFactor: boolean;
  createdAtMs: number;
  updatedAtMs: number;
}

/** A user with everything the User object shows, ready for the serializer. */
export interface UserRecord {
  user: User;
  identifications: Identification[];
  lock: LockStatus;
  /** TOTP confirmed and in use. */
  totpEnabled: boolean;
  /** At least one unused backup code. */
  backupCodeEnabled: boolean;
  publicMetadata: Metadata;
  privateMetadata: Metadata;
  unsafeMetadata: Metadata;
  /** Accounts at OAuth providers, oldest first (never their tokens). */
  externalAccounts: ExternalAccountRecord[];
  /** Registered (verified) passkeys, oldest first. */
  passkeys: PasskeyRecord[];
}

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    externalId: row.external_id,
    username: row.username,
    firstName: row.first_name,
    lastName: row.last_name,
    locale: row.locale,
    imageId: row.image_id,
    primaryEmailAddressId: row.primary_email_address_id,
    primaryPhoneNumberId: row.primary_phone_number_id,
    primaryWeb3WalletId: row.primary_web3_wallet_id,
    passwordEnabled: row.password_digest !== null,
    passwordLastUpdatedAtMs: row.password_last_updated_at,
    banned: row.banned === 1,
    deleteSelfEnabled: row.delete_self_enabled === 1,
    createOrganizationEnabled: row.create_organization_enabled === 1,
    createOrganizationsLimit: row.create_organizations_limit,
    bypassClientTrust: row.bypass_client_trust === 1,
    mfaEnabledAtMs: row.mfa_enabled_at,
    mfaDisabledAtMs: row.mfa_disabled_at,
    legalAcceptedAtMs: row.legal_accepted_at,
    lastSignInAtMs: row.last_sign_in_at,
    lastActiveAtMs: row.last_active_at,
    createdAtMs: row.created_at,
    updatedAtMs: row.updated_at,
  };
}

export function toIdentification(row: IdentificationRow): Identification {
  return {
    id: row.id,
    userId: row.user_id,
    type: row.type,
    value: row.identifier,
    verified: row.verified === 1,
    verificationStrategy: row.verification_strategy ?? null,
    reserved: row.reserved === 1,
    reservedForSecondFactor: row.reserved_for_second_factor === 1,
    defaultSecondFactor: row.default_second_factor === 1,
    createdAtMs: row.created_at,
    updatedAtMs: row.updated_at,
  };
}

/** Assembles the records of users whose rows are at hand, reading their details in one statement, keeping row order. */
export async function toUserRecords(db: Executor, rows: readonly UserRow[], policy: LockoutPolicy, nowMs: number): Promise<UserRecord[]> {
  const details = await findDetailsOfUsers(db, rows.map((row) => row.id));
  const withDetails = rows.map((user) => ({ user, identifications: [], hasBackupCodes: false, externalAccounts: [], passkeys: [], ...details.get(user.id) }));
  return userRecordsOf(withDetails, policy, nowMs);
}

/** Records of users read with their details (one statement), keeping row order. */
export function userRecordsOf(rows: readonly UserWithDetails[], policy: LockoutPolicy, nowMs: number): UserRecord[] {
  return rows.map(({ user, identifications, hasBackupCodes, externalAccounts, passkeys }) => ({
    user: toUser(user),
    identifications: identifications.map(toIdentification),
    lock: lockStatus({ lockedAtMs: user.locked_at, failedAttempts: user.failed_verification_attempts }, policy, nowMs),
    totpEnabled: user.totp_secret !== null && user.totp_verified === 1,
    backupCodeEnabled: hasBackupCodes,
    publicMetadata: parseStoredMetadata(user.public_metadata),
    privateMetadata: parseStoredMetadata(user.private_metadata),
    unsafeMetadata: parseStoredMetadata(user.unsafe_metadata),
    externalAccounts: externalAccounts.map(toExternalAccountRecord),
    passkeys: passkeys.map(toPasskeyRecord),
  }));
}
