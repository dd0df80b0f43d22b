// Adversarial review of GET /v1/users/{user_id}/oauth_access_tokens/{provider}: transparent refresh under the DB
// lease. A plain OAuth 2.0 provider (custom_acme, no discovery) whose token endpoint is a loopback server the test
// drives by hand: each refresh request is held until the test answers it, so races are staged step by step.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueTag } from '../../helpers/fixtures.js';
import { useTestServer } from '../../helpers/test-server.js';
import { seedExternalAccount } from './seed.js';
import { REFRESH_LEASE_MS } from '../../../src/oauth/access-tokens.js';

const PASSWORD = 'correct horse battery 42';
const STRATEGY = 'oauth_custom_acme';

interface HeldRequest {
  body: URLSearchParams;
  answer(status: number, json: Record<string, unknown>): void;
}

/** A token endpoint: every POST is held (in `held`, oldest first) until the test answers it, unless `auto` is set. */
function useTokenEndpoint() {
  const state = {
    url: '',
    held: [] as HeldRequest[],
    requests: 0,
    auto: null as null | ((body: URLSearchParams) => Record<string, unknown>),
  };
  let server: http.Server;
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let data = '';
      req.on('data', (chunk) => (data += chunk));
      req.on('end', () => {
        state.requests += 1;
        const body = new URLSearchParams(data);
        const answer = (status: number, json: Record<string, unknown>) => {
          if (res.writableEnded) return;
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(JSON.stringify(json));
        };
        if (state.auto) answer(200, state.auto(body));
        else state.held.push({ body, answer });
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    for (const request of state.held) request.answer(500, { error: 'server_error' });
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  return state;
}

const tokenAnswer = (accessToken: string, refreshToken?: string) => ({
  access_token: accessToken,
  token_type: 'Bearer',
  expires_in: 3600,
  ...(refreshToken ? { refresh_token: refreshToken } : {}),
});

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200; i += 1) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('review: oauth access-token refresh', () => {
  const endpoint = useTokenEndpoint();
  const server = useTestServer(() => ({
    ROSTER_OAUTH_PROVIDERS: JSON.stringify([
      {
        provider: 'custom_acme',
        client_id: 'acme-client',
        client_secret: 'acme-client-secret-never-shown',
        authorization_endpoint: `${endpoint.url}/authorize`,
        token_endpoint: `${endpoint.url}/token`,
        userinfo_endpoint: `${endpoint.url}/userinfo`,
      },
    ]),
  }));
  const createUser = () => server.clerk.users.createUser({ emailAddress: [`rv-${uniqueTag()}@example.com`], password: PASSWORD });
  const tokensOf = (userId: string) => server.api('GET', `/v1/users/${userId}/oauth_access_tokens/${STRATEGY}`);
  const answerAllHeld = () => {
    for (const request of endpoint.held.splice(0)) request.answer(200, tokenAnswer(`late-${uniqueTag()}`));
  };

  // Proves: a refresh whose answer has no `scope` (RFC 6749 §5.1 allows it: "OPTIONAL, if identical to the scope
  // requested") replaces the account's approved scopes with the instance's configured defaults
  // (provider-client.ts toTokens falls back to `provider.scopes`, not the account's `approved_scopes`). An account
  // that was granted extra scopes (additional_scopes at connect time) silently loses them from `scopes` and
  // from the user's `approved_scopes` after the first refresh, so apps gating features on scopes break.
  it('a refresh answer without `scope` keeps the scopes the account was granted', async () => {
    const user = await createUser();
    const account = await seedExternalAccount(server, user.id, { provider: STRATEGY, expiresAtMs: server.clock.nowMs() - 1000 });
    const granted = 'openid email profile https://acme.example/calendar';
    await server.database.db.updateTable('external_accounts').set({ approved_scopes: granted }).where('id', '=', account.id).execute();
    endpoint.auto = () => tokenAnswer('fresh-after-refresh');
    try {
      const response = await tokensOf(user.id);
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      expect(response.body[0].token).toBe('fresh-after-refresh');
      expect(response.body[0].scopes).toEqual(granted.split(' '));
      const userJson = await server.api('GET', `/v1/users/${user.id}`);
      expect(userJson.body.external_accounts[0].approved_scopes).toBe(granted);
    } finally {
      endpoint.auto = null;
    }
  });

  // Proves: a provider whose access tokens live no longer than the refresh margin (60 s; some APIs issue 30-60 s
  // tokens) makes every call refresh, because a token Roster has just received already counts as "expiring soon".
  // Each GET is then a refresh-token grant at the provider (its rate limits, and a rotated refresh token per call).
  // A token refreshed a moment ago should be handed out, not refreshed again.
  it('a just-refreshed short-lived token is not refreshed again on the next call', async () => {
    const user = await createUser();
    await seedExternalAccount(server, user.id, { provider: STRATEGY, expiresAtMs: server.clock.nowMs() - 1000 });
    endpoint.auto = () => ({ ...tokenAnswer(`short-${uniqueTag()}`), expires_in: 30 });
    try {
      const start = endpoint.requests;
      const first = await tokensOf(user.id);
      expect(first.status, JSON.stringify(first.body)).toBe(200);
      const second = await tokensOf(user.id);
      expect(second.status).toBe(200);
      expect(endpoint.requests - start, 'refresh grants for two calls at the same instant').toBe(1);
      expect(second.body[0].token).toBe(first.body[0].token);
    } finally {
      endpoint.auto = null;
    }
  });

  // Proves: a refresh that outlives its lease and then fails frees the lease of the caller that took it over
  // (releaseRefreshLease matches only id + token_version, not the lease it holds). A third caller then claims the
  // "free" lease and refreshes again with the same refresh token while the second refresh is still in flight:
  // two concurrent refresh-token grants with one token, exactly what the lease exists to prevent (providers that
  // rotate refresh tokens treat reuse as theft and revoke the whole grant).
  it('a lapsed refresh that fails does not free the lease of the caller that took over', async () => {
    const user = await createUser();
    await seedExternalAccount(server, user.id, { provider: STRATEGY, refreshToken: 'the-only-refresh-token', expiresAtMs: server.clock.nowMs() - 1000 });
    const start = endpoint.requests;
    const slow = tokensOf(user.id);
    await until(() => endpoint.held.length === 1, 'the first refresh');
    // The first refresh hangs past its lease: another caller takes over, as designed.
    server.clock.advanceMs(REFRESH_LEASE_MS + 1000);
    const takeover = tokensOf(user.id);
    await until(() => endpoint.held.length === 2, 'the take-over refresh');
    try {
      // The slow one now fails (the provider refuses the refresh token the take-over is using).
      endpoint.held.shift()!.answer(400, { error: 'invalid_grant' });
      expect((await slow).status).toBe(400);
      // A third caller while the take-over is still in flight: it must wait for it, not refresh again.
      const third = tokensOf(user.id);
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(endpoint.requests - start, 'refresh-token grants sent while one was still in flight').toBe(2);
      endpoint.held.shift()!.answer(200, tokenAnswer('takeover-token', 'rotated-refresh-token'));
      expect((await takeover).status).toBe(200);
      answerAllHeld();
      const thirdDone = await third;
      expect(thirdDone.status, JSON.stringify(thirdDone.body)).toBe(200);
      expect(thirdDone.body[0].token).toBe('takeover-token');
    } finally {
      answerAllHeld();
      await Promise.allSettled([slow, takeover]);
    }
  });

  // Proves: when the user is deleted while their refresh is at the provider, the call still answers 200 with the
  // old, expired access token (storeRefreshedTokens finds no row, findExternalAccount neither, and refreshHolding
  // falls back to the stale `account` it started with). The caller is told "here is a valid token" for a user that
  // no longer exists, and the token is one Roster itself judged expired.
  it('a user deleted while the refresh is in flight gets no stale token back', async () => {
    const user = await createUser();
    await seedExternalAccount(server, user.id, { provider: STRATEGY, accessToken: 'expired-stale-token', expiresAtMs: server.clock.nowMs() - 1000 });
    const pending = tokensOf(user.id);
    try {
      await until(() => endpoint.held.length === 1, 'the refresh');
      expect((await server.api('DELETE', `/v1/users/${user.id}`)).status).toBe(200);
      endpoint.held.shift()!.answer(200, tokenAnswer('minted-for-a-deleted-user', 'r2'));
      const response = await pending;
      expect(JSON.stringify(response.body)).not.toContain('expired-stale-token');
      expect(response.status).toBe(404);
    } finally {
      answerAllHeld();
      await Promise.allSettled([pending]);
    }
  });

  // Same fallback, for an account unlinked (DELETE external_accounts) during the refresh.
  it('an account unlinked while the refresh is in flight gets no stale token back', async () => {
    const user = await createUser();
    const account = await seedExternalAccount(server, user.id, { provider: STRATEGY, accessToken: 'unlinked-stale-token', expiresAtMs: server.clock.nowMs() - 1000 });
    const pending = tokensOf(user.id);
    try {
      await until(() => endpoint.held.length === 1, 'the refresh');
      expect((await server.api('DELETE', `/v1/users/${user.id}/external_accounts/${account.id}`)).status).toBe(200);
      endpoint.held.shift()!.answer(200, tokenAnswer('minted-for-an-unlinked-account', 'r2'));
      const response = await pending;
      expect(JSON.stringify(response.body)).not.toContain('unlinked-stale-token');
    } finally {
      answerAllHeld();
      await Promise.allSettled([pending]);
    }
  });
});
