// In Chromium, Clerk's unmodified <SignIn/> and <SignUp/> show a button for each OAuth provider the environment
// lists (user_settings.social), drawn with the logo Roster serves. clerk-ui uses `logo_url` for custom providers
// (`oauth_custom_*`); for the providers it knows by name (Google, GitHub, …) it draws Clerk's own CDN icon unless
// the app's `appearance` points it elsewhere, as the README explains. Clicking a button is the sign-in flow's test.
import { expect, it } from 'vitest';
import { uniqueEmail } from '../helpers/fixtures.js';
import { MOCK_CLIENT_ID, MOCK_CLIENT_SECRET, useMockProvider } from '../helpers/oauth-provider.js';
import { useTestServer } from '../helpers/test-server.js';
import { frontendApiOf, startAppPage, waitForClerk, type AppPageServer, signInWithClerkJs } from './helpers/app-page.js';
import { describeBrowser, useBrowser } from './helpers/browser.js';
import { blockOffsiteRequests, recordRequests } from './helpers/requests.js';

describeBrowser('OAuth provider buttons in <SignIn/> and <SignUp/>', () => {
  const provider = useMockProvider();
  const server = useTestServer(() => ({
    ROSTER_OAUTH_PROVIDERS: JSON.stringify(
      [
        { provider: 'google', issuer: provider.issuer },
        { provider: 'custom_mock', name: 'Mock SSO', issuer: provider.issuer },
      ].map((entry) => ({ ...entry, client_id: MOCK_CLIENT_ID, client_secret: MOCK_CLIENT_SECRET })),
    ),
  }));
  const browser = useBrowser();
  const logoUrl = (strategy: string) => `${frontendApiOf(server).frontendApiUrl}/v1/oauth_providers/${strategy}/logo.svg`;

  /** Opens `pathname` on an app page with `loadOptions`; records the FAPI's requests and any off-site attempt. */
  async function open(pathname: string, loadOptions: Record<string, unknown> = {}) {
    const appPage: AppPageServer = await startAppPage({ ...frontendApiOf(server), loadOptions });
    const context = await browser.newContext();
    const offsite = await blockOffsiteRequests(context);
    const page = await context.newPage();
    const fapi = recordRequests(page, frontendApiOf(server).frontendApiUrl);
    await page.goto(`${appPage.url}${pathname}`);
    await waitForClerk(page);
    const close = async () => {
      await context.close();
      await appPage.close();
    };
    return { page, fapi, offsite, close };
  }

  const backgroundOf = (page: import('playwright-core').Page, selector: string) =>
    page.locator(selector).first().evaluate((node) => getComputedStyle(node).backgroundImage);

  for (const pathname of ['/sign-in', '/sign-up']) {
    it(`${pathname}: a button per provider; the custom provider's logo comes from Roster`, async () => {
      const { page, fapi, offsite, close } = await open(pathname);
      await page.getByRole('button', { name: /Google/ }).first().waitFor({ timeout: 20_000 });
      await page.getByRole('button', { name: /Mock SSO/ }).first().waitFor();
      expect(await backgroundOf(page, '.cl-socialButtonsProviderIcon__custom_mock')).toBe(`url("${logoUrl('oauth_custom_mock')}")`);
      const logo = await fapi.waitFor((request) => request.path === '/v1/oauth_providers/oauth_custom_mock/logo.svg');
      expect(logo.status).toBe(200);
      // clerk-ui draws the providers it knows with Clerk's CDN icon, whatever logo_url says: blocked here.
      expect(await backgroundOf(page, '.cl-socialButtonsProviderIcon__google')).toBe('url("https://img.clerk.com/static/google.svg")');
      expect(offsite.filter((url) => !url.startsWith('https://img.clerk.com/static/google.svg'))).toEqual([]);
      await close();
    }, 60_000);
  }

  it("with the app's appearance pointing Google's icon at Roster's logo, the page fetches nothing off-site", async () => {
    const appearance = { elements: { socialButtonsProviderIcon__google: { backgroundImage: `url(${logoUrl('oauth_google')})` } } };
    const { page, fapi, offsite, close } = await open('/sign-in', { appearance });
    await page.getByRole('button', { name: /Google/ }).first().waitFor({ timeout: 20_000 });
    expect(await backgroundOf(page, '.cl-socialButtonsProviderIcon__google')).toBe(`url("${logoUrl('oauth_google')}")`);
    const logo = await fapi.waitFor((request) => request.path === '/v1/oauth_providers/oauth_google/logo.svg');
    expect(logo.status).toBe(200);
    expect(offsite).toEqual([]);
    await close();
  }, 60_000);

  it('<UserProfile/> offers to connect an account of each provider', async () => {
    const email = uniqueEmail('oauth-connect').replace('@', '+clerk_test@');
    const password = 'oauth-buttons-Pa55word!';
    await server.clerk.users.createUser({ emailAddress: [email], password });
    const { page, close } = await open('/');
    // Signed in through clerk-js's own calls: the sign-in UI is tested elsewhere.
    await signInWithClerkJs(page, email, password);
    await page.goto(`${new URL(page.url()).origin}/user`);
    await waitForClerk(page);
    await page.getByRole('button', { name: /Connect account/ }).click({ timeout: 20_000 });
    // The menu lists each provider by name.
    await page.getByRole('menuitem', { name: /Google/ }).waitFor();
    await page.getByRole('menuitem', { name: /Mock SSO/ }).waitFor();
    await close();
  }, 60_000);
});
