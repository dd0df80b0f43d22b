// In Chromium, with Clerk's unmodified <UserProfile/> and <SignIn/>: a signed-in person adds SMS codes as their
// second step (a new phone number, verified with its code, then reserved for second factor), and the next sign-in
// asks for an SMS code. Clerk's test numbers (+1 XXX 555-01XX) take 424242 on a development instance.
import { expect, it } from 'vitest';
import { uniqueEmail } from '../helpers/fixtures.js';
import { useTestServer } from '../helpers/test-server.js';
import { frontendApiOf, signInThroughPage, useAppPage, waitForClerk } from './helpers/app-page.js';
import { describeBrowser, useBrowser } from './helpers/browser.js';
import { blockOffsiteRequests, recordRequests } from './helpers/requests.js';

const PASSWORD = 'sms-second-Pa55word!';

describeBrowser('SMS codes as the second step, from <UserProfile/>', () => {
  const server = useTestServer();
  const browser = useBrowser();
  const app = useAppPage(server);

  it('adds and verifies a phone for SMS codes, and the next sign-in passes with one', { timeout: 120_000 }, async () => {
    const email = uniqueEmail('sms');
    const number = `+1201555${String(100 + Math.floor(Math.random() * 100)).padStart(4, '0')}`;
    const user = await server.clerk.users.createUser({ emailAddress: [email], password: PASSWORD });
    const context = await browser.newContext();
    const offsite = await blockOffsiteRequests(context);
    const page = await context.newPage();
    const fapi = recordRequests(page, frontendApiOf(server).frontendApiUrl);
    const signInWithPassword = () => signInThroughPage(page, app.url, email, PASSWORD);
    const succeeded = (pattern: RegExp) => fapi.calls().some((call) => pattern.test(call));

    try {
      await signInWithPassword();
      await page.waitForURL(`${app.url}/`, { timeout: 15_000 });
      await waitForClerk(page);
      await page.evaluate(() => {
        const node = document.createElement('div');
        document.body.appendChild(node);
        (window as any).Clerk.mountUserProfile(node, { routing: 'hash' });
      });
      await page.locator('.cl-navbarButton__security').first().click();
      await page.getByText('Add two-step verification').click();
      await page.getByText(/sms code/i).first().click();
      await page.getByText(/add phone number/i).first().click();
      await page.locator('input[name=phoneNumber]').fill(number.slice(2));
      await page.locator('.cl-formButtonPrimary').click();
      await page.locator('input[autocomplete=one-time-code]').first().waitFor();
      await page.keyboard.type('424242');
      await fapi.waitFor((request) => /^\/v1\/me\/phone_numbers\/[^/]+\/attempt_verification$/.test(request.path) && request.status !== null);
      await expect.poll(() => succeeded(/^PATCH \/v1\/me\/phone_numbers\/[^/]+ 200$/), { timeout: 15_000 }).toBe(true);
      const after = await server.clerk.users.getUser(user.id);
      expect(after.phoneNumbers.map((phone) => [phone.phoneNumber, phone.verification?.status, phone.reservedForSecondFactor])).toEqual([[number, 'verified', true]]);
      expect(after).toMatchObject({ twoFactorEnabled: true, backupCodeEnabled: true });
      // The success screen lists the backup codes issued with the first second factor.
      await page.getByRole('button', { name: 'Finish' }).click();

      await page.evaluate(() => (window as any).Clerk.signOut());
      await page.locator('#user-id', { hasText: 'signed out' }).waitFor();
      await signInWithPassword();
      await page.waitForURL(/\/sign-in\/factor-two/, { timeout: 15_000 });
      await fapi.waitFor((request) => /^\/v1\/client\/sign_ins\/[^/]+\/prepare_second_factor$/.test(request.path) && request.status === 200);
      await page.locator('input[autocomplete=one-time-code]').first().waitFor();
      await page.keyboard.type('424242');
      await page.waitForURL(`${app.url}/`, { timeout: 15_000 });
      await waitForClerk(page);
      expect(await page.locator('#user-id').textContent()).toBe(user.id);
      expect(succeeded(/^POST \/v1\/client\/sign_ins\/[^/]+\/attempt_second_factor 200$/)).toBe(true);
    } catch (error) {
      await page.screenshot({ path: '/tmp/sms-second-factor.png' }).catch(() => undefined);
      throw new Error(`${error instanceof Error ? error.message : String(error)}\nat ${page.url()}\nFAPI calls:\n${fapi.calls().join('\n')}`);
    }
    expect(offsite).toEqual([]);
    await context.close();
  });
});
