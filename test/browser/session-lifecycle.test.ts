// In Chromium, with unmodified clerk-js: a signed-in page's session over time. Tokens live 30 s (the minimum);
// clerk-js's poller fetches a fresh one before the old one expires; a revoked session or a banned user signs the
// page out within one token lifetime; signing out through <UserButton/> ends the session at Roster; and with the
// example app's clerkMiddleware, an expired `__session` cookie is refreshed by one handshake redirect.
//
// Roster's test clock is manual: here it follows the real time (a ticker sets it), so the tokens' `iat` moves on
// as the page lives. The three waits for the poller (about 10 s each) run concurrently.
import { verifyToken } from '@clerk/backend';
import { decodeJwt } from 'jose';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { uniqueEmail } from '../helpers/fixtures.js';
import { useTestServer } from '../helpers/test-server.js';
import { frontendApiOf, startAppPage, startExampleApp, waitForClerk, type AppPageServer } from './helpers/app-page.js';
import { describeBrowser, useBrowser } from './helpers/browser.js';
import { blockOffsiteRequests, recordErrorAnswers, recordRequests } from './helpers/requests.js';

const TOKEN_LIFETIME_SECONDS = 30;
const PASSWORD = 'session-lifecycle-Pa55word!';

describeBrowser('a signed-in page over time', () => {
  const server = useTestServer({ ROSTER_SESSION_TOKEN_LIFETIME_SECONDS: String(TOKEN_LIFETIME_SECONDS) });
  const browser = useBrowser();
  let app: AppPageServer;
  let ticker: ReturnType<typeof setInterval> | undefined;

  beforeAll(async () => {
    app = await startAppPage(frontendApiOf(server));
    // Date.now(): the real time, or the time a test moved Node's Date to (the handshake test).
    const follow = () => server.clock.setMs(Date.now());
    follow();
    ticker = setInterval(follow, 100);
  });
  afterAll(async () => {
    clearInterval(ticker);
    await app?.close();
  });

  const token = (page: Page) => page.evaluate(() => (window as any).Clerk.session.getToken() as Promise<string>);
  const sessionCookie = async (context: BrowserContext) => (await context.cookies()).find((cookie) => cookie.name === '__session')?.value;

  /** A user signed in on the app's `/` (<UserButton/>) through clerk-js's own sign-in calls (the UI is tested elsewhere). */
  async function signedInPage(label: string) {
    const email = uniqueEmail(label);
    const user = await server.clerk.users.createUser({ emailAddress: [email], password: PASSWORD });
    const context = await browser.newContext();
    const offsite = await blockOffsiteRequests(context);
    const page = await context.newPage();
    const { frontendApiUrl } = frontendApiOf(server);
    const fapi = recordRequests(page, frontendApiUrl);
    const errorAnswers = recordErrorAnswers(page, frontendApiUrl);
    await page.goto(`${app.url}/`);
    await waitForClerk(page);
    const sessionId = await page.evaluate(
      async ([identifier, password]) => {
        const clerk = (window as any).Clerk;
        const signIn = await clerk.client.signIn.create({ strategy: 'password', identifier, password });
        await clerk.setActive({ session: signIn.createdSessionId });
        return clerk.session.id as string;
      },
      [email, PASSWORD],
    );
    await page.locator('#user-id', { hasText: user.id }).waitFor();
    await page.locator('.cl-userButtonTrigger').waitFor();
    return { user, sessionId, context, page, fapi, errorAnswers, offsite };
  }

  describe('the poller', { concurrent: true }, () => {
    it('fetches a fresh token before the old one expires', { timeout: 45_000 }, async ({ expect }) => {
      const { sessionId, context, page, fapi, offsite } = await signedInPage('refresh');
      const first = await token(page);
      const firstClaims = decodeJwt(first);
      expect(firstClaims.exp! - firstClaims.iat!).toBe(TOKEN_LIFETIME_SECONDS);
      expect(firstClaims.sid).toBe(sessionId);
      expect(await sessionCookie(context)).toBe(first);

      const refreshed = await fapi.waitFor((request) => request.path === `/v1/client/sessions/${sessionId}/tokens`, TOKEN_LIFETIME_SECONDS * 1000);
      const refreshedAtSeconds = Date.now() / 1000;
      expect(refreshed.status, fapi.calls().join('\n')).toBe(200);
      expect(refreshedAtSeconds).toBeLessThan(firstClaims.exp!);

      const second = await token(page);
      const secondClaims = decodeJwt(second);
      expect(secondClaims.iat!).toBeGreaterThan(firstClaims.iat!);
      expect(secondClaims.exp! - secondClaims.iat!).toBe(TOKEN_LIFETIME_SECONDS);
      expect(secondClaims).toMatchObject({ sid: sessionId, sub: firstClaims.sub, azp: app.url });
      // The page's cookie holds the fresh token; the Backend API verifies it.
      await expect.poll(() => sessionCookie(context)).toBe(second);
      const verified = await verifyToken(second, { secretKey: server.secretKey, apiUrl: server.baseUrl, authorizedParties: [app.url] });
      expect(verified.sid).toBe(sessionId);
      expect((await server.clerk.sessions.getSession(sessionId)).status).toBe('active');
      expect(offsite).toEqual([]);
      await context.close();
    });

    it('signs the page out within one token lifetime after revokeSession', { timeout: 45_000 }, async ({ expect }) => {
      const { sessionId, context, page, fapi, errorAnswers } = await signedInPage('revoke');
      await server.clerk.sessions.revokeSession(sessionId);
      const revokedAt = Date.now();

      // clerk-js refreshes its token 17 s before it expires: the 401 there makes it re-read its client at once.
      await page.locator('#user-id', { hasText: 'signed out' }).waitFor({ timeout: TOKEN_LIFETIME_SECONDS * 1000 });
      expect(Date.now() - revokedAt).toBeLessThan(TOKEN_LIFETIME_SECONDS * 1000);
      // The poller's token request was told the session is over, and clerk-js re-read its client.
      expect(errorAnswers).toEqual([{ call: `POST /v1/client/sessions/${sessionId}/tokens`, status: 401, codes: ['signed_out'] }]);
      expect(fapi.calls().slice(-1)).toEqual(['GET /v1/client 200']);
      expect(await page.evaluate(() => (window as any).Clerk.user)).toBeNull();
      await expect.poll(() => page.locator('.cl-userButtonTrigger').count()).toBe(0);
      expect((await server.clerk.sessions.getSession(sessionId)).status).toBe('revoked');
      // <SignIn/> shows again where the app asks for it.
      await page.goto(`${app.url}/sign-in`);
      await waitForClerk(page);
      await page.locator('input[name=identifier]').waitFor();
      await context.close();
    });

    it('signs the page out within one token lifetime after the user is banned', { timeout: 45_000 }, async ({ expect }) => {
      const { user, sessionId, context, page, errorAnswers, fapi } = await signedInPage('ban');
      await server.clerk.users.banUser(user.id);
      const bannedAt = Date.now();

      // Clerk's 403 user_banned: clerk-js ignores it in its early background refresh and signs out when its poller
      // next needs a token, a few seconds before the old one expires.
      await page.locator('#user-id', { hasText: 'signed out' }).waitFor({ timeout: TOKEN_LIFETIME_SECONDS * 1000 });
      expect(Date.now() - bannedAt).toBeLessThan(TOKEN_LIFETIME_SECONDS * 1000);
      expect(errorAnswers.length, fapi.calls().join('\n')).toBeGreaterThan(0);
      expect(new Set(errorAnswers.map((answer) => JSON.stringify(answer)))).toEqual(
        new Set([JSON.stringify({ call: `POST /v1/client/sessions/${sessionId}/tokens`, status: 403, codes: ['user_banned'] })]),
      );
      expect(fapi.calls().slice(-1)).toEqual(['GET /v1/client 200']);
      expect(await page.evaluate(() => (window as any).Clerk.user)).toBeNull();
      expect((await server.clerk.sessions.getSession(sessionId)).status).toBe('revoked');
      await context.close();
    });

    it('ends the session at Roster when the person signs out through <UserButton/>', async ({ expect }) => {
      const { sessionId, context, page, fapi } = await signedInPage('sign-out');
      await page.locator('.cl-userButtonTrigger').click();
      await page.locator('.cl-userButtonPopoverActionButton__signOut').click();
      const signOut = await fapi.waitFor((request) => request.effectiveMethod === 'DELETE' && request.path === '/v1/client/sessions');
      expect(signOut.status, fapi.calls().join('\n')).toBe(200);
      await page.locator('#user-id', { hasText: 'signed out' }).waitFor();

      expect((await server.clerk.sessions.getSession(sessionId)).status).toBe('removed');
      expect(await sessionCookie(context)).toBeUndefined();
      // The browser's client stays, with no session in it.
      const client = await page.evaluate(async () => {
        const clerk = (window as any).Clerk;
        return { sessions: clerk.client.sessions.length, lastActive: clerk.client.lastActiveSessionId };
      });
      expect(client).toEqual({ sessions: 0, lastActive: null });
      await context.close();
    });
  });

  describe('the example app\'s clerkMiddleware', () => {
    let example: AppPageServer | undefined;
    let exampleUrl: string;

    beforeAll(async () => {
      example = await startExampleApp(server);
      exampleUrl = example.url;
    });
    afterAll(async () => example?.close());

    it('refreshes an expired __session cookie with one redirect through the handshake', { timeout: 45_000 }, async () => {
      const email = uniqueEmail('handshake');
      const user = await server.clerk.users.createUser({ emailAddress: [email], password: PASSWORD });
      const context = await browser.newContext();
      const offsite = await blockOffsiteRequests(context);
      const { frontendApiUrl } = frontendApiOf(server);

      const page = await context.newPage();
      await page.goto(`${exampleUrl}/sign-in`);
      await page.locator('input[name=identifier]').fill(email);
      await page.locator('.cl-formButtonPrimary').click();
      await page.locator('input[name=password]').fill(PASSWORD);
      await page.locator('.cl-formButtonPrimary').click();
      await page.waitForURL(`${exampleUrl}/me`);
      expect(await page.locator('#user-id').textContent({ timeout: 15_000 })).toBe(user.id);
      // The visitor leaves: no page polls for tokens any more.
      await page.close();
      const expired = await sessionCookie(context);
      const { exp, sid } = decodeJwt(expired!);

      // Past the token's lifetime, for Roster's clock (the ticker follows Date) and for @clerk/backend in the app.
      vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
      try {
        vi.setSystemTime((exp! + 10) * 1000);
        const next = await context.newPage();
        const fapi = recordRequests(next, frontendApiUrl);
        const documents: string[] = [];
        next.on('response', (response) => {
          if (response.request().isNavigationRequest()) documents.push(`${response.status()} ${new URL(response.url()).pathname}`);
        });
        const answer = await next.goto(`${exampleUrl}/api/me`);
        expect(answer?.status()).toBe(200);
        expect(await answer?.json()).toEqual({ userId: user.id, sessionId: sid });
        // One trip: the app to the FAPI's handshake, back with a nonce, the app sets the cookies and drops the nonce.
        expect(fapi.calls()).toEqual(['GET /v1/client/handshake 307']);
        expect(documents.filter((line) => line.endsWith('/fapi/v1/client/handshake'))).toEqual(['307 /fapi/v1/client/handshake']);
        expect(new URL(next.url()).search).toBe('');
        const fresh = decodeJwt((await sessionCookie(context))!);
        expect(fresh.sid).toBe(sid);
        expect(fresh.iat!).toBeGreaterThan(exp!);
        expect((await server.clerk.sessions.getSession(sid as string)).status).toBe('active');
      } finally {
        vi.useRealTimers();
      }
      expect(offsite).toEqual([]);
      await context.close();
    });
  });
});
