// Review (issue 12, organization invitation tickets).
// 1. The organization deleted between the invitation's claim and the membership insert (reproduced with a trigger
//    that deletes it when the invitation turns `accepted`): users.create runs outside the final transaction, so the
//    FK failure answers 404 resource_not_found yet leaves a user behind and the sign-up `complete` with no user.
// 2. A role no longer configured (custom roles come from config): the ticket still makes a membership with it.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { fapiBrowser } from '../helpers/fapi-client.js';
import { uniqueEmail, uniqueTag } from '../helpers/fixtures.js';
import { testDatabaseUrl, useTestServer, type TestServer } from '../helpers/test-server.js';

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

describe('review: organization invitation tickets', () => {
  const server = useTestServer();

  it('an organization deleted while the ticket is redeemed leaves no user behind and no sign-up stuck in complete', async () => {
    const { invitation, ticket } = await organizationInvitation(server);
    const { db } = server.database;
    if (testDatabaseUrl) {
      await sql`CREATE OR REPLACE FUNCTION review_inv_delete_org() RETURNS trigger AS $$ BEGIN IF NEW.status = 'accepted' THEN DELETE FROM organizations WHERE id = NEW.organization_id; END IF; RETURN NULL; END $$ LANGUAGE plpgsql`.execute(db);
      await sql`CREATE TRIGGER review_inv_delete_org AFTER UPDATE ON organization_invitations FOR EACH ROW EXECUTE FUNCTION review_inv_delete_org()`.execute(db);
    } else {
      await sql`CREATE TRIGGER review_inv_delete_org AFTER UPDATE OF status ON organization_invitations WHEN NEW.status = 'accepted' BEGIN DELETE FROM organizations WHERE id = NEW.organization_id; END`.execute(db);
    }
    const browser = fapiBrowser(() => server);
    const answer = await browser.call('POST', '/v1/client/sign_ups', { strategy: 'ticket', ticket, password: PASSWORD });
    await sql`DROP TRIGGER review_inv_delete_org${sql.raw(testDatabaseUrl ? ' ON organization_invitations' : '')}`.execute(db);
    expect(answer.status).toBeGreaterThanOrEqual(400);
    const signUps = await db.selectFrom('sign_ups').select(['status', 'created_user_id']).where('email_address', '=', invitation.emailAddress).execute();
    expect(signUps.filter((row) => row.status === 'complete' && row.created_user_id === null)).toHaveLength(0);
    const users = await server.clerk.users.getUserList({ emailAddress: [invitation.emailAddress] });
    expect(users.data).toHaveLength(0);
    // Clerk's error for the state, not a generic "Resource not found".
    expect(answer.body.errors[0].code).not.toBe('resource_not_found');
  });

  it('a ticket whose role is no longer configured makes no membership with an unknown role', async () => {
    const { organization, invitation, ticket } = await organizationInvitation(server);
    // What a removed custom role (ROSTER_ORGANIZATION_ROLES edited, server restarted) leaves in the table.
    await server.database.db.updateTable('organization_invitations').set({ role: 'org:removed' }).where('id', '=', invitation.id).execute();
    const answer = await fapiBrowser(() => server).call('POST', '/v1/client/sign_ups', { strategy: 'ticket', ticket, password: PASSWORD });
    const memberships = await server.api('GET', `/v1/organizations/${organization.id}/memberships`);
    expect(answer.status === 200 ? answer.body.response.status : 'refused').toBeDefined();
    expect(memberships.body.data.map((membership: { role: string }) => membership.role)).not.toContain('org:removed');
  });
});
