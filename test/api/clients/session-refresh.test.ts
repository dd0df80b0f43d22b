// POST /v1/sessions/{session_id}/refresh and POST /v1/sessions/{session_id}/verify, with sessions signed in
// through the Frontend API: through @clerk/backend (refreshSession, verifySession) and raw HTTP.
import { createLocalJWKSet, decodeJwt, decodeProtectedHeader, generateKeyPair, jwtVerify, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { expectClerkError, expectSdkError } from '../../helpers/assertions.js';
import { fapiBrowser, PAGE_ORIGIN } from '../../helpers/fapi-client.js';
import { uniqueEmail, uniqueTag } from '../../helpers/fixtures.js';
import { useTestServer, type TestServer } from '../../helpers/test-server.js';

const PASSWORD = 'correct horse battery 42';

/** A browser signed in as a new user, with a session token minted for PAGE_ORIGIN. */
async function signedIn(server: TestServer) {
  const email = uniqueEmail('refresh');
  const user = await server.clerk.users.createUser({ emailAddress: [email], password: PASSWORD });
  const browser = fapiBrowser(() => server);
  const signIn = await browser.call('POST', '/v1/client/sign_ins', { identifier: email, strategy: 'password', password: PASSWORD });
  expect(signIn.body.response.status).toBe('complete');
  const sessionId = signIn.body.response.created_session_id as string;
  const token = await browser.call('POST', `/v1/client/sessions/${sessionId}/tokens`, {});
  return { browser, user, sessionId, token: token.body.jwt as string, clientToken: browser.jar.get('__client')! };
}

async function verifyWithJwks(server: TestServer, jwt: string) {
  const jwks = await server.api('GET', '/v1/jwks');
  const { payload } = await jwtVerify(jwt, createLocalJWKSet(jwks.body), { currentDate: new Date(server.clock.nowMs()) });
  return payload;
}

describe('Backend API: session refresh', () => {
  const server = useTestServer();

  const refreshBody = (input: { token: string; clientToken: string }, overrides: Record<string, unknown> = {}) => ({
    expired_token: input.token,
    refresh_token: input.clientToken,
    request_origin: PAGE_ORIGIN,
    ...overrides,
  });

  it('answers a new session token for an expired one of the same session and origin', async () => {
    const browser = await signedIn(server);
    server.clock.advanceMs(5 * 60_000);
    const refreshed = await server.clerk.sessions.refreshSession(browser.sessionId, {
      expired_token: browser.token,
      refresh_token: browser.clientToken,
      request_origin: PAGE_ORIGIN,
      request_headers: { 'user-agent': ['vitest'] },
      format: 'token',
    });
    const claims = await verifyWithJwks(server, refreshed.jwt);
    expect(claims).toMatchObject({ sid: browser.sessionId, sub: browser.user.id, azp: PAGE_ORIGIN, iss: decodeJwt(browser.token).iss });
    expect(claims.exp!).toBeGreaterThan(Math.floor(server.clock.nowMs() / 1000));

    // The new token refreshes in turn; so does the old one, while the session lives.
    server.clock.advanceMs(5 * 60_000);
    const again = await server.api('POST', `/v1/sessions/${browser.sessionId}/refresh`, refreshBody({ token: refreshed.jwt, clientToken: browser.clientToken }));
    expect(again.status).toBe(200);
    expect(again.body.object).toBe('token');
  });

  it('format cookie answers Set-Cookie directives, suffixed ones too when asked', async () => {
    const browser = await signedIn(server);
    const cookies = await server.clerk.sessions.refreshSession(browser.sessionId, {
      expired_token: browser.token,
      refresh_token: browser.clientToken,
      request_origin: PAGE_ORIGIN,
      format: 'cookie',
      suffixed_cookies: true,
    });
    const suffix = server.app.frontendInstance.cookieSuffix();
    expect(cookies.cookies.map((cookie) => cookie.split('=')[0])).toEqual(['__session', `__session_${suffix}`]);
    expect(cookies.cookies[0]).toMatch(/; Path=\/; Max-Age=\d+; SameSite=Lax$/);
    const jwt = cookies.cookies[0]!.split(';')[0]!.slice('__session='.length);
    expect(decodeJwt(jwt)).toMatchObject({ sid: browser.sessionId, azp: PAGE_ORIGIN });

    const plain = await server.api('POST', `/v1/sessions/${browser.sessionId}/refresh`, refreshBody(browser, { format: 'cookie' }));
    expect(plain.body.object).toBe('cookies');
    expect(plain.body.cookies).toHaveLength(1);
  });

  it('refuses a token for another origin, another session, or not signed by Roster', async () => {
    const one = await signedIn(server);
    const other = await signedIn(server);
    const refresh = (sessionId: string, body: Record<string, unknown>) => server.api('POST', `/v1/sessions/${sessionId}/refresh`, body);

    expectClerkError(await refresh(one.sessionId, refreshBody(one, { request_origin: 'http://localhost:9999' })), 401, 'refresh_request_origin_azp_mismatch');
    expectClerkError(await refresh(one.sessionId, refreshBody(one, { request_origin: 'not an origin' })), 401, 'refresh_request_origin_invalid');
    // Another session's token, even with that session's own client.
    expectClerkError(await refresh(one.sessionId, refreshBody(other)), 401, 'refresh_sid_mismatch');
    // The right token, with another browser's client secret.
    expectClerkError(await refresh(one.sessionId, refreshBody({ token: one.token, clientToken: other.clientToken })), 401, 'refresh_token_not_found');
    expectClerkError(await refresh(one.sessionId, refreshBody(one, { refresh_token: '' })), 401, 'refresh_token_not_found');
    expectClerkError(await refresh(one.sessionId, refreshBody(one, { expired_token: 'not.a.jwt' })), 401, 'expired_session_token_invalid');

    // The same claims under Roster's kid, signed with another key.
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT(decodeJwt(one.token)).setProtectedHeader({ alg: 'RS256', kid: decodeProtectedHeader(one.token).kid! }).sign(privateKey);
    expectClerkError(await refresh(one.sessionId, refreshBody(one, { expired_token: forged })), 401, 'expired_session_token_invalid');

    // A Backend API token has no `azp`: it was minted for no page.
    const bapiToken = await server.clerk.sessions.getToken(one.sessionId);
    expectClerkError(await refresh(one.sessionId, refreshBody(one, { expired_token: bapiToken.jwt })), 401, 'expired_session_token_missing_azp');

    const sdk = await expectSdkError(
      server.clerk.sessions.refreshSession(one.sessionId, { expired_token: other.token, refresh_token: other.clientToken, request_origin: PAGE_ORIGIN }),
      401,
      'refresh_sid_mismatch',
    );
    expect(sdk.errors[0]?.longMessage).toContain("'sid' claim");
  });

  it('refuses an expired token of a revoked or signed-out session', async () => {
    const revoked = await signedIn(server);
    await server.clerk.sessions.revokeSession(revoked.sessionId);
    server.clock.advanceMs(5 * 60_000);
    expectClerkError(
      await server.api('POST', `/v1/sessions/${revoked.sessionId}/refresh`, refreshBody(revoked)),
      401,
      'session_refresh_inactive_session',
    );

    const signedOut = await signedIn(server);
    await signedOut.browser.call('DELETE', '/v1/client/sessions');
    await expectSdkError(
      server.clerk.sessions.refreshSession(signedOut.sessionId, { expired_token: signedOut.token, refresh_token: signedOut.clientToken, request_origin: PAGE_ORIGIN }),
      401,
      'session_refresh_inactive_session',
    );
  });

  it('validates its body and needs the secret key', async () => {
    const browser = await signedIn(server);
    expectClerkError(await server.api('POST', `/v1/sessions/${browser.sessionId}/refresh`, { expired_token: browser.token }), 422, 'form_param_missing');
    expectClerkError(await server.api('POST', `/v1/sessions/${browser.sessionId}/refresh`, refreshBody(browser, { format: 'jwt' })), 422, 'form_param_value_invalid', 'format');
    expectClerkError(
      await server.api('POST', `/v1/sessions/${browser.sessionId}/refresh`, refreshBody(browser), { authorization: '' }),
      401,
      'authentication_invalid',
    );
  });
});

describe('Backend API: session refresh across a signing key rotation', () => {
  const server = useTestServer({ ROSTER_SIGNING_KEY_MAX_AGE_SECONDS: '60' });

  it('still recognises a token signed by a retired key', async () => {
    const browser = await signedIn(server);
    const oldKid = decodeProtectedHeader(browser.token).kid;
    server.clock.advanceMs(10 * 60_000);
    const refreshed = await server.clerk.sessions.refreshSession(browser.sessionId, {
      expired_token: browser.token,
      refresh_token: browser.clientToken,
      request_origin: PAGE_ORIGIN,
    });
    expect(decodeProtectedHeader(refreshed.jwt).kid).not.toBe(oldKid);
    expect((await verifyWithJwks(server, refreshed.jwt)).sid).toBe(browser.sessionId);
  });
});

describe('Backend API: session verification (deprecated)', () => {
  const server = useTestServer();

  it('answers the session for a current token of it', async () => {
    const browser = await signedIn(server);
    const session = await server.clerk.sessions.verifySession(browser.sessionId, browser.token);
    expect(session).toMatchObject({ id: browser.sessionId, userId: browser.user.id, status: 'active' });
    const bapiToken = await server.clerk.sessions.getToken(browser.sessionId);
    expect((await server.clerk.sessions.verifySession(browser.sessionId, bapiToken.jwt)).id).toBe(browser.sessionId);
  });

  it("refuses another session's token, an expired token, a forged one, and a revoked session", async () => {
    const one = await signedIn(server);
    const other = await signedIn(server);
    await expectSdkError(server.clerk.sessions.verifySession(one.sessionId, other.token), 400, 'invalid_session_token');
    await expectSdkError(server.clerk.sessions.verifySession(one.sessionId, 'garbage'), 400, 'invalid_session_token');
    await expectSdkError(server.clerk.sessions.verifySession(`sess_${uniqueTag()}`, one.token), 404, 'resource_not_found');

    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT(decodeJwt(one.token)).setProtectedHeader({ alg: 'RS256', kid: decodeProtectedHeader(one.token).kid! }).sign(privateKey);
    expectClerkError(await server.api('POST', `/v1/sessions/${one.sessionId}/verify`, { token: forged }), 400, 'invalid_session_token');

    const fresh = await server.clerk.sessions.getToken(other.sessionId);
    await server.clerk.sessions.revokeSession(other.sessionId);
    await expectSdkError(server.clerk.sessions.verifySession(other.sessionId, fresh.jwt), 400, 'invalid_session_token');

    server.clock.advanceMs(5 * 60_000);
    await expectSdkError(server.clerk.sessions.verifySession(one.sessionId, one.token), 400, 'invalid_session_token');
  });

  it('validates its body and needs the secret key', async () => {
    const browser = await signedIn(server);
    expectClerkError(await server.api('POST', `/v1/sessions/${browser.sessionId}/verify`, {}), 422, 'form_param_missing', 'token');
    expectClerkError(await server.api('POST', `/v1/sessions/${browser.sessionId}/verify`, { token: browser.token }, { authorization: '' }), 401, 'authentication_invalid');
  });
});
