import type { ServiceDeps } from '../domain/service-deps.js';
import { errors } from '../lib/error-catalog.js';
import { newId } from '../lib/ids.js';
import type { Executor } from '../storage/database.js';
import { uniqueViolationTarget } from '../storage/constraint-violations.js';
import {
  deleteUnverifiedExternalAccounts,
  findExternalAccountBySubject,
  insertExternalAccount,
  storeSignInTokens,
} from '../storage/repositories/external-accounts-repository.js';
import type { ExternalAccountDetailsRow } from '../storage/repositories/user-details-repository.js';
import type { ExternalAccountRow, ExternalAccountUpdate } from '../storage/tables/oauth-tables.js';
import type { ProviderIdentity, ProviderTokens } from './provider-client.js';

/** An external account as the serializers see it (never its tokens). */
export interface ExternalAccountRecord {
  id: string;
  userId: string;
  identificationId: string;
  provider: string;
  providerUserId: string;
  emailAddress: string;
  emailAddressVerified: boolean | null;
  firstName: string;
  lastName: string;
  imageUrl: string | null;
  username: string | null;
  phoneNumber: string | null;
  publicMetadata: Record<string, unknown>;
  label: string | null;
  approvedScopes: string;
  verification: { status: string; strategy: string; externalVerificationRedirectUrl: string | null; error: string | null; expireAt: number | null };
  createdAt: number;
  updatedAt: number;
}

/** Reads the profile columns only: a full row or one read with a user's details (no tokens) both do. */
export function toExternalAccountRecord(row: ExternalAccountDetailsRow): ExternalAccountRecord {
  return {
    id: row.id,
    userId: row.user_id,
    identificationId: row.identification_id,
    provider: row.provider,
    providerUserId: row.provider_user_id ?? '',
    emailAddress: row.email_address,
    emailAddressVerified: row.email_address_verified === null ? null : row.email_address_verified === 1,
    firstName: row.first_name,
    lastName: row.last_name,
    imageUrl: row.image_url,
    username: row.username,
    phoneNumber: row.phone_number,
    publicMetadata: JSON.parse(row.public_metadata) as Record<string, unknown>,
    label: row.label,
    approvedScopes: row.approved_scopes,
    verification: {
      status: row.verification_status,
      strategy: row.provider,
      externalVerificationRedirectUrl: row.verification_status === 'unverified' ? row.verification_external_url : null,
      error: row.verification_error,
      expireAt: row.verification_expire_at,
    },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The columns a provider's answer sets: the profile as the provider gives it now, and its tokens, sealed. */
export function identityColumns(deps: Pick<ServiceDeps, 'secretBox'>, identity: ProviderIdentity): ExternalAccountUpdate {
  const { profile } = identity;
  return {
    provider_user_id: profile.providerUserId,
    email_address: profile.emailAddress ?? '',
    email_address_verified: profile.emailAddressVerified === null ? null : profile.emailAddressVerified ? 1 : 0,
    first_name: profile.firstName,
    last_name: profile.lastName,
    image_url: profile.imageUrl,
    username: profile.username,
    phone_number: profile.phoneNumber,
    ...tokenColumns(deps, identity.tokens),
  };
}

/** Tokens sealed under the instance key (AES-256-GCM); never stored or logged in the clear. */
export function tokenColumns(deps: Pick<ServiceDeps, 'secretBox'>, tokens: ProviderTokens): ExternalAccountUpdate {
  return {
    access_token_sealed: deps.secretBox.seal(tokens.accessToken),
    refresh_token_sealed: tokens.refreshToken === null ? null : deps.secretBox.seal(tokens.refreshToken),
    id_token_sealed: tokens.idToken === null ? null : deps.secretBox.seal(tokens.idToken),
    access_token_expires_at: tokens.expiresAtMs,
    approved_scopes: tokens.scopes.join(' '),
  };
}

/** An account of `provider` for the user with nothing from the provider yet (`unverified` until it has). */
export function newExternalAccountRow(input: { userId: string; provider: string; nowMs: number; id?: string }): ExternalAccountRow {
  return {
    id: input.id ?? newId('eac', input.nowMs),
    user_id: input.userId,
    identification_id: newId('idn', input.nowMs),
    provider: input.provider,
    provider_user_id: null,
    email_address: '',
    email_address_verified: null,
    first_name: '',
    last_name: '',
    image_url: null,
    username: null,
    phone_number: null,
    public_metadata: '{}',
    label: null,
    approved_scopes: '',
    access_token_sealed: null,
    refresh_token_sealed: null,
    id_token_sealed: null,
    access_token_expires_at: null,
    token_version: 0,
    refresh_lease_until: null,
    verification_status: 'unverified',
    verification_error: null,
    verification_expire_at: null,
    verification_external_url: null,
    created_at: input.nowMs,
    updated_at: input.nowMs,
  };
}

/**
 * Links a provider account to a user (inside the caller's transaction): a new verified external account. A
 * provider account already linked (to anyone) is Clerk's `external_account_exists`; a second account of the same
 * provider for one user is `oauth_account_already_connected`.
 */
export async function linkExternalAccount(
  deps: Pick<ServiceDeps, 'secretBox'>,
  db: Executor,
  input: { userId: string; provider: string; identity: ProviderIdentity; nowMs: number },
): Promise<ExternalAccountRow> {
  const row: ExternalAccountRow = {
    ...newExternalAccountRow({ userId: input.userId, provider: input.provider, nowMs: input.nowMs }),
    verification_status: 'verified',
    ...(identityColumns(deps, input.identity) as Partial<ExternalAccountRow>),
  };
  try {
    // A connection of this provider that never came back (or failed) makes way for the verified account.
    await deleteUnverifiedExternalAccounts(db, input.userId, input.provider);
    await insertExternalAccount(db, row);
  } catch (error) {
    const target = uniqueViolationTarget(error);
    if (target === 'external_account_subject') throw errors.externalAccountExists();
    if (target === 'external_account_provider') throw errors.oauthAccountAlreadyConnected();
    throw error;
  }
  return row;
}

/** A returning person: their account takes the provider's current profile and new tokens. */
export async function refreshLinkedAccount(
  deps: Pick<ServiceDeps, 'secretBox'>,
  db: Executor,
  account: ExternalAccountRow,
  identity: ProviderIdentity,
  nowMs: number,
): Promise<ExternalAccountRow> {
  const updated = await storeSignInTokens(db, account.id, { ...identityColumns(deps, identity), updated_at: nowMs });
  return updated ?? account;
}

export { findExternalAccountBySubject };
