// Impersonation: an actor token's ticket signs the browser in *as* the user. The session records the actor (FAPI
// client, Backend API session), its tokens carry `act` (verified by @clerk/backend's verifyToken against the JWKS,
// and seen by authenticateRequest), it ends after session_max_duration_in_seconds, and the token is single use.
import { createClerkClient, verifyToken } from '@clerk/backend';
import { describe, expect, it } from 'vitest';
import { fapiBrowser, PAGE_ORIGIN } from '../../helpers/fapi-client.js';
import { uniqueEmail } from '../../helpers/fixtures.js';
import { useTestServer, type TestServer } from '../../helpers/test-server.js';

const PASSWORD = 'correct horse battery 42';
const ACTOR = { sub: 'user_support_agent', name: 'Support' };

function helpers(server: TestServer) {
  return {
    newUser: (extra: Record<string, unknown> = {}) =>
      server.api('POST', '/v1/users', { email_address: [uniqueEmail('imp')], password: PASSWORD, ...extra }).then((answer) => answer.body),
    newActorToken: async (userId: string, extra: Record<string, unknown> = {}) =>
      (await server.api('POST', '/v1/actor_tokens', { user_id: userId, actor: ACTOR, ...extra })).body,
    signIn: (ticket: string, browser = fapiBrowser(() => server)) => browser.call('POST', '/v1/client/sign_ins', { strategy: 'ticket', ticket }),
  };
}

describe('impersonation with an actor token (Frontend API)', () => {
  // The middleware checks tokens against the real clock: this server's clock never moves.
  const server = useTestServer();

  it('signs in as the user with the actor on the session and `act` in its tokens', async () => {
    const { newUser, newActorToken, signIn } = helpers(server);
    const user = await newUser({ backup_codes: ['backup-code-one'] });
    const token = await newActorToken(user.id);
    const browser = fapiBrowser(() => server);
    const answer = await signIn(token.token, browser);
    expect(answer.status).toBe(200);
    // The impersonator never has the user's second factor: an actor token completes the sign-in by itself.
    expect(answer.body.response).toMatchObject({ status: 'complete', first_factor_verification: { strategy: 'ticket', status: 'verified' } });
    const sessionId = answer.body.response.created_session_id as string;
    const session = answer.body.client.sessions.find((item: any) => item.id === sessionId);
    expect(session.actor).toEqual(ACTOR);
    expect(session.user.id).toBe(user.id);

    // Backend API: the session shows its actor.
    expect((await server.clerk.sessions.getSession(sessionId)).actor).toEqual(ACTOR);

    // The session token carries `act`, and @clerk/backend verifies it against the JWKS.
    const minted = await browser.call('POST', `/v1/client/sessions/${sessionId}/tokens`, {});
    expect(minted.status).toBe(200);
    const claims = await verifyToken(minted.body.jwt, { secretKey: server.secretKey, apiUrl: server.baseUrl });
    expect(claims).toMatchObject({ sub: user.id, sid: sessionId, act: ACTOR });
    const backendToken = await server.clerk.sessions.getToken(sessionId);
    expect((await verifyToken(backendToken.jwt, { secretKey: server.secretKey, apiUrl: server.baseUrl })).act).toEqual(ACTOR);

    // The app's middleware (after the handshake, as on a page load) sees who is acting.
    const page = `${PAGE_ORIGIN}/dashboard`;
    const handshake = await browser.call('GET', `/v1/client/handshake?redirect_url=${encodeURIComponent(page)}&format=nonce`, undefined, { accept: 'text/html' });
    const back = new URL(handshake.headers.get('location')!);
    const publishableKey = server.app.frontendInstance.publishableKey();
    const middleware = createClerkClient({ secretKey: server.secretKey, apiUrl: server.baseUrl, publishableKey });
    const request = new Request(back, { headers: { accept: 'text/html', 'sec-fetch-dest': 'document' } });
    const state = await middleware.authenticateRequest(request, { publishableKey, authorizedParties: [PAGE_ORIGIN] });
    expect(state.isSignedIn, `${state.reason} ${state.message}`).toBe(true);
    expect(state.toAuth()).toMatchObject({ userId: user.id, sessionId, actor: ACTOR });

    // Single use.
    const again = await signIn(token.token);
    expect([again.status, again.body.errors[0].code]).toEqual([400, 'actor_token_already_used_code']);
  });

  it('ten browsers racing with one actor token: one impersonation session', async () => {
    const { newUser, newActorToken, signIn } = helpers(server);
    const user = await newUser();
    const token = await newActorToken(user.id);
    const answers = await Promise.all(Array.from({ length: 10 }, () => signIn(token.token)));
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(1);
    for (const answer of answers.filter((item) => item.status !== 200)) expect(answer.body.errors[0].code).toBe('actor_token_already_used_code');
    const sessions = (await server.clerk.sessions.getSessionList({ userId: user.id })).data;
    expect(sessions).toHaveLength(1);
    expect(sessions[0]!.actor).toEqual(ACTOR);
  });

  it('a revoked actor token is refused; so is a banned user (the token stays pending); a deleted user\'s token', async () => {
    const { newUser, newActorToken, signIn } = helpers(server);
    const user = await newUser();
    const revoked = await newActorToken(user.id);
    await server.clerk.actorTokens.revoke(revoked.id);
    const refused = await signIn(revoked.token);
    expect([refused.status, refused.body.errors[0].code]).toEqual([400, 'actor_token_revoked_code']);

    const pending = await newActorToken(user.id);
    await server.clerk.users.banUser(user.id);
    const banned = await signIn(pending.token);
    expect([banned.status, banned.body.errors[0].code]).toEqual([403, 'user_banned']);
    expect((await server.api('POST', `/v1/actor_tokens/${pending.id}/revoke`)).body.status).toBe('revoked');

    const gone = await newUser();
    const orphan = await newActorToken(gone.id);
    await server.clerk.users.deleteUser(gone.id);
    const answer = await signIn(orphan.token);
    expect([answer.status, answer.body.errors[0].code]).toEqual([404, 'actor_token_subject_not_found']);
  });
});

describe('impersonation sessions end on time', () => {
  const server = useTestServer();

  it('the session expires after session_max_duration_in_seconds, however active; an unused token expires too', async () => {
    const { newUser, newActorToken, signIn } = helpers(server);
    const user = await newUser();
    const token = await newActorToken(user.id, { session_max_duration_in_seconds: 120 });
    const browser = fapiBrowser(() => server);
    const answer = await signIn(token.token, browser);
    const sessionId = answer.body.response.created_session_id as string;
    const startedAt = server.clock.nowMs();
    const session = await server.clerk.sessions.getSession(sessionId);
    expect(session.expireAt).toBe(startedAt + 120_000);

    server.clock.advanceMs(60_000);
    expect((await browser.call('POST', `/v1/client/sessions/${sessionId}/tokens`, {})).status).toBe(200);
    expect((await server.clerk.sessions.getSession(sessionId)).expireAt).toBe(startedAt + 120_000);
    server.clock.advanceMs(60_000);
    const late = await browser.call('POST', `/v1/client/sessions/${sessionId}/tokens`, {});
    expect(late.status).toBe(401);
    expect((await server.clerk.sessions.getSession(sessionId)).status).toBe('expired');

    const unused = await newActorToken(user.id, { expires_in_seconds: 30 });
    server.clock.advanceMs(30_000);
    const expired = await signIn(unused.token);
    expect([expired.status, expired.body.errors[0].code]).toEqual([400, 'ticket_expired_code']);
  });
});

describe('impersonation in multi-session mode', () => {
  const server = useTestServer({ ROSTER_SINGLE_SESSION_MODE: 'false' });

  it('a browser holding an impersonation session signs no one else in until it signs out', async () => {
    const { newUser, newActorToken, signIn } = helpers(server);
    const impersonated = await newUser();
    const other = await newUser();
    const browser = fapiBrowser(() => server);
    expect((await signIn((await newActorToken(impersonated.id)).token, browser)).status).toBe(200);
    const byPassword = await browser.call('POST', '/v1/client/sign_ins', {
      identifier: other.email_addresses[0].email_address,
      strategy: 'password',
      password: PASSWORD,
    });
    expect([byPassword.status, byPassword.body.errors[0].code]).toEqual([409, 'session_creation_not_allowed']);
    const ticket = (await newActorToken(other.id)).token;
    const byTicket = await signIn(ticket, browser);
    expect([byTicket.status, byTicket.body.errors[0].code]).toEqual([409, 'session_creation_not_allowed']);
    // The refusal did not spend the ticket.
    expect((await signIn(ticket)).status).toBe(200);
    // Signed out, the browser signs in again.
    expect((await browser.call('DELETE', '/v1/client/sessions')).status).toBe(200);
    expect((await browser.call('POST', '/v1/client/sign_ins', { identifier: other.email_addresses[0].email_address, strategy: 'password', password: PASSWORD })).status).toBe(200);
  });
});
