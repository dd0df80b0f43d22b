// Organization, membership and invitation events, each as Clerk's webhook reference describes it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueEmail, uniqueTag } from '../../helpers/fixtures.js';
import { useTestServer } from '../../helpers/test-server.js';
import { startWebhookReceiver, type ReceivedWebhook, type WebhookReceiver } from '../../helpers/webhook-receiver.js';
import { expectWebhookPayload } from '../../helpers/webhook-spec.js';

describe('organization webhook events', () => {
  const server = useTestServer({ ROSTER_WEBHOOK_POLL_MS: '20' });
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    expect((await server.api('POST', '/v1/roster/webhook_endpoints', { url: receiver.url })).status).toBe(200);
  });
  afterAll(async () => receiver?.close());

  const received = async (type: string, matches: (data: any) => boolean): Promise<ReceivedWebhook> => {
    const webhook = await receiver.waitFor((w) => w.payload.type === type && matches(w.payload.data));
    expectWebhookPayload(webhook.payload);
    return webhook;
  };

  it('sends organization, membership and invitation events as the changes happen', async () => {
    const owner = await server.clerk.users.createUser({ emailAddress: [uniqueEmail('org-owner')] });
    const member = await server.clerk.users.createUser({ emailAddress: [uniqueEmail('org-member')] });
    const organization = await server.clerk.organizations.createOrganization({ name: `Acme ${uniqueTag()}`, createdBy: owner.id });
    await received('organization.created', (data) => data.id === organization.id);
    // The creator's membership is made with the organization.
    await received('organizationMembership.created', (data) => data.organization.id === organization.id && data.public_user_data.user_id === owner.id);

    await server.clerk.organizations.updateOrganization(organization.id, { name: 'Acme Renamed' });
    await received('organization.updated', (data) => data.id === organization.id && data.name === 'Acme Renamed');

    await server.clerk.organizations.createOrganizationMembership({ organizationId: organization.id, userId: member.id, role: 'org:member' });
    await received('organizationMembership.created', (data) => data.public_user_data.user_id === member.id);
    await server.clerk.organizations.updateOrganizationMembership({ organizationId: organization.id, userId: member.id, role: 'org:admin' });
    await received('organizationMembership.updated', (data) => data.public_user_data.user_id === member.id && data.role === 'org:admin');
    await server.clerk.organizations.deleteOrganizationMembership({ organizationId: organization.id, userId: member.id });
    const removed = await received('organizationMembership.deleted', (data) => data.public_user_data.user_id === member.id);
    expect(removed.payload.data).toMatchObject({ object: 'organization_membership', role: 'org:admin', organization: { id: organization.id } });

    const invitation = await server.clerk.organizations.createOrganizationInvitation({
      organizationId: organization.id,
      emailAddress: uniqueEmail('org-invitee'),
      role: 'org:member',
      inviterUserId: owner.id,
    });
    await received('organizationInvitation.created', (data) => data.id === invitation.id && data.status === 'pending');
    await server.clerk.organizations.revokeOrganizationInvitation({ organizationId: organization.id, invitationId: invitation.id, requestingUserId: owner.id });
    await received('organizationInvitation.revoked', (data) => data.id === invitation.id && data.status === 'revoked');

    await server.clerk.organizations.deleteOrganization(organization.id);
    const deleted = await received('organization.deleted', (data) => data.id === organization.id);
    expect(deleted.payload.data).toEqual({ object: 'organization', id: organization.id, slug: organization.slug, deleted: true });
  });
});
