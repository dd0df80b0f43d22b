// The Backend API's view of the Frontend API's clients: GET /v1/clients, GET /v1/clients/{client_id},
// POST /v1/clients/verify and GET /v1/clients/handshake_payload, through @clerk/backend and raw HTTP, with
// browsers signed in over the Frontend API.
import { createClerkClient } from '@clerk/backend';
import { describe, expect, it, vi } from 'vitest';
import { expectClerkError, expectSdkError } from '../../helpers/assertions.js';
import { fapiBrowser, PAGE_ORIGIN } from '../../helpers/fapi-client.js';
import { uniqueEmail, uniqueTag } from '../../helpers/fixtures.js';
import { useTestServer } from '../../helpers/test-server.js';

const PASSWORD = 'correct horse battery 42';

describe('Backend API: clients', () => {
  const server = useTestServer();

  /** A browser signed in as a new user: its client id, session id and `__client` cookie value. */
  async function signedInBrowser() {
    const email = uniqueEmail('client');
    const user = await server.clerk.users.createUser({ emailAddress: [email], password: PASSWORD });
    const browser = fapiBrowser(() => server);
    const signIn = await browser.call('POST', '/v1/client/sign_ins', { identifier: email, strategy: 'password', password: PASSWORD });
    expect(signIn.status).toBe(200);
    expect(signIn.body.response.status).toBe('complete');
    return {
      browser,
      user,
      clientId: signIn.body.client.id as string,
      sessionId: signIn.body.response.created_session_id as string,
      clientToken: browser.jar.get('__client')!,
    };
  }

  it('GET /v1/clients/{client_id}: the client with its active session, as a Backend API Client', async () => {
    const { clientId, sessionId, user } = await signedInBrowser();
    const client = await server.clerk.clients.getClient(clientId);
    expect(client.id).toBe(clientId);
    expect(client.sessionIds).toEqual([sessionId]);
    expect(client.sessions).toHaveLength(1);
    expect(client.sessions[0]).toMatchObject({ id: sessionId, userId: user.id, clientId, status: 'active' });
    expect(client.lastActiveSessionId).toBe(sessionId);
    // The completed sign-in is no longer the client's attempt.
    expect(client.signUpId).toBeNull();

    const raw = await server.api('GET', `/v1/clients/${clientId}`);
    expect(raw.status).toBe(200);
    expect(Object.keys(raw.body).sort()).toEqual(
      ['object', 'id', 'session_ids', 'sessions', 'sign_in_id', 'sign_up_id', 'last_active_session_id', 'last_authentication_strategy', 'updated_at', 'created_at'].sort(),
    );
    expect(raw.body.object).toBe('client');
  });

  it('a signed-out client shows no sessions', async () => {
    const { browser, clientId, sessionId } = await signedInBrowser();
    expect((await browser.call('DELETE', '/v1/client/sessions')).status).toBe(200);
    const client = await server.clerk.clients.getClient(clientId);
    expect(client.sessionIds).toEqual([]);
    expect(client.lastActiveSessionId).toBeNull();
    expect((await server.clerk.sessions.getSession(sessionId)).status).toBe('removed');
  });

  it('GET /v1/clients: newest first, paginated through @clerk/backend, a bare array over raw HTTP', async () => {
    // The test clock stands still unless moved: move it so the two clients have distinct creation times.
    server.clock.advanceMs(1000);
    const first = await signedInBrowser();
    server.clock.advanceMs(1000);
    const second = await signedInBrowser();
    const list = await server.clerk.clients.getClientList({ limit: 2 });
    expect(list.totalCount).toBeGreaterThanOrEqual(2);
    expect(list.data.map((client) => client.id)).toEqual([second.clientId, first.clientId]);

    const raw = await server.api('GET', '/v1/clients?limit=1&offset=1');
    expect(raw.status).toBe(200);
    expect(Array.isArray(raw.body)).toBe(true);
    expect(raw.body.map((client: { id: string }) => client.id)).toEqual([first.clientId]);

    expectClerkError(await server.api('GET', '/v1/clients?limit=0'), 422, 'form_param_value_invalid', 'limit');
  });

  it('POST /v1/clients/verify: the client whose __client cookie holds the token', async () => {
    const { clientId, clientToken, sessionId } = await signedInBrowser();
    const client = await server.clerk.clients.verifyClient(clientToken);
    expect(client.id).toBe(clientId);
    expect(client.sessionIds).toEqual([sessionId]);

    // Neither the client's id nor a made-up token is its token.
    await expectSdkError(server.clerk.clients.verifyClient(clientId), 404, 'resource_not_found');
    await expectSdkError(server.clerk.clients.verifyClient(`${clientToken.slice(0, -1)}${clientToken.endsWith('A') ? 'B' : 'A'}`), 404, 'resource_not_found');
    expectClerkError(await server.api('POST', '/v1/clients/verify', {}), 422, 'form_param_missing', 'token');
  });

  it('unknown ids are 404 resource_not_found in Clerk shape', async () => {
    const error = await expectSdkError(server.clerk.clients.getClient(`client_${uniqueTag()}`), 404, 'resource_not_found');
    expect(error.errors[0]?.message).toBe('Client not found');
    expectClerkError(await server.api('GET', `/v1/clients/client_${uniqueTag()}`), 404, 'resource_not_found');
  });

  it('GET /v1/clients/handshake_payload redeems a handshake nonce once', async () => {
    const { browser, sessionId } = await signedInBrowser();
    const redirectUrl = `${PAGE_ORIGIN}/dashboard`;
    const handshake = await browser.call('GET', `/v1/client/handshake?redirect_url=${encodeURIComponent(redirectUrl)}&format=nonce&suffixed_cookies=true`, undefined, {
      accept: 'text/html',
    });
    expect(handshake.status).toBe(307);
    const nonce = new URL(handshake.headers.get('location')!).searchParams.get('__clerk_handshake_nonce');
    expect(nonce).toBeTruthy();

    const payload = await server.clerk.clients.getHandshakePayload({ nonce: nonce! });
    const sessionCookie = payload.directives.find((directive) => directive.startsWith('__session='));
    expect(sessionCookie).toBeDefined();
    const jwt = sessionCookie!.slice('__session='.length).split(';')[0]!;
    const claims = JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;
    expect(claims).toMatchObject({ sid: sessionId, azp: PAGE_ORIGIN });
    expect(payload.directives.some((directive) => directive.startsWith('__client_uat='))).toBe(true);

    // Single use: the middleware's second redemption finds nothing.
    const again = await server.api('GET', `/v1/clients/handshake_payload?nonce=${encodeURIComponent(nonce!)}`);
    expectClerkError(again, 404, 'resource_not_found');
    await expectSdkError(server.clerk.clients.getHandshakePayload({ nonce: nonce! }), 404, 'resource_not_found');
    expectClerkError(await server.api('GET', '/v1/clients/handshake_payload?nonce=made-up'), 404, 'resource_not_found');
    expectClerkError(await server.api('GET', '/v1/clients/handshake_payload'), 422, 'form_param_missing', 'nonce');
  });

  it('a handshake nonce expires after a minute', async () => {
    const { browser } = await signedInBrowser();
    const handshake = await browser.call('GET', `/v1/client/handshake?redirect_url=${encodeURIComponent(`${PAGE_ORIGIN}/`)}&format=nonce`);
    const nonce = new URL(handshake.headers.get('location')!).searchParams.get('__clerk_handshake_nonce')!;
    server.clock.advanceMs(61_000);
    expectClerkError(await server.api('GET', `/v1/clients/handshake_payload?nonce=${encodeURIComponent(nonce)}`), 404, 'resource_not_found');
  });

  it.each([
    ['GET', '/v1/clients'],
    ['GET', '/v1/clients/client_x'],
    ['POST', '/v1/clients/verify'],
    ['GET', '/v1/clients/handshake_payload?nonce=x'],
  ])('%s %s needs the secret key', async (method, url) => {
    const body = method === 'POST' ? { token: 'x' } : undefined;
    expectClerkError(await server.api(method, url, body, { authorization: '' }), 401, 'authentication_invalid');
    const wrong = await server.api(method, url, body, { authorization: `Bearer sk_test_${'Wr0ngKey'.repeat(4)}` });
    expect(wrong.status).toBe(401);
  });
});

describe("Backend API: the handshake nonce, redeemed by @clerk/backend's authenticateRequest", () => {
  // A server of its own: the middleware checks tokens against the real clock, so this one's clock never moves.
  const server = useTestServer();

  it('signs the document request in with the cookies the nonce carries', async () => {
    const email = uniqueEmail('handshake');
    await server.clerk.users.createUser({ emailAddress: [email], password: PASSWORD });
    const browser = fapiBrowser(() => server);
    const signIn = await browser.call('POST', '/v1/client/sign_ins', { identifier: email, strategy: 'password', password: PASSWORD });
    const sessionId = signIn.body.response.created_session_id as string;
    const page = `${PAGE_ORIGIN}/dashboard`;
    const handshake = await browser.call('GET', `/v1/client/handshake?redirect_url=${encodeURIComponent(page)}&format=nonce`, undefined, { accept: 'text/html' });
    const back = new URL(handshake.headers.get('location')!);
    expect(back.searchParams.get('__clerk_handshake_nonce')).toBeTruthy();

    const publishableKey = server.app.frontendInstance.publishableKey();
    const middleware = createClerkClient({ secretKey: server.secretKey, apiUrl: server.baseUrl, publishableKey });
    const request = new Request(back, { headers: { accept: 'text/html', 'sec-fetch-dest': 'document' } });
    const state = await middleware.authenticateRequest(request, { publishableKey, authorizedParties: [PAGE_ORIGIN] });
    expect(state.isSignedIn).toBe(true);
    expect(state.toAuth()).toMatchObject({ sessionId });
    const cookieNames = state.headers.getSetCookie().map((cookie) => cookie.split('=')[0]);
    expect(cookieNames).toEqual(expect.arrayContaining(['__session', '__client_uat', '__clerk_db_jwt']));

    // The same nonce a second time carries nothing (the SDK logs the 404 and goes on signed out).
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const replay = await middleware.authenticateRequest(new Request(back, { headers: { accept: 'text/html', 'sec-fetch-dest': 'document' } }), { publishableKey });
      expect(replay.isSignedIn).toBe(false);
      expect(String(logged.mock.calls[0]?.[0])).toContain('error getting handshake payload');
    } finally {
      logged.mockRestore();
    }
  });
});
