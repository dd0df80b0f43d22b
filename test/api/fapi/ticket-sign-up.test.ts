// Ticket sign-up (`strategy: ticket`), as clerk-ui drives it from a page URL with `__clerk_ticket`: the invited
// address is verified by the ticket, the invitation becomes accepted exactly once (even under concurrent sign-ups),
// its public metadata goes onto the user; tampered, expired, revoked and used tickets are refused with Clerk's codes.
import { describe, expect, it } from 'vitest';
import { fapiBrowser } from '../../helpers/fapi-client.js';
import { uniqueEmail } from '../../helpers/fixtures.js';
import { useTestServer, type TestServer } from '../../helpers/test-server.js';

const PASSWORD = 'correct horse battery 42';

const ticketOf = (url: string) => new URL(url, 'http://x').searchParams.get('__clerk_ticket')!;

async function invite(server: TestServer, body: Record<string, unknown> = {}) {
  const answer = await server.api('POST', '/v1/invitations', { email_address: uniqueEmail('invited'), notify: false, ...body });
  expect(answer.status).toBe(200);
  return { id: answer.body.id as string, email: answer.body.email_address as string, ticket: ticketOf(answer.body.url) };
}

/** clerk-ui's two steps: create with the ticket, then the form's PATCH with the password. */
async function signUpWithTicket(server: TestServer, ticket: string) {
  const browser = fapiBrowser(() => server);
  const created = await browser.call('POST', '/v1/client/sign_ups', { strategy: 'ticket', ticket });
  if (created.status !== 200) return { created, done: created, browser };
  const done = await browser.call('PATCH', `/v1/client/sign_ups/${created.body.response.id}`, {
    strategy: 'ticket',
    ticket,
    email_address: created.body.response.email_address,
    password: PASSWORD,
  });
  return { created, done, browser };
}

describe('Frontend API: sign-up with an invitation ticket', () => {
  const server = useTestServer();

  it('verifies the invited address by the ticket, accepts the invitation and copies its public metadata', async () => {
    const invitation = await invite(server, { public_metadata: { plan: 'pro', seats: 3 } });
    const { created, done } = await signUpWithTicket(server, invitation.ticket);
    expect(created.status).toBe(200);
    expect(created.body.response).toMatchObject({
      status: 'missing_requirements',
      email_address: invitation.email,
      missing_fields: ['password'],
      unverified_fields: [],
      verifications: { email_address: { status: 'verified', strategy: 'ticket' } },
    });
    expect(done.status).toBe(200);
    expect(done.body.response.status).toBe('complete');
    const user = await server.clerk.users.getUser(done.body.response.created_user_id);
    expect(user.emailAddresses.map((email) => email.emailAddress)).toEqual([invitation.email]);
    expect(user.emailAddresses[0]!.verification).toMatchObject({ status: 'verified', strategy: 'ticket' });
    expect(user.primaryEmailAddressId).toBe(user.emailAddresses[0]!.id);
    expect(user.publicMetadata).toEqual({ plan: 'pro', seats: 3 });
    const listed = await server.clerk.invitations.getInvitationList({ query: invitation.id });
    expect(listed.data[0]).toMatchObject({ id: invitation.id, status: 'accepted' });
    expect(listed.data[0]!.url).toBeFalsy();

    // An accepted invitation cannot be revoked.
    const revoke = await server.api('POST', `/v1/invitations/${invitation.id}/revoke`);
    expect([revoke.status, revoke.body.errors[0].code]).toEqual([400, 'invitation_already_accepted']);

    // The same ticket a second time: Clerk's "already accepted".
    const again = await fapiBrowser(() => server).call('POST', '/v1/client/sign_ups', { strategy: 'ticket', ticket: invitation.ticket });
    expect([again.status, again.body.errors[0].code]).toEqual([400, 'invitation_already_accepted']);
  });

  it('a ticket with everything at once completes in one request', async () => {
    const invitation = await invite(server);
    const browser = fapiBrowser(() => server);
    const done = await browser.call('POST', '/v1/client/sign_ups', { strategy: 'ticket', ticket: invitation.ticket, password: PASSWORD });
    expect(done.body.response.status).toBe('complete');
    expect(done.body.client.sessions).toHaveLength(1);
  });

  it('ten concurrent sign-ups with one ticket make one user; the others are told it is accepted', async () => {
    const invitation = await invite(server);
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        fapiBrowser(() => server).call('POST', '/v1/client/sign_ups', { strategy: 'ticket', ticket: invitation.ticket, password: PASSWORD }),
      ),
    );
    const complete = answers.filter((answer) => answer.status === 200 && answer.body.response.status === 'complete');
    expect(complete).toHaveLength(1);
    for (const answer of answers.filter((item) => !complete.includes(item))) {
      expect(answer.status).toBe(400);
      expect(['invitation_already_accepted', 'invitation_account_exists']).toContain(answer.body.errors[0].code);
    }
    const users = await server.clerk.users.getUserList({ emailAddress: [invitation.email] });
    expect(users.data).toHaveLength(1);
  });

  it('concurrent completions of sign-ups that each hold the ticket make one user', async () => {
    const invitation = await invite(server);
    // Each browser starts its sign-up with the ticket (the invitation is still pending for all of them)...
    const browsers = Array.from({ length: 6 }, () => fapiBrowser(() => server));
    const started = await Promise.all(browsers.map((browser) => browser.call('POST', '/v1/client/sign_ups', { strategy: 'ticket', ticket: invitation.ticket })));
    expect(started.every((answer) => answer.status === 200)).toBe(true);
    // ...then all complete at once.
    const done = await Promise.all(
      browsers.map((browser, index) => browser.call('PATCH', `/v1/client/sign_ups/${started[index]!.body.response.id}`, { password: PASSWORD })),
    );
    expect(done.filter((answer) => answer.status === 200 && answer.body.response.status === 'complete')).toHaveLength(1);
    const refused = done.filter((answer) => answer.status !== 200);
    expect(refused).toHaveLength(5);
    for (const answer of refused) expect(answer.body.errors[0].code).toBe('invitation_already_accepted');
    expect((await server.clerk.users.getUserList({ emailAddress: [invitation.email] })).data).toHaveLength(1);
  });

  it('refuses tampered, foreign, malformed, missing, expired and revoked tickets', async () => {
    const invitation = await invite(server);
    const [id, expiry, mac] = invitation.ticket.split('.') as [string, string, string];
    const flipped = `${mac.slice(0, -1)}${mac.endsWith('A') ? 'B' : 'A'}`;
    const other = await invite(server);
    const cases: [string, number, string][] = [
      [`${id}.${expiry}.${flipped}`, 400, 'ticket_invalid_code'],
      // A later expiry with the old signature.
      [`${id}.${Number(expiry) + 86_400}.${mac}`, 400, 'ticket_invalid_code'],
      // Another invitation's signature on this invitation's id.
      [`${id}.${expiry}.${other.ticket.split('.')[2]}`, 400, 'ticket_invalid_code'],
      [`${id.replace('inv_', 'orginv_')}.${expiry}.${mac}`, 400, 'ticket_invalid_code'],
      ['not-a-ticket', 400, 'ticket_invalid_code'],
      [`${invitation.ticket}.extra`, 400, 'ticket_invalid_code'],
      ['x'.repeat(5000), 400, 'ticket_invalid_code'],
      // NUL never reaches the ticket check: the form parser refuses it.
      [`${invitation.ticket}\u0000`, 422, 'form_param_value_invalid'],
    ];
    for (const [ticket, status, code] of cases) {
      const answer = await fapiBrowser(() => server).call('POST', '/v1/client/sign_ups', { strategy: 'ticket', ticket });
      expect([answer.status, answer.body.errors?.[0]?.code], ticket.slice(0, 80)).toEqual([status, code]);
    }
    const missing = await fapiBrowser(() => server).call('POST', '/v1/client/sign_ups', { strategy: 'ticket' });
    expect([missing.status, missing.body.errors[0].code]).toEqual([422, 'form_param_missing']);

    await server.clerk.invitations.revokeInvitation(other.id);
    const revoked = await fapiBrowser(() => server).call('POST', '/v1/client/sign_ups', { strategy: 'ticket', ticket: other.ticket });
    expect([revoked.status, revoked.body.errors[0].code]).toEqual([400, 'revoked_invitation']);

    const shortLived = await invite(server, { expires_in_days: 1 });
    server.clock.advanceMs(86_400_000 + 1000);
    const expired = await fapiBrowser(() => server).call('POST', '/v1/client/sign_ups', { strategy: 'ticket', ticket: shortLived.ticket });
    expect([expired.status, expired.body.errors[0].code]).toEqual([400, 'ticket_expired_code']);
    // The intact invitation still works.
    const { done } = await signUpWithTicket(server, invitation.ticket);
    expect(done.body.response.status).toBe('complete');
  });

  it('a revoke between the start and the end of the sign-up stops it', async () => {
    const invitation = await invite(server);
    const browser = fapiBrowser(() => server);
    const created = await browser.call('POST', '/v1/client/sign_ups', { strategy: 'ticket', ticket: invitation.ticket });
    await server.clerk.invitations.revokeInvitation(invitation.id);
    const done = await browser.call('PATCH', `/v1/client/sign_ups/${created.body.response.id}`, { password: PASSWORD });
    expect([done.status, done.body.errors[0].code]).toEqual([400, 'revoked_invitation']);
    expect((await server.clerk.users.getUserList({ emailAddress: [invitation.email] })).data).toHaveLength(0);
  });

  it('keeps the invited address: another one is refused, the same one in another spelling is fine', async () => {
    const invitation = await invite(server);
    const browser = fapiBrowser(() => server);
    const created = await browser.call('POST', '/v1/client/sign_ups', { strategy: 'ticket', ticket: invitation.ticket });
    const swapped = await browser.call('PATCH', `/v1/client/sign_ups/${created.body.response.id}`, { email_address: uniqueEmail('other') });
    expect([swapped.status, swapped.body.errors[0].code, swapped.body.errors[0].meta.param_name]).toEqual([422, 'form_param_value_invalid', 'email_address']);
    const upper = await browser.call('PATCH', `/v1/client/sign_ups/${created.body.response.id}`, { email_address: invitation.email.toUpperCase(), password: PASSWORD });
    expect(upper.body.response.status).toBe('complete');
  });

  it('refuses a ticket whose address already has an account', async () => {
    const invitation = await invite(server);
    await server.clerk.users.createUser({ emailAddress: [invitation.email], skipPasswordRequirement: true });
    const answer = await fapiBrowser(() => server).call('POST', '/v1/client/sign_ups', { strategy: 'ticket', ticket: invitation.ticket });
    expect([answer.status, answer.body.errors[0].code]).toEqual([400, 'invitation_account_exists']);
  });
});

describe('Frontend API: restricted sign-up mode accepts invitations only', () => {
  const server = useTestServer({ ROSTER_SIGN_UP_MODE: 'restricted' });

  it('refuses a plain sign-up and accepts a ticket sign-up', async () => {
    const environment = await fapiBrowser(() => server).call('PATCH', '/v1/environment');
    expect(environment.body.user_settings.sign_up.mode).toBe('restricted');
    const plain = await fapiBrowser(() => server).call('POST', '/v1/client/sign_ups', { email_address: uniqueEmail(), password: PASSWORD });
    expect([plain.status, plain.body.errors[0].code]).toEqual([403, 'sign_up_mode_restricted']);
    const invitation = await invite(server);
    const { done } = await signUpWithTicket(server, invitation.ticket);
    expect(done.body.response.status).toBe('complete');
    // A bad ticket is not a way around the mode.
    const bad = await fapiBrowser(() => server).call('POST', '/v1/client/sign_ups', { strategy: 'ticket', ticket: 'forged', email_address: uniqueEmail() });
    expect(bad.status).toBe(400);
  });
});
