// Smoke test: a page loads Clerk's unmodified clerk-js and UI bundles from Roster, no other host, and clerk-js
// asks Roster's Frontend API for the environment and the client.
import { expect, it } from 'vitest';
import { useTestServer } from '../helpers/test-server.js';
import { frontendApiOf, useAppPage, waitForClerk } from './helpers/app-page.js';
import { describeBrowser, useBrowser } from './helpers/browser.js';
import { blockOffsiteRequests, recordRequests } from './helpers/requests.js';

describeBrowser('clerk-js in Chromium, served by Roster', () => {
  const server = useTestServer();
  const browser = useBrowser();
  const app = useAppPage(server);

  /** Opens `/sign-in` in a fresh context that may reach localhost only; resolves once the form is rendered. */
  async function openSignIn() {
    const context = await browser.newContext();
    const offsite = await blockOffsiteRequests(context);
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const fapi = recordRequests(page, frontendApiOf(server).frontendApiUrl);
    await page.goto(`${app.url}/sign-in`);
    await waitForClerk(page);
    // The sign-in form is rendered by @clerk/ui's lazily loaded chunks.
    await page.locator('.cl-signIn-root').waitFor({ timeout: 15_000 });
    return { context, page, offsite, pageErrors, fapi };
  }

  it('loads the bundles and their chunks from Roster alone', async () => {
    const { context, offsite, fapi } = await openSignIn();

    const bundles = fapi.requests.filter((request) => request.path.startsWith('/npm/'));
    const loaded = (file: string) => bundles.find((request) => request.path.endsWith(`/dist/${file}`));
    expect(loaded('clerk.browser.js')).toMatchObject({ status: 200, path: '/npm/@clerk/clerk-js@6/dist/clerk.browser.js' });
    expect(loaded('ui.browser.js')).toMatchObject({ status: 200, path: '/npm/@clerk/ui@1/dist/ui.browser.js' });
    // Chunks load from the exact version's URL, next to the bundle.
    expect(bundles.some((request) => /^\/npm\/@clerk\/ui@\d+\.\d+\.\d+\/dist\/.+_ui_/.test(request.path))).toBe(true);
    expect(bundles.filter((request) => request.status !== 200).map((request) => `${request.path} ${request.status ?? request.failure}`)).toEqual([]);
    expect(offsite).toEqual([]);
    await context.close();
  });

  it('calls the environment and client endpoints, which answer', async () => {
    const { context, offsite, pageErrors, fapi } = await openSignIn();
    const environment = await fapi.waitFor((request) => request.path === '/v1/environment');
    const client = await fapi.waitFor((request) => request.path === '/v1/client');
    expect([environment.status, client.status], fapi.calls().join('\n')).toEqual([200, 200]);
    // Every call names the API version clerk-js speaks.
    expect(environment.query.get('__clerk_api_version')).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    expect(offsite).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
