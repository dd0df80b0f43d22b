// Issue 12: `/v1/me` answers the signed-in user of the browser's session, and nobody else's.
import { describe, expect, it } from 'vitest';
import { fapiBrowser } from '../../helpers/fapi-client.js';
import { uniqueTag } from '../../helpers/fixtures.js';
import { useTestServer } from '../../helpers/test-server.js';

const PASSWORD = 'correct horse battery 42';

describe('Frontend API: GET /v1/me', () => {
  const server = useTestServer();
  const signedIn = async () => {
    const email = `me-${uniqueTag()}+clerk_test@example.com`;
    const user = await server.clerk.users.createUser({ emailAddress: [email], password: PASSWORD });
    const browser = fapiBrowser(() => server);
    const signIn = await browser.call('POST', '/v1/client/sign_ins', { identifier: email, strategy: 'password', password: PASSWORD });
    return { user, browser, sessionId: signIn.body.response.created_session_id as string };
  };

  it('answers the user of the named session, and of the last active one without a name', async () => {
    const { user, browser, sessionId } = await signedIn();
    const named = await browser.call('GET', `/v1/me?_clerk_session_id=${sessionId}`);
    expect(named.status).toBe(200);
    expect(named.body.response).toMatchObject({ object: 'user', id: user.id });
    expect(named.body.client.sessions.map((session: any) => session.id)).toEqual([sessionId]);
    const unnamed = await browser.call('GET', '/v1/me');
    expect(unnamed.body.response.id).toBe(user.id);
  });

  it("refuses another browser's session, a signed-out one, and a browser with no client", async () => {
    const alice = await signedIn();
    const bob = await signedIn();
    const foreign = await bob.browser.call('GET', `/v1/me?_clerk_session_id=${alice.sessionId}`);
    expect(foreign.status).toBe(404);
    expect(foreign.body.errors[0].code).toBe('resource_not_found');

    await alice.browser.call('POST', `/v1/client/sessions/${alice.sessionId}/end`);
    const ended = await alice.browser.call('GET', `/v1/me?_clerk_session_id=${alice.sessionId}`);
    expect(ended.status).toBe(401);
    expect(ended.body.errors[0].code).toBe('signed_out');

    const stranger = await fapiBrowser(() => server).call('GET', '/v1/me');
    expect(stranger.body.errors[0].code).toBe('client_not_found');
  });
});
