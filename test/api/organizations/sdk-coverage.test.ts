// Issue 4 review: organization behaviour that existing tests prove only over raw HTTP (or not at all),
// proven here through @clerk/backend: deleting an organization as the invited/member user sees it,
// the last administrator through deleteOrganizationMembership, the membership quota for bulk
// invitations (all or nothing), the users' membership list paging, the organization_id filter of
// users.getUserList / getCount, membership filters fed by real sessions (last_active_at), the
// instance-wide membership list ordering, slug changes, and a max_allowed_memberships beyond 32 bits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectSdkError } from '../../helpers/assertions.js';
import { uniqueEmail, uniqueTag } from '../../helpers/fixtures.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';

const DAY_MS = 86_400_000;

describe('organizations through @clerk/backend (issue 4 coverage)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server.close());

  async function createUser(body: Record<string, unknown> = {}): Promise<{ id: string; email: string }> {
    const email = uniqueEmail('orgcov');
    const user = await server.clerk.users.createUser({ emailAddress: [email], ...body });
    return { id: user.id, email };
  }
  const createOrganization = (params: { createdBy?: string; maxAllowedMemberships?: number; name?: string } = {}) =>
    server.clerk.organizations.createOrganization({ name: params.name ?? `Cov ${uniqueTag()}`, ...params });

  it('deleteOrganization: the member and the invited user no longer see it in their lists', async () => {
    const member = await createUser();
    const invited = await createUser();
    const organization = await createOrganization({ createdBy: member.id });
    await server.clerk.organizations.createOrganizationInvitation({ organizationId: organization.id, emailAddress: invited.email, role: 'org:member' });
    expect((await server.clerk.users.getOrganizationMembershipList({ userId: member.id })).totalCount).toBe(1);
    expect((await server.clerk.users.getOrganizationInvitationList({ userId: invited.id })).totalCount).toBe(1);

    const deleted = await server.clerk.organizations.deleteOrganization(organization.id);
    expect(deleted).toMatchObject({ id: organization.id, deleted: true });
    expect(await server.clerk.users.getOrganizationMembershipList({ userId: member.id })).toEqual({ data: [], totalCount: 0 });
    expect(await server.clerk.users.getOrganizationInvitationList({ userId: invited.id })).toEqual({ data: [], totalCount: 0 });
    await expectSdkError(server.clerk.organizations.getOrganization({ organizationId: organization.id }), 404, 'resource_not_found');
    await expectSdkError(server.clerk.organizations.getOrganizationMembershipList({ organizationId: organization.id }), 404, 'resource_not_found');
    // The users stay.
    expect((await server.clerk.users.getUser(member.id)).id).toBe(member.id);
  });

  it('deleteOrganizationMembership refuses to remove the last administrator; members_count stays', async () => {
    const admin = await createUser();
    const organization = await createOrganization({ createdBy: admin.id });
    await expectSdkError(
      server.clerk.organizations.deleteOrganizationMembership({ organizationId: organization.id, userId: admin.id }),
      400,
      'organization_minimum_permissions_needed',
    );
    const stored = await server.clerk.organizations.getOrganization({ organizationId: organization.id, includeMembersCount: true });
    expect(stored.membersCount).toBe(1);
  });

  it('createOrganizationInvitationBulk beyond max_allowed_memberships is refused whole', async () => {
    const admin = await createUser();
    const organization = await createOrganization({ createdBy: admin.id, maxAllowedMemberships: 3 });
    await expectSdkError(
      server.clerk.organizations.createOrganizationInvitationBulk(organization.id, [
        { emailAddress: uniqueEmail('q1'), role: 'org:member' },
        { emailAddress: uniqueEmail('q2'), role: 'org:member' },
        { emailAddress: uniqueEmail('q3'), role: 'org:member' },
      ]),
      403,
      'organization_membership_quota_exceeded',
    );
    expect(await server.clerk.organizations.getOrganizationInvitationList({ organizationId: organization.id })).toEqual({ data: [], totalCount: 0 });
    const fits = await server.clerk.organizations.createOrganizationInvitationBulk(organization.id, [
      { emailAddress: uniqueEmail('q4'), role: 'org:member' },
      { emailAddress: uniqueEmail('q5'), role: 'org:member' },
    ]);
    expect(fits.totalCount).toBe(2);
    const counted = await server.clerk.organizations.getOrganization({ organizationId: organization.id, includeMembersCount: true });
    expect(counted.membersCount).toBe(1);
    expect((counted.raw as any).pending_invitations_count).toBe(2);
  });

  it('users.getOrganizationMembershipList pages with limit and offset', async () => {
    const user = await createUser();
    const created: string[] = [];
    for (let i = 0; i < 3; i++) {
      server.clock.advanceMs(10);
      created.push((await createOrganization({ createdBy: user.id })).id);
    }
    const newestFirst = [...created].reverse();
    const page = await server.clerk.users.getOrganizationMembershipList({ userId: user.id, limit: 2, offset: 1 });
    expect(page.totalCount).toBe(3);
    expect(page.data.map((membership) => membership.organization.id)).toEqual(newestFirst.slice(1));
    await expectSdkError(server.clerk.users.getOrganizationMembershipList({ userId: 'user_missing' }), 404, 'resource_not_found');
  });

  it('users.getUserList and GET /v1/users/count filter by organizationId with + and -', async () => {
    const tag = uniqueTag();
    const inside = await createUser({ lastName: `Cov${tag}` });
    const outside = await createUser({ lastName: `Cov${tag}` });
    const organization = await createOrganization({ createdBy: inside.id });
    const ids = async (organizationId: string[]) =>
      (await server.clerk.users.getUserList({ query: `cov${tag}`, organizationId, orderBy: 'created_at' })).data.map((user) => user.id);
    expect(await ids([organization.id])).toEqual([inside.id]);
    expect(await ids([`+${organization.id}`])).toEqual([inside.id]);
    expect(await ids([`-${organization.id}`])).toEqual([outside.id]);
    // users.getCount's parameter type has no organizationId (@clerk/backend 3.25.0): raw HTTP for /count.
    for (const value of [organization.id, `-${organization.id}`]) {
      const count = await server.api('GET', `/v1/users/count?query=cov${tag}&organization_id=${encodeURIComponent(value)}`);
      expect(count.body).toEqual({ object: 'total_count', total_count: 1 });
    }
  });

  it('getOrganizationMembershipList filters members by last_active_at that real sessions set', async () => {
    const active = await createUser();
    const idle = await createUser();
    const organization = await createOrganization({ createdBy: active.id });
    await server.clerk.organizations.createOrganizationMembership({ organizationId: organization.id, userId: idle.id, role: 'org:member' });
    server.clock.advanceMs(DAY_MS);
    const dayStart = Math.floor(server.clock.nowMs() / DAY_MS) * DAY_MS;
    expect((await server.api('POST', '/v1/sessions', { user_id: active.id })).status).toBe(200);
    const recent = await server.clerk.organizations.getOrganizationMembershipList({ organizationId: organization.id, lastActiveAtAfter: dayStart - 1 });
    expect(recent.totalCount).toBe(1);
    expect(recent.data[0]?.publicUserData?.userId).toBe(active.id);
  });

  it('getInstanceOrganizationMembershipList orders by member fields', async () => {
    const tag = uniqueTag();
    const amy = await createUser({ firstName: `Amy${tag}` });
    const zed = await createUser({ firstName: `Zed${tag}` });
    const organization = await createOrganization();
    for (const user of [zed, amy]) {
      await server.clerk.organizations.createOrganizationMembership({ organizationId: organization.id, userId: user.id, role: 'org:member' });
    }
    const ordered = async (orderBy: '+first_name' | '-first_name') => {
      const list = await server.clerk.organizations.getInstanceOrganizationMembershipList({ orderBy, limit: 500 });
      return list.data.map((membership) => membership.publicUserData?.userId).filter((id) => id === amy.id || id === zed.id);
    };
    expect(await ordered('+first_name')).toEqual([amy.id, zed.id]);
    expect(await ordered('-first_name')).toEqual([zed.id, amy.id]);
  });

  it('updateOrganization with a new slug: the new slug finds it, the old one no longer does', async () => {
    const oldSlug = `old-${uniqueTag()}`;
    const newSlug = `new-${uniqueTag()}`;
    const organization = await server.clerk.organizations.createOrganization({ name: 'Slugged', slug: oldSlug });
    await server.clerk.organizations.updateOrganization(organization.id, { slug: newSlug });
    expect((await server.clerk.organizations.getOrganization({ slug: newSlug })).id).toBe(organization.id);
    await expectSdkError(server.clerk.organizations.getOrganization({ slug: oldSlug }), 404, 'resource_not_found');
  });

  it('max_allowed_memberships beyond 32 bits is stored as given on every database (no 500)', async () => {
    // The request schema accepts any integer ≥ 0, so every dialect must store it.
    const big = 2 ** 31;
    const created = await createOrganization({ maxAllowedMemberships: big });
    expect(created.maxAllowedMemberships).toBe(big);
    const updated = await server.clerk.organizations.updateOrganization(created.id, { maxAllowedMemberships: big + 1 });
    expect(updated.maxAllowedMemberships).toBe(big + 1);
  });
});
