// Regression (issue 12 review): requireMeSession (src/http/fapi/me-session.ts) reads `_clerk_session_id` only when
// it is a single string; a repeated parameter (an array) is treated as absent and the request silently acts for the
// client's *last active* session. In multi-session mode that is another account of the browser: a request that named
// session A (e.g. DELETE /v1/me) runs as B. A malformed `_clerk_session_id` should be refused, not ignored.
import { describe, expect, it } from 'vitest';
import { fapiBrowser } from '../../helpers/fapi-client.js';
import { uniqueTag } from '../../helpers/fixtures.js';
import { useTestServer } from '../../helpers/test-server.js';

const PASSWORD = 'correct horse battery 42';

describe('a repeated _clerk_session_id never acts for another session', () => {
  const server = useTestServer({ ROSTER_SINGLE_SESSION_MODE: 'false' });

  it('answers for neither account rather than for the last active one', async () => {
    const browser = fapiBrowser(() => server);
    const signIn = async () => {
      const email = `multi-${uniqueTag()}+clerk_test@example.com`;
      const user = await server.clerk.users.createUser({ emailAddress: [email], password: PASSWORD });
      const answer = await browser.call('POST', '/v1/client/sign_ins', { identifier: email, strategy: 'password', password: PASSWORD });
      expect(answer.status).toBe(200);
      return { user, sessionId: answer.body.response.created_session_id as string };
    };
    const alice = await signIn();
    const bob = await signIn(); // the client's last active session

    const named = await browser.call('GET', `/v1/me?_clerk_session_id=${alice.sessionId}`);
    expect(named.body.response.id).toBe(alice.user.id);
    const repeated = await browser.call('GET', `/v1/me?_clerk_session_id=${alice.sessionId}&_clerk_session_id=${alice.sessionId}`);
    expect(repeated.body.response?.id, `answered ${repeated.status} for ${repeated.body.response?.id === bob.user.id ? 'Bob' : 'someone'}`).not.toBe(bob.user.id);
    expect(repeated.status).toBe(422);
    expect(repeated.body.errors[0]).toMatchObject({ code: 'form_param_format_invalid', meta: { param_name: '_clerk_session_id' } });
    // An empty one is refused the same way, and a mutation is never made for Bob.
    expect((await browser.call('GET', '/v1/me?_clerk_session_id=')).status).toBe(422);
    const renamed = await browser.call('PATCH', `/v1/me?_clerk_session_id=${alice.sessionId}&_clerk_session_id=${bob.sessionId}`, { first_name: 'Mallory' });
    expect(renamed.status).toBe(422);
    expect((await server.clerk.users.getUser(bob.user.id)).firstName).not.toBe('Mallory');
  });
});
