// Organization memberships: add, list (member filters, roles, ordering), change role, remove (keeping an
// administrator), metadata, max_allowed_memberships, members_count, custom roles, the users' side
// (GET /v1/users/{id}/organization_memberships, organization_id filter of GET /v1/users and /count),
// and what deleting a user or an organization does to memberships.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectClerkError, expectSdkError } from '../../helpers/assertions.js';
import { uniqueEmail, uniqueTag, uniqueUsername } from '../../helpers/fixtures.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { organizationHelpers } from './helpers.js';

const CUSTOM_ROLES = JSON.stringify([
  { key: 'org:billing', name: 'Billing', permissions: ['org:sys_memberships:read', 'org:invoices:manage'] },
  { key: 'org:owner', name: 'Owner', permissions: ['org:sys_memberships:manage', 'org:sys_memberships:read'] },
]);

describe('organization memberships', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ ROSTER_ORGANIZATION_ROLES: CUSTOM_ROLES });
  });
  afterAll(async () => server.close());
  const { createUser, createOrganization, addMember, getOrganization } = organizationHelpers(() => server);
  const membersCount = async (orgId: string) => (await getOrganization(orgId, '?include_members_count=true')).members_count;

  describe('POST /v1/organizations/{id}/memberships', () => {
    it('adds a member through the SDK with role, permissions and public user data', async () => {
      const email = uniqueEmail('ann');
      const user = await createUser({ email_address: [email], first_name: 'Ann', last_name: 'Lee', username: uniqueUsername('ann') });
      const org = await createOrganization();
      const membership = await server.clerk.organizations.createOrganizationMembership({ organizationId: org.id, userId: user.id, role: 'org:member' });
      expect(membership.id).toMatch(/^orgmem_[0-9A-Za-z]{27}$/);
      expect(membership).toMatchObject({
        role: 'org:member',
        permissions: ['org:sys_memberships:read'],
        publicMetadata: {},
        privateMetadata: {},
        organization: { id: org.id, name: org.name },
        publicUserData: { userId: user.id, identifier: email, firstName: 'Ann', lastName: 'Lee', hasImage: false },
      });
      const raw = membership.raw as any;
      expect(raw.role_name).toBe('Member');
      expect(raw.public_user_data.username).toBe(user.username);
      expect(membership.publicUserData?.imageUrl).toContain('/roster/avatars/');
      expect(await membersCount(org.id)).toBe(1);
    });

    it('gives org:admin every system permission, and stores membership metadata', async () => {
      const user = await createUser();
      const org = await createOrganization();
      const response = await server.api('POST', `/v1/organizations/${org.id}/memberships`, {
        user_id: user.id,
        role: 'org:admin',
        public_metadata: { team: 'a' },
        private_metadata: { note: 'n' },
      });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        object: 'organization_membership',
        role: 'org:admin',
        role_name: 'Admin',
        permissions: [
          'org:sys_profile:manage',
          'org:sys_profile:delete',
          'org:sys_memberships:read',
          'org:sys_memberships:manage',
          'org:sys_domains:read',
          'org:sys_domains:manage',
        ],
        public_metadata: { team: 'a' },
        private_metadata: { note: 'n' },
      });
    });

    it('takes custom roles from ROSTER_ORGANIZATION_ROLES', async () => {
      const user = await createUser();
      const org = await createOrganization();
      const membership = await addMember(org.id, user.id, 'org:billing');
      expect(membership).toMatchObject({ role: 'org:billing', role_name: 'Billing', permissions: ['org:sys_memberships:read', 'org:invoices:manage'] });
    });

    it('refuses a second membership, an unknown role, user or organization', async () => {
      const user = await createUser();
      const org = await createOrganization();
      await addMember(org.id, user.id);
      await expectSdkError(
        server.clerk.organizations.createOrganizationMembership({ organizationId: org.id, userId: user.id, role: 'org:admin' }),
        400,
        'already_a_member_in_organization',
      );
      const other = await createUser();
      expectClerkError(await server.api('POST', `/v1/organizations/${org.id}/memberships`, { user_id: other.id, role: 'org:boss' }), 422, 'form_param_value_invalid', 'role');
      expectClerkError(await server.api('POST', `/v1/organizations/${org.id}/memberships`, { user_id: 'user_missing', role: 'org:member' }), 404, 'resource_not_found');
      expectClerkError(await server.api('POST', '/v1/organizations/org_missing/memberships', { user_id: other.id, role: 'org:member' }), 404, 'resource_not_found');
      expectClerkError(await server.api('POST', `/v1/organizations/${org.id}/memberships`, { user_id: other.id }), 422, 'form_param_missing', 'role');
      expect(await membersCount(org.id)).toBe(1);
    });

    it('enforces max_allowed_memberships, counting pending invitations; 0 is unlimited', async () => {
      const admin = await createUser();
      const org = await createOrganization({ created_by: admin.id, max_allowed_memberships: 3 });
      await addMember(org.id, (await createUser()).id);
      const invitation = await server.api('POST', `/v1/organizations/${org.id}/invitations`, { email_address: uniqueEmail('inv'), role: 'org:member' });
      expect(invitation.status).toBe(200);
      const full = await server.api('POST', `/v1/organizations/${org.id}/memberships`, { user_id: (await createUser()).id, role: 'org:member' });
      expectClerkError(full, 403, 'organization_membership_quota_exceeded');
      // Revoking the invitation frees its seat.
      expect((await server.api('POST', `/v1/organizations/${org.id}/invitations/${invitation.body.id}/revoke`)).status).toBe(200);
      await addMember(org.id, (await createUser()).id);
      expectClerkError(await server.api('POST', `/v1/organizations/${org.id}/invitations`, { email_address: uniqueEmail('x'), role: 'org:member' }), 403, 'organization_membership_quota_exceeded');
      // Raising the limit to unlimited lets everyone in.
      expect((await server.api('PATCH', `/v1/organizations/${org.id}`, { max_allowed_memberships: 0 })).status).toBe(200);
      await addMember(org.id, (await createUser()).id);
      expect(await membersCount(org.id)).toBe(4);
    });
  });

  describe('under concurrency', () => {
    it('max_allowed_memberships holds when many members are added at once', async () => {
      const admin = await createUser();
      const org = await createOrganization({ created_by: admin.id, max_allowed_memberships: 3 });
      const users = [];
      for (let i = 0; i < 6; i++) users.push(await createUser());
      const responses = await Promise.all(
        users.map((user) => server.api('POST', `/v1/organizations/${org.id}/memberships`, { user_id: user.id, role: 'org:member' })),
      );
      expect(responses.filter((r) => r.status === 200)).toHaveLength(2);
      for (const refused of responses.filter((r) => r.status !== 200)) expectClerkError(refused, 403, 'organization_membership_quota_exceeded');
      expect(await membersCount(org.id)).toBe(3);
    });

    it('one user added many times at once becomes one membership', async () => {
      const user = await createUser();
      const org = await createOrganization();
      const responses = await Promise.all(
        Array.from({ length: 5 }, () => server.api('POST', `/v1/organizations/${org.id}/memberships`, { user_id: user.id, role: 'org:member' })),
      );
      expect(responses.filter((r) => r.status === 200)).toHaveLength(1);
      for (const refused of responses.filter((r) => r.status !== 200)) expectClerkError(refused, 400, 'already_a_member_in_organization');
      expect(await membersCount(org.id)).toBe(1);
    });

    it('one address invited many times at once gets one pending invitation', async () => {
      const org = await createOrganization();
      const email = uniqueEmail('race');
      const responses = await Promise.all(
        Array.from({ length: 5 }, () => server.api('POST', `/v1/organizations/${org.id}/invitations`, { email_address: email, role: 'org:member' })),
      );
      expect(responses.filter((r) => r.status === 200)).toHaveLength(1);
      for (const refused of responses.filter((r) => r.status !== 200)) expectClerkError(refused, 400, 'organization_invitation_not_unique');
    });
  });

  describe('GET /v1/organizations/{id}/memberships', () => {
    it('lists newest first with total_count; filters by role, email, query, user_id; orders by user fields', async () => {
      const tag = uniqueTag();
      const org = await createOrganization();
      const zed = await createUser({ first_name: 'Zed', email_address: [`zed-${tag}@example.com`] });
      server.clock.advanceMs(10);
      const amy = await createUser({ first_name: 'Amy', email_address: [`amy-${tag}@example.com`] });
      const mid = await createUser({ first_name: 'Mid', email_address: [`mid-${tag}@example.com`] });
      await addMember(org.id, zed.id, 'org:admin');
      server.clock.advanceMs(10);
      await addMember(org.id, amy.id);
      server.clock.advanceMs(10);
      await addMember(org.id, mid.id, 'org:billing');
      const userIds = async (params = '') => {
        const response = await server.api('GET', `/v1/organizations/${org.id}/memberships${params}`);
        expect(response.status, JSON.stringify(response.body)).toBe(200);
        return response.body.data.map((m: any) => m.public_user_data.user_id);
      };
      expect(await userIds()).toEqual([mid.id, amy.id, zed.id]);
      expect(await userIds('?order_by=first_name')).toEqual([amy.id, mid.id, zed.id]);
      expect(await userIds('?order_by=-email_address')).toEqual([zed.id, mid.id, amy.id]);
      expect(await userIds('?role=org:admin&role=org:billing&order_by=created_at')).toEqual([zed.id, mid.id]);
      expect(await userIds(`?email_address=AMY-${tag}@example.com`)).toEqual([amy.id]);
      expect(await userIds(`?query=mid-${tag}`)).toEqual([mid.id]);
      expect(await userIds(`?name_query=ze`)).toEqual([zed.id]);
      expect(await userIds(`?user_id=-${amy.id}&order_by=created_at`)).toEqual([zed.id, mid.id]);
      expect(await userIds('?limit=1&offset=1')).toEqual([amy.id]);

      const viaSdk = await server.clerk.organizations.getOrganizationMembershipList({ organizationId: org.id, role: ['org:member'] });
      expect(viaSdk.totalCount).toBe(1);
      expect(viaSdk.data[0]?.publicUserData?.userId).toBe(amy.id);
      const all = await server.clerk.organizations.getOrganizationMembershipList({ organizationId: org.id, limit: 2 });
      expect(all.totalCount).toBe(3);
      expect(all.data).toHaveLength(2);

      expectClerkError(await server.api('GET', `/v1/organizations/${org.id}/memberships?order_by=role`), 422, 'form_param_value_invalid', 'order_by');
      expectClerkError(await server.api('GET', `/v1/organizations/${org.id}/memberships?banned=true`), 422, 'form_param_unknown', 'banned');
      expectClerkError(await server.api('GET', '/v1/organizations/org_missing/memberships'), 404, 'resource_not_found');
    });

    it('GET /v1/organization_memberships lists every organization\'s memberships', async () => {
      const before = await server.clerk.organizations.getInstanceOrganizationMembershipList({ limit: 1 });
      const org = await createOrganization();
      const user = await createUser();
      server.clock.advanceMs(10);
      const added = await addMember(org.id, user.id);
      const after = await server.clerk.organizations.getInstanceOrganizationMembershipList({ limit: 1 });
      expect(after.totalCount).toBe(before.totalCount + 1);
      expect(after.data[0]?.id).toBe(added.id);
      const raw = await server.api('GET', '/v1/organization_memberships?order_by=-created_at&limit=1');
      expect(raw.body.data[0].id).toBe(added.id);
      expectClerkError(await server.api('GET', '/v1/organization_memberships?role=org:admin'), 422, 'form_param_unknown', 'role');
    });
  });

  describe('PATCH and DELETE /v1/organizations/{id}/memberships/{user_id}', () => {
    it('changes roles, but never leaves the organization without an administrator', async () => {
      const first = await createUser();
      const second = await createUser();
      const org = await createOrganization({ created_by: first.id });
      await expectSdkError(
        server.clerk.organizations.updateOrganizationMembership({ organizationId: org.id, userId: first.id, role: 'org:member' }),
        400,
        'organization_minimum_permissions_needed',
      );
      expectClerkError(await server.api('DELETE', `/v1/organizations/${org.id}/memberships/${first.id}`), 400, 'organization_minimum_permissions_needed');

      await addMember(org.id, second.id);
      server.clock.advanceMs(1000);
      const promoted = await server.clerk.organizations.updateOrganizationMembership({ organizationId: org.id, userId: second.id, role: 'org:admin' });
      expect(promoted).toMatchObject({ role: 'org:admin', updatedAt: server.clock.nowMs() });
      const demoted = await server.clerk.organizations.updateOrganizationMembership({ organizationId: org.id, userId: first.id, role: 'org:member' });
      expect(demoted.role).toBe('org:member');
      // A custom role holding org:sys_memberships:manage counts as an administrator.
      await server.clerk.organizations.updateOrganizationMembership({ organizationId: org.id, userId: first.id, role: 'org:owner' });
      const removed = await server.clerk.organizations.deleteOrganizationMembership({ organizationId: org.id, userId: second.id });
      expect(removed.publicUserData?.userId).toBe(second.id);
      expect(removed.organization.id).toBe(org.id);
      expectClerkError(await server.api('DELETE', `/v1/organizations/${org.id}/memberships/${first.id}`), 400, 'organization_minimum_permissions_needed');
      expect(await membersCount(org.id)).toBe(1);
    });

    it('removes a member (answering with the membership) and 404s for non-members', async () => {
      const admin = await createUser();
      const member = await createUser();
      const org = await createOrganization({ created_by: admin.id });
      const membership = await addMember(org.id, member.id);
      const removed = await server.api('DELETE', `/v1/organizations/${org.id}/memberships/${member.id}`);
      expect(removed.status).toBe(200);
      expect(removed.body).toMatchObject({ id: membership.id, object: 'organization_membership', role: 'org:member' });
      expectClerkError(await server.api('DELETE', `/v1/organizations/${org.id}/memberships/${member.id}`), 404, 'resource_not_found');
      expectClerkError(await server.api('PATCH', `/v1/organizations/${org.id}/memberships/${member.id}`, { role: 'org:admin' }), 404, 'resource_not_found');
      expectClerkError(await server.api('PATCH', `/v1/organizations/${org.id}/memberships/${admin.id}`, { role: 'org:nope' }), 422, 'form_param_value_invalid', 'role');
      expect(await membersCount(org.id)).toBe(1);
    });

    it('PATCH …/metadata deep-merges the membership metadata', async () => {
      const user = await createUser();
      const org = await createOrganization();
      await server.api('POST', `/v1/organizations/${org.id}/memberships`, { user_id: user.id, role: 'org:member', public_metadata: { a: 1, n: { x: 1 } } });
      const merged = await server.clerk.organizations.updateOrganizationMembershipMetadata({
        organizationId: org.id,
        userId: user.id,
        publicMetadata: { n: { x: null, y: 2 } },
        privateMetadata: { p: true },
      });
      expect(merged.publicMetadata).toEqual({ a: 1, n: { y: 2 } });
      expect(merged.privateMetadata).toEqual({ p: true });
      expectClerkError(await server.api('PATCH', `/v1/organizations/${org.id}/memberships/${user.id}/metadata`, { role: 'x' }), 422, 'form_param_unknown', 'role');
      expectClerkError(await server.api('PATCH', `/v1/organizations/${org.id}/memberships/user_missing/metadata`, { public_metadata: {} }), 404, 'resource_not_found');
    });
  });

  describe('the users side', () => {
    it('GET /v1/users/{id}/organization_memberships lists the user\'s memberships, newest first, with pagination', async () => {
      const user = await createUser();
      const first = await createOrganization({ created_by: user.id });
      server.clock.advanceMs(10);
      const second = await createOrganization();
      await addMember(second.id, user.id);
      const list = await server.clerk.users.getOrganizationMembershipList({ userId: user.id });
      expect(list.totalCount).toBe(2);
      expect(list.data.map((m) => m.organization.id)).toEqual([second.id, first.id]);
      expect(list.data.map((m) => m.role)).toEqual(['org:member', 'org:admin']);
      const paged = await server.api('GET', `/v1/users/${user.id}/organization_memberships?limit=1&offset=1`);
      expect(paged.body.total_count).toBe(2);
      expect(paged.body.data.map((m: any) => m.organization.id)).toEqual([first.id]);
      expectClerkError(await server.api('GET', '/v1/users/user_missing/organization_memberships'), 404, 'resource_not_found');
      expect((await server.api('GET', `/v1/users/${(await createUser()).id}/organization_memberships`)).body).toEqual({ data: [], total_count: 0 });
    });

    it('deleting a user removes their memberships and keeps members_count right', async () => {
      const admin = await createUser();
      const leaving = await createUser();
      const org = await createOrganization({ created_by: admin.id });
      await addMember(org.id, leaving.id);
      expect(await membersCount(org.id)).toBe(2);
      expect((await server.api('DELETE', `/v1/users/${leaving.id}`)).status).toBe(200);
      expect(await membersCount(org.id)).toBe(1);
      const members = await server.api('GET', `/v1/organizations/${org.id}/memberships`);
      expect(members.body.total_count).toBe(1);
      expect(members.body.data[0].public_user_data.user_id).toBe(admin.id);
      // The creator's deletion leaves the organization without created_by.
      expect((await server.api('DELETE', `/v1/users/${admin.id}`)).status).toBe(200);
      const orphan = await getOrganization(org.id, '?include_members_count=true');
      expect(orphan.members_count).toBe(0);
      expect(orphan.created_by).toBeUndefined();
    });

    it('GET /v1/users and /count filter by organization_id with + and -', async () => {
      const tag = uniqueTag();
      const users = [];
      for (let i = 0; i < 3; i++) {
        server.clock.advanceMs(10);
        users.push(await createUser({ last_name: `Filter${tag}` }));
      }
      const [a, b, c] = users as [any, any, any];
      const org1 = await createOrganization({ created_by: a.id });
      const org2 = await createOrganization({ created_by: b.id });
      await addMember(org2.id, a.id);
      const ids = async (params: string) => {
        const response = await server.api('GET', `/v1/users?name_query=filter${tag}&order_by=created_at&${params}`);
        expect(response.status, JSON.stringify(response.body)).toBe(200);
        const count = await server.api('GET', `/v1/users/count?name_query=filter${tag}&${params}`);
        expect(count.body).toEqual({ object: 'total_count', total_count: response.body.length });
        return response.body.map((u: any) => u.id);
      };
      expect(await ids(`organization_id=${org1.id}`)).toEqual([a.id]);
      expect(await ids(`organization_id=%2B${org2.id}`)).toEqual([a.id, b.id]);
      expect(await ids(`organization_id=${org1.id}&organization_id=${org2.id}`)).toEqual([a.id, b.id]);
      expect(await ids(`organization_id=-${org1.id}`)).toEqual([b.id, c.id]);
      expect(await ids(`organization_id=-${org1.id}&organization_id=-${org2.id}`)).toEqual([c.id]);
      expect(await ids(`organization_id=${org2.id}&organization_id=-${org1.id}`)).toEqual([b.id]);
      expect(await ids('organization_id=org_unknown')).toEqual([]);
      const viaSdk = await server.clerk.users.getUserList({ query: `filter${tag}`, organizationId: [org2.id], orderBy: 'created_at' });
      expect(viaSdk.totalCount).toBe(2);
      expect(viaSdk.data.map((u) => u.id)).toEqual([a.id, b.id]);
    });
  });
});
