// In Chromium, with Clerk's unmodified <SignIn/>: a wrong password and a banned user. The component shows Clerk's
// error because the Frontend API answered with Clerk's error (422 form_password_incorrect, 403 user_banned), and
// the Backend API shows that no session was made.
import { expect, it } from 'vitest';
import { uniqueEmail } from '../helpers/fixtures.js';
import { useTestServer } from '../helpers/test-server.js';
import { frontendApiOf, useAppPage, waitForClerk } from './helpers/app-page.js';
import { describeBrowser, useBrowser } from './helpers/browser.js';
import { blockOffsiteRequests, recordErrorAnswers, recordRequests } from './helpers/requests.js';

const PASSWORD = 'sign-in-failures-Pa55word!';

describeBrowser('sign-in failures in <SignIn/>', () => {
  const server = useTestServer();
  const browser = useBrowser();
  const app = useAppPage(server);

  /** A page on /sign-in with the FAPI calls and error answers recorded. */
  async function signInPage() {
    const context = await browser.newContext();
    const offsite = await blockOffsiteRequests(context);
    const page = await context.newPage();
    const { frontendApiUrl } = frontendApiOf(server);
    const fapi = recordRequests(page, frontendApiUrl);
    const errorAnswers = recordErrorAnswers(page, frontendApiUrl);
    await page.goto(`${app.url}/sign-in`);
    await waitForClerk(page);
    return { context, page, fapi, errorAnswers, offsite };
  }

  const sessionsOf = async (userId: string) => (await server.clerk.sessions.getSessionList({ userId })).data;

  it('shows Clerk\'s error for a wrong password, and no session is made', async () => {
    const email = uniqueEmail('wrong-password');
    const user = await server.clerk.users.createUser({ emailAddress: [email], password: PASSWORD });
    const { context, page, fapi, errorAnswers, offsite } = await signInPage();

    await page.locator('input[name=identifier]').fill(email);
    await page.locator('.cl-formButtonPrimary').click();
    await page.locator('input[name=password]').fill(`${PASSWORD}-not`);
    await page.locator('.cl-formButtonPrimary').click();

    const attempt = await fapi.waitFor((request) => /^\/v1\/client\/sign_ins\/[^/]+\/attempt_first_factor$/.test(request.path));
    expect(attempt.status, fapi.calls().join('\n')).toBe(422);
    await expect.poll(() => errorAnswers).toEqual([{ call: expect.stringMatching(/^POST \/v1\/client\/sign_ins\/[^/]+\/attempt_first_factor$/), status: 422, codes: ['form_password_incorrect'] }]);
    // <SignIn/> shows the error under the password field and stays on the password step.
    await expect.poll(() => page.locator('#error-password').textContent()).toContain('Password is incorrect');
    expect(new URL(page.url()).pathname).toBe('/sign-in/factor-one');
    expect(await page.evaluate(() => (window as any).Clerk.user)).toBeNull();
    expect(await page.locator('#user-id').textContent()).toBe('signed out');

    expect(await sessionsOf(user.id)).toEqual([]);
    // The failure counts towards the user's lockout (one attempt fewer left), without locking them yet.
    const before = (await server.api('GET', `/v1/users/${user.id}`)).body;
    expect(before.lockout_expires_in_seconds).toBeNull();
    expect(before.verification_attempts_remaining).toBe(server.config.lockout.maxAttempts! - 1);
    expect(offsite).toEqual([]);

    // The right password then signs in: the failed attempt left the sign-in usable.
    await page.locator('input[name=password]').fill(PASSWORD);
    await page.locator('.cl-formButtonPrimary').click();
    await page.waitForURL(`${app.url}/`);
    await waitForClerk(page);
    const [session] = await sessionsOf(user.id);
    expect(session?.status).toBe('active');
    expect(await page.locator('#user-id').textContent()).toBe(user.id);
    await context.close();
  });

  it('refuses a banned user with Clerk\'s error, and no session is made', async () => {
    const email = uniqueEmail('banned');
    const user = await server.clerk.users.createUser({ emailAddress: [email], password: PASSWORD });
    await server.clerk.users.banUser(user.id);
    const { context, page, fapi, errorAnswers, offsite } = await signInPage();

    await page.locator('input[name=identifier]').fill(email);
    await page.locator('.cl-formButtonPrimary').click();
    // Roster refuses the banned user as soon as the identifier names them; the password step never comes.
    await expect.poll(() => errorAnswers, { timeout: 10_000 }).toEqual([{ call: 'POST /v1/client/sign_ins', status: 403, codes: ['user_banned'] }]);
    const alert = page.locator('.cl-alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/banned/i);
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    expect(fapi.calls().filter((call) => call.includes('attempt_first_factor'))).toEqual([]);
    expect(await page.evaluate(() => (window as any).Clerk.user)).toBeNull();

    expect(await sessionsOf(user.id)).toEqual([]);
    expect(offsite).toEqual([]);
    await context.close();
  });
});
