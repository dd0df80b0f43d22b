// Issue 12 (organization invitation tickets).
// 1. The organization deleted between the invitation's claim and the membership insert (reproduced with a trigger
//    that deletes it when the invitation turns `accepted`): no user is left behind, the sign-up is not stuck in
//    `complete` with no user, and the error is Clerk's for the state, not resource_not_found.
// 2. A role no longer configured (custom roles come from config): the ticket makes no membership with it.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { fapiBrowser } from '../../helpers/fapi-client.js';
import { uniqueEmail, uniqueTag } from '../../helpers/fixtures.js';
import { testDatabaseUrl, useTestServer, type TestServer } from '../../helpers/test-server.js';

const PASSWORD = 'correct horse battery 42';

async function organizationInvitation(server: TestServer) {
  const owner = await server.clerk.users.createUser({ emailAddress: [uniqueEmail('owner')], skipPasswordRequirement: true });
  const organization = await server.clerk.organizations.createOrganization({ name: `Acme ${uniqueTag()}`, createdBy: owner.id });
  const invitation = await server.clerk.organizations.createOrganizationInvitation({
    organizationId: organization.id,
    emailAddress: uniqueEmail('org-invitee'),
    role: 'org:member',
  });
  return { organization, invitation, ticket: new URL(invitation.url!, 'http://x').searchParams.get('__clerk_ticket')! };
}

describe('organization invitation tickets', () => {
  const server = useTestServer();

  it('an organization deleted while the ticket is redeemed leaves no user behind and no sign-up stuck in complete', async () => {
    const { invitation, ticket } = await organizationInvitation(server);
    const { db } = server.database;
    if (testDatabaseUrl) {
      await sql`CREATE OR REPLACE FUNCTION delete_org_on_invitation_accept() RETURNS trigger AS $$ BEGIN IF NEW.status = 'accepted' THEN DELETE FROM organizations WHERE id = NEW.organization_id; END IF; RETURN NULL; END $$ LANGUAGE plpgsql`.execute(db);
      await sql`CREATE TRIGGER delete_org_on_invitation_accept AFTER UPDATE ON organization_invitations FOR EACH ROW EXECUTE FUNCTION delete_org_on_invitation_accept()`.execute(db);
    } else {
      await sql`CREATE TRIGGER delete_org_on_invitation_accept AFTER UPDATE OF status ON organization_invitations WHEN NEW.status = 'accepted' BEGIN DELETE FROM organizations WHERE id = NEW.organization_id; END`.execute(db);
    }
    const browser = fapiBrowser(() => server);
    const answer = await browser.call('POST', '/v1/client/sign_ups', { strategy: 'ticket', ticket, password: PASSWORD });
    await sql`DROP TRIGGER delete_org_on_invitation_accept${sql.raw(testDatabaseUrl ? ' ON organization_invitations' : '')}`.execute(db);
    expect(answer.status).toBeGreaterThanOrEqual(400);
    const signUps = await db.selectFrom('sign_ups').select(['status', 'created_user_id']).where('email_address', '=', invitation.emailAddress).execute();
    expect(signUps.filter((row) => row.status === 'complete' && row.created_user_id === null)).toHaveLength(0);
    const users = await server.clerk.users.getUserList({ emailAddress: [invitation.emailAddress] });
    expect(users.data).toHaveLength(0);
    // Clerk's error for the state, not a generic "Resource not found".
    expect(answer.body.errors[0].code).not.toBe('resource_not_found');
    expect(answer.body.errors[0].code).toBe('organization_invitation_to_deleted_organization');
  });

  it('a ticket whose role is no longer configured makes no membership with an unknown role', async () => {
    const { organization, invitation, ticket } = await organizationInvitation(server);
    // What a removed custom role (ROSTER_ORGANIZATION_ROLES edited, server restarted) leaves in the table.
    await server.database.db.updateTable('organization_invitations').set({ role: 'org:removed' }).where('id', '=', invitation.id).execute();
    const answer = await fapiBrowser(() => server).call('POST', '/v1/client/sign_ups', { strategy: 'ticket', ticket, password: PASSWORD });
    const memberships = await server.api('GET', `/v1/organizations/${organization.id}/memberships`);
    expect(answer.status === 200 ? answer.body.response.status : 'refused').toBeDefined();
    expect(memberships.body.data.map((membership: { role: string }) => membership.role)).not.toContain('org:removed');
    // Refused with Clerk's OrganizationRoleNotFound, before any user is made; the invitation is still pending.
    expect([answer.status, answer.body.errors?.[0]?.code, answer.body.errors?.[0]?.long_message]).toEqual([404, 'resource_not_found', 'Organization role not found']);
    expect((await server.clerk.users.getUserList({ emailAddress: [invitation.emailAddress] })).data).toHaveLength(0);
    const row = await server.database.db.selectFrom('organization_invitations').select('status').where('id', '=', invitation.id).executeTakeFirst();
    expect(row?.status).toBe('pending');
  });

  it('a final transaction that fails leaves the invitation and the sign-up retryable, and the retry makes one user', async () => {
    const { organization, invitation, ticket } = await organizationInvitation(server);
    const { db } = server.database;
    // The membership insert fails once (a stand-in for any failure in the sign-up's last transaction).
    if (testDatabaseUrl) {
      await sql`CREATE OR REPLACE FUNCTION fail_membership_insert() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'membership insert refused'; END $$ LANGUAGE plpgsql`.execute(db);
      await sql`CREATE TRIGGER fail_membership_insert BEFORE INSERT ON organization_memberships FOR EACH ROW EXECUTE FUNCTION fail_membership_insert()`.execute(db);
    } else {
      await sql`CREATE TRIGGER fail_membership_insert BEFORE INSERT ON organization_memberships BEGIN SELECT RAISE(ABORT, 'membership insert refused'); END`.execute(db);
    }
    const browser = fapiBrowser(() => server);
    const failed = await browser.call('POST', '/v1/client/sign_ups', { strategy: 'ticket', ticket, password: PASSWORD });
    await sql`DROP TRIGGER fail_membership_insert${sql.raw(testDatabaseUrl ? ' ON organization_memberships' : '')}`.execute(db);
    expect(failed.status).toBeGreaterThanOrEqual(400);
    expect((await server.clerk.users.getUserList({ emailAddress: [invitation.emailAddress] })).data).toHaveLength(0);
    const invitationRow = await db.selectFrom('organization_invitations').select('status').where('id', '=', invitation.id).executeTakeFirst();
    expect(invitationRow?.status).toBe('pending');
    const signUp = await db.selectFrom('sign_ups').select(['id', 'status']).where('email_address', '=', invitation.emailAddress).executeTakeFirstOrThrow();
    expect(signUp.status).toBe('missing_requirements');

    // The same sign-up finishes on the next step, as clerk-ui would retry it.
    const retried = await browser.call('PATCH', `/v1/client/sign_ups/${signUp.id}`, { strategy: 'ticket', ticket });
    expect([retried.status, retried.body.response?.status]).toEqual([200, 'complete']);
    const users = await server.clerk.users.getUserList({ emailAddress: [invitation.emailAddress] });
    expect(users.data).toHaveLength(1);
    const memberships = await server.api('GET', `/v1/organizations/${organization.id}/memberships`);
    expect(memberships.body.data.filter((membership: { public_user_data: { user_id: string } }) => membership.public_user_data.user_id === users.data[0]!.id)).toHaveLength(1);
  });
});
