// A session the browser had that is no longer active answers Clerk's 401 signed_out (403 user_banned when its user
// is banned) on the session routes. clerk-js signs the page out on those, while on a 404 it keeps retrying the
// token every poll and the page stays signed in: found in Chromium (test/browser/session-lifecycle.test.ts).
import { describe, expect, it } from 'vitest';
import { fapiBrowser } from '../../helpers/fapi-client.js';
import { uniqueEmail } from '../../helpers/fixtures.js';
import { useTestServer } from '../../helpers/test-server.js';

const PASSWORD = 'inactive-session-Pa55word!';

describe('Frontend API: session routes of a session that is no longer active', () => {
  const server = useTestServer({ ROSTER_SESSION_TOKEN_LIFETIME_SECONDS: '30' });

  async function signedIn() {
    const email = uniqueEmail('inactive-session');
    const user = await server.clerk.users.createUser({ emailAddress: [email], password: PASSWORD });
    const browser = fapiBrowser(() => server);
    const signIn = await browser.call('POST', '/v1/client/sign_ins', { identifier: email, strategy: 'password', password: PASSWORD });
    expect(signIn.body.response.status).toBe('complete');
    return { user, browser, sessionId: signIn.body.response.created_session_id as string };
  }

  const routes = (sessionId: string) =>
    [
      ['POST', `/v1/client/sessions/${sessionId}/tokens`],
      ['POST', `/v1/client/sessions/${sessionId}/touch`],
      ['GET', `/v1/client/sessions/${sessionId}`],
      ['POST', `/v1/client/sessions/${sessionId}/end`],
    ] as const;

  const errorOf = (response: { status: number; body: any }) => [response.status, response.body.errors?.[0]?.code, response.body.errors?.[0]?.long_message];

  it('answers 401 signed_out for a revoked, signed-out or expired session of the client', async () => {
    const revoked = await signedIn();
    await server.clerk.sessions.revokeSession(revoked.sessionId);
    const ended = await signedIn();
    expect((await ended.browser.call('POST', `/v1/client/sessions/${ended.sessionId}/end`)).status).toBe(200);
    const removed = await signedIn();
    expect((await removed.browser.call('DELETE', '/v1/client/sessions')).status).toBe(200);

    for (const { browser, sessionId } of [revoked, ended, removed]) {
      for (const [method, path] of routes(sessionId)) {
        expect(errorOf(await browser.call(method, path, method === 'POST' ? {} : undefined)), `${method} ${path}`).toEqual([401, 'signed_out', 'You are signed out']);
      }
    }

    const expired = await signedIn();
    const session = await server.clerk.sessions.getSession(expired.sessionId);
    server.clock.advanceMs(session.expireAt - server.clock.nowMs() + 1000);
    try {
      expect(errorOf(await expired.browser.call('POST', `/v1/client/sessions/${expired.sessionId}/tokens`, {}))).toEqual([401, 'signed_out', 'You are signed out']);
    } finally {
      server.clock.setMs(Date.now());
    }
  });

  it('answers 403 user_banned for the session of a banned user, which the ban revoked', async () => {
    const { user, browser, sessionId } = await signedIn();
    await server.clerk.users.banUser(user.id);
    for (const [method, path] of routes(sessionId)) {
      const response = await browser.call(method, path, method === 'POST' ? {} : undefined);
      expect([response.status, response.body.errors[0].code], `${method} ${path}`).toEqual([403, 'user_banned']);
    }
    // Unbanned, the revoked session stays over: signed out.
    await server.clerk.users.unbanUser(user.id);
    expect(errorOf(await browser.call('POST', `/v1/client/sessions/${sessionId}/tokens`, {}))).toEqual([401, 'signed_out', 'You are signed out']);
  });

  it('still answers 404 for a session of another client, active or not, and for an unknown id', async () => {
    const mine = await signedIn();
    const theirs = await signedIn();
    for (const sessionId of [theirs.sessionId, 'sess_2nOtAReaLSeSSioN00000000000']) {
      const response = await mine.browser.call('POST', `/v1/client/sessions/${sessionId}/tokens`, {});
      expect([response.status, response.body.errors[0].code]).toEqual([404, 'resource_not_found']);
    }
    await server.clerk.sessions.revokeSession(theirs.sessionId);
    const response = await mine.browser.call('POST', `/v1/client/sessions/${theirs.sessionId}/tokens`, {});
    expect([response.status, response.body.errors[0].code]).toEqual([404, 'resource_not_found']);
    // Their own browser is told it is signed out.
    expect(errorOf(await theirs.browser.call('POST', `/v1/client/sessions/${theirs.sessionId}/tokens`, {}))[1]).toBe('signed_out');
  });
});
