// Issue 12 (blocklist): the lists are consulted when an identifier is entered and again right before the attempt
// ends, so an address blocklisted in between completes neither the sign-up (here a ticket sign-up finished by the
// password PATCH) nor the sign-in (password attempted on a sign-in created before the block).
import { describe, expect, it } from 'vitest';
import { fapiBrowser } from '../../helpers/fapi-client.js';
import { uniqueEmail } from '../../helpers/fixtures.js';
import { useTestServer } from '../../helpers/test-server.js';

const PASSWORD = 'correct horse battery 42';

describe('blocklist entries added while an attempt is in progress', () => {
  const server = useTestServer();

  it('a sign-up whose address is blocklisted before it completes is refused', async () => {
    const email = uniqueEmail('late-block');
    const invitation = await server.api('POST', '/v1/invitations', { email_address: email, notify: false });
    const ticket = new URL(invitation.body.url, 'http://x').searchParams.get('__clerk_ticket')!;
    const browser = fapiBrowser(() => server);
    const created = await browser.call('POST', '/v1/client/sign_ups', { strategy: 'ticket', ticket });
    expect(created.body.response.status).toBe('missing_requirements');
    expect((await server.api('POST', '/v1/blocklist_identifiers', { identifier: email })).status).toBe(200);
    const done = await browser.call('PATCH', `/v1/client/sign_ups/${created.body.response.id}`, { strategy: 'ticket', password: PASSWORD });
    expect([done.status, done.body.errors?.[0]?.code]).toEqual([403, 'not_allowed_access']);
  });

  it('a sign-in whose user is blocklisted before the first factor is refused', async () => {
    const email = uniqueEmail('late-block-in');
    await server.clerk.users.createUser({ emailAddress: [email], password: PASSWORD });
    const browser = fapiBrowser(() => server);
    const signIn = await browser.call('POST', '/v1/client/sign_ins', { identifier: email });
    expect(signIn.body.response.status).toBe('needs_first_factor');
    expect((await server.api('POST', '/v1/blocklist_identifiers', { identifier: email })).status).toBe(200);
    const attempt = await browser.call('POST', `/v1/client/sign_ins/${signIn.body.response.id}/attempt_first_factor`, { strategy: 'password', password: PASSWORD });
    expect([attempt.status, attempt.body.errors?.[0]?.code]).toEqual([403, 'not_allowed_access']);
  });
});
