// A tiny app for browser tests: an HTML page that loads Clerk's unmodified browser bundles from Roster
// (`<frontendApiUrl>/npm/@clerk/…`), points clerk-js at Roster's Frontend API and mounts one of Clerk's
// components by path: /sign-in → <SignIn/>, /sign-up → <SignUp/>, /user → <UserProfile/>, anything else → <UserButton/>.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { createExampleApp } from '../../../examples/fapi-express/app.mjs';
import { publishableKeyFor } from '../../../src/frontend/instance.js';

export interface AppPageOptions {
  /** Roster's Frontend API base, e.g. `http://localhost:<roster port>/fapi` (clerk-js's `proxyUrl`). */
  frontendApiUrl: string;
  publishableKey: string;
  /** The version in the bundle URLs, as Clerk's SDKs write it (a major by default). */
  clerkJsVersion?: string;
  uiVersion?: string;
  /**
   * More options for `Clerk.load()`, merged over the page's own. Telemetry is off by default: in development
   * clerk-js would send events to clerk-telemetry.com, a host a Roster deployment does not need.
   */
  loadOptions?: Record<string, unknown>;
}

/**
 * The frontend API URL and publishable key of a Roster test server: its own when it says (the test server helper
 * will), else derived as Roster derives them for a server listening at `baseUrl` without ROSTER_FRONTEND_API_URL.
 */
export function frontendApiOf(server: { baseUrl: string; frontendApiUrl?: string; publishableKey?: string }): { frontendApiUrl: string; publishableKey: string } {
  // Page and FAPI must be the same site for the SameSite=Lax `__client` cookie: both on localhost.
  const frontendApiUrl = server.frontendApiUrl ?? `http://localhost:${new URL(server.baseUrl).port}/fapi`;
  return { frontendApiUrl, publishableKey: server.publishableKey ?? publishableKeyFor(frontendApiUrl, 'development') };
}

/** Which component a path mounts. */
export type MountedComponent = 'SignIn' | 'SignUp' | 'UserProfile' | 'UserButton';

export function componentForPath(pathname: string): MountedComponent {
  if (pathname === '/sign-in' || pathname.startsWith('/sign-in/')) return 'SignIn';
  if (pathname === '/sign-up' || pathname.startsWith('/sign-up/')) return 'SignUp';
  if (pathname === '/user' || pathname.startsWith('/user/')) return 'UserProfile';
  return 'UserButton';
}

const json = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');
const attribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/** The HTML of the page at `pathname`. */
export function renderAppPage(options: AppPageOptions, pathname: string): string {
  const fapi = options.frontendApiUrl.replace(/\/+$/, '');
  const component = componentForPath(pathname);
  const loadOptions = { signInUrl: '/sign-in', signUpUrl: '/sign-up', afterSignOutUrl: '/', signInFallbackRedirectUrl: '/', signUpFallbackRedirectUrl: '/', telemetry: false, ...options.loadOptions };
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Roster · ${component}</title></head>
<body>
<main><div id="component"></div><pre id="user-id"></pre></main>
<!-- clerk.browser.js creates window.Clerk from these data attributes; ui.browser.js defines window.__internal_ClerkUICtor. -->
<script src="${attribute(fapi)}/npm/@clerk/clerk-js@${attribute(options.clerkJsVersion ?? '6')}/dist/clerk.browser.js"
  data-clerk-publishable-key="${attribute(options.publishableKey)}" data-clerk-proxy-url="${attribute(fapi)}" crossorigin="anonymous"></script>
<script src="${attribute(fapi)}/npm/@clerk/ui@${attribute(options.uiVersion ?? '1')}/dist/ui.browser.js" crossorigin="anonymous"></script>
<script>
window.__roster = { ready: false, error: null };
(async () => {
  const clerk = window.Clerk;
  await clerk.load({ ...${json(loadOptions)}, ui: { ClerkUI: window.__internal_ClerkUICtor } });
  const node = document.getElementById('component');
  const component = ${json(component)};
  if (component === 'SignIn') clerk.mountSignIn(node, { routing: 'path', path: '/sign-in' });
  else if (component === 'SignUp') clerk.mountSignUp(node, { routing: 'path', path: '/sign-up' });
  // <UserProfile/> renders only for a signed-in user: a signed-out page shows nothing.
  else if (component === 'UserProfile') { if (clerk.user) clerk.mountUserProfile(node, { routing: 'path', path: '/user' }); }
  else clerk.mountUserButton(node);
  document.getElementById('user-id').textContent = clerk.user ? clerk.user.id : 'signed out';
  clerk.addListener(({ user }) => { document.getElementById('user-id').textContent = user ? user.id : 'signed out'; });
  window.__roster.ready = true;
})().catch((error) => { window.__roster.error = String(error && error.stack || error); });
</script>
</body>
</html>
`;
}

export interface AppPageServer {
  /** `http://localhost:<port>`: open pages here, the same site as a FAPI on localhost. */
  url: string;
  close(): Promise<void>;
}

/** Serves the page on 127.0.0.1 (port 0); every path answers, so clerk's path routing (`/sign-in/factor-one`) works. */
export async function startAppPage(options: AppPageOptions): Promise<AppPageServer> {
  const server = http.createServer((request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    if (pathname === '/favicon.ico') return void response.writeHead(204).end();
    const body = renderAppPage(options, pathname);
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(body) });
    response.end(request.method === 'HEAD' ? undefined : body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** Waits until the page's script loaded Clerk and mounted its component; throws what clerk-js threw. */
export async function waitForClerk(page: Page, timeoutMs = 20_000): Promise<void> {
  const state = await page.waitForFunction(
    () => {
      const roster = (window as unknown as { __roster?: { ready: boolean; error: string | null } }).__roster;
      return roster && (roster.ready || roster.error) ? roster : null;
    },
    undefined,
    { timeout: timeoutMs },
  );
  const { error } = (await state.jsonValue()) as { ready: boolean; error: string | null };
  if (error) throw new Error(`Clerk failed to load in the page: ${error}`);
}

/** Signs in through the app page's `<SignIn/>` with an identifier and a password, typed as a person would. */
export async function signInThroughPage(page: Page, appUrl: string, identifier: string, password: string): Promise<void> {
  await page.goto(`${appUrl}/sign-in`);
  await waitForClerk(page);
  await page.locator('input[name=identifier]').fill(identifier);
  await page.locator('.cl-formButtonPrimary').click();
  await page.locator('input[name=password]').fill(password);
  await page.locator('.cl-formButtonPrimary').click();
}

/**
 * Signs in through clerk-js's own calls in an already loaded page (`signIn.create` with a password, then
 * `setActive`), for tests whose subject is not the sign-in UI. Each call is bounded in the page, so a call that
 * never settles fails the test with its name instead of running into the test's timeout.
 */
export async function signInWithClerkJs(page: Page, identifier: string, password: string, timeoutMs = 15_000): Promise<string> {
  return page.evaluate(
    async ([id, secret, ms]) => {
      const bounded = <T>(label: string, work: Promise<T>) =>
        Promise.race([work, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${label} did not settle within ${ms} ms`)), ms))]);
      const clerk = (window as any).Clerk;
      const signIn = await bounded('signIn.create', clerk.client.signIn.create({ strategy: 'password', identifier: id, password: secret }));
      await bounded('setActive', clerk.setActive({ session: (signIn as any).createdSessionId }));
      return clerk.session.id as string;
    },
    [identifier, password, timeoutMs] as const,
  );
}

/**
 * Starts the page server for the enclosing block, after its test server, and closes it after the block. The
 * returned object reads the page's URL once the tests run.
 */
export function useAppPage(server: Parameters<typeof frontendApiOf>[0]): { readonly url: string } {
  let started: AppPageServer | undefined;
  beforeAll(async () => {
    started = await startAppPage(frontendApiOf(server));
  });
  afterAll(async () => started?.close());
  return {
    get url() {
      if (!started) throw new Error('useAppPage: the page server starts in beforeAll; use it inside tests and hooks');
      return started.url;
    },
  };
}

/** The example app (examples/fapi-express) against `server`, on 127.0.0.1 port 0, opened at `http://localhost:<port>`. */
export async function startExampleApp(server: { baseUrl: string; secretKey: string; frontendApiUrl?: string; publishableKey?: string }): Promise<AppPageServer> {
  const exampleApp = createExampleApp({ rosterUrl: server.baseUrl, ...frontendApiOf(server), secretKey: server.secretKey });
  const listening = await new Promise<http.Server>((resolve) => {
    const started = exampleApp.listen(0, '127.0.0.1', () => resolve(started));
  });
  return {
    url: `http://localhost:${(listening.address() as AddressInfo).port}`,
    async close() {
      listening.closeAllConnections();
      await new Promise((resolve) => listening.close(resolve));
    },
  };
}
