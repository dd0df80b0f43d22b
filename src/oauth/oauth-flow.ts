import { createHash, randomBytes } from 'node:crypto';
import * as oidc from 'openid-client';
import type { ServiceDeps } from '../domain/service-deps.js';
import { ClerkError, errors } from '../lib/error-catalog.js';
import { newId } from '../lib/ids.js';
import type { Executor } from '../storage/database.js';
import {
  findOAuthAuthorization,
  insertOAuthAuthorization,
  purgeOAuthAuthorizations,
  setOAuthIdentity,
  useOAuthAuthorization,
} from '../storage/repositories/oauth-authorizations-repository.js';
import type { OAuthAuthorizationRow, OAuthPurpose } from '../storage/tables/oauth-tables.js';
import type { OAuthStartRequest } from './start-request.js';
import { ProviderError, type OAuthProviderClient, type OAuthProviders, type ProviderIdentity } from './provider-client.js';

/** How long a person has at the provider before the `state` dies (Clerk's OAuth verifications last 10 minutes). */
export const AUTHORIZATION_LIFETIME_MS = 10 * 60 * 1000;

/** What an authorization request needs: the attempt it completes, and the browser's OAuth start. */
export interface OAuthStartInput extends OAuthStartRequest {
  clientId: string;
  purpose: OAuthPurpose;
  /** The sign-in, sign-up or pending external account the callback completes. */
  attemptId: string;
}

/** What the provider's callback brought: who the person is, or Clerk's error for why not. */
export type OAuthOutcome = { identity: ProviderIdentity; error?: undefined } | { identity?: undefined; error: ClerkError };

export interface OAuthLogger {
  warn(object: Record<string, unknown>, message: string): void;
}

const digest = (state: string) => createHash('sha256').update(state).digest('hex');

/**
 * Trips to OAuth providers: the authorization request (PKCE S256, a 256-bit `state` stored only as its SHA-256,
 * a nonce for OpenID Connect), and the callback (the `state` used once, by the browser that started it, within
 * 10 minutes; the code traded for tokens and a profile).
 */
export function createOAuthFlow(deps: ServiceDeps, { providers, logger }: { providers: OAuthProviders; logger: OAuthLogger }) {
  const { clock, secretBox } = deps;
  const { db } = deps.database;

  function provider(strategy: string): OAuthProviderClient {
    const found = providers.get(strategy);
    if (!found) throw errors.oauthProviderNotEnabled(strategy);
    return found;
  }

  /** Clerk's error for a failed step with the provider; the reason goes to the log (never a token or secret). */
  function outcomeError(strategy: string, error: unknown): ClerkError {
    if (error instanceof ProviderError) {
      logger.warn({ provider: strategy, step: error.code, reason: error.message }, 'OAuth provider step failed');
      if (error.code === 'oauth_fetch_user_error') return errors.oauthFetchUserError();
      if (error.code === 'misconfigured_oauth_provider') return errors.misconfiguredOAuthProvider();
      return errors.oauthTokenExchangeError();
    }
    throw error;
  }

  return {
    provider,

    /** Whether `strategy` names a configured provider. */
    isEnabled: (strategy: string) => providers.has(strategy),

    /** Starts a trip: the authorization recorded, and the provider's URL the browser is sent to. */
    async start(executor: Executor, input: OAuthStartInput): Promise<{ authorizationId: string; url: string; expireAt: number }> {
      const client = provider(input.strategy);
      const state = randomBytes(32).toString('base64url');
      const codeVerifier = oidc.randomPKCECodeVerifier();
      const nonce = randomBytes(16).toString('base64url');
      let url: string;
      try {
        url = await client.authorizationUrl({
          redirectUri: input.callbackUrl,
          state,
          codeVerifier,
          nonce,
          loginHint: input.loginHint,
          prompt: input.prompt,
          additionalScopes: input.additionalScopes,
        });
      } catch (error) {
        throw outcomeError(input.strategy, error);
      }
      const nowMs = clock.nowMs();
      const row: OAuthAuthorizationRow = {
        id: newId('oaa', nowMs),
        state_digest: digest(state),
        client_id: input.clientId,
        purpose: input.purpose,
        attempt_id: input.attemptId,
        provider: input.strategy,
        secrets_sealed: secretBox.seal(JSON.stringify({ codeVerifier, nonce })),
        redirect_url: input.redirectUrl,
        action_complete_redirect_url: input.actionCompleteRedirectUrl,
        status: 'pending',
        identity_sealed: null,
        expire_at: nowMs + AUTHORIZATION_LIFETIME_MS,
        created_at: nowMs,
        updated_at: nowMs,
      };
      await insertOAuthAuthorization(executor, row);
      return { authorizationId: row.id, url, expireAt: row.expire_at };
    },

    /**
     * `GET /v1/oauth_callback`: the authorization its `state` names, used now (a second use, another browser's
     * callback, an unknown or expired `state` are `oauth_callback_invalid`), and what the provider answered.
     */
    async callback(input: { query: URLSearchParams; clientId: string | null; callbackUrl: string }): Promise<{ authorization: OAuthAuthorizationRow; outcome: OAuthOutcome }> {
      const state = input.query.get('state');
      if (!state || !input.clientId || input.query.getAll('state').length !== 1) throw errors.oauthCallbackInvalid();
      const authorization = await useOAuthAuthorization(db, digest(state), input.clientId, clock.nowMs());
      if (!authorization) throw errors.oauthCallbackInvalid();
      const client = providers.get(authorization.provider);
      if (!client) return { authorization, outcome: { error: errors.oauthProviderNotEnabled(authorization.provider) } };
      const providerError = input.query.get('error');
      if (providerError !== null) {
        const error = providerError === 'access_denied' ? errors.oauthAccessDenied(client.config.name) : errors.oauthCallbackInvalid();
        return { authorization, outcome: { error } };
      }
      if (!input.query.get('code')) return { authorization, outcome: { error: errors.oauthCallbackInvalid() } };
      const { codeVerifier, nonce } = JSON.parse(secretBox.open(authorization.secrets_sealed)) as { codeVerifier: string; nonce: string };
      try {
        const identity = await client.exchange({ redirectUri: input.callbackUrl, callbackQuery: input.query, state, codeVerifier, nonce });
        return { authorization, outcome: { identity } };
      } catch (error) {
        return { authorization, outcome: { error: outcomeError(authorization.provider, error) } };
      }
    },

    /** Keeps the provider's answer with the authorization (sealed) until a transfer or a later step uses it. */
    async keepIdentity(executor: Executor, authorizationId: string, identity: ProviderIdentity | null): Promise<void> {
      const nowMs = clock.nowMs();
      // Kept as long as a verification lasts (10 minutes from the provider's answer): a transfer left waiting on
      // a shared browser cannot be taken up hours later by the next person at it.
      await setOAuthIdentity(executor, authorizationId, identity ? secretBox.seal(JSON.stringify(identity)) : null, nowMs, nowMs + AUTHORIZATION_LIFETIME_MS);
    },

    /** Drops authorizations (and any identity they kept) a day past their expiry. */
    purgeExpired: () => purgeOAuthAuthorizations(db, clock.nowMs() - 24 * 3600 * 1000),

    /** The identity an authorization keeps, or null (none, used up, or expired). */
    async identityOf(authorizationId: string | null): Promise<ProviderIdentity | null> {
      if (!authorizationId) return null;
      const row = await findOAuthAuthorization(db, authorizationId);
      if (!row?.identity_sealed || row.expire_at <= clock.nowMs()) return null;
      return JSON.parse(secretBox.open(row.identity_sealed)) as ProviderIdentity;
    },
  };
}

export type OAuthFlow = ReturnType<typeof createOAuthFlow>;
