// Organization invitations: create (single and bulk), inviter rules, one pending invitation per address,
// expiry, lists with status filters, revoke, the instance-wide list and a user's invitations.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectClerkError, expectSdkError } from '../../helpers/assertions.js';
import { uniqueEmail, uniqueTag } from '../../helpers/fixtures.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { organizationHelpers } from './helpers.js';

const DAY_MS = 86_400_000;

describe('organization invitations', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server.close());
  const { createUser, createOrganization, addMember, getOrganization } = organizationHelpers(() => server);
  const invite = (orgId: string, body: Record<string, unknown>) => server.api('POST', `/v1/organizations/${orgId}/invitations`, body);

  describe('POST /v1/organizations/{id}/invitations', () => {
    it('creates a pending invitation through the SDK (30 days by default, email normalised)', async () => {
      const org = await createOrganization();
      const email = uniqueEmail('invitee');
      const invitation = await server.clerk.organizations.createOrganizationInvitation({
        organizationId: org.id,
        emailAddress: `  ${email.toUpperCase()} `,
        role: 'org:member',
        publicMetadata: { source: 'test' },
        privateMetadata: { ref: 1 },
        redirectUrl: 'https://app.example.com/welcome',
      });
      expect(invitation.id).toMatch(/^orginv_[0-9A-Za-z]{27}$/);
      expect(invitation).toMatchObject({
        emailAddress: email,
        role: 'org:member',
        roleName: 'Member',
        organizationId: org.id,
        status: 'pending',
        publicMetadata: { source: 'test' },
        privateMetadata: { ref: 1 },
        createdAt: server.clock.nowMs(),
        expiresAt: server.clock.nowMs() + 30 * DAY_MS,
      });
      expect(invitation.raw).toMatchObject({ inviter_id: null, public_inviter_data: null });
      // The accept link: the redirect URL with the invitation's ticket.
      expect(invitation.url).toMatch(new RegExp(`^https://app\\.example\\.com/welcome\\?__clerk_ticket=${invitation.id}\\.`));
      const pending = await getOrganization(org.id, '?include_members_count=true');
      expect(pending).toMatchObject({ members_count: 0, pending_invitations_count: 1 });
    });

    it('names the inviter, who must be an administrator of the organization', async () => {
      const admin = await createUser({ first_name: 'Ada' });
      const member = await createUser();
      const outsider = await createUser();
      const org = await createOrganization({ created_by: admin.id });
      await addMember(org.id, member.id);
      const response = await invite(org.id, { email_address: uniqueEmail('x'), role: 'org:admin', inviter_user_id: admin.id, expires_in_days: 2 });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        role: 'org:admin',
        role_name: 'Admin',
        inviter_id: admin.id,
        public_inviter_data: { user_id: admin.id, first_name: 'Ada', identifier: admin.email_addresses[0].email_address, has_image: false },
        expires_at: server.clock.nowMs() + 2 * DAY_MS,
      });
      expectClerkError(await invite(org.id, { email_address: uniqueEmail('x'), role: 'org:member', inviter_user_id: member.id }), 403, 'not_an_admin_in_organization', 'inviter_user_id');
      expectClerkError(await invite(org.id, { email_address: uniqueEmail('x'), role: 'org:member', inviter_user_id: outsider.id }), 403, 'not_a_member_in_organization', 'inviter_user_id');
      expectClerkError(await invite(org.id, { email_address: uniqueEmail('x'), role: 'org:member', inviter_user_id: 'user_missing' }), 422, 'form_resource_not_found', 'inviter_user_id');
    });

    it('refuses bad input: email, role, expiry, unknown organization, existing member', async () => {
      const member = await createUser();
      const org = await createOrganization({ created_by: member.id });
      expectClerkError(await invite(org.id, { email_address: 'not-an-email', role: 'org:member' }), 422, 'form_param_format_invalid', 'email_address');
      expectClerkError(await invite(org.id, { email_address: uniqueEmail('x'), role: 'org:king' }), 422, 'form_param_value_invalid', 'role');
      expectClerkError(await invite(org.id, { email_address: uniqueEmail('x'), role: 'org:member', expires_in_days: 366 }), 422, 'form_param_value_invalid', 'expires_in_days');
      expectClerkError(await invite(org.id, { role: 'org:member' }), 422, 'form_param_missing', 'email_address');
      expectClerkError(await invite('org_missing', { email_address: uniqueEmail('x'), role: 'org:member' }), 404, 'resource_not_found');
      expectClerkError(await invite(org.id, { email_address: member.email_addresses[0].email_address, role: 'org:member' }), 400, 'already_a_member_in_organization');
      expect((await server.api('GET', `/v1/organizations/${org.id}/invitations`)).body.total_count).toBe(0);
    });

    it('keeps one pending invitation per address; a revoked or expired one can be replaced', async () => {
      const org = await createOrganization();
      const email = uniqueEmail('dup');
      const first = await invite(org.id, { email_address: email, role: 'org:member', expires_in_days: 1 });
      expect(first.status).toBe(200);
      expectClerkError(await invite(org.id, { email_address: email.toUpperCase(), role: 'org:admin' }), 400, 'organization_invitation_not_unique', 'email_address');
      // Another organization may invite the same address.
      expect((await invite((await createOrganization()).id, { email_address: email, role: 'org:member' })).status).toBe(200);

      server.clock.advanceMs(DAY_MS + 1);
      const expired = await server.api('GET', `/v1/organizations/${org.id}/invitations/${first.body.id}`);
      expect(expired.body.status).toBe('expired');
      const second = await invite(org.id, { email_address: email, role: 'org:member' });
      expect(second.status).toBe(200);
      const revoked = await server.clerk.organizations.revokeOrganizationInvitation({ organizationId: org.id, invitationId: second.body.id });
      expect(revoked.status).toBe('revoked');
      server.clock.advanceMs(10);
      expect((await invite(org.id, { email_address: email, role: 'org:member' })).status).toBe(200);
      const statuses = (await server.api('GET', `/v1/organizations/${org.id}/invitations?order_by=created_at`)).body.data.map((i: any) => i.status);
      expect(statuses).toEqual(['expired', 'revoked', 'pending']);
    });
  });

  describe('POST /v1/organizations/{id}/invitations/bulk', () => {
    it('creates up to ten invitations at once through the SDK', async () => {
      const admin = await createUser();
      const org = await createOrganization({ created_by: admin.id });
      const emails = [uniqueEmail('b1'), uniqueEmail('b2')];
      const created = await server.clerk.organizations.createOrganizationInvitationBulk(org.id, [
        { emailAddress: emails[0]!, role: 'org:member', inviterUserId: admin.id },
        { emailAddress: emails[1]!, role: 'org:admin', publicMetadata: { n: 2 } },
      ]);
      expect(created.totalCount).toBe(2);
      expect(created.data.map((i) => [i.emailAddress, i.role, i.status])).toEqual([
        [emails[0], 'org:member', 'pending'],
        [emails[1], 'org:admin', 'pending'],
      ]);
      expect(created.data[1]?.publicMetadata).toEqual({ n: 2 });
    });

    it('is all or nothing, and refuses more than ten or an invalid item', async () => {
      const org = await createOrganization();
      const existing = uniqueEmail('taken');
      expect((await invite(org.id, { email_address: existing, role: 'org:member' })).status).toBe(200);
      const fresh = uniqueEmail('fresh');
      const bulk = (body: unknown) => server.api('POST', `/v1/organizations/${org.id}/invitations/bulk`, body);
      expectClerkError(await bulk([{ email_address: fresh, role: 'org:member' }, { email_address: existing, role: 'org:member' }]), 400, 'organization_invitation_not_unique');
      expectClerkError(await bulk([{ email_address: fresh, role: 'org:member' }, { email_address: fresh, role: 'org:admin' }]), 400, 'organization_invitation_not_unique');
      expectClerkError(await bulk([{ email_address: fresh, role: 'org:member' }, { email_address: 'bad', role: 'org:member' }]), 422, 'form_param_format_invalid', 'email_address');
      expectClerkError(await bulk([{ email_address: fresh }]), 422, 'form_param_missing', 'role');
      expectClerkError(await bulk([{ email_address: fresh, role: 'org:member', extra: 1 }]), 422, 'form_param_unknown', 'extra');
      const eleven = Array.from({ length: 11 }, () => ({ email_address: uniqueEmail('many'), role: 'org:member' }));
      expectClerkError(await bulk(eleven), 400, 'bulk_size_exceeded');
      expectClerkError(await bulk([]), 422, 'form_param_missing');
      const list = await server.api('GET', `/v1/organizations/${org.id}/invitations`);
      expect(list.body.data.map((i: any) => i.email_address)).toEqual([existing]);
    });
  });

  describe('lists, get and revoke', () => {
    it('lists an organization\'s invitations by status, and the pending ones', async () => {
      const org = await createOrganization();
      const ids: string[] = [];
      for (const label of ['a', 'b', 'c']) {
        server.clock.advanceMs(10);
        const response = await invite(org.id, { email_address: `${label}-${uniqueTag()}@example.com`, role: 'org:member', expires_in_days: label === 'c' ? 1 : 30 });
        ids.push(response.body.id);
      }
      const [a, b, c] = ids as [string, string, string];
      await server.clerk.organizations.revokeOrganizationInvitation({ organizationId: org.id, invitationId: b });
      server.clock.advanceMs(DAY_MS);
      const listed = async (query: string) => (await server.api('GET', `/v1/organizations/${org.id}/invitations${query}`)).body.data.map((i: any) => i.id);
      expect(await listed('')).toEqual([c, b, a]);
      expect(await listed('?order_by=created_at')).toEqual([a, b, c]);
      expect(await listed('?order_by=email_address')).toEqual([a, b, c]);
      expect(await listed('?status=pending')).toEqual([a]);
      expect(await listed('?status=revoked')).toEqual([b]);
      expect(await listed('?status=expired')).toEqual([c]);
      expect(await listed('?status=accepted')).toEqual([]);
      expect(await listed('?status=revoked&status=expired')).toEqual([c, b]);
      expect(await listed('?limit=1&offset=2')).toEqual([a]);
      const viaSdk = await server.clerk.organizations.getOrganizationInvitationList({ organizationId: org.id, status: ['pending', 'revoked'] });
      expect(viaSdk.totalCount).toBe(2);
      expect(viaSdk.data.map((i) => i.id)).toEqual([b, a]);
      const pending = await server.api('GET', `/v1/organizations/${org.id}/invitations/pending`);
      expect(pending.body.total_count).toBe(1);
      expect(pending.body.data[0].id).toBe(a);
      expectClerkError(await server.api('GET', `/v1/organizations/${org.id}/invitations?status=open`), 422, 'form_param_value_invalid', 'status');
      expectClerkError(await server.api('GET', '/v1/organizations/org_missing/invitations'), 404, 'resource_not_found');
    });

    it('gets one invitation, and revokes only pending ones, once', async () => {
      const admin = await createUser();
      const member = await createUser();
      const org = await createOrganization({ created_by: admin.id });
      await addMember(org.id, member.id);
      const created = await invite(org.id, { email_address: uniqueEmail('r'), role: 'org:member' });
      const fetched = await server.clerk.organizations.getOrganizationInvitation({ organizationId: org.id, invitationId: created.body.id });
      expect(fetched).toMatchObject({ id: created.body.id, status: 'pending' });
      const revokeUrl = `/v1/organizations/${org.id}/invitations/${created.body.id}/revoke`;
      expectClerkError(await server.api('POST', revokeUrl, { requesting_user_id: member.id }), 403, 'not_an_admin_in_organization', 'requesting_user_id');
      server.clock.advanceMs(1000);
      const revoked = await server.api('POST', revokeUrl, { requesting_user_id: admin.id });
      expect(revoked.status).toBe(200);
      expect(revoked.body).toMatchObject({ status: 'revoked', updated_at: server.clock.nowMs() });
      await expectSdkError(
        server.clerk.organizations.revokeOrganizationInvitation({ organizationId: org.id, invitationId: created.body.id }),
        404,
        'organization_invitation_not_pending',
      );
      expectClerkError(await server.api('POST', `/v1/organizations/${org.id}/invitations/orginv_missing/revoke`), 404, 'resource_not_found');
      expectClerkError(await server.api('GET', `/v1/organizations/${org.id}/invitations/orginv_missing`), 404, 'resource_not_found');
      // An invitation is reached through its own organization only.
      expectClerkError(await server.api('GET', `/v1/organizations/${(await createOrganization()).id}/invitations/${created.body.id}`), 404, 'resource_not_found');
    });

    it('GET /v1/organization_invitations lists the instance\'s invitations with public organization data', async () => {
      const tag = uniqueTag();
      const org = await createOrganization({ name: `Public ${tag}` });
      const response = await invite(org.id, { email_address: `inst-${tag}@example.com`, role: 'org:member' });
      server.clock.advanceMs(10);
      const other = await invite(org.id, { email_address: `other-${tag}@example.com`, role: 'org:member' });
      await server.api('POST', `/v1/organizations/${org.id}/invitations/${other.body.id}/revoke`);
      const list = await server.api('GET', `/v1/organization_invitations?query=INST-${tag}`);
      expect(list.status).toBe(200);
      expect(list.body.total_count).toBe(1);
      expect(list.body.data[0]).toMatchObject({
        id: response.body.id,
        public_organization_data: { id: org.id, name: org.name, slug: org.slug, has_image: false },
      });
      expect((await server.api('GET', `/v1/organization_invitations?query=${tag}&status=revoked`)).body.data.map((i: any) => i.id)).toEqual([other.body.id]);
      expect((await server.api('GET', `/v1/organization_invitations?query=${tag}&order_by=-email_address`)).body.data.map((i: any) => i.id)).toEqual([
        other.body.id,
        response.body.id,
      ]);
      expect((await server.api('GET', '/v1/organization_invitations?query=zz')).status).toBe(200);
      expectClerkError(await server.api('GET', '/v1/organization_invitations?order_by=role'), 422, 'form_param_value_invalid', 'order_by');
    });
  });

  describe('GET /v1/users/{user_id}/organization_invitations', () => {
    it('shows invitations to the user\'s verified addresses, including ones sent before the user existed', async () => {
      const email = uniqueEmail('later');
      const org1 = await createOrganization();
      const org2 = await createOrganization();
      const early = await invite(org1.id, { email_address: email, role: 'org:member' });
      const user = await createUser({ email_address: [email] });
      server.clock.advanceMs(10);
      const late = await invite(org2.id, { email_address: email, role: 'org:admin' });
      await invite((await createOrganization()).id, { email_address: uniqueEmail('someone-else'), role: 'org:member' });
      const list = await server.clerk.users.getOrganizationInvitationList({ userId: user.id });
      expect(list.totalCount).toBe(2);
      expect(list.data.map((i) => i.id)).toEqual([late.body.id, early.body.id]);
      expect(list.data[0]?.publicOrganizationData).toMatchObject({ id: org2.id, name: org2.name });

      await server.api('POST', `/v1/organizations/${org1.id}/invitations/${early.body.id}/revoke`);
      const pending = await server.clerk.users.getOrganizationInvitationList({ userId: user.id, status: 'pending' });
      expect(pending.data.map((i) => i.id)).toEqual([late.body.id]);
      const revoked = await server.api('GET', `/v1/users/${user.id}/organization_invitations?status=revoked&limit=1`);
      expect(revoked.body).toMatchObject({ total_count: 1, data: [{ id: early.body.id, status: 'revoked' }] });
      expectClerkError(await server.api('GET', `/v1/users/${user.id}/organization_invitations?status=nope`), 422, 'form_param_value_invalid', 'status');
      expectClerkError(await server.api('GET', '/v1/users/user_missing/organization_invitations'), 404, 'resource_not_found');
    });

    it('does not show invitations to an address the user has not verified', async () => {
      const email = uniqueEmail('unverified');
      const user = await createUser({ email_address: [uniqueEmail('main'), email], email_address_identification_status: ['verified', 'reserved'] });
      await invite((await createOrganization()).id, { email_address: email, role: 'org:member' });
      expect((await server.api('GET', `/v1/users/${user.id}/organization_invitations`)).body).toEqual({ data: [], total_count: 0 });
    });
  });
});
