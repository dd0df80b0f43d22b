// In Chromium, with Clerk's unmodified <SignIn/>: "Forgot password?" → the reset code → a new password signs the
// person in, after which only the new password works; opening a sign-in token's `url` signs its user in; opening an
// actor token's `url` signs in as the impersonated user, with the actor on `window.Clerk.session.actor`.
import type { BrowserContext, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { fapiBrowser } from '../helpers/fapi-client.js';
import { uniqueEmail } from '../helpers/fixtures.js';
import { useTestServer } from '../helpers/test-server.js';
import { frontendApiOf, useAppPage, waitForClerk } from './helpers/app-page.js';
import { describeBrowser, useBrowser } from './helpers/browser.js';
import { blockOffsiteRequests, recordErrorAnswers, recordRequests, type RequestRecorder } from './helpers/requests.js';

const OLD_PASSWORD = 'forgot-password-Old-Pa55!';
const NEW_PASSWORD = 'forgot-password-New-Pa55!';

describeBrowser('forgot password and ticket links in <SignIn/>', () => {
  const server = useTestServer();
  const browser = useBrowser();
  const app = useAppPage(server);

  async function openPage(path: string): Promise<{ context: BrowserContext; page: Page; fapi: RequestRecorder; offsite: string[]; signInForms: URLSearchParams[] }> {
    const context = await browser.newContext();
    const offsite = await blockOffsiteRequests(context);
    const page = await context.newPage();
    const fapi = recordRequests(page, frontendApiOf(server).frontendApiUrl);
    // The forms clerk-js posts to start a sign-in (what it sends for a ticket).
    const signInForms: URLSearchParams[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname.endsWith('/v1/client/sign_ins')) signInForms.push(new URLSearchParams(request.postData() ?? ''));
    });
    await page.goto(`${app.url}${path}`);
    await waitForClerk(page);
    return { context, page, fapi, offsite, signInForms };
  }

  /** Waits for the page to land on `/` signed in, and returns the user id it shows. */
  async function signedInUserId(page: Page, fapi: RequestRecorder, label: string): Promise<string | null> {
    await page.waitForURL(`${app.url}/`, { timeout: 15_000 }).catch(async (error: Error) => {
      await page.screenshot({ path: `/tmp/${label}.png` });
      throw new Error(`${error.message}\nat ${page.url()}\nFAPI calls:\n${fapi.calls().join('\n')}`);
    });
    await waitForClerk(page);
    return page.locator('#user-id').textContent();
  }

  /** A fresh sign-in with a password, outside the browser: 200, or the FAPI's error code. */
  async function passwordWorks(email: string, password: string): Promise<boolean | string> {
    const answer = await fapiBrowser(() => server).call('POST', '/v1/client/sign_ins', { identifier: email, strategy: 'password', password });
    return answer.status === 200 ? answer.body.response.status === 'complete' : answer.body.errors[0].code;
  }

  it('resets a forgotten password with the emailed code and signs in; the old password then fails', { timeout: 90_000 }, async () => {
    // A development instance verifies +clerk_test addresses with 424242 and sends nothing.
    const email = uniqueEmail('forgot').replace('@', '+clerk_test@');
    const user = await server.clerk.users.createUser({ emailAddress: [email], password: OLD_PASSWORD });
    const { context, page, fapi, offsite } = await openPage('/sign-in');
    const errors = recordErrorAnswers(page, frontendApiOf(server).frontendApiUrl);

    await page.locator('input[name=identifier]').fill(email);
    await page.locator('.cl-formButtonPrimary').click();
    await page.locator('input[name=password]').waitFor();
    await page.getByText('Forgot password?').click();
    await page.getByRole('button', { name: /reset your password/i }).click();
    const prepare = await fapi.waitFor((request) => /^\/v1\/client\/sign_ins\/[^/]+\/prepare_first_factor$/.test(request.path));
    expect(prepare.status, fapi.calls().join('\n')).toBe(200);
    await page.locator('input[autocomplete=one-time-code]').waitFor();
    await page.keyboard.type('424242');
    const attempt = await fapi.waitFor((request) => /^\/v1\/client\/sign_ins\/[^/]+\/attempt_first_factor$/.test(request.path));
    expect(attempt.status, fapi.calls().join('\n')).toBe(200);

    await page.locator('input[name=password]').fill(NEW_PASSWORD);
    await page.locator('input[name=confirmPassword]').fill(NEW_PASSWORD);
    await page.locator('.cl-formButtonPrimary').click();
    const reset = await fapi.waitFor((request) => /^\/v1\/client\/sign_ins\/[^/]+\/reset_password$/.test(request.path));
    expect(reset.status, fapi.calls().join('\n')).toBe(200);
    expect(await signedInUserId(page, fapi, 'forgot-password')).toBe(user.id);
    expect(errors).toEqual([]);

    // Fresh sign-ins: the old password is refused, the new one works.
    expect(await passwordWorks(email, OLD_PASSWORD)).toBe('form_password_incorrect');
    expect(await passwordWorks(email, NEW_PASSWORD)).toBe(true);
    expect(offsite).toEqual([]);
    await context.close();
  });

  it("opening a sign-in token's url signs its user in, once", { timeout: 60_000 }, async () => {
    const user = await server.clerk.users.createUser({ emailAddress: [uniqueEmail('ticket')], password: OLD_PASSWORD });
    const token = await server.clerk.signInTokens.createSignInToken({ userId: user.id, expiresInSeconds: 600 });
    // Roster's `url` is the configured sign-in page (a path here) with `__clerk_ticket`.
    const target = new URL(token.url!, app.url);
    const { context, page, fapi, offsite, signInForms } = await openPage(`${target.pathname}${target.search}`);
    expect(await signedInUserId(page, fapi, 'sign-in-token')).toBe(user.id);
    expect(signInForms.map((form) => [form.get('strategy'), form.get('ticket')])).toEqual([['ticket', token.token]]);
    // clerk-js drops the ticket from the address bar.
    expect(page.url()).not.toContain('__clerk_ticket');
    const [session] = (await server.clerk.sessions.getSessionList({ userId: user.id })).data;
    expect(session).toMatchObject({ status: 'active', actor: null });
    expect(offsite).toEqual([]);
    await context.close();

    // The link was single use: a second browser opening it stays signed out.
    const second = await openPage(`${target.pathname}${target.search}`);
    const refused = await second.fapi.waitFor((request) => request.method === 'POST' && request.path === '/v1/client/sign_ins');
    expect(refused.status).toBe(400);
    expect(await second.page.evaluate(() => (window as any).Clerk.user)).toBeNull();
    await second.context.close();
  });

  it("opening an actor token's url signs in as the impersonated user, with the actor on the session", { timeout: 60_000 }, async () => {
    const email = uniqueEmail('impersonated');
    const user = await server.clerk.users.createUser({ emailAddress: [email], password: OLD_PASSWORD });
    const actor = { sub: 'user_support_agent' };
    const token = await server.clerk.actorTokens.create({ userId: user.id, actor, sessionMaxDurationInSeconds: 600 });
    const target = new URL(token.url!, app.url);
    const { context, page, fapi, offsite } = await openPage(`${target.pathname}${target.search}`);
    expect(await signedInUserId(page, fapi, 'actor-token')).toBe(user.id);
    expect(await page.evaluate(() => (window as any).Clerk.session.actor)).toEqual(actor);
    expect(await page.evaluate(() => (window as any).Clerk.user.id)).toBe(user.id);
    // Clerk's components show the impersonation notice, naming the impersonated user.
    const notice = page.locator('.cl-impersonationFab');
    await notice.waitFor({ timeout: 15_000 });
    expect(await notice.textContent()).toContain(email);
    // The session token clerk-js holds carries `act`.
    const jwt = await page.evaluate(() => (window as any).Clerk.session.getToken());
    const claims = JSON.parse(Buffer.from(String(jwt).split('.')[1]!, 'base64url').toString('utf8'));
    expect(claims).toMatchObject({ sub: user.id, act: actor });
    expect(offsite).toEqual([]);
    await context.close();
  });
});
