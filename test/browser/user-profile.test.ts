// In Chromium, with Clerk's unmodified <UserProfile/>: a signed-in person edits their name and username, adds a
// second email address and verifies it with its code, makes it primary, changes their password, then signs out
// and in with the new one; and signs another device out (listed with its browser) and deletes the account. Roster's
// Backend API sees each change.
import { writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { uniqueEmail, uniqueTag } from '../helpers/fixtures.js';
import { useTestServer } from '../helpers/test-server.js';
import { frontendApiOf, signInThroughPage, useAppPage, waitForClerk, signInWithClerkJs } from './helpers/app-page.js';
import { describeBrowser, useBrowser } from './helpers/browser.js';
import { blockOffsiteRequests, recordRequests, type RequestRecorder } from './helpers/requests.js';

const PASSWORD = 'user-profile-Pa55word!';
const NEW_PASSWORD = 'user-profile-N3w-horse!';

describeBrowser("editing one's account in <UserProfile/>", () => {
  const server = useTestServer({ ROSTER_SIGN_UP_ATTRIBUTES: 'username,first_name,last_name' });
  const browser = useBrowser();
  const app = useAppPage(server);

  /** A user signed in through clerk-js's own calls (the sign-in UI is tested elsewhere), on the /user page. */
  async function profilePage(label: string) {
    // A development instance verifies +clerk_test addresses with 424242 and sends nothing.
    const email = uniqueEmail(label).replace('@', '+clerk_test@');
    const user = await server.clerk.users.createUser({ emailAddress: [email], password: PASSWORD });
    const context = await browser.newContext();
    const offsite = await blockOffsiteRequests(context);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const fapi = recordRequests(page, frontendApiOf(server).frontendApiUrl);
    await page.goto(`${app.url}/`);
    await waitForClerk(page);
    await signInWithClerkJs(page, email, PASSWORD);
    await page.goto(`${app.url}/user`);
    await waitForClerk(page);
    await page.locator('.cl-userProfile-root').waitFor();
    return { email, user, context, offsite, page, fapi };
  }

  /** Runs `step`; on failure, saves a screenshot and adds the FAPI calls so far to the error. */
  async function step(page: Page, fapi: RequestRecorder, name: string, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      // The evidence is bounded and optional: a page that hangs must not hide the error behind the test's timeout.
      const evidence = Promise.all([
        page.screenshot({ path: `/tmp/user-profile-${name}.png`, fullPage: true, timeout: 5_000 }),
        page.content().then((html) => writeFileSync(`/tmp/user-profile-${name}.html`, html)),
      ]);
      await Promise.race([evidence, new Promise((resolve) => setTimeout(resolve, 5_000))]).catch(() => undefined);
      throw new Error(`${name}: ${(error as Error).message}\nFAPI calls:\n${fapi.calls().join('\n')}`);
    }
  }

  /** `/v1/me…` calls that did not answer 200: the component met a route Roster lacks or refused. */
  const failedMeCalls = (fapi: RequestRecorder) => fapi.calls().filter((call) => /^\w+ \/v1\/me[/ ]/.test(call) && !call.endsWith(' 200'));

  it('edits the first and last name and the username', { timeout: 90_000 }, async () => {
    const { user, context, offsite, page, fapi } = await profilePage('profile-names');
    await step(page, fapi, 'names', async () => {
      await page.locator('.cl-profileSectionPrimaryButton__profile').click();
      await page.locator('input[name=firstName]').fill('Ada');
      await page.locator('input[name=lastName]').fill('Lovelace');
      await page.locator('.cl-formButtonPrimary').click();
      await fapi.waitFor((request) => request.effectiveMethod === 'PATCH' && request.path === '/v1/me');
      await page.locator('.cl-profileSectionPrimaryButton__profile').waitFor();
    });
    const username = `ada_${uniqueTag()}`.slice(0, 30);
    await step(page, fapi, 'username', async () => {
      await page.locator('.cl-profileSectionPrimaryButton__username').click();
      await page.locator('input[name=username]').fill(username);
      await page.locator('.cl-formButtonPrimary').click();
      await page.locator('.cl-profileSectionPrimaryButton__username').waitFor();
      await page.getByText(username).waitFor();
    });
    const stored = await server.clerk.users.getUser(user.id);
    expect({ firstName: stored.firstName, lastName: stored.lastName, username: stored.username }).toEqual({ firstName: 'Ada', lastName: 'Lovelace', username });
    expect(failedMeCalls(fapi), fapi.calls().join('\n')).toEqual([]);
    expect(offsite).toEqual([]);
    await context.close();
  });

  it('adds a second email address, verifies it with its code and makes it primary', { timeout: 90_000 }, async () => {
    const { user, context, offsite, page, fapi } = await profilePage('profile-email');
    const second = `second-${uniqueTag()}+clerk_test@example.com`;
    await step(page, fapi, 'add-email', async () => {
      await page.locator('.cl-profileSectionPrimaryButton__emailAddresses').click();
      await page.locator('input[name=emailAddress]').fill(second);
      await page.locator('.cl-formButtonPrimary').click();
      await fapi.waitFor((request) => request.path.endsWith('/prepare_verification') && request.status === 200);
      await page.locator('input[autocomplete=one-time-code]').first().waitFor();
      await page.keyboard.type('424242');
      await fapi.waitFor((request) => request.path.endsWith('/attempt_verification') && request.status === 200);
    });
    const added = (await server.clerk.users.getUser(user.id)).emailAddresses.find((item) => item.emailAddress === second);
    expect(added?.verification?.status, fapi.calls().join('\n')).toBe('verified');

    await step(page, fapi, 'make-primary', async () => {
      // The form closes after the code; the new address is listed with its menu.
      await page.locator('.cl-profileSectionItem__emailAddresses', { hasText: second }).waitFor();
      await page.locator('.cl-profileSectionItem__emailAddresses', { hasText: second }).locator('.cl-menuButton').click();
      await page.locator('.cl-menuItem').filter({ hasText: /primary/i }).click();
      await fapi.waitFor((request) => request.effectiveMethod === 'PATCH' && request.path === '/v1/me' && request.status === 200);
    });
    expect((await server.clerk.users.getUser(user.id)).primaryEmailAddressId).toBe(added!.id);
    expect(failedMeCalls(fapi), fapi.calls().join('\n')).toEqual([]);
    expect(offsite).toEqual([]);
    await context.close();
  });

  it('signs another device out, then deletes the account', { timeout: 90_000 }, async () => {
    const { email, user, context, offsite, page, fapi } = await profilePage('profile-danger');
    // Another browser of the same user, signed in through the Frontend API.
    const other = await browser.newContext();
    const otherOffsite = await blockOffsiteRequests(other);
    const otherPage = await other.newPage();
    otherPage.setDefaultTimeout(15_000);
    await otherPage.goto(`${app.url}/`);
    await waitForClerk(otherPage);
    const otherSessionId = await signInWithClerkJs(otherPage, email, PASSWORD);
    const ownSessionId = await page.evaluate(() => (window as any).Clerk.session.id as string);
    await step(page, fapi, 'revoke-device', async () => {
      await page.goto(`${app.url}/user/security`);
      await waitForClerk(page);
      await page.locator('.cl-activeDevice').nth(1).waitFor();
      // The current device has no menu; the other one does.
      await page.locator('.cl-activeDeviceListItem .cl-menuButton').first().click();
      await page.locator('.cl-menuItem').first().click();
      const revoked = await fapi.waitFor((request) => request.path === `/v1/me/sessions/${otherSessionId}/revoke`);
      expect(revoked.status).toBe(200);
    });
    expect((await server.clerk.sessions.getSession(otherSessionId)).status).toBe('revoked');
    expect((await server.clerk.sessions.getSession(ownSessionId)).status).toBe('active');

    await step(page, fapi, 'delete-account', async () => {
      await page.locator('.cl-profileSectionPrimaryButton__danger').click();
      await page.locator('input[name=deleteConfirmation]').fill('Delete account');
      await page.locator('.cl-formButtonPrimary').click();
      const deleted = await fapi.waitFor((request) => request.effectiveMethod === 'DELETE' && request.path === '/v1/me');
      expect(deleted.status).toBe(200);
    });
    await expect(server.clerk.users.getUser(user.id)).rejects.toMatchObject({ status: 404 });
    expect((await server.clerk.sessions.getSession(ownSessionId)).status).toBe('ended');
    expect(failedMeCalls(fapi), fapi.calls().join('\n')).toEqual([]);
    expect([...offsite, ...otherOffsite]).toEqual([]);
    await other.close();
    await context.close();
  });

  it('changes the password, then signs out and in with the new one', { timeout: 90_000 }, async () => {
    const { email, user, context, offsite, page, fapi } = await profilePage('profile-password');
    await step(page, fapi, 'password', async () => {
      await page.goto(`${app.url}/user/security`);
      await waitForClerk(page);
      // The device list shows this browser, as its touch recorded it.
      await page.locator('.cl-activeDevice', { hasText: /Chrom/ }).first().waitFor({ timeout: 10_000 });
      await page.locator('.cl-profileSectionPrimaryButton__password').click();
      await page.locator('input[name=currentPassword]').fill(PASSWORD);
      await page.locator('input[name=newPassword]').fill(NEW_PASSWORD);
      await page.locator('input[name=confirmPassword]').fill(NEW_PASSWORD);
      await page.locator('.cl-formButtonPrimary').click();
      const changed = await fapi.waitFor((request) => request.path === '/v1/me/change_password');
      expect(changed.status).toBe(200);
    });
    await expect(server.clerk.users.verifyPassword({ userId: user.id, password: NEW_PASSWORD })).resolves.toMatchObject({ verified: true });

    await step(page, fapi, 'sign-out-in', async () => {
      await page.evaluate(async () => (window as any).Clerk.signOut());
      await signInThroughPage(page, app.url, email, NEW_PASSWORD);
      await page.waitForURL(`${app.url}/`, { timeout: 15_000 });
      await waitForClerk(page);
    });
    expect(await page.locator('#user-id').textContent()).toBe(user.id);
    expect(fapi.calls().some((call) => /^POST \/v1\/client\/sign_ins\/[^/]+\/attempt_first_factor 200$/.test(call)), fapi.calls().join('\n')).toBe(true);
    expect(failedMeCalls(fapi), fapi.calls().join('\n')).toEqual([]);
    expect(offsite).toEqual([]);
    await context.close();
  });
});
