// Issue 12 (blocklist): /v1/me/email_addresses must consult the lists, or a signed-in user adds and
// verifies a blocklisted address (here under a blocked `*@domain`); the next sign-in then refuses the whole account.
import { describe, expect, it } from 'vitest';
import { fapiBrowser } from '../../helpers/fapi-client.js';
import { uniqueTag } from '../../helpers/fixtures.js';
import { useTestServer } from '../../helpers/test-server.js';

const PASSWORD = 'correct horse battery 42';

describe('adding a blocklisted address from the profile', () => {
  const server = useTestServer();

  it('is refused with not_allowed_access', async () => {
    const email = `mail-${uniqueTag()}+clerk_test@example.com`;
    await server.clerk.users.createUser({ emailAddress: [email], password: PASSWORD });
    const browser = fapiBrowser(() => server);
    const signedIn = await browser.call('POST', '/v1/client/sign_ins', { identifier: email, strategy: 'password', password: PASSWORD });
    const sessionId = signedIn.body.response.created_session_id as string;
    const domain = `blocked-${uniqueTag()}.com`;
    expect((await server.api('POST', '/v1/blocklist_identifiers', { identifier: `*@${domain}` })).status).toBe(200);
    const added = await browser.call('POST', `/v1/me/email_addresses?_clerk_session_id=${sessionId}`, { email_address: `me+clerk_test@${domain}` });
    expect([added.status, added.body.errors?.[0]?.code]).toEqual([403, 'not_allowed_access']);
  });
});
