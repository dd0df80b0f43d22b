// examples/fapi-express: @clerk/express verifies Roster's session tokens with Roster's keys, and in Chromium a
// person signs up through Clerk's <SignUp/> and the backend's getAuth(req) knows them.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { publishableKeyFor } from '../../examples/fapi-express/app.mjs';
import { publishableKeyFor as rosterPublishableKeyFor } from '../../src/frontend/instance.js';
import { uniqueEmail } from '../helpers/fixtures.js';
import { useTestServer } from '../helpers/test-server.js';
import { frontendApiOf, startExampleApp, type AppPageServer } from './helpers/app-page.js';
import { describeBrowser, useBrowser } from './helpers/browser.js';
import { blockOffsiteRequests, recordRequests } from './helpers/requests.js';

describeBrowser('the Express example app', () => {
  const server = useTestServer();
  const browser = useBrowser();
  let example: AppPageServer | undefined;
  let exampleUrl: string;

  beforeAll(async () => {
    example = await startExampleApp(server);
    exampleUrl = example.url;
  });
  afterAll(async () => example?.close());

  it('derives the publishable key the way Roster does', () => {
    for (const url of ['http://localhost:3000/fapi', 'https://auth.example.com/fapi', 'http://127.0.0.1:8080/fapi/']) {
      expect(publishableKeyFor(url)).toBe(rosterPublishableKeyFor(url, 'development'));
      expect(publishableKeyFor(url, 'live')).toBe(rosterPublishableKeyFor(url, 'production'));
    }
    expect(publishableKeyFor('http://localhost:3000/fapi')).toBe(`pk_test_${Buffer.from('clerk.localhost:3000/fapi$').toString('base64')}`);
  });

  it('answers /api/me from the session token @clerk/express verified with Roster\'s keys', async () => {
    const signedOut = await fetch(`${exampleUrl}/api/me`);
    expect([signedOut.status, await signedOut.json()]).toEqual([200, { userId: null, sessionId: null }]);

    const user = await server.api('POST', '/v1/users', { email_address: [uniqueEmail('example-app')], password: 'example-app-Pa55word!' });
    const session = await server.api('POST', '/v1/sessions', { user_id: user.body.id });
    const token = await server.api('POST', `/v1/sessions/${session.body.id}/tokens`, {});
    expect(token.status).toBe(200);
    const signedIn = await fetch(`${exampleUrl}/api/me`, { headers: { authorization: `Bearer ${token.body.jwt}` } });
    expect([signedIn.status, await signedIn.json()]).toEqual([200, { userId: user.body.id, sessionId: session.body.id }]);
  });

  it('signs a person up through <SignUp/>, and the backend knows them', { timeout: 60_000 }, async () => {
    const context = await browser.newContext();
    const offsite = await blockOffsiteRequests(context);
    const page = await context.newPage();
    const fapi = recordRequests(page, frontendApiOf(server).frontendApiUrl);
    // A development instance verifies +clerk_test addresses with 424242 and sends nothing.
    const email = uniqueEmail('example-app').replace('@', '+clerk_test@');
    await page.goto(`${exampleUrl}/sign-up`);
    await page.locator('input[name=emailAddress]').fill(email);
    await page.locator('input[name=password]').fill('example-app-Pa55word!');
    await page.locator('.cl-formButtonPrimary').click();
    await page.locator('input[autocomplete=one-time-code]').first().waitFor();
    await page.keyboard.type('424242');
    await page.waitForURL(`${exampleUrl}/me`);
    const shown = await page.locator('#user-id').textContent({ timeout: 15_000 });

    const users = await server.api('GET', `/v1/users?email_address=${encodeURIComponent(email)}`);
    expect(users.body.map((u: { id: string }) => u.id), fapi.calls().join('\n')).toEqual([shown]);
    // The first page load went through clerkMiddleware's handshake at Roster, which answered with a redirect back.
    expect(fapi.calls()).toContain('GET /v1/client/handshake 307');
    expect(offsite).toEqual([]);
    await context.close();
  });
});
