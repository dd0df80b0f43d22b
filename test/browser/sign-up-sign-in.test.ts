// In Chromium, with Clerk's unmodified components: a person signs up with an email code, signs out through
// <UserButton/>, and signs in again with their password; Roster's Backend API sees the same user throughout.
import { expect, it } from 'vitest';
import { uniqueEmail } from '../helpers/fixtures.js';
import { useTestServer } from '../helpers/test-server.js';
import { frontendApiOf, useAppPage, waitForClerk } from './helpers/app-page.js';
import { describeBrowser, useBrowser } from './helpers/browser.js';
import { blockOffsiteRequests, recordRequests } from './helpers/requests.js';

describeBrowser('signing up and in with Clerk\'s components', () => {
  const server = useTestServer();
  const browser = useBrowser();
  const app = useAppPage(server);

  it('signs up with a test address and its code, signs out, and signs in with the password', { timeout: 90_000 }, async () => {
    const context = await browser.newContext();
    const offsite = await blockOffsiteRequests(context);
    const page = await context.newPage();
    const fapi = recordRequests(page, frontendApiOf(server).frontendApiUrl);
    // A development instance verifies +clerk_test addresses with 424242 and sends nothing.
    const email = uniqueEmail('browser').replace('@', '+clerk_test@');
    const password = 'browser-Pa55word!';
    const shownUserId = async () => {
      await page.waitForURL(`${app.url}/`, { timeout: 15_000 }).catch(async (error: Error) => {
        await page.screenshot({ path: '/tmp/sign-up-sign-in.png' });
        throw new Error(`${error.message}\nat ${page.url()}\nFAPI calls:\n${fapi.calls().join('\n')}`);
      });
      await waitForClerk(page);
      return page.locator('#user-id').textContent();
    };

    await page.goto(`${app.url}/sign-up`);
    await waitForClerk(page);
    await page.locator('input[name=emailAddress]').fill(email);
    await page.locator('input[name=password]').fill(password);
    await page.locator('.cl-formButtonPrimary').click();
    await page.locator('input[autocomplete=one-time-code]').waitFor();
    await page.keyboard.type('424242');
    const signedUp = await shownUserId();

    const users = await server.api('GET', `/v1/users?email_address=${encodeURIComponent(email)}`);
    expect(users.body.map((user: { id: string }) => user.id), fapi.calls().join('\n')).toEqual([signedUp]);
    const succeeded = (pattern: RegExp) => fapi.calls().some((call) => pattern.test(call));
    expect(succeeded(/^POST \/v1\/client\/sign_ups 200$/), fapi.calls().join('\n')).toBe(true);
    expect(succeeded(/^POST \/v1\/client\/sign_ups\/[^/]+\/attempt_verification 200$/), fapi.calls().join('\n')).toBe(true);

    await page.locator('.cl-userButtonTrigger').click();
    await page.locator('.cl-userButtonPopoverActionButton__signOut').click();
    const signOut = await fapi.waitFor((request) => request.effectiveMethod === 'DELETE' && request.path === '/v1/client/sessions');
    expect(signOut.status, fapi.calls().join('\n')).toBe(200);
    await page.locator('#user-id', { hasText: 'signed out' }).waitFor();

    await page.goto(`${app.url}/sign-in`);
    await waitForClerk(page);
    await page.locator('input[name=identifier]').fill(email);
    await page.locator('.cl-formButtonPrimary').click();
    await page.locator('input[name=password]').fill(password);
    await page.locator('.cl-formButtonPrimary').click();
    expect(await shownUserId()).toBe(signedUp);
    expect(succeeded(/^POST \/v1\/client\/sign_ins\/[^/]+\/attempt_first_factor 200$/), fapi.calls().join('\n')).toBe(true);

    expect(offsite).toEqual([]);
    await context.close();
  });
});
