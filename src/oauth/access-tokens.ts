import { randomInt } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ServiceDeps } from '../domain/service-deps.js';
import { errors } from '../lib/error-catalog.js';
import {
  claimRefreshLease,
  findExternalAccount,
  findExternalAccountOfUser,
  releaseRefreshLease,
  storeRefreshedTokens,
} from '../storage/repositories/external-accounts-repository.js';
import { findUserById } from '../storage/repositories/users-repository.js';
import type { ExternalAccountRow } from '../storage/tables/oauth-tables.js';
import { tokenColumns } from './external-accounts.js';
import { ProviderError, type OAuthProviders } from './provider-client.js';
import { toStrategy } from './strategy.js';

/** A token this close to its expiry (or past it) is refreshed before it is handed out (at most half its life). */
export const REFRESH_MARGIN_MS = 60_000;
/**
 * How long one refresh may hold an account's lease before another caller may take over: longer than the worst a
 * refresh may take (the provider's discovery on a node that has not made it yet, 10 s, then the refresh, 10 s),
 * so a slow refresh is not repeated with a refresh token the provider may have rotated.
 */
export const REFRESH_LEASE_MS = 30_000;
/** How often a caller waiting for another's refresh looks at the account again. */
const POLL_INTERVAL_MS = 50;

/** An account's current access token, as `GET /v1/users/{id}/oauth_access_tokens/{provider}` answers it. */
export interface OAuthAccessToken {
  externalAccountId: string;
  providerUserId: string;
  /** The strategy, `oauth_google`. */
  provider: string;
  token: string;
  /** Unix ms; null when the provider did not say. */
  expiresAtMs: number | null;
  scopes: string[];
  idToken: string | null;
  publicMetadata: Record<string, unknown>;
  label: string | null;
}

export interface OAuthAccessTokens {
  /**
   * The user's access tokens for `provider` (`oauth_google` or `google`): none when they have no verified account
   * there, else the account's token, refreshed first when it expires within a minute. Of concurrent callers, on
   * any number of nodes sharing the database, one refreshes at the provider and the others wait for its tokens.
   */
  forUser(userId: string, provider: string): Promise<OAuthAccessToken[]>;
}

/** Builds the access-token service over the instance's providers (`services.oauthProviders`). */
export function createOAuthAccessTokens(deps: ServiceDeps, options: { providers: OAuthProviders }): OAuthAccessTokens {
  const { db } = deps.database;
  const { secretBox, clock } = deps;

  const toToken = (account: ExternalAccountRow): OAuthAccessToken => ({
    externalAccountId: account.id,
    providerUserId: account.provider_user_id ?? '',
    provider: account.provider,
    token: secretBox.open(account.access_token_sealed!),
    expiresAtMs: account.access_token_expires_at === null ? null : Number(account.access_token_expires_at),
    scopes: account.approved_scopes.split(' ').filter(Boolean),
    idToken: account.id_token_sealed === null ? null : secretBox.open(account.id_token_sealed),
    publicMetadata: JSON.parse(account.public_metadata) as Record<string, unknown>,
    label: account.label,
  });

  /**
   * Whether to refresh before handing the token out: within a minute of its expiry, or within half its life for
   * tokens that live less than two minutes (so a token just received is not refreshed again at once).
   */
  const expiresSoon = (account: ExternalAccountRow, nowMs: number) => {
    if (account.access_token_expires_at === null) return false;
    const expiresAt = Number(account.access_token_expires_at);
    const margin = Math.min(REFRESH_MARGIN_MS, Math.max(0, (expiresAt - Number(account.updated_at)) / 2));
    return expiresAt - nowMs <= margin;
  };

  /** Refreshes under the lease this caller holds (`leaseUntilMs`); the lease is freed whatever happens. */
  async function refreshHolding(account: ExternalAccountRow, leaseUntilMs: number): Promise<ExternalAccountRow> {
    const client = options.providers.get(account.provider);
    let stored: ExternalAccountRow | undefined;
    try {
      if (!client) throw errors.oauthTokenProviderNotEnabled();
      const refreshToken = secretBox.open(account.refresh_token_sealed!);
      const tokens = await client.refresh(refreshToken);
      // A provider that does not rotate refresh tokens sends none: the one it accepted stays valid. One that leaves
      // out `scope` (RFC 6749 §5.1) granted the same scopes as before.
      const refreshed = {
        ...tokens,
        refreshToken: tokens.refreshToken ?? refreshToken,
        scopes: tokens.scopesGranted ? tokens.scopes : account.approved_scopes.split(' ').filter(Boolean),
      };
      stored = await storeRefreshedTokens(db, account.id, leaseUntilMs, { ...tokenColumns(deps, refreshed), updated_at: clock.nowMs() });
    } catch (error) {
      await releaseRefreshLease(db, account.id, leaseUntilMs);
      // The provider's message may say why; it never holds the token, but it stays out of the answer.
      if (error instanceof ProviderError) throw errors.oauthTokenRetrievalError();
      throw error;
    }
    if (stored) return stored;
    // The lease lapsed mid-refresh and another caller took over (its tokens are as new as ours), or the account (or
    // its user) was deleted meanwhile: never the expired token this call started with.
    const now = await findExternalAccount(db, account.id);
    if (!now) throw (await findUserById(db, account.user_id)) ? errors.externalAccountNotFound() : errors.userNotFound(account.user_id);
    if (now.token_version === account.token_version) throw errors.oauthTokenRetrievalError();
    return now;
  }

  /**
   * Waits for the caller holding the lease: its new tokens once stored, or, when it gave up (the lease freed with
   * the tokens unchanged), Clerk's retrieval error. Null when the lease lapsed: the caller may take it over.
   */
  async function awaitRefresh(account: ExternalAccountRow): Promise<ExternalAccountRow | null> {
    for (let waited = 0; waited <= REFRESH_LEASE_MS; waited += POLL_INTERVAL_MS) {
      await sleep(POLL_INTERVAL_MS);
      const now = await findExternalAccount(db, account.id);
      if (!now) throw errors.externalAccountNotFound();
      if (now.token_version !== account.token_version) return now;
      if (now.refresh_lease_until === null) throw errors.oauthTokenRetrievalError();
      if (Number(now.refresh_lease_until) <= clock.nowMs()) return null;
    }
    return null;
  }

  /** The account with tokens fresh enough to hand out. */
  async function fresh(account: ExternalAccountRow): Promise<ExternalAccountRow> {
    let current = account;
    // Twice at most: once more only after a lease lapsed under a caller that never finished.
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const nowMs = clock.nowMs();
      if (!expiresSoon(current, nowMs)) return current;
      if (current.refresh_token_sealed === null) {
        // Without a refresh token a token that is still valid is handed out until it expires.
        if (Number(current.access_token_expires_at) > nowMs) return current;
        throw errors.externalAccountMissingRefreshToken();
      }
      // The lease's expiry names this claim; a few random milliseconds keep two nodes' claims apart.
      const leaseUntilMs = nowMs + REFRESH_LEASE_MS + randomInt(1000);
      if (await claimRefreshLease(db, current.id, current.token_version, nowMs, leaseUntilMs)) return refreshHolding(current, leaseUntilMs);
      const refreshed = await awaitRefresh(current);
      if (refreshed && refreshed.token_version !== current.token_version) return refreshed;
      current = (await findExternalAccount(db, current.id)) ?? current;
    }
    throw errors.oauthTokenRetrievalError();
  }

  return {
    async forUser(userId, provider) {
      if (!(await findUserById(db, userId))) throw errors.userNotFound(userId);
      const strategy = toStrategy(provider);
      // A provider the instance does not configure (or no longer does) cannot refresh anything: Clerk's 404
      // `oauth_token_provider_not_enabled`, even for a user holding an account of it.
      if (!options.providers.has(strategy)) throw errors.oauthTokenProviderNotEnabled();
      const account = await findExternalAccountOfUser(db, userId, strategy);
      // A connection still waiting for the provider has no token yet: as no account at all.
      if (!account || account.verification_status !== 'verified' || account.access_token_sealed === null) return [];
      return [toToken(await fresh(account))];
    },
  };
}
