// In Chromium with a virtual WebAuthn authenticator and Clerk's unmodified clerk-js and <SignIn/>: a signed-in person
// registers a passkey (clerk-js's `user.createPasskey()`), signs out, and signs in with "Use passkey".
import { expect, it } from 'vitest';
import { uniqueEmail } from '../helpers/fixtures.js';
import { useTestServer } from '../helpers/test-server.js';
import { frontendApiOf, signInThroughPage, useAppPage, waitForClerk } from './helpers/app-page.js';
import { describeBrowser, useBrowser } from './helpers/browser.js';
import { blockOffsiteRequests, recordRequests } from './helpers/requests.js';

describeBrowser('passkeys with Clerk\'s components', () => {
  const server = useTestServer();
  const browser = useBrowser();
  const app = useAppPage(server);

  it('registers a passkey, signs out, and signs in with it', { timeout: 90_000 }, async () => {
    const context = await browser.newContext();
    const offsite = await blockOffsiteRequests(context);
    // clerk-js offers passkeys only to a browser not driven by automation (`navigator.webdriver`).
    await context.addInitScript(() => Object.defineProperty(Navigator.prototype, 'webdriver', { get: () => false }));
    // No passkey autofill: the virtual authenticator answers a conditional request at once, and that sign-in would race
    // the button's (the loser's request, sent with the cookie the winner replaced, gets a fresh client).
    await context.addInitScript(() => {
      (window as any).PublicKeyCredential.isConditionalMediationAvailable = async () => false;
    });
    const page = await context.newPage();
    const fapi = recordRequests(page, frontendApiOf(server).frontendApiUrl);
    const calls = () => fapi.calls().join('\n');
    const cdp = await context.newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
    });

    const email = uniqueEmail('passkey-browser').replace('@', '+clerk_test@');
    const password = 'browser-Pa55word!';
    const user = await server.clerk.users.createUser({ emailAddress: [email], password });
    await signInThroughPage(page, app.url, email, password);
    await page.waitForURL(`${app.url}/`, { timeout: 15_000 });
    await waitForClerk(page);

    const passkey = await page.evaluate(async () => {
      const created = await (window as any).Clerk.user.createPasskey();
      return { id: created.id as string, status: created.verification?.status as string };
    });
    expect(passkey.status, calls()).toBe('verified');
    const answered = (path: RegExp) => fapi.waitFor((request) => request.effectiveMethod === 'POST' && path.test(request.path) && request.status !== null);
    expect((await answered(/^\/v1\/me\/passkeys\/[^/]+\/attempt_verification$/)).status, calls()).toBe(200);

    // Signed out (clerk-js then goes to the after-sign-out page, so the sign-in page is opened once that is done).
    await page.evaluate(() => (window as any).Clerk.signOut());
    await page.locator('#user-id', { hasText: 'signed out' }).waitFor({ timeout: 15_000 });
    await page.goto(`${app.url}/sign-in`);
    await waitForClerk(page);
    await page.getByText('Use passkey').click();
    await page.locator('#user-id', { hasText: user.id }).waitFor({ timeout: 15_000 }).catch((error: Error) => {
      throw new Error(`${error.message}\nat ${page.url()}\nFAPI calls:\n${calls()}`);
    });
    expect((await answered(/^\/v1\/client\/sign_ins\/[^/]+\/attempt_first_factor$/)).status, calls()).toBe(200);
    expect(offsite).toEqual([]);
    await context.close();
  });
});
