import * as oidc from 'openid-client';
import { isLoopbackUrl, type OAuthConfig, type OAuthProviderConfig } from '../config/oauth-config.js';
import type { Clock } from '../lib/clock.js';
import { toProviderProfile, type ProviderProfile } from './provider-profile.js';

/** A provider's tokens for one account, as Roster keeps them (sealed at rest). */
export interface ProviderTokens {
  accessToken: string;
  refreshToken: string | null;
  idToken: string | null;
  /** Unix ms; null when the provider did not say when the access token expires. */
  expiresAtMs: number | null;
  scopes: string[];
  /** Whether the provider named the scopes (`scope`); when it did not, `scopes` are the ones asked for. */
  scopesGranted?: boolean;
}

/** What a provider's callback gives: who the person is, and tokens to act for them. */
export interface ProviderIdentity {
  profile: ProviderProfile;
  tokens: ProviderTokens;
}

/** Which step with the provider failed, as Clerk's error codes name them. */
export type ProviderErrorCode = 'oauth_token_exchange_error' | 'oauth_fetch_user_error' | 'misconfigured_oauth_provider' | 'oauth_token_retrieval_error';

/** A provider refused or could not be reached. The message is for logs; it never holds a token or secret. */
export class ProviderError extends Error {
  constructor(
    readonly code: ProviderErrorCode,
    message: string,
    /** The provider's OAuth error (`invalid_grant`, …) when it answered one. */
    readonly oauthError: string | null = null,
  ) {
    super(message);
    this.name = 'ProviderError';
  }
}

export interface AuthorizationRequest {
  redirectUri: string;
  state: string;
  codeVerifier: string;
  nonce: string;
  loginHint?: string | undefined;
  prompt?: string | undefined;
  additionalScopes?: readonly string[] | undefined;
}

export interface OAuthProviderClient {
  readonly config: OAuthProviderConfig;
  /** The provider's authorization URL (authorization code with PKCE S256, `state`, and `nonce` for OpenID Connect). */
  authorizationUrl(request: AuthorizationRequest): Promise<string>;
  /** Trades the callback's code for tokens (checking `state`, PKCE, and the ID token) and reads the profile. */
  exchange(input: { redirectUri: string; callbackQuery: URLSearchParams; state: string; codeVerifier: string; nonce: string }): Promise<ProviderIdentity>;
  /** New tokens from a refresh token (the provider may or may not rotate it). */
  refresh(refreshToken: string): Promise<ProviderTokens>;
}

/** Seconds a call to a provider may take. */
const PROVIDER_TIMEOUT_SECONDS = 10;

const describe = (error: unknown): { message: string; oauthError: string | null } => {
  if (error instanceof oidc.ResponseBodyError) return { message: `${error.error}${error.error_description ? `: ${error.error_description}` : ''}`, oauthError: error.error };
  if (error instanceof Error) return { message: `${error.name}: ${error.message}`, oauthError: null };
  return { message: String(error), oauthError: null };
};

const fail = (code: ProviderErrorCode, step: string, error: unknown): ProviderError => {
  const { message, oauthError } = describe(error);
  return new ProviderError(code, `${step}: ${message}`, oauthError);
};

function createProviderClient(provider: OAuthProviderConfig, clock: Clock): OAuthProviderClient {
  let configuration: Promise<oidc.Configuration> | null = null;

  const insecure = (url: string) => isLoopbackUrl(new URL(url)) && url.startsWith('http:');

  /** The provider's configuration, discovered once (a failed discovery is tried again next time). */
  function configure(): Promise<oidc.Configuration> {
    if (configuration) return configuration;
    const attempt = (async () => {
      if (provider.issuer) {
        const discovered = await oidc.discovery(new URL(provider.issuer), provider.clientId, provider.clientSecret, undefined, {
          execute: insecure(provider.issuer) ? [oidc.allowInsecureRequests] : [],
          timeout: PROVIDER_TIMEOUT_SECONDS,
        });
        discovered.timeout = PROVIDER_TIMEOUT_SECONDS;
        return discovered;
      }
      const configured = new oidc.Configuration(
        {
          issuer: new URL(provider.authorizationEndpoint!).origin,
          authorization_endpoint: provider.authorizationEndpoint!,
          token_endpoint: provider.tokenEndpoint!,
          userinfo_endpoint: provider.userinfoEndpoint!,
        },
        provider.clientId,
        provider.clientSecret,
      );
      if (insecure(provider.authorizationEndpoint!) || insecure(provider.tokenEndpoint!)) oidc.allowInsecureRequests(configured);
      configured.timeout = PROVIDER_TIMEOUT_SECONDS;
      return configured;
    })();
    configuration = attempt;
    attempt.catch(() => {
      if (configuration === attempt) configuration = null;
    });
    return attempt;
  }

  async function configured(): Promise<oidc.Configuration> {
    try {
      return await configure();
    } catch (error) {
      throw fail('misconfigured_oauth_provider', `discovery at ${provider.issuer}`, error);
    }
  }

  function toTokens(response: oidc.TokenEndpointResponse, fallback: { refreshToken: string | null; scopes: readonly string[] }): ProviderTokens {
    const expiresIn = typeof response.expires_in === 'number' && response.expires_in > 0 ? response.expires_in : null;
    return {
      accessToken: response.access_token,
      refreshToken: response.refresh_token ?? fallback.refreshToken,
      idToken: response.id_token ?? null,
      expiresAtMs: expiresIn === null ? null : clock.nowMs() + expiresIn * 1000,
      scopes: typeof response.scope === 'string' ? response.scope.split(/[\s,]+/).filter(Boolean) : [...fallback.scopes],
      scopesGranted: typeof response.scope === 'string',
    };
  }

  /** The profile: OpenID Connect claims (the checked ID token, then user info), or the provider's own JSON. */
  async function readProfile(config: oidc.Configuration, accessToken: string, idClaims: Record<string, unknown> | undefined): Promise<ProviderProfile> {
    try {
      if (provider.profile === 'oidc') {
        const hasUserinfo = Boolean(config.serverMetadata().userinfo_endpoint);
        const subject = typeof idClaims?.sub === 'string' ? idClaims.sub : oidc.skipSubjectCheck;
        const userinfo = hasUserinfo ? await oidc.fetchUserInfo(config, accessToken, subject) : {};
        const claims = { ...userinfo, ...(idClaims ?? {}) } as Record<string, unknown>;
        // The ID token's subject and, where it has them, its email claims are the ones checked by signature.
        const profile = toProviderProfile('oidc', claims);
        if (!profile) throw new Error('the provider named no subject');
        return profile;
      }
      const userinfoUrl = new URL(provider.userinfoEndpoint!);
      const user = await getJSON(config, accessToken, userinfoUrl);
      const extra = provider.profile === 'github' ? await getJSON(config, accessToken, new URL(`${userinfoUrl.pathname.replace(/\/+$/, '')}/emails`, userinfoUrl)).catch(() => []) : undefined;
      const profile = toProviderProfile(provider.profile, user as Record<string, unknown>, extra);
      if (!profile) throw new Error('the provider named no user id');
      return profile;
    } catch (error) {
      if (error instanceof ProviderError) throw error;
      throw fail('oauth_fetch_user_error', `user info from ${provider.strategy}`, error);
    }
  }

  return {
    config: provider,

    async authorizationUrl(request) {
      const config = await configured();
      const scopes = [...new Set([...provider.scopes, ...(request.additionalScopes ?? [])])];
      const parameters: Record<string, string> = {
        redirect_uri: request.redirectUri,
        scope: scopes.join(' '),
        state: request.state,
        code_challenge: await oidc.calculatePKCECodeChallenge(request.codeVerifier),
        code_challenge_method: 'S256',
      };
      if (provider.profile === 'oidc' && scopes.includes('openid')) parameters.nonce = request.nonce;
      if (request.loginHint) parameters.login_hint = request.loginHint;
      if (request.prompt) parameters.prompt = request.prompt;
      return oidc.buildAuthorizationUrl(config, parameters).href;
    },

    async exchange(input) {
      const config = await configured();
      // The callback URL as the provider was told it (the public one), with the parameters it sent back.
      const callbackUrl = new URL(input.redirectUri);
      for (const [key, value] of input.callbackQuery) callbackUrl.searchParams.append(key, value);
      const expectsIdToken = provider.profile === 'oidc' && provider.scopes.includes('openid');
      let response: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
      try {
        response = await oidc.authorizationCodeGrant(config, callbackUrl, {
          pkceCodeVerifier: input.codeVerifier,
          expectedState: input.state,
          ...(expectsIdToken ? { expectedNonce: input.nonce, idTokenExpected: Boolean(provider.issuer) } : {}),
        });
      } catch (error) {
        throw fail('oauth_token_exchange_error', `code exchange with ${provider.strategy}`, error);
      }
      const tokens = toTokens(response, { refreshToken: null, scopes: provider.scopes });
      const profile = await readProfile(config, response.access_token, response.claims() as Record<string, unknown> | undefined);
      return { profile, tokens };
    },

    async refresh(refreshToken) {
      const config = await configured();
      try {
        const response = await oidc.refreshTokenGrant(config, refreshToken);
        return toTokens(response, { refreshToken, scopes: provider.scopes });
      } catch (error) {
        throw fail('oauth_token_retrieval_error', `refresh with ${provider.strategy}`, error);
      }
    },
  };
}

async function getJSON(config: oidc.Configuration, accessToken: string, url: URL): Promise<unknown> {
  const headers = new Headers({ accept: 'application/json' });
  const response = await oidc.fetchProtectedResource(config, accessToken, url, 'GET', undefined, headers);
  if (!response.ok) throw new Error(`${url.origin}${url.pathname} answered ${response.status}`);
  return response.json();
}

/** The instance's providers, by strategy (`oauth_google`, …). */
export type OAuthProviders = ReadonlyMap<string, OAuthProviderClient>;

export function createOAuthProviders(config: OAuthConfig, clock: Clock): OAuthProviders {
  return new Map(config.providers.map((provider) => [provider.strategy, createProviderClient(provider, clock)]));
}
