// A real OpenID Connect provider on loopback for the tests (oauth2-mock-server: discovery, JWKS, signed ID
// tokens, PKCE checked, refresh grants), with the person it signs in set by the test.
import { OAuth2Server } from 'oauth2-mock-server';
import { afterAll, beforeAll } from 'vitest';

/** Who the provider says is signing in: OpenID Connect claims of the ID token and user info. */
export interface ProviderPerson {
  sub: string;
  email?: string;
  email_verified?: boolean;
  given_name?: string;
  family_name?: string;
  picture?: string;
  preferred_username?: string;
}

export interface MockProvider {
  /** The issuer URL (`http://localhost:<port>`): configure it as the provider's `issuer`. */
  readonly issuer: string;
  /** The person the next authorization signs in (read when the provider issues tokens and answers user info). */
  person: ProviderPerson;
  /** Access-token lifetime the token endpoint answers (`expires_in`). @default 3600 */
  accessTokenLifetimeSeconds: number;
  /** When set, the token endpoint refuses grants of this type with `invalid_grant` (a revoked refresh token, say). */
  refuseGrant: string | null;
  /** When false, token answers carry no refresh token. @default true */
  issueRefreshTokens: boolean;
  /** When set, the authorize endpoint sends the browser back with `error=<value>` instead of a code. */
  authorizeError: string | null;
  /** Every grant the token endpoint answered, in order (`authorization_code`, `refresh_token`). */
  readonly grants: string[];
  /** Access tokens issued, newest last. */
  readonly accessTokens: string[];
  close(): Promise<void>;
}

export const DEFAULT_PERSON: ProviderPerson = { sub: 'mock-user-1', email: 'ada@example.com', email_verified: true, given_name: 'Ada', family_name: 'Lovelace' };

export async function startMockProvider(): Promise<MockProvider> {
  const server = new OAuth2Server();
  await server.issuer.keys.generate('RS256');
  await server.start(0, '127.0.0.1');
  const state = {
    person: { ...DEFAULT_PERSON } as ProviderPerson,
    accessTokenLifetimeSeconds: 3600,
    refuseGrant: null as string | null,
    issueRefreshTokens: true,
    authorizeError: null as string | null,
    grants: [] as string[],
    accessTokens: [] as string[],
  };
  server.service.on('beforeTokenSigning', (token: { payload: Record<string, unknown> }) => {
    Object.assign(token.payload, state.person);
  });
  server.service.on('beforeUserinfo', (response: { body: unknown; statusCode: number }) => {
    response.body = { ...state.person };
  });
  server.service.on('beforeAuthorizeRedirect', (authorize: { url: URL }) => {
    if (!state.authorizeError) return;
    authorize.url.searchParams.delete('code');
    authorize.url.searchParams.set('error', state.authorizeError);
  });
  server.service.on('beforeResponse', (response: { body: Record<string, unknown>; statusCode: number }, request: { body: Record<string, string> }) => {
    const grant = request.body?.grant_type ?? '';
    if (state.refuseGrant && grant === state.refuseGrant) {
      response.statusCode = 400;
      response.body = { error: 'invalid_grant', error_description: 'refused by the test' };
      return;
    }
    state.grants.push(grant);
    response.body.expires_in = state.accessTokenLifetimeSeconds;
    if (!state.issueRefreshTokens) delete response.body.refresh_token;
    if (typeof response.body.access_token === 'string') state.accessTokens.push(response.body.access_token);
  });
  return Object.assign(state, {
    issuer: server.issuer.url!,
    close: () => server.stop(),
  }) as MockProvider;
}

/**
 * A provider for the file's tests: started in `beforeAll` (before `useTestServer(() => oauthEnv(provider))`, so
 * its issuer is known when Roster starts) and stopped in `afterAll`.
 */
export function useMockProvider(): MockProvider {
  let started: MockProvider | undefined;
  beforeAll(async () => {
    started = await startMockProvider();
  });
  afterAll(async () => started?.close());
  return new Proxy({} as MockProvider, {
    get(_target, key) {
      if (!started) throw new Error('useMockProvider: the provider starts in beforeAll; use it inside tests and hooks');
      if (key === 'close') return async () => undefined;
      return Reflect.get(started, key);
    },
    set(_target, key, value) {
      if (!started) throw new Error('useMockProvider: the provider starts in beforeAll');
      return Reflect.set(started, key, value);
    },
  });
}

export const MOCK_CLIENT_ID = 'roster-test-client';
export const MOCK_CLIENT_SECRET = 'roster-test-client-secret-do-not-log';

/**
 * Roster's environment for `provider`: Clerk's `oauth_google` preset pointed at the mock issuer (so the strategy
 * is `oauth_google`, as an app would use), or any other provider name (`custom_acme`).
 */
export function oauthEnv(provider: MockProvider, name = 'google'): Record<string, string> {
  return {
    ROSTER_OAUTH_PROVIDERS: JSON.stringify([{ provider: name, issuer: provider.issuer, client_id: MOCK_CLIENT_ID, client_secret: MOCK_CLIENT_SECRET }]),
  };
}
