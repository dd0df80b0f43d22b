// Sign-in with a sign-in token (`POST /v1/client/sign_ins {strategy: ticket, ticket}`, what clerk-js sends when the
// page URL has `__clerk_ticket`): single use even under concurrent sign-ins; tampered, wrong-type, revoked, expired
// and used tickets are refused with Clerk's codes; a banned user is refused without spending the ticket.
import { describe, expect, it } from 'vitest';
import { fapiBrowser } from '../../helpers/fapi-client.js';
import { uniqueEmail } from '../../helpers/fixtures.js';
import { useTestServer } from '../../helpers/test-server.js';

const PASSWORD = 'correct horse battery 42';

describe('sign-in with a sign-in token (Frontend API)', () => {
  const server = useTestServer();
  const newUser = (extra: Record<string, unknown> = {}) =>
    server.api('POST', '/v1/users', { email_address: [uniqueEmail('ticket')], password: PASSWORD, ...extra }).then((answer) => answer.body);
  const newToken = async (userId: string, expiresInSeconds = 600) =>
    (await server.clerk.signInTokens.createSignInToken({ userId, expiresInSeconds })).token;
  const signIn = (ticket: string, browser = fapiBrowser(() => server)) => browser.call('POST', '/v1/client/sign_ins', { strategy: 'ticket', ticket });
  const codeOf = (answer: { body: any }) => answer.body.errors?.[0]?.code;

  it('signs the browser in as the token\'s user, with a ticket verification and a session token', async () => {
    const user = await newUser();
    const browser = fapiBrowser(() => server);
    const answer = await signIn(await newToken(user.id), browser);
    expect(answer.status).toBe(200);
    const { response, client } = answer.body;
    expect(response).toMatchObject({ status: 'complete', first_factor_verification: { object: 'verification_ticket', status: 'verified', strategy: 'ticket' } });
    expect(response.identifier).toBe(user.email_addresses[0].email_address);
    const session = client.sessions.find((item: any) => item.id === response.created_session_id);
    expect(session.user.id).toBe(user.id);
    expect(session.actor).toBeNull();
    expect(session.last_active_token.jwt).toBeTruthy();
    expect(client.last_authentication_strategy).toBe('ticket');
    // The browser's cookie now holds the session: GET /v1/client shows it.
    const reread = await browser.call('GET', '/v1/client');
    expect(reread.body.response.sessions.map((item: any) => item.id)).toEqual([response.created_session_id]);
    expect((await server.clerk.sessions.getSession(response.created_session_id)).actor).toBeNull();
  });

  it('a used token is refused, and the token reads accepted', async () => {
    const user = await newUser();
    const token = await server.clerk.signInTokens.createSignInToken({ userId: user.id, expiresInSeconds: 600 });
    expect((await signIn(token.token)).status).toBe(200);
    const again = await signIn(token.token);
    expect(again.status).toBe(400);
    expect(codeOf(again)).toBe('sign_in_token_already_used_code');
    const revoke = await server.api('POST', `/v1/sign_in_tokens/${token.id}/revoke`);
    expect(revoke.body.errors[0].long_message).toContain('accepted');
  });

  it('a blocklisted user is refused, and the token stays unused until the entry is removed', async () => {
    const user = await newUser();
    const ticket = await newToken(user.id);
    const entry = await server.clerk.blocklistIdentifiers.createBlocklistIdentifier({ identifier: user.email_addresses[0].email_address });
    const refused = await signIn(ticket);
    expect(refused.status).toBe(403);
    expect(codeOf(refused)).toBe('not_allowed_access');
    expect((await server.clerk.sessions.getSessionList({ userId: user.id })).data).toHaveLength(0);
    await server.clerk.blocklistIdentifiers.deleteBlocklistIdentifier(entry.id);
    expect((await signIn(ticket)).status).toBe(200);
  });

  it('ten browsers racing with one token: one session', async () => {
    const user = await newUser();
    const ticket = await newToken(user.id);
    const answers = await Promise.all(Array.from({ length: 10 }, () => signIn(ticket)));
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(1);
    for (const answer of answers.filter((item) => item.status !== 200)) expect(codeOf(answer)).toBe('sign_in_token_already_used_code');
    expect((await server.clerk.sessions.getSessionList({ userId: user.id })).data).toHaveLength(1);
  });

  it('tampered, malformed, oversized, missing and wrong-type tickets are invalid', async () => {
    const user = await newUser();
    const ticket = await newToken(user.id);
    const flipped = `${ticket.slice(0, 10)}${ticket[10] === 'A' ? 'B' : 'A'}${ticket.slice(11)}`;
    const actor = await server.clerk.actorTokens.create({ userId: user.id, actor: { sub: 'user_admin' } });
    const signInToken = await server.clerk.signInTokens.createSignInToken({ userId: user.id, expiresInSeconds: 600 });
    for (const bad of [flipped, `${ticket}x`, ticket.slice(1), ticket.toUpperCase(), 'x'.repeat(10_000), actor.id, signInToken.id, ' ']) {
      const answer = await signIn(bad);
      expect(answer.status, `${bad.slice(0, 60)} ${JSON.stringify(answer.body)}`).toBe(400);
      expect(codeOf(answer)).toBe('ticket_invalid_code');
    }
    // A NUL is refused by the form reader before any lookup, as for every field.
    const nul = await signIn(`${ticket}\u0000`);
    expect(nul.status).toBe(422);
    expect(codeOf(nul)).toBe('form_param_value_invalid');
    const missing = await fapiBrowser(() => server).call('POST', '/v1/client/sign_ins', { strategy: 'ticket' });
    expect(missing.status).toBe(422);
    expect(codeOf(missing)).toBe('form_param_missing');
    // None of it spent the real ticket.
    expect((await signIn(ticket)).status).toBe(200);
  });

  it('a revoked token is refused; an expired one too', async () => {
    const user = await newUser();
    const revoked = await server.clerk.signInTokens.createSignInToken({ userId: user.id, expiresInSeconds: 600 });
    await server.clerk.signInTokens.revokeSignInToken(revoked.id);
    const answer = await signIn(revoked.token);
    expect(answer.status).toBe(400);
    expect(codeOf(answer)).toBe('sign_in_token_revoked_code');

    const expiring = await newToken(user.id, 60);
    server.clock.advanceMs(60_000);
    const late = await signIn(expiring);
    expect(late.status).toBe(400);
    expect(codeOf(late)).toBe('ticket_expired_code');
  });

  it('a banned user is refused and the ticket is not spent; after the unban it signs in', async () => {
    const user = await newUser();
    const ticket = await newToken(user.id);
    await server.clerk.users.banUser(user.id);
    const refused = await signIn(ticket);
    expect(refused.status).toBe(403);
    expect(codeOf(refused)).toBe('user_banned');
    await server.clerk.users.unbanUser(user.id);
    expect((await signIn(ticket)).status).toBe(200);
  });

  it('a locked user is refused', async () => {
    const user = await newUser();
    const ticket = await newToken(user.id);
    await server.clerk.users.lockUser(user.id);
    const refused = await signIn(ticket);
    expect(refused.status).toBe(403);
    expect(codeOf(refused)).toBe('user_locked');
  });

  it('the token of a deleted user cannot be used', async () => {
    const user = await newUser();
    const ticket = await newToken(user.id);
    await server.clerk.users.deleteUser(user.id);
    const answer = await signIn(ticket);
    expect(answer.status).toBe(400);
    expect(codeOf(answer)).toBe('sign_in_token_cannot_be_used_code');
  });

  it('a user with a second factor is asked for it: the ticket stands for the first factor only', async () => {
    const user = await newUser({ backup_codes: ['backup-code-one'] });
    const browser = fapiBrowser(() => server);
    const answer = await signIn(await newToken(user.id), browser);
    expect(answer.status).toBe(200);
    expect(answer.body.response).toMatchObject({ status: 'needs_second_factor', created_session_id: null });
    expect(answer.body.client.sessions).toEqual([]);
    const id = answer.body.response.id;
    const done = await browser.call('POST', `/v1/client/sign_ins/${id}/attempt_second_factor`, { strategy: 'backup_code', code: 'backup-code-one' });
    expect(done.status).toBe(200);
    expect(done.body.response.status).toBe('complete');
    expect(done.body.client.sessions[0].user.id).toBe(user.id);
  });

  it('a browser already signed in starts no ticket sign-in (single-session mode), and the ticket stays usable', async () => {
    const user = await newUser();
    const browser = fapiBrowser(() => server);
    expect((await signIn(await newToken(user.id), browser)).status).toBe(200);
    const ticket = await newToken(user.id);
    const refused = await signIn(ticket, browser);
    expect(refused.status).toBe(400);
    expect(codeOf(refused)).toBe('session_exists');
    expect((await signIn(ticket)).status).toBe(200);
  });

  it('org_id: the session starts in that organization (also after a second factor); only organizations of the user', async () => {
    const user = await newUser();
    const stranger = await newUser();
    const organization = await server.api('POST', '/v1/organizations', { name: 'Ticket Org', created_by: user.id });
    expect(organization.status).toBe(200);
    const orgId = organization.body.id as string;

    const token = await server.clerk.signInTokens.createSignInToken({ userId: user.id, orgId, expiresInSeconds: 600 });
    const answer = await signIn(token.token);
    expect(answer.status).toBe(200);
    const sessionId = answer.body.response.created_session_id;
    expect(answer.body.client.sessions[0].last_active_organization_id).toBe(orgId);
    expect((await server.clerk.sessions.getSession(sessionId)).lastActiveOrganizationId).toBe(orgId);

    const notMember = await server.api('POST', '/v1/sign_in_tokens', { user_id: stranger.id, org_id: orgId });
    expect([notMember.status, notMember.body.errors[0].code]).toEqual([403, 'not_a_member_in_organization']);
    const unknown = await server.api('POST', '/v1/sign_in_tokens', { user_id: user.id, org_id: 'org_unknown' });
    expect([unknown.status, unknown.body.errors[0].code]).toEqual([404, 'resource_not_found']);
    expect((await server.api('POST', '/v1/sign_in_tokens', { user_id: user.id, org_id: null })).status).toBe(200);

    const withFactor = await newUser({ backup_codes: ['backup-code-two'] });
    await server.api('POST', `/v1/organizations/${orgId}/memberships`, { user_id: withFactor.id, role: 'org:member' });
    const browser = fapiBrowser(() => server);
    const first = await signIn((await server.clerk.signInTokens.createSignInToken({ userId: withFactor.id, orgId, expiresInSeconds: 600 })).token, browser);
    expect(first.body.response.status).toBe('needs_second_factor');
    const done = await browser.call('POST', `/v1/client/sign_ins/${first.body.response.id}/attempt_second_factor`, { strategy: 'backup_code', code: 'backup-code-two' });
    expect(done.body.client.sessions[0].last_active_organization_id).toBe(orgId);

    // Removed from the organization before using the token: signed in, in no organization.
    const leaver = await newUser();
    await server.api('POST', `/v1/organizations/${orgId}/memberships`, { user_id: leaver.id, role: 'org:member' });
    const leaving = await server.clerk.signInTokens.createSignInToken({ userId: leaver.id, orgId, expiresInSeconds: 600 });
    expect((await server.api('DELETE', `/v1/organizations/${orgId}/memberships/${leaver.id}`)).status).toBe(200);
    const signedIn = await signIn(leaving.token);
    expect(signedIn.body.response.status).toBe('complete');
    expect(signedIn.body.client.sessions[0].last_active_organization_id).toBeNull();
  });
});
