// In Chromium, with Clerk's unmodified <UserProfile/> and <SignIn/>: a signed-in person adds an authenticator app
// under Security → Two-step verification (the code computed here from the secret the component shows), is shown
// backup codes, signs out, signs in with the password, gets the second-factor step and passes it with a TOTP code.
// The Backend API then shows totpEnabled.
import { expect, it } from 'vitest';
import { generateTOTP } from '../../src/mfa/totp.js';
import { uniqueEmail } from '../helpers/fixtures.js';
import { useTestServer } from '../helpers/test-server.js';
import { frontendApiOf, signInThroughPage, useAppPage, waitForClerk } from './helpers/app-page.js';
import { describeBrowser, useBrowser } from './helpers/browser.js';
import { blockOffsiteRequests, recordRequests } from './helpers/requests.js';

const PASSWORD = 'totp-enrol-Pa55word!';

describeBrowser('an authenticator app from <UserProfile/>', () => {
  const server = useTestServer();
  const browser = useBrowser();
  const app = useAppPage(server);

  it('enrols TOTP, shows backup codes, and the next sign-in asks for and accepts a TOTP code', { timeout: 120_000 }, async () => {
    const email = uniqueEmail('totp');
    const user = await server.clerk.users.createUser({ emailAddress: [email], password: PASSWORD });
    const context = await browser.newContext();
    const offsite = await blockOffsiteRequests(context);
    const page = await context.newPage();
    const fapi = recordRequests(page, frontendApiOf(server).frontendApiUrl);
    const fail = async (error: unknown): Promise<never> => {
      await page.screenshot({ path: '/tmp/totp-enrol.png' }).catch(() => undefined);
      throw new Error(`${error instanceof Error ? error.message : String(error)}\nat ${page.url()}\nFAPI calls:\n${fapi.calls().join('\n')}`);
    };
    const signInWithPassword = () => signInThroughPage(page, app.url, email, PASSWORD);

    try {
      await signInWithPassword();
      await page.waitForURL(`${app.url}/`, { timeout: 15_000 });
      await waitForClerk(page);
      expect(await page.locator('#user-id').textContent()).toBe(user.id);

      // <UserProfile/> in the page, on its Security page.
      await page.evaluate(() => {
        const node = document.createElement('div');
        node.id = 'profile';
        document.body.appendChild(node);
        (window as any).Clerk.mountUserProfile(node, { routing: 'hash' });
      });
      await page.locator('.cl-navbarButton__security').first().click();
      await page.getByText('Add two-step verification').click();
      await page.getByText(/authenticator app/i).first().click();

      // The component shows the secret under "Can't scan QR code?"; the code is computed from it.
      const created = await fapi.waitFor((request) => request.effectiveMethod === 'POST' && request.path === '/v1/me/totp');
      expect(created.status).toBe(200);
      await page.getByText(/can.t scan qr code/i).click();
      const shown = await page.locator('input[readonly]').evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
      const secret = shown.find((value) => /^[A-Z2-7]{16,}$/.test(value));
      expect(secret, `values shown: ${shown.join(', ')}`).toBeDefined();
      expect(shown.some((value) => value.startsWith('otpauth://totp/'))).toBe(true);
      await page.locator('.cl-formButtonPrimary').click();
      await page.locator('input[autocomplete=one-time-code]').first().waitFor();
      const verifiedAnswer = page.waitForResponse((response) => response.url().includes('/v1/me/totp/attempt_verification'));
      await page.keyboard.type(generateTOTP(secret!, server.clock.nowMs()));
      const verified = await verifiedAnswer;
      expect(verified.status()).toBe(200);
      const totp = (await verified.json()).response;
      expect(totp).toMatchObject({ verified: true, secret: null, uri: null });
      const codes: string[] = totp.backup_codes;
      expect(codes).toHaveLength(10);

      // The backup codes are shown once, then done.
      for (const code of codes) await page.getByText(code, { exact: true }).first().waitFor();
      await page.locator('.cl-formButtonPrimary').click();
      await expect.poll(() => page.getByText(codes[0]!, { exact: true }).count(), { timeout: 10_000 }).toBe(0);
      expect(await server.clerk.users.getUser(user.id)).toMatchObject({ totpEnabled: true, twoFactorEnabled: true, backupCodeEnabled: true });

      // Sign out, then sign in again: the second factor is asked and a TOTP code (of a later step) passes it.
      await page.evaluate(() => (window as any).Clerk.signOut());
      await page.locator('#user-id', { hasText: 'signed out' }).waitFor();
      server.clock.advanceMs(30_000);
      await signInWithPassword();
      await page.waitForURL(/\/sign-in\/factor-two/, { timeout: 15_000 });
      await page.locator('input[autocomplete=one-time-code]').first().waitFor();
      await page.keyboard.type(generateTOTP(secret!, server.clock.nowMs()));
      const second = await fapi.waitFor((request) => /^\/v1\/client\/sign_ins\/[^/]+\/attempt_second_factor$/.test(request.path));
      expect(second.status).toBe(200);
      await page.waitForURL(`${app.url}/`, { timeout: 15_000 });
      await waitForClerk(page);
      expect(await page.locator('#user-id').textContent()).toBe(user.id);
      const [session] = (await server.clerk.sessions.getSessionList({ userId: user.id, status: 'active' })).data;
      expect(session?.status).toBe('active');
    } catch (error) {
      await fail(error);
    }
    expect(offsite).toEqual([]);
    await context.close();
  });
});
