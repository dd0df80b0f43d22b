// In Chromium, with Clerk's unmodified components and Chromium's virtual WebAuthn authenticator (CDP
// `WebAuthn.addVirtualAuthenticator`): a signed-in person registers a passkey from <UserProfile/>, signs out, signs
// in with the passkey from <SignIn/> ("Use passkey instead"); the app's backend deletes it with @clerk/backend's
// deleteUserPasskey, and the next passkey sign-in is refused.
import type { BrowserContext, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { useTestServer } from '../helpers/test-server.js';
import { frontendApiOf, useAppPage, waitForClerk, signInWithClerkJs } from './helpers/app-page.js';
import { describeBrowser, useBrowser } from './helpers/browser.js';
import { blockOffsiteRequests, recordRequests } from './helpers/requests.js';

const PASSWORD = 'passkey-Pa55word-horse!';

describeBrowser('passkeys in <UserProfile/> and <SignIn/>', () => {
  const server = useTestServer();
  const browser = useBrowser();
  const app = useAppPage(server);

  /** A page with Chromium's virtual authenticator: resident keys, user verification, presence simulated. */
  async function pageWithAuthenticator(context: BrowserContext): Promise<Page> {
    // clerk-js offers passkeys only to a browser not driven by automation (`navigator.webdriver`), and its passkey
    // autofill would race the button's sign-in (the virtual authenticator answers a conditional request at once).
    await context.addInitScript(() => Object.defineProperty(Navigator.prototype, 'webdriver', { get: () => false }));
    await context.addInitScript(() => {
      (window as any).PublicKeyCredential.isConditionalMediationAvailable = async () => false;
    });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const cdp = await context.newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
    });
    return page;
  }

  const signedInUserId = (page: Page) => page.waitForFunction(() => document.getElementById('user-id')?.textContent?.startsWith('user_') && document.getElementById('user-id')!.textContent, undefined, { timeout: 20_000 }).then((handle) => handle.jsonValue());

  it('registers a passkey, signs in with it, and is refused once the backend deleted it', { timeout: 120_000 }, async () => {
    const email = 'passkey.person@example.com';
    const user = await server.clerk.users.createUser({ emailAddress: [email], password: PASSWORD });
    const context = await browser.newContext();
    const offsite = await blockOffsiteRequests(context);
    const page = await pageWithAuthenticator(context);
    const fapi = recordRequests(page, frontendApiOf(server).frontendApiUrl);
    await page.goto(`${app.url}/`);
    await waitForClerk(page);
    // Signed in through clerk-js's own calls (the password UI is tested elsewhere).
    await signInWithClerkJs(page, email, PASSWORD);

    // <UserProfile/> → Security → "Add a passkey": the virtual authenticator creates it.
    await page.goto(`${app.url}/user/security`);
    await waitForClerk(page);
    await page.getByRole('button', { name: /Add a passkey/i }).click();
    const verified = await fapi.waitFor((request) => /^\/v1\/me\/passkeys\/[^/]+\/attempt_verification$/.test(request.path), 20_000);
    expect(verified.status, fapi.calls().join('\n')).toBe(200);
    // @clerk/backend's User does not expose passkeys: the Backend API's JSON does.
    const passkeysOf = async () => (await server.api('GET', `/v1/users/${user.id}`)).body.passkeys as { id: string; last_used_at: number | null }[];
    const registered = await passkeysOf();
    expect(registered).toHaveLength(1);
    const passkeyId = registered[0]!.id;

    // Signed out, then in again with the passkey.
    await page.evaluate(() => (window as any).Clerk.signOut());
    await page.goto(`${app.url}/sign-in`);
    await waitForClerk(page);
    await page.getByText(/Use passkey instead/i).click();
    await page.waitForURL(`${app.url}/`, { timeout: 20_000 });
    await waitForClerk(page);
    expect(await signedInUserId(page)).toBe(user.id);
    expect((await passkeysOf())[0]!.last_used_at).not.toBeNull();

    // The backend deletes it: the next passkey sign-in is refused and nobody is signed in.
    await server.clerk.users.deleteUserPasskey({ userId: user.id, passkeyIdentificationId: passkeyId });
    expect(await passkeysOf()).toEqual([]);
    await page.evaluate(() => (window as any).Clerk.signOut());
    await page.goto(`${app.url}/sign-in`);
    await waitForClerk(page);
    const afterDeletion = recordRequests(page, frontendApiOf(server).frontendApiUrl);
    await page.getByText(/Use passkey instead/i).click();
    const refused = await afterDeletion.waitFor((request) => /\/attempt_first_factor$/.test(request.path) && request.status !== null, 20_000);
    expect(refused.status, afterDeletion.calls().join('\n')).toBe(404);
    expect(await page.locator('#user-id').textContent()).toBe('signed out');
    expect(offsite).toEqual([]);
    await context.close();
  });
});
