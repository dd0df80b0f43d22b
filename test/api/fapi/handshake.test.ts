// The handshake's token format and its refusals: GET /fapi/v1/client/handshake as a document navigation from
// clerkMiddleware (the nonce format is redeemed end to end in test/api/clients/clients.test.ts).
import { createClerkClient } from '@clerk/backend';
import { createRemoteJWKSet, decodeJwt, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { fapiBrowser, PAGE_ORIGIN } from '../../helpers/fapi-client.js';
import { uniqueEmail } from '../../helpers/fixtures.js';
import { useTestServer } from '../../helpers/test-server.js';

const PASSWORD = 'correct horse battery 42';
const LIVE_KEY = `sk_live_${'R0sterLiveKey'.repeat(3)}`;
const cookieOf = (directives: string[], name: string) => directives.find((line) => line.startsWith(`${name}=`));

describe('the handshake, token format', () => {
  // The middleware checks tokens against the real clock, so this server's clock never moves.
  const server = useTestServer();

  async function signedIn() {
    const email = uniqueEmail('handshake');
    await server.clerk.users.createUser({ emailAddress: [email], password: PASSWORD });
    const browser = fapiBrowser(() => server);
    const signIn = await browser.call('POST', '/v1/client/sign_ins', { identifier: email, strategy: 'password', password: PASSWORD });
    return { browser, sessionId: signIn.body.response.created_session_id as string };
  }

  const handshakeOf = (browser: ReturnType<typeof fapiBrowser>, query: string) =>
    browser.call('GET', `/v1/client/handshake?${query}`, undefined, { accept: 'text/html' });

  it('carries a signed JWT with the session cookies, suffixed twins and the development-browser cookie', async () => {
    const { browser, sessionId } = await signedIn();
    const page = `${PAGE_ORIGIN}/dashboard?tab=1`;
    const answer = await handshakeOf(browser, `redirect_url=${encodeURIComponent(page)}&format=token&suffixed_cookies=true&__clerk_hs_reason=dev-browser-missing`);
    expect(answer.status).toBe(307);
    const back = new URL(answer.headers.get('location')!);
    expect(`${back.origin}${back.pathname}`).toBe(`${PAGE_ORIGIN}/dashboard`);
    expect(back.searchParams.get('tab')).toBe('1');
    const token = back.searchParams.get('__clerk_handshake')!;
    // Signed by the instance's session key, verifiable with the Backend API's JWKS.
    const jwks = createRemoteJWKSet(new URL(`${server.baseUrl}/v1/jwks`), { headers: { authorization: `Bearer ${server.secretKey}` } });
    const { payload } = await jwtVerify(token, jwks);
    const directives = payload.handshake as string[];
    const suffix = server.app.frontendInstance.cookieSuffix();
    const session = cookieOf(directives, '__session')!;
    expect(decodeJwt(session.split('=')[1]!.split(';')[0]!)).toMatchObject({ sid: sessionId, azp: PAGE_ORIGIN });
    expect(cookieOf(directives, `__session_${suffix}`)).toBeDefined();
    expect(Number(cookieOf(directives, '__client_uat')!.split('=')[1]!.split(';')[0])).toBeGreaterThan(0);
    expect(cookieOf(directives, `__client_uat_${suffix}`)).toBeDefined();
    expect(cookieOf(directives, '__clerk_db_jwt')).toMatch(/^__clerk_db_jwt=dvb_[A-Za-z0-9_-]+; Path=\/; Max-Age=\d+; SameSite=Lax$/);

    // clerkMiddleware's authenticateRequest signs the document request in from the token.
    const publishableKey = server.app.frontendInstance.publishableKey();
    const middleware = createClerkClient({ secretKey: server.secretKey, apiUrl: server.baseUrl, publishableKey });
    const state = await middleware.authenticateRequest(new Request(back, { headers: { accept: 'text/html', 'sec-fetch-dest': 'document' } }), {
      publishableKey,
      authorizedParties: [PAGE_ORIGIN],
    });
    expect(state.isSignedIn).toBe(true);
    expect(state.toAuth()).toMatchObject({ sessionId });
  });

  it('signs a browser without a session out, and keeps a plain development-browser token', async () => {
    const browser = fapiBrowser(() => server);
    const answer = await handshakeOf(browser, `redirect_url=${encodeURIComponent(PAGE_ORIGIN)}&format=token&__clerk_db_jwt=dvb_keep.me-1`);
    const directives = decodeJwt(new URL(answer.headers.get('location')!).searchParams.get('__clerk_handshake')!).handshake as string[];
    expect(cookieOf(directives, '__session')).toMatch(/^__session=; Path=\/; Max-Age=0/);
    expect(cookieOf(directives, '__client_uat')).toMatch(/^__client_uat=0;/);
    expect(cookieOf(directives, '__clerk_db_jwt')).toMatch(/^__clerk_db_jwt=dvb_keep\.me-1;/);
    // A token that would add cookie attributes is replaced, never written into the directive.
    const injected = await handshakeOf(browser, `redirect_url=${encodeURIComponent(PAGE_ORIGIN)}&format=token&__clerk_db_jwt=${encodeURIComponent('x; Domain=evil.example')}`);
    const replaced = decodeJwt(new URL(injected.headers.get('location')!).searchParams.get('__clerk_handshake')!).handshake as string[];
    expect(replaced.join('\n')).not.toContain('evil.example');
  });

  it('returns only to pages of allowed origins', async () => {
    const browser = fapiBrowser(() => server);
    for (const target of ['https://evil.example/', '//evil.example/', '/relative', 'javascript:alert(1)', 'http://localhost.evil.example/']) {
      const answer = await handshakeOf(browser, `redirect_url=${encodeURIComponent(target)}&format=nonce`);
      expect([target, answer.status, answer.headers.get('location')]).toEqual([target, 422, null]);
      expect(answer.body.errors[0].meta.param_name).toBe('redirect_url');
    }
    const missing = await handshakeOf(browser, 'format=nonce');
    expect(missing.status).toBe(422);
    const badFormat = await handshakeOf(browser, `redirect_url=${encodeURIComponent(PAGE_ORIGIN)}&format=cookie`);
    expect(badFormat.status).toBe(422);
  });
});

describe('the handshake on a production instance', () => {
  const server = useTestServer({
    ROSTER_SECRET_KEYS: LIVE_KEY,
    ROSTER_PUBLIC_URL: 'https://roster.example.com',
    ROSTER_FRONTEND_API_URL: 'https://clerk.example.com',
    ROSTER_ALLOWED_ORIGINS: 'https://app.example.com',
    ROSTER_SMTP_URL: 'smtp://127.0.0.1:9',
    ROSTER_COOKIE_DOMAIN: 'example.com',
  });

  it('hands the nonce over in a cookie, not in the URL, and sets no development-browser cookie', async () => {
    const browser = fapiBrowser(() => server, 'https://app.example.com');
    const answer = await browser.call('GET', `/v1/client/handshake?redirect_url=${encodeURIComponent('https://app.example.com/')}&format=nonce`, undefined, {
      accept: 'text/html',
    });
    expect(answer.status).toBe(307);
    expect(new URL(answer.headers.get('location')!).searchParams.has('__clerk_handshake_nonce')).toBe(false);
    const nonceCookie = answer.headers.getSetCookie().find((line) => line.startsWith('__clerk_handshake_nonce='))!;
    expect(nonceCookie).toMatch(/HttpOnly/i);
    expect(nonceCookie).toMatch(/Secure/i);
    // On the domain the app (app.example.com) shares with the Frontend API (clerk.example.com), so its middleware sees it.
    expect(nonceCookie).toMatch(/Domain=example\.com/i);
    const nonce = nonceCookie.split('=')[1]!.split(';')[0]!;
    const payload = await server.api('GET', `/v1/clients/handshake_payload?nonce=${encodeURIComponent(nonce)}`, undefined, { authorization: `Bearer ${LIVE_KEY}` });
    expect(payload.status).toBe(200);
    expect((payload.body.directives as string[]).some((line) => line.startsWith('__clerk_db_jwt'))).toBe(false);
    expect((payload.body.directives as string[]).every((line) => line.endsWith('; Secure'))).toBe(true);
  });
});
