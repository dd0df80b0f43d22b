// In Chromium, with Clerk's unmodified components: a person signs up with an ordinary address (no +clerk_test),
// Roster mails the code over SMTP, and the person types the code from the message into <SignUp/>. Then the same
// through the Express example app, whose /me page shows the user id clerkMiddleware read from the session token.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { uniqueEmail } from '../helpers/fixtures.js';
import { codeOf, startSmtpInbox, type SmtpInbox } from '../helpers/smtp-inbox.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { frontendApiOf, startAppPage, startExampleApp, waitForClerk, type AppPageServer } from './helpers/app-page.js';
import { describeBrowser, useBrowser } from './helpers/browser.js';
import { blockOffsiteRequests, recordRequests, type RequestRecorder } from './helpers/requests.js';

describeBrowser('signing up with a code delivered over SMTP', () => {
  const browser = useBrowser();
  let inbox: SmtpInbox;
  let server: TestServer;
  let app: AppPageServer;
  let example: AppPageServer | undefined;
  let exampleUrl: string;

  beforeAll(async () => {
    inbox = await startSmtpInbox();
    server = await startTestServer({ ROSTER_SMTP_URL: inbox.url, ROSTER_EMAIL_FROM: 'Acme <accounts@acme.test>', ROSTER_APP_NAME: 'Acme' });
    const fapi = frontendApiOf(server);
    app = await startAppPage(fapi);
    example = await startExampleApp(server);
    exampleUrl = example.url;
  });
  afterAll(async () => {
    await example?.close();
    await app?.close();
    await server?.close();
    await inbox?.close();
  });

  /** Fills <SignUp/>'s first step, then types the code from the message Roster sent to `email`. */
  async function signUpWithMailedCode(page: Page, fapi: RequestRecorder, email: string): Promise<string> {
    await page.locator('input[name=emailAddress]').fill(email);
    await page.locator('input[name=password]').fill('smtp-sign-up-Pa55word!');
    await page.locator('.cl-formButtonPrimary').click();
    // clerk-js prepares again when the verify page loads; a navigation may abort one of its requests, so the one that
    // answered is the one to wait for.
    const prepared = await fapi.waitFor((request) => /^\/v1\/client\/sign_ups\/[^/]+\/prepare_verification$/.test(request.path) && request.status !== null);
    expect(prepared.status, fapi.calls().join('\n')).toBe(200);
    const message = await inbox.waitForMessage(email);
    expect(message.mime.headers.get('from')).toBe('Acme <accounts@acme.test>');
    const code = codeOf(message);
    await page.locator('input[autocomplete=one-time-code]').first().waitFor();
    await page.keyboard.type(code);
    const attempted = await fapi.waitFor((request) => /^\/v1\/client\/sign_ups\/[^/]+\/attempt_verification$/.test(request.path));
    expect(attempted.status, fapi.calls().join('\n')).toBe(200);
    return code;
  }

  /** The one user with `email`, which the Backend API shows verified by the email code, as Clerk does. */
  async function userWithVerifiedAddress(email: string) {
    const { data: users } = await server.clerk.users.getUserList({ emailAddress: [email] });
    expect(users).toHaveLength(1);
    const [user] = users;
    const address = user!.emailAddresses.find((entry) => entry.emailAddress === email);
    expect(address?.verification?.status).toBe('verified');
    expect(address?.verification?.strategy).toBe('email_code');
    expect(user!.primaryEmailAddressId).toBe(address!.id);
    expect(user!.passwordEnabled).toBe(true);
    return user!;
  }

  it('mails the code to an ordinary address; typed into <SignUp/>, it verifies the address and signs in', { timeout: 45_000 }, async () => {
    const context = await browser.newContext();
    const offsite = await blockOffsiteRequests(context);
    const page = await context.newPage();
    const fapi = recordRequests(page, frontendApiOf(server).frontendApiUrl);
    const email = uniqueEmail('smtp-sign-up');

    await page.goto(`${app.url}/sign-up`);
    await waitForClerk(page);
    const code = await signUpWithMailedCode(page, fapi, email);
    await page.waitForURL(`${app.url}/`);
    await waitForClerk(page);
    const shown = await page.locator('#user-id').textContent();

    const user = await userWithVerifiedAddress(email);
    expect(shown).toBe(user.id);
    // Exactly one message went to the address signed up with, and the code travelled only in a request body.
    expect(inbox.messages.filter((message) => message.to.includes(email))).toHaveLength(1);
    expect(fapi.requests.some((request) => request.url.includes(code))).toBe(false);
    const { data: sessions } = await server.clerk.sessions.getSessionList({ userId: user.id, status: 'active' });
    expect(sessions).toHaveLength(1);
    expect(await page.evaluate(() => (window as any).Clerk.session?.id)).toBe(sessions[0]!.id);
    expect(offsite).toEqual([]);
    await context.close();
  });

  it('signs up through the example app, whose /me page shows the user id clerkMiddleware verified', { timeout: 45_000 }, async () => {
    const context = await browser.newContext();
    const offsite = await blockOffsiteRequests(context);
    const page = await context.newPage();
    const fapi = recordRequests(page, frontendApiOf(server).frontendApiUrl);
    const email = uniqueEmail('smtp-example');

    await page.goto(`${exampleUrl}/sign-up`);
    await signUpWithMailedCode(page, fapi, email);
    await page.waitForURL(`${exampleUrl}/me`);
    const shown = await page.locator('#user-id').textContent({ timeout: 15_000 });

    const user = await userWithVerifiedAddress(email);
    expect(shown).toBe(user.id);
    // The page's answer came from the backend: the same request with the browser's cookies says so too.
    const me = await page.evaluate(async () => (await fetch('/api/me', { credentials: 'same-origin' })).json());
    const { data: sessions } = await server.clerk.sessions.getSessionList({ userId: user.id, status: 'active' });
    expect(me).toEqual({ userId: user.id, sessionId: sessions[0]!.id });
    expect(offsite).toEqual([]);
    await context.close();
  });
});
