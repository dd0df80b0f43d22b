// Instance invitations through @clerk/backend and raw HTTP: create (ticket link, email), list (filters, paging,
// paginated), bulk, revoke, and Clerk's refusals; one pending invitation per address, even under concurrent creates.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueEmail, uniqueTag } from '../../helpers/fixtures.js';
import { findPart } from '../../helpers/mime.js';
import { useSmtpInbox } from '../../helpers/smtp-inbox.js';
import { startTestServer, useTestServer, type TestServer } from '../../helpers/test-server.js';

const APP = 'http://localhost:5173';

describe('instance invitations (Backend API)', () => {
  const inbox = useSmtpInbox();
  const server = useTestServer(() => ({ ROSTER_SMTP_URL: inbox.url, ROSTER_ALLOWED_ORIGINS: APP, ROSTER_APP_NAME: 'Acme' }));

  it('creates an invitation with a ticket link and emails it', async () => {
    const email = uniqueEmail('invitee');
    const invitation = await server.clerk.invitations.createInvitation({
      emailAddress: email.toUpperCase(),
      publicMetadata: { plan: 'pro' },
      redirectUrl: `${APP}/sign-up`,
    });
    expect(invitation.id).toMatch(/^inv_/);
    expect(invitation.emailAddress).toBe(email);
    expect(invitation.status).toBe('pending');
    expect(invitation.revoked).toBe(false);
    expect(invitation.publicMetadata).toEqual({ plan: 'pro' });
    const url = new URL(invitation.url!);
    expect(`${url.origin}${url.pathname}`).toBe(`${APP}/sign-up`);
    const ticket = url.searchParams.get('__clerk_ticket')!;
    expect(ticket).toMatch(new RegExp(`^${invitation.id}\\.\\d+\\.[A-Za-z0-9_-]{43}$`));

    const message = await inbox.waitForMessage(email);
    expect(message.mime.headers.get('subject')).toBe('You have been invited to join Acme');
    expect(findPart(message.mime, 'text/plain')!.body).toContain(invitation.url!);
  });

  it('without redirect_url, the link is the sign-up URL on the first allowed origin; notify=false sends nothing', async () => {
    const email = uniqueEmail('quiet');
    const invitation = await server.clerk.invitations.createInvitation({ emailAddress: email, notify: false });
    expect(invitation.url).toMatch(new RegExp(`^${APP}/sign-up\\?__clerk_ticket=`));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(inbox.messages.some((message) => message.to.includes(email))).toBe(false);
  });

  it('refuses a second pending invitation, and an existing user, unless ignore_existing', async () => {
    const email = uniqueEmail('twice');
    const first = await server.clerk.invitations.createInvitation({ emailAddress: email, notify: false });
    const again = await server.api('POST', '/v1/invitations', { email_address: email, notify: false });
    expect(again.status).toBe(400);
    expect(again.body.errors[0].code).toBe('duplicate_record');
    expect(again.body.errors[0].long_message).toContain(email);

    // ignore_existing replaces it: the old one is revoked (its link stops working).
    const replaced = await server.api('POST', '/v1/invitations', { email_address: email, notify: false, ignore_existing: true });
    expect(replaced.status).toBe(200);
    const old = await server.api('GET', `/v1/invitations?query=${first.id}&status=revoked`);
    expect(old.body).toMatchObject([{ id: first.id, status: 'revoked', revoked: true }]);
    expect(old.body[0].url).toBeUndefined();

    const user = await server.clerk.users.createUser({ emailAddress: [uniqueEmail('member')], skipPasswordRequirement: true });
    const existing = await server.api('POST', '/v1/invitations', { email_address: user.emailAddresses[0]!.emailAddress, notify: false });
    expect(existing.status).toBe(422);
    expect(existing.body.errors[0].code).toBe('form_identifier_exists');
    const ignored = await server.api('POST', '/v1/invitations', { email_address: user.emailAddresses[0]!.emailAddress, notify: false, ignore_existing: true });
    expect(ignored.status).toBe(200);
  });

  it('concurrent creates for one address make exactly one invitation', async () => {
    const email = uniqueEmail('race');
    const answers = await Promise.all(Array.from({ length: 8 }, () => server.api('POST', '/v1/invitations', { email_address: email, notify: false })));
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(1);
    for (const answer of answers.filter((item) => item.status !== 200)) expect(answer.body.errors[0].code).toBe('duplicate_record');
    const listed = await server.clerk.invitations.getInvitationList({ query: email });
    expect(listed.totalCount).toBe(1);
  });

  it('validates its input', async () => {
    const cases: [unknown, number, string][] = [
      [{ email_address: 'not-an-address' }, 422, 'form_param_format_invalid'],
      [{}, 422, 'form_param_missing'],
      [{ email_address: uniqueEmail(), expires_in_days: 0 }, 422, 'form_param_value_invalid'],
      [{ email_address: uniqueEmail(), template_slug: 'other' }, 422, 'form_param_value_invalid'],
      [{ email_address: uniqueEmail(), surprise: true }, 422, 'form_param_unknown'],
      // The link is emailed: only web links and paths.
      [{ email_address: uniqueEmail(), redirect_url: 'javascript:alert(1)' }, 422, 'form_param_format_invalid'],
      [{ email_address: uniqueEmail(), redirect_url: '//evil.example/x' }, 422, 'form_param_format_invalid'],
      [{ email_address: uniqueEmail(), redirect_url: 'x'.repeat(3000) }, 422, 'form_param_max_length_exceeded'],
    ];
    for (const [body, status, code] of cases) {
      const answer = await server.api('POST', '/v1/invitations', body);
      expect([answer.status, answer.body.errors?.[0]?.code], JSON.stringify(body)).toEqual([status, code]);
    }
  });

  it('bulk creates up to ten, all or none, never for existing users', async () => {
    const tag = uniqueTag();
    const emails = [0, 1, 2].map((index) => `bulk${index}-${tag}@example.com`);
    const created = await server.clerk.invitations.createInvitationBulk(emails.map((emailAddress) => ({ emailAddress, notify: false })));
    expect(created.map((invitation) => invitation.emailAddress)).toEqual(emails);

    const user = await server.clerk.users.createUser({ emailAddress: [`bulk-user-${tag}@example.com`], skipPasswordRequirement: true });
    const fresh = `bulk-fresh-${tag}@example.com`;
    const refused = await server.api('POST', '/v1/invitations/bulk', [
      { email_address: fresh, notify: false },
      { email_address: user.emailAddresses[0]!.emailAddress, notify: false, ignore_existing: true },
    ]);
    expect(refused.status).toBe(422);
    expect((await server.clerk.invitations.getInvitationList({ query: fresh })).totalCount).toBe(0);

    const tooMany = await server.api('POST', '/v1/invitations/bulk', Array.from({ length: 11 }, (_, index) => ({ email_address: `many${index}-${tag}@example.com` })));
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.errors[0].code).toBe('bulk_size_exceeded');
    const repeated = await server.api('POST', '/v1/invitations/bulk', [{ email_address: fresh }, { email_address: fresh.toUpperCase() }]);
    expect(repeated.status).toBe(400);
    expect(repeated.body.errors[0].code).toBe('duplicate_record');
    for (const body of [{ email_address: fresh }, [], ['x'], '[{"email_address":']) {
      const malformed = await server.api('POST', '/v1/invitations/bulk', body);
      expect([JSON.stringify(body), malformed.status < 500, malformed.status >= 400]).toEqual([JSON.stringify(body), true, true]);
    }
    const badItem = await server.api('POST', '/v1/invitations/bulk', [{ email_address: fresh, role: 'admin' }]);
    expect(badItem.status).toBe(422);
    expect(badItem.body.errors[0]).toMatchObject({ code: 'form_param_unknown', meta: { param_name: 'role' } });
  });

  it('lists with status, query, ordering and paging; the bare array without paginated', async () => {
    const tag = uniqueTag();
    const emails = ['b', 'a', 'c'].map((letter) => `list-${tag}-${letter}@example.com`);
    const ids: string[] = [];
    for (const email of emails) {
      server.clock.advanceMs(1000);
      ids.push((await server.clerk.invitations.createInvitation({ emailAddress: email, notify: false })).id);
    }
    await server.clerk.invitations.revokeInvitation(ids[2]!);

    // Without a status, the revoked one is left out, as Clerk does.
    const all = await server.clerk.invitations.getInvitationList({ query: `list-${tag}`, orderBy: 'email_address' });
    expect(all.totalCount).toBe(2);
    expect(all.data.map((invitation) => invitation.emailAddress)).toEqual(emails.slice(0, 2).sort());
    const pending = await server.clerk.invitations.getInvitationList({ query: `LIST-${tag}`, status: 'pending' });
    expect(pending.data.map((invitation) => invitation.id)).toEqual([ids[1], ids[0]]);
    const revoked = await server.clerk.invitations.getInvitationList({ query: `list-${tag}`, status: 'revoked' });
    expect(revoked.data.map((invitation) => invitation.id)).toEqual([ids[2]]);
    const page = await server.clerk.invitations.getInvitationList({ query: `list-${tag}`, limit: 1, offset: 1 });
    expect(page).toMatchObject({ totalCount: 2, data: [{ id: ids[0] }] });
    const byId = await server.api('GET', `/v1/invitations?query=${ids[0]}`);
    expect(byId.body.map((invitation: { id: string }) => invitation.id)).toEqual([ids[0]]);

    // Expired: a pending invitation past its expiry reads as expired.
    const soon = await server.api('POST', '/v1/invitations', { email_address: `list-${tag}-z@example.com`, notify: false, expires_in_days: 1 });
    server.clock.advanceMs(86_400_000 + 1000);
    const expired = await server.clerk.invitations.getInvitationList({ query: `list-${tag}`, status: 'expired' });
    expect(expired.data.map((invitation) => invitation.id)).toEqual([soon.body.id]);

    expect((await server.api('GET', '/v1/invitations?status=lost')).body.errors[0].code).toBe('form_param_value_invalid');
    expect((await server.api('GET', '/v1/invitations?order_by=-password')).body.errors[0].code).toBe('form_param_value_invalid');
  });

  it('revokes a pending invitation once; accepted and revoked ones are refused; unknown ids are 404', async () => {
    const invitation = await server.clerk.invitations.createInvitation({ emailAddress: uniqueEmail('revoke'), notify: false });
    const answers = await Promise.all([0, 1, 2, 3].map(() => server.api('POST', `/v1/invitations/${invitation.id}/revoke`)));
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(1);
    const revoked = answers.find((answer) => answer.status === 200)!.body;
    expect(revoked).toMatchObject({ id: invitation.id, status: 'revoked', revoked: true });
    for (const answer of answers.filter((item) => item.status !== 200)) {
      expect([answer.status, answer.body.errors[0].code]).toEqual([400, 'invitation_already_revoked']);
    }
    const missing = await server.api('POST', '/v1/invitations/inv_doesnotexist/revoke');
    expect([missing.status, missing.body.errors[0].code]).toEqual([404, 'resource_not_found']);
    // A new invitation to the address is possible again.
    expect((await server.api('POST', '/v1/invitations', { email_address: invitation.emailAddress, notify: false })).status).toBe(200);
  });

  it('needs the secret key', async () => {
    const answer = await server.api('GET', '/v1/invitations', undefined, { authorization: 'Bearer sk_test_wrong' });
    expect(answer.status).toBe(401);
    const bare = await fetch(`${server.baseUrl}/v1/invitations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(bare.status).toBe(401);
  });
});

describe('instance invitations when the mail server refuses', () => {
  let server: TestServer;
  const logLines: string[] = [];
  beforeAll(async () => {
    server = await startTestServer({ ROSTER_SMTP_URL: 'smtp://127.0.0.1:9' }, { logLines });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('still creates the invitation (its url works) and logs the failure by id, never the address or link', async () => {
    const email = uniqueEmail('undeliverable');
    const answer = await server.api('POST', '/v1/invitations', { email_address: email });
    expect(answer.status).toBe(200);
    expect(answer.body.status).toBe('pending');
    const warning = logLines.find((line) => line.includes('the invitation email could not be sent'));
    expect(warning).toContain(answer.body.id);
    const ticket = new URL(answer.body.url, 'http://x').searchParams.get('__clerk_ticket')!;
    for (const line of logLines) {
      expect(line).not.toContain(email);
      expect(line).not.toContain(ticket);
    }
  });
});
