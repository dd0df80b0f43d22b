// In Chromium, with Clerk's unmodified components and a real OpenID Connect provider on loopback
// (oauth2-mock-server): "Continue with Google" in <SignIn/> signs a new person up (sign-in → provider →
// /v1/oauth_callback → transfer to a sign-up), signs them in again, links an existing account by a verified
// address, and refuses a tampered state. The app's backend then reads the provider's token through
// @clerk/backend, gets a refreshed one after it expires (one refresh at the provider for concurrent calls), and
// unlinks the account.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startMockProvider, oauthEnv, type MockProvider } from '../helpers/oauth-provider.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { frontendApiOf, startAppPage, waitForClerk, type AppPageServer, signInWithClerkJs } from './helpers/app-page.js';
import { describeBrowser, useBrowser } from './helpers/browser.js';
import { blockOffsiteRequests, recordRequests } from './helpers/requests.js';

describeBrowser('OAuth sign-in with an OpenID Connect provider in <SignIn/>', () => {
  const browser = useBrowser();
  let provider: MockProvider;
  let server: TestServer;
  let app: AppPageServer;

  beforeAll(async () => {
    provider = await startMockProvider();
    server = await startTestServer(oauthEnv(provider));
    const fapi = frontendApiOf(server);
    // clerk-ui draws Google's icon from Clerk's CDN unless the app's appearance says otherwise (README): Roster's logo,
    // on the sign-in buttons and in <UserProfile/>'s connected accounts.
    const logo = `url(${fapi.frontendApiUrl}/v1/oauth_providers/oauth_google/logo.svg)`;
    const appearance = { elements: { socialButtonsProviderIcon__google: { backgroundImage: logo }, providerIcon__google: { backgroundImage: logo } } };
    app = await startAppPage({ ...fapi, loadOptions: { appearance } });
  });
  afterAll(async () => {
    await app?.close();
    await server?.close();
    await provider?.close();
  });

  async function openSignIn(): Promise<{ context: BrowserContext; page: Page; offsite: string[] }> {
    const context = await browser.newContext();
    const offsite = await blockOffsiteRequests(context);
    const page = await context.newPage();
    await page.goto(`${app.url}/sign-in`);
    await waitForClerk(page);
    return { context, page, offsite };
  }

  /** Clicks the provider's button and waits until the app page shows a signed-in user; their id. */
  async function continueWithProvider(page: Page): Promise<string> {
    const fapi = recordRequests(page, frontendApiOf(server).frontendApiUrl);
    await page.locator('.cl-socialButtonsBlockButton__google, .cl-socialButtonsIconButton__google').first().click();
    await page.waitForURL(`${app.url}/`, { timeout: 30_000 });
    await waitForClerk(page);
    await page.waitForFunction(() => document.getElementById('user-id')?.textContent?.startsWith('user_'), undefined, { timeout: 20_000 }).catch(() => {
      throw new Error(`not signed in; Frontend API calls:\n${fapi.calls().join('\n')}`);
    });
    return (await page.locator('#user-id').textContent())!;
  }

  it('signs a new person up, reads and refreshes their token, signs them in again, and unlinks the account', { timeout: 120_000 }, async () => {
    provider.person = { sub: 'browser-person-1', email: 'grace@example.com', email_verified: true, given_name: 'Grace', family_name: 'Hopper' };
    const first = await openSignIn();
    const userId = await continueWithProvider(first.page);
    expect(first.offsite).toEqual([]);

    const user = await server.clerk.users.getUser(userId);
    expect(user.firstName).toBe('Grace');
    expect(user.primaryEmailAddress?.emailAddress).toBe('grace@example.com');
    expect(user.externalAccounts).toHaveLength(1);
    expect(user.externalAccounts[0]).toMatchObject({ provider: 'oauth_google', providerUserId: 'browser-person-1', emailAddress: 'grace@example.com' });

    // The backend reads the provider's access token; no refresh while it is fresh.
    const grantsBefore = provider.grants.filter((grant) => grant === 'refresh_token').length;
    const fresh = await server.clerk.users.getUserOauthAccessToken(userId, 'oauth_google');
    expect(fresh.data).toHaveLength(1);
    expect(fresh.data[0]!.token).toBe(provider.accessTokens.at(-1));
    expect(provider.grants.filter((grant) => grant === 'refresh_token').length).toBe(grantsBefore);

    // An hour later the token has expired: concurrent reads refresh it once, at the provider, and all get the new one.
    const now = server.clock.nowMs();
    server.clock.advanceMs(3600 * 1000);
    const reads = await Promise.all(Array.from({ length: 5 }, () => server.clerk.users.getUserOauthAccessToken(userId, 'oauth_google')));
    expect(provider.grants.filter((grant) => grant === 'refresh_token').length).toBe(grantsBefore + 1);
    const refreshed = provider.accessTokens.at(-1);
    expect(refreshed).not.toBe(fresh.data[0]!.token);
    for (const read of reads) expect(read.data[0]!.token).toBe(refreshed);
    // Back to the browser's time, so the next session's tokens are not from its future.
    server.clock.setMs(now);

    // Signed out, the same person signs in again with the provider: the same user.
    await first.page.evaluate(() => (window as unknown as { Clerk: { signOut(): Promise<void> } }).Clerk.signOut());
    await first.context.close();
    const second = await openSignIn();
    expect(await continueWithProvider(second.page)).toBe(userId);
    await second.context.close();

    // Unlinked through the Backend API: the account is gone, and so are its tokens.
    await server.clerk.users.deleteUserExternalAccount({ userId, externalAccountId: user.externalAccounts[0]!.id });
    expect((await server.clerk.users.getUser(userId)).externalAccounts).toEqual([]);
    expect((await server.clerk.users.getUserOauthAccessToken(userId, 'oauth_google')).data).toEqual([]);
  });

  it('links to an existing account with the same verified address', { timeout: 60_000 }, async () => {
    const existing = await server.clerk.users.createUser({ emailAddress: ['linus@example.com'], password: 'a very long secret passphrase' });
    provider.person = { sub: 'browser-person-2', email: 'linus@example.com', email_verified: true, given_name: 'Linus' };
    const { context, page } = await openSignIn();
    expect(await continueWithProvider(page)).toBe(existing.id);
    await context.close();
    const user = await server.clerk.users.getUser(existing.id);
    expect(user.externalAccounts.map((account) => account.providerUserId)).toEqual(['browser-person-2']);
  });

  it('refuses a tampered state: nobody is signed in', { timeout: 60_000 }, async () => {
    provider.person = { sub: 'browser-person-3', email: 'mallory@example.com', email_verified: true };
    const { context, page } = await openSignIn();
    // The provider's answer is changed on its way back: the state in the redirect to Roster's callback.
    await context.route(`${provider.issuer}/authorize?**`, async (route) => {
      const response = await route.fetch({ maxRedirects: 0 });
      const location = new URL(response.headers().location!);
      location.searchParams.set('state', `${location.searchParams.get('state')}x`);
      await route.fulfill({ status: 302, headers: { location: location.href } });
    });
    const callback = page.waitForResponse((response) => response.url().includes('/fapi/v1/oauth_callback'));
    await page.locator('.cl-socialButtonsBlockButton__google, .cl-socialButtonsIconButton__google').first().click();
    expect((await callback).status()).toBe(400);
    await page.waitForURL(/\/fapi\/v1\/oauth_callback/, { timeout: 20_000 });
    expect(await page.content()).toContain('oauth_callback_invalid');
    const { data } = await server.clerk.users.getUserList({ emailAddress: ['mallory@example.com'] });
    expect(data).toEqual([]);
    await context.close();
  });

  it('connects the provider account from <UserProfile/> ("Connect account") and shows it there', { timeout: 90_000 }, async () => {
    const email = 'connect.browser@example.com';
    const password = 'a very long secret passphrase';
    const user = await server.clerk.users.createUser({ emailAddress: [email], password });
    provider.person = { sub: 'browser-connect-1', email: 'work.account@example.com', email_verified: true };
    const context = await browser.newContext();
    const offsite = await blockOffsiteRequests(context);
    const page = await context.newPage();
    await page.goto(`${app.url}/`);
    await waitForClerk(page);
    // Signed in through clerk-js's own calls: the sign-in UI is tested above.
    await signInWithClerkJs(page, email, password);
    await page.goto(`${app.url}/user`);
    await waitForClerk(page);
    const fapi = recordRequests(page, frontendApiOf(server).frontendApiUrl);
    await page.getByRole('button', { name: /Connect account/ }).click({ timeout: 20_000 });
    const callback = page.waitForResponse((response) => response.url().includes('/fapi/v1/oauth_callback'), { timeout: 30_000 });
    await page.getByRole('menuitem', { name: /Google/ }).click();
    // To the provider and back to the profile, which lists the connected account with its address.
    expect((await callback).status()).toBe(303);
    await page.waitForURL(new RegExp(`^${app.url}/user`), { timeout: 30_000 });
    await page.waitForLoadState('load');
    await waitForClerk(page);
    await page.getByText('work.account@example.com').waitFor({ timeout: 20_000 }).catch(() => {
      throw new Error(`the connected account is not shown; Frontend API calls:\n${fapi.calls().join('\n')}`);
    });
    const stored = await server.clerk.users.getUser(user.id);
    expect(stored.externalAccounts).toMatchObject([{ provider: 'oauth_google', providerUserId: 'browser-connect-1', verification: { status: 'verified' } }]);
    expect(offsite).toEqual([]);
    await context.close();
  });
});
