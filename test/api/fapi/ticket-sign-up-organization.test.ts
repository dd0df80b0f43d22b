// Organization invitations carry the same ticket in their `url`: signing up with it makes the user, the
// membership with the invited role, and marks the organization invitation accepted, once.
import { describe, expect, it } from 'vitest';
import { fapiBrowser } from '../../helpers/fapi-client.js';
import { uniqueEmail, uniqueTag } from '../../helpers/fixtures.js';
import { findPart } from '../../helpers/mime.js';
import { useSmtpInbox } from '../../helpers/smtp-inbox.js';
import { useTestServer, type TestServer } from '../../helpers/test-server.js';

const PASSWORD = 'correct horse battery 42';

describe('Frontend API: sign-up with an organization invitation ticket', () => {
  const server = useTestServer({ ROSTER_ALLOWED_ORIGINS: 'http://localhost:5173' });

  async function organizationInvitation(role = 'org:admin') {
    const owner = await server.clerk.users.createUser({ emailAddress: [uniqueEmail('owner')], skipPasswordRequirement: true });
    const organization = await server.clerk.organizations.createOrganization({ name: `Acme ${uniqueTag()}`, createdBy: owner.id });
    const invitation = await server.clerk.organizations.createOrganizationInvitation({
      organizationId: organization.id,
      emailAddress: uniqueEmail('org-invitee'),
      role,
      redirectUrl: 'http://localhost:5173/join',
    });
    return { organization, invitation };
  }

  it('the invitation url carries a ticket; signing up with it makes a member with the invited role', async () => {
    const { organization, invitation } = await organizationInvitation();
    expect(invitation.url).toMatch(/^http:\/\/localhost:5173\/join\?__clerk_ticket=orginv_/);
    const ticket = new URL(invitation.url!).searchParams.get('__clerk_ticket')!;

    const browser = fapiBrowser(() => server);
    const created = await browser.call('POST', '/v1/client/sign_ups', { strategy: 'ticket', ticket });
    expect(created.body.response).toMatchObject({ email_address: invitation.emailAddress, missing_fields: ['password'] });
    const done = await browser.call('PATCH', `/v1/client/sign_ups/${created.body.response.id}`, { strategy: 'ticket', password: PASSWORD });
    expect(done.body.response.status).toBe('complete');
    const userId = done.body.response.created_user_id as string;

    const memberships = await server.clerk.organizations.getOrganizationMembershipList({ organizationId: organization.id });
    expect(memberships.data.map((membership) => [membership.publicUserData?.userId, membership.role])).toContainEqual([userId, 'org:admin']);
    const after = await server.clerk.organizations.getOrganizationInvitation({ organizationId: organization.id, invitationId: invitation.id });
    expect(after.status).toBe('accepted');
    expect(after.url).toBeNull();
    const user = await server.clerk.users.getUser(userId);
    expect(user.emailAddresses[0]).toMatchObject({ emailAddress: invitation.emailAddress, verification: { status: 'verified', strategy: 'ticket' } });

    const again = await fapiBrowser(() => server).call('POST', '/v1/client/sign_ups', { strategy: 'ticket', ticket });
    expect([again.status, again.body.errors[0].code]).toEqual([400, 'organization_invitation_already_accepted']);
  });

  it('concurrent sign-ups with one organization ticket make one member', async () => {
    const { organization, invitation } = await organizationInvitation('org:member');
    const ticket = new URL(invitation.url!).searchParams.get('__clerk_ticket')!;
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => fapiBrowser(() => server).call('POST', '/v1/client/sign_ups', { strategy: 'ticket', ticket, password: PASSWORD })),
    );
    expect(answers.filter((answer) => answer.status === 200 && answer.body.response.status === 'complete')).toHaveLength(1);
    const refreshed = await server.clerk.organizations.getOrganization({ organizationId: organization.id, includeMembersCount: true });
    expect(refreshed.membersCount).toBe(2);
  });

  it('refuses a revoked organization invitation', async () => {
    const { organization, invitation } = await organizationInvitation();
    const ticket = new URL(invitation.url!).searchParams.get('__clerk_ticket')!;
    await server.clerk.organizations.revokeOrganizationInvitation({ organizationId: organization.id, invitationId: invitation.id });
    const answer = await fapiBrowser(() => server).call('POST', '/v1/client/sign_ups', { strategy: 'ticket', ticket });
    expect([answer.status, answer.body.errors[0].code]).toEqual([400, 'organization_invitation_revoked_code']);
  });
});

describe('organization invitation emails', () => {
  const inbox = useSmtpInbox();
  const server = useTestServer(() => ({ ROSTER_SMTP_URL: inbox.url, ROSTER_APP_NAME: 'Acme' }));

  it('emails the ticket link, naming the organization; notify=false sends nothing', async () => {
    const owner = await server.clerk.users.createUser({ emailAddress: [uniqueEmail('owner')], skipPasswordRequirement: true });
    const organization = await server.clerk.organizations.createOrganization({ name: 'Blue Team', createdBy: owner.id });
    const email = uniqueEmail('mailed');
    const invitation = await server.clerk.organizations.createOrganizationInvitation({ organizationId: organization.id, emailAddress: email, role: 'org:member' });
    const message = await inbox.waitForMessage(email);
    expect(message.mime.headers.get('subject')).toBe('You have been invited to join Blue Team on Acme');
    expect(findPart(message.mime, 'text/plain')!.body).toContain(invitation.url!);

    const quiet = uniqueEmail('quiet');
    const quietAnswer = await server.api('POST', `/v1/organizations/${organization.id}/invitations`, { email_address: quiet, role: 'org:member', notify: false });
    expect(quietAnswer.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(inbox.messages.some((item) => item.to.includes(quiet))).toBe(false);
  });
});
