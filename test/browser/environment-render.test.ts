// Clerk's unmodified components (clerk-js 6.40 + @clerk/ui 1.36, in Chromium) render what Roster's environment
// says: email address + password sign-up, the configured extra fields, the sign-in identifiers, restricted sign-up.
// A stub Frontend API serves only the environment (toEnvironmentJSON) and an empty client, so this proves the
// environment's effect on the components, not the FAPI's flows. Every environment answer is checked against the
// FAPI spec as the page received it.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { loadFrontendConfig } from '../../src/config/frontend-config.js';
import { frontendEnvironment } from '../../src/frontend/environment.js';
import { toEnvironmentJSON } from '../../src/http/fapi/serialize/environment.js';
import { expectFapiSpec } from '../helpers/openapi.js';

const CHROMIUM = '/usr/bin/chromium';
const root = fileURLToPath(new URL('../../', import.meta.url));
const BUNDLES: Record<string, string> = {
  '/npm/@clerk/clerk-js/dist/': path.join(root, 'node_modules/@clerk/clerk-js/dist/'),
  '/npm/@clerk/ui/dist/': path.join(root, 'node_modules/@clerk/ui/dist/'),
};

interface StubFapi {
  origin: string;
  /** The environment the stub answers with; tests swap it. */
  env: NodeJS.ProcessEnv;
  close(): Promise<void>;
}

function page(origin: string, component: 'SignUp' | 'SignIn'): string {
  const key = `pk_test_${Buffer.from(`${new URL(origin).host}$`).toString('base64')}`;
  return `<!doctype html><html><body><div id="app"></div>
<script src="/npm/@clerk/ui/dist/ui.browser.js"></script>
<script data-clerk-publishable-key="${key}" data-clerk-proxy-url="${origin}/fapi" src="/npm/@clerk/clerk-js/dist/clerk.browser.js"></script>
<script>
  window.addEventListener('load', async () => {
    await window.Clerk.load({ clerkUICtor: window.__internal_ClerkUICtor });
    window.Clerk.mount${component}(document.getElementById('app'));
    window.__mounted = true;
  });
</script></body></html>`;
}

async function startStubFapi(): Promise<StubFapi> {
  const stub = { env: {} as NodeJS.ProcessEnv } as StubFapi;
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://stub');
    const json = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (url.pathname === '/sign-up' || url.pathname === '/sign-in') {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end(page(stub.origin, url.pathname === '/sign-up' ? 'SignUp' : 'SignIn'));
      return;
    }
    if (url.pathname === '/fapi/v1/environment') {
      const config = { ...loadConfig(stub.env), frontend: loadFrontendConfig(stub.env) };
      return json(200, toEnvironmentJSON(frontendEnvironment(config, { instanceType: 'development' })));
    }
    if (url.pathname === '/fapi/v1/client') return json(200, { response: null, client: null });
    for (const [prefix, dir] of Object.entries(BUNDLES)) {
      const file = url.pathname.startsWith(prefix) ? path.join(dir, path.basename(url.pathname)) : null;
      if (file && fs.existsSync(file)) {
        response.writeHead(200, { 'content-type': 'text/javascript' });
        fs.createReadStream(file).pipe(response);
        return;
      }
    }
    json(404, { errors: [{ code: 'resource_not_found', message: 'not found', long_message: 'not found', meta: {} }] });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  stub.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  stub.close = () => new Promise((resolve) => server.close(() => resolve()));
  return stub;
}

describe.skipIf(!fs.existsSync(CHROMIUM))('Clerk components render from the environment', () => {
  let browser: Browser;
  let stub: StubFapi;

  beforeAll(async () => {
    stub = await startStubFapi();
    browser = await chromium.launch({ executablePath: CHROMIUM });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await stub?.close();
  });

  /** Opens a component page with `env` as the instance's configuration; checks the environment it fetched. */
  async function open(pathname: '/sign-up' | '/sign-in', env: NodeJS.ProcessEnv): Promise<Page> {
    stub.env = env;
    const tab = await browser.newPage();
    const checked: Promise<void>[] = [];
    tab.on('response', (response) => {
      if (!new URL(response.url()).pathname.startsWith('/fapi/v1/environment')) return;
      checked.push(response.json().then((body) => expectFapiSpec(response.request().method(), response.url(), response.status(), body)));
    });
    await tab.goto(`${stub.origin}${pathname}`);
    await tab.waitForFunction(() => (window as unknown as { __mounted?: boolean }).__mounted === true, undefined, { timeout: 30_000 });
    await tab.locator('.cl-card, .cl-cardBox').first().waitFor({ timeout: 30_000 });
    expect(checked.length).toBeGreaterThan(0);
    await Promise.all(checked);
    return tab;
  }

  const inputNames = (tab: Page) => tab.locator('form input[name]').evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).name));

  it('by default, sign-up asks for an email address and a password, nothing else', async () => {
    const tab = await open('/sign-up', {});
    await tab.locator('input[name=emailAddress]').waitFor();
    expect((await inputNames(tab)).sort()).toEqual(['emailAddress', 'password']);
    await tab.close();
  }, 60_000);

  it('sign-up attributes add a username and names; optional ones only with showOptionalFields, as on Clerk', async () => {
    const tab = await open('/sign-up', { ROSTER_SIGN_UP_ATTRIBUTES: 'username:required,first_name:required,last_name' });
    await tab.locator('input[name=username]').waitFor();
    // clerk-ui hides optional fields unless the app sets `appearance.options.showOptionalFields`.
    expect((await inputNames(tab)).sort()).toEqual(['emailAddress', 'firstName', 'password', 'username']);
    await tab.close();
  }, 60_000);

  it('the password hint follows ROSTER_PASSWORD_MIN_LENGTH', async () => {
    const tab = await open('/sign-up', { ROSTER_PASSWORD_MIN_LENGTH: '12' });
    await tab.locator('input[name=password]').fill('short');
    await tab.getByTestId('form-feedback-info').getByText('Your password must contain 12 or more characters.').waitFor({ timeout: 10_000 });
    await tab.close();
  }, 60_000);

  it('restricted sign-up shows Clerk\'s "Access restricted" card instead of the form', async () => {
    const tab = await open('/sign-up', { ROSTER_SIGN_UP_MODE: 'restricted' });
    await tab.getByText('Access restricted').waitFor();
    expect(await tab.locator('input[name=emailAddress]').count()).toBe(0);
    await tab.close();
  }, 60_000);

  it('sign-in asks for the configured identifiers', async () => {
    const emailOnly = await open('/sign-in', {});
    await emailOnly.locator('input[name=identifier]').waitFor();
    expect(await emailOnly.locator('label[for=identifier-field]').innerText()).toMatch(/^Email address$/);
    await emailOnly.close();
    const withUsername = await open('/sign-in', { ROSTER_SIGN_IN_IDENTIFIERS: 'email_address,username' });
    await withUsername.locator('input[name=identifier]').waitFor();
    expect(await withUsername.locator('label[for=identifier-field]').innerText()).toMatch(/^Email address or username$/);
    await withUsername.close();
  }, 60_000);
});
