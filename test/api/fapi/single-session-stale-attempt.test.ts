// Found in review: single-session mode (the default) is checked only when a sign-in or sign-up is created. An
// attempt created earlier stays usable after the browser signed in (requireOwn accepts any attempt of the
// client, not only its current one), so completing it gives the browser a second session, of another user.
import { describe, expect, it } from 'vitest';
import { fapiBrowser } from '../../helpers/fapi-client.js';
import { uniqueEmail } from '../../helpers/fixtures.js';
import { useTestServer } from '../../helpers/test-server.js';

const PASSWORD = 'correct horse battery 42';

describe('single-session mode and an earlier, replaced sign-in attempt', () => {
  const server = useTestServer();

  it('does not let a replaced sign-in complete into a second session', async () => {
    const alice = uniqueEmail('alice');
    const bob = uniqueEmail('bob');
    for (const email of [alice, bob]) expect((await server.api('POST', '/v1/users', { email_address: [email], password: PASSWORD })).status).toBe(200);
    const browser = fapiBrowser(() => server);

    const first = await browser.call('POST', '/v1/client/sign_ins', { identifier: alice });
    expect(first.body.response.status).toBe('needs_first_factor');
    const second = await browser.call('POST', '/v1/client/sign_ins', { identifier: bob, strategy: 'password', password: PASSWORD });
    expect(second.body.response.status).toBe('complete');

    // A new sign-in is refused now (session_exists)...
    expect((await browser.call('POST', '/v1/client/sign_ins', { identifier: alice })).status).toBe(400);
    // ...but the replaced one still completes.
    const stale = await browser.call('POST', `/v1/client/sign_ins/${first.body.response.id}/attempt_first_factor`, { strategy: 'password', password: PASSWORD });
    const client = await browser.call('GET', '/v1/client');
    expect(client.body.response.sessions).toHaveLength(1);
    expect(stale.status).not.toBe(200);
  });
});
