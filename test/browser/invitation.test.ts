// In Chromium, with Clerk's unmodified components: an invitation made through @clerk/backend links to the app's
// <SignUp/> page with `__clerk_ticket`; the component redeems the ticket itself (sign_ups {strategy: ticket}),
// asks only for a password, and the new user has the invited address verified and the invitation accepted.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { uniqueEmail } from '../helpers/fixtures.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { frontendApiOf, startAppPage, waitForClerk, type AppPageServer } from './helpers/app-page.js';
import { describeBrowser, useBrowser } from './helpers/browser.js';
import { blockOffsiteRequests, recordRequests } from './helpers/requests.js';

describeBrowser('accepting an invitation in <SignUp/>', () => {
  const browser = useBrowser();
  let server: TestServer;
  let app: AppPageServer;

  beforeAll(async () => {
    // Restricted sign-up: only the invitation can get this person in.
    server = await startTestServer({ ROSTER_SIGN_UP_MODE: 'restricted' });
    app = await startAppPage(frontendApiOf(server));
  });
  afterAll(async () => {
    await app?.close();
    await server?.close();
  });

  it('opens the invitation link, sets a password, and is signed up with the invited address verified', { timeout: 60_000 }, async () => {
    const email = uniqueEmail('browser-invitee');
    const invitation = await server.clerk.invitations.createInvitation({
      emailAddress: email,
      redirectUrl: `${app.url}/sign-up`,
      publicMetadata: { team: 'blue' },
      notify: false,
    });
    expect(invitation.url).toContain(`${app.url}/sign-up?__clerk_ticket=`);

    const context = await browser.newContext();
    await blockOffsiteRequests(context);
    const page = await context.newPage();
    const fapi = recordRequests(page, frontendApiOf(server).frontendApiUrl);
    await page.goto(invitation.url!);
    await waitForClerk(page);

    // <SignUp/> redeems the ticket from the page URL by itself.
    // (In restricted mode a sign-up without the ticket would be refused with 403.)
    const created = await fapi.waitFor((request) => request.effectiveMethod === 'POST' && request.path === '/v1/client/sign_ups');
    expect(created.status, fapi.calls().join('\n')).toBe(200);

    const password = page.locator('input[name=password]');
    await password.waitFor();
    await password.fill('invited-Pa55word!');
    await page.locator('.cl-formButtonPrimary').click();
    await page.waitForURL(`${app.url}/`, { timeout: 20_000 });

    const { data: users } = await server.clerk.users.getUserList({ emailAddress: [email] });
    expect(users, fapi.calls().join('\n')).toHaveLength(1);
    const user = users[0]!;
    expect(user.emailAddresses[0]).toMatchObject({ emailAddress: email, verification: { status: 'verified', strategy: 'ticket' } });
    expect(user.primaryEmailAddressId).toBe(user.emailAddresses[0]!.id);
    expect(user.publicMetadata).toEqual({ team: 'blue' });
    const after = await server.clerk.invitations.getInvitationList({ query: invitation.id });
    expect(after.data[0]!.status).toBe('accepted');
    // No code was ever asked for.
    expect(fapi.calls().some((call) => call.includes('prepare_verification'))).toBe(false);
    await context.close();
  });
});
