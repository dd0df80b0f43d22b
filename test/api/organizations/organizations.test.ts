// Organizations: create (slugs, creator rules), get by id or slug, list (filters, ordering, pagination),
// update (metadata by API version), metadata merge/replace, delete (with memberships and invitations), logo.
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectClerkError, expectSdkError } from '../../helpers/assertions.js';
import { uniqueEmail, uniqueTag } from '../../helpers/fixtures.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { organizationHelpers, PNG_1X1 } from './helpers.js';

describe('organizations', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server.close());
  const { createUser, createOrganization, addMember, getOrganization } = organizationHelpers(() => server);

  describe('POST /v1/organizations', () => {
    it('creates through the SDK; created_by becomes an org:admin member; get by id and by slug', async () => {
      const user = await createUser();
      const slug = `acme-${uniqueTag()}`;
      const org = await server.clerk.organizations.createOrganization({
        name: 'Acme Inc',
        slug,
        createdBy: user.id,
        maxAllowedMemberships: 7,
        publicMetadata: { plan: 'pro' },
        privateMetadata: { crm: 42 },
      });
      expect(org).toMatchObject({
        name: 'Acme Inc',
        slug,
        createdBy: user.id,
        maxAllowedMemberships: 7,
        adminDeleteEnabled: true,
        hasImage: false,
        publicMetadata: { plan: 'pro' },
        privateMetadata: { crm: 42 },
      });
      expect(org.id).toMatch(/^org_[0-9A-Za-z]{27}$/);
      expect(org.createdAt).toBe(server.clock.nowMs());
      const image = await fetch(org.imageUrl);
      expect(image.status).toBe(200);
      expect(image.headers.get('content-type')).toMatch(/^image\/svg\+xml/);

      const bySlug = await server.clerk.organizations.getOrganization({ slug, includeMembersCount: true });
      expect(bySlug.id).toBe(org.id);
      expect(bySlug.membersCount).toBe(1);
      expect((await server.clerk.organizations.getOrganization({ organizationId: org.id })).slug).toBe(slug);
      const raw = await getOrganization(org.id, '?include_members_count=true');
      expect(raw).toMatchObject({ object: 'organization', members_count: 1, pending_invitations_count: 0 });
      expect((await getOrganization(org.id)).members_count).toBeUndefined();

      const members = await server.clerk.organizations.getOrganizationMembershipList({ organizationId: org.id });
      expect(members.totalCount).toBe(1);
      expect(members.data[0]).toMatchObject({ role: 'org:admin', publicUserData: { userId: user.id } });
    });

    it('derives the slug from the name, and adds a suffix when that slug is taken', async () => {
      const tag = uniqueTag();
      const first = await createOrganization({ name: `Ünïcode Café ${tag}!` });
      expect(first.slug).toBe(`unicode-cafe-${tag}`);
      const second = await createOrganization({ name: `Unicode cafe ${tag}` });
      expect(second.slug).toMatch(new RegExp(`^unicode-cafe-${tag}-[0-9a-f]{8}$`));
      expect(first.created_by).toBeUndefined();
    });

    it('refuses a taken slug, an invalid slug and an invalid or missing name', async () => {
      const org = await createOrganization();
      expectClerkError(await server.api('POST', '/v1/organizations', { name: 'X', slug: org.slug }), 422, 'form_identifier_exists', 'slug');
      expectClerkError(await server.api('POST', '/v1/organizations', { name: 'X', slug: 'Not Valid' }), 422, 'form_param_format_invalid', 'slug');
      expectClerkError(await server.api('POST', '/v1/organizations', { name: 'see https://evil.example' }), 422, 'form_param_value_invalid', 'name');
      expectClerkError(await server.api('POST', '/v1/organizations', { name: '<b>bold</b>' }), 422, 'form_param_value_invalid', 'name');
      expectClerkError(await server.api('POST', '/v1/organizations', { name: '   ' }), 422, 'form_param_value_invalid', 'name');
      expectClerkError(await server.api('POST', '/v1/organizations', { name: 'x'.repeat(257) }), 422, 'form_param_max_length_exceeded', 'name');
      expectClerkError(await server.api('POST', '/v1/organizations', {}), 422, 'form_param_missing', 'name');
      expectClerkError(await server.api('POST', '/v1/organizations', { name: 'X', colour: 'red' }), 422, 'form_param_unknown', 'colour');
      expectClerkError(await server.api('POST', '/v1/organizations', { name: 'X', max_allowed_memberships: -1 }), 422, 'form_param_value_invalid', 'max_allowed_memberships');
    });

    it('enforces created_by: the user must exist, be allowed to create, and be under their limit', async () => {
      await expectSdkError(server.clerk.organizations.createOrganization({ name: 'Ghost', createdBy: 'user_missing' }), 400, 'organization_creator_not_found');
      const disabled = await createUser({ create_organization_enabled: false });
      expectClerkError(await server.api('POST', '/v1/organizations', { name: 'No', created_by: disabled.id }), 403, 'user_create_organization_not_enabled');

      const limited = await createUser({ create_organizations_limit: 1 });
      const first = await createOrganization({ created_by: limited.id });
      expectClerkError(await server.api('POST', '/v1/organizations', { name: 'Second', created_by: limited.id }), 403, 'org_creation_limit_exceeded');
      // Organizations the user did not create do not count; deleting theirs frees the slot.
      await addMember((await createOrganization()).id, limited.id, 'org:admin');
      expect((await server.api('DELETE', `/v1/organizations/${first.id}`)).status).toBe(200);
      await createOrganization({ created_by: limited.id });

      const unlimited = await createUser({ create_organizations_limit: 0 });
      await createOrganization({ created_by: unlimited.id });
      await createOrganization({ created_by: unlimited.id });
    });

    it('accepts a custom created_at and refuses role sets', async () => {
      const org = await createOrganization({ created_at: '2020-01-02T03:04:05.000Z' });
      expect(org.created_at).toBe(Date.parse('2020-01-02T03:04:05.000Z'));
      expectClerkError(await server.api('POST', '/v1/organizations', { name: 'X', created_at: 'yesterday' }), 422, 'form_param_value_invalid', 'created_at');
      expectClerkError(await server.api('POST', '/v1/organizations', { name: 'X', role_set_key: 'role_set:x' }), 422, 'form_param_value_invalid', 'role_set_key');
    });
  });

  describe('GET /v1/organizations', () => {
    it('filters by query (exact id, substring of name or slug), newest first, with total_count', async () => {
      const tag = uniqueTag();
      const a = await createOrganization({ name: `Alpha ${tag}` });
      server.clock.advanceMs(1000);
      const b = await createOrganization({ name: `Beta ${tag}`, slug: `zz-${tag}-slugonly` });
      const list = await server.api('GET', `/v1/organizations?query=${tag}`);
      expect(list.status).toBe(200);
      expect(list.body.total_count).toBe(2);
      expect(list.body.data.map((o: any) => o.id)).toEqual([b.id, a.id]);
      expect((await server.api('GET', `/v1/organizations?query=slugonly-${tag}`)).body.total_count).toBe(0);
      expect((await server.api('GET', `/v1/organizations?query=${tag}-slugonly`)).body.data.map((o: any) => o.id)).toEqual([b.id]);
      expect((await server.api('GET', `/v1/organizations?query=${a.id}`)).body.data.map((o: any) => o.id)).toEqual([a.id]);
      expect((await server.api('GET', `/v1/organizations?query=ALPHA%20${tag.toUpperCase()}`)).body.data.map((o: any) => o.id)).toEqual([a.id]);
      const viaSdk = await server.clerk.organizations.getOrganizationList({ query: tag });
      expect(viaSdk.totalCount).toBe(2);
      expect(viaSdk.data.map((o) => o.id)).toEqual([b.id, a.id]);
    });

    it('orders by name, created_at and members_count in both directions, and pages with limit/offset', async () => {
      const tag = uniqueTag();
      const c = await createOrganization({ name: `c ${tag}` });
      const a = await createOrganization({ name: `a ${tag}` });
      const b = await createOrganization({ name: `b ${tag}` });
      await addMember(b.id, (await createUser()).id);
      await addMember(b.id, (await createUser()).id);
      await addMember(a.id, (await createUser()).id);
      const ids = async (params: string) => (await server.api('GET', `/v1/organizations?query=${tag}&${params}`)).body.data.map((o: any) => o.id);
      expect(await ids('order_by=name')).toEqual([a.id, b.id, c.id]);
      expect(await ids('order_by=-name')).toEqual([c.id, b.id, a.id]);
      expect(await ids('order_by=-members_count')).toEqual([b.id, a.id, c.id]);
      expect(await ids('order_by=%2Bmembers_count')).toEqual([c.id, a.id, b.id]);
      expect(await ids('order_by=name&limit=1&offset=1')).toEqual([b.id]);
      const counted = await server.clerk.organizations.getOrganizationList({ query: tag, orderBy: '-members_count', includeMembersCount: true });
      expect(counted.data.map((o) => o.membersCount)).toEqual([2, 1, 0]);
      expectClerkError(await server.api('GET', '/v1/organizations?order_by=slug'), 422, 'form_param_value_invalid', 'order_by');
      expectClerkError(await server.api('GET', '/v1/organizations?limit=0'), 422, 'form_param_value_invalid', 'limit');
      expectClerkError(await server.api('GET', '/v1/organizations?limit=501'), 422, 'form_param_value_invalid', 'limit');
      expectClerkError(await server.api('GET', '/v1/organizations?offset=-1'), 422, 'form_param_value_invalid', 'offset');
      expectClerkError(await server.api('GET', '/v1/organizations?colour=red'), 422, 'form_param_unknown', 'colour');
    });

    it('filters by organization_id and user_id with +/-', async () => {
      const tag = uniqueTag();
      const user = await createUser();
      const a = await createOrganization({ name: `a ${tag}`, created_by: user.id });
      const b = await createOrganization({ name: `b ${tag}` });
      const c = await createOrganization({ name: `c ${tag}` });
      await addMember(c.id, user.id);
      const ids = async (params: string) =>
        (await server.api('GET', `/v1/organizations?query=${tag}&order_by=name&${params}`)).body.data.map((o: any) => o.id);
      expect(await ids(`organization_id=${a.id}&organization_id=%2B${b.id}`)).toEqual([a.id, b.id]);
      expect(await ids(`organization_id=-${a.id}`)).toEqual([b.id, c.id]);
      expect(await ids(`user_id=${user.id}`)).toEqual([a.id, c.id]);
      expect(await ids(`user_id=%2B${user.id}`)).toEqual([a.id, c.id]);
      expect(await ids(`user_id=-${user.id}`)).toEqual([b.id]);
      expect(await ids('user_id=user_unknown')).toEqual([]);
      const viaSdk = await server.clerk.organizations.getOrganizationList({ query: tag, organizationId: [b.id, c.id], orderBy: 'name' });
      expect(viaSdk.data.map((o) => o.id)).toEqual([b.id, c.id]);
    });

    it('include_missing_member_with_elevated_permissions tells whether an administrator is left', async () => {
      const admin = await createUser();
      const org = await createOrganization({ created_by: admin.id });
      expect((await getOrganization(org.id, '?include_missing_member_with_elevated_permissions=true')).missing_member_with_elevated_permissions).toBe(false);
      expect((await server.api('DELETE', `/v1/users/${admin.id}`)).status).toBe(200);
      expect((await getOrganization(org.id, '?include_missing_member_with_elevated_permissions=true')).missing_member_with_elevated_permissions).toBe(true);
    });

    it('answers 404 for an unknown id or slug', async () => {
      expectClerkError(await server.api('GET', '/v1/organizations/org_missing'), 404, 'resource_not_found');
      await expectSdkError(server.clerk.organizations.getOrganization({ slug: 'no-such-slug' }), 404, 'resource_not_found');
    });
  });

  describe('PATCH /v1/organizations/{id}', () => {
    it('changes the supplied fields only', async () => {
      const org = await createOrganization({ public_metadata: { keep: true } });
      server.clock.advanceMs(1000);
      const slug = `renamed-${uniqueTag()}`;
      const updated = await server.clerk.organizations.updateOrganization(org.id, {
        name: 'Renamed',
        slug,
        maxAllowedMemberships: 3,
        adminDeleteEnabled: false,
      });
      expect(updated).toMatchObject({ name: 'Renamed', slug, maxAllowedMemberships: 3, adminDeleteEnabled: false, publicMetadata: { keep: true } });
      expect(updated.updatedAt).toBe(server.clock.nowMs());
      expect(updated.createdAt).toBe(org.created_at);
      const taken = await createOrganization();
      expectClerkError(await server.api('PATCH', `/v1/organizations/${org.id}`, { slug: taken.slug }), 422, 'form_identifier_exists', 'slug');
      expectClerkError(await server.api('PATCH', `/v1/organizations/${org.id}`, { name: '<i>x</i>' }), 422, 'form_param_value_invalid', 'name');
      expectClerkError(await server.api('PATCH', '/v1/organizations/org_missing', { name: 'x' }), 404, 'resource_not_found');
      expect((await getOrganization(org.id)).slug).toBe(slug);
    });

    it('takes metadata up to API version 2025-11-10 and refuses it from 2026-05-12', async () => {
      const org = await createOrganization({ public_metadata: { a: 1 }, private_metadata: { p: 1 } });
      const old = await server.api('PATCH', `/v1/organizations/${org.id}`, { public_metadata: { b: 2 } }, { 'Clerk-API-Version': '2025-11-10' });
      expect(old.status).toBe(200);
      expect(old.body.public_metadata).toEqual({ b: 2 });
      expect(old.body.private_metadata).toEqual({ p: 1 });
      for (const field of ['public_metadata', 'private_metadata']) {
        const refused = await server.api('PATCH', `/v1/organizations/${org.id}`, { name: 'Changed', [field]: { c: 3 } }, { 'Clerk-API-Version': '2026-05-12' });
        expectClerkError(refused, 422, 'form_param_unknown', field);
        expect(refused.body.errors[0].long_message).toContain('/metadata');
      }
      const unchanged = await getOrganization(org.id);
      expect(unchanged).toMatchObject({ name: org.name, public_metadata: { b: 2 }, private_metadata: { p: 1 } });
      // The SDK sends metadata to PUT …/metadata itself, so it keeps working under 2026-05-12.
      const viaSdk = await server.clerk.organizations.updateOrganization(org.id, { name: 'Via SDK', publicMetadata: { d: 4 } });
      expect(viaSdk).toMatchObject({ name: 'Via SDK', publicMetadata: { d: 4 }, privateMetadata: { p: 1 } });
    });
  });

  describe('metadata endpoints', () => {
    it('PATCH deep-merges (null deletes), PUT replaces each supplied field', async () => {
      const org = await createOrganization({ public_metadata: { a: 1, nested: { x: 1, y: 2 } }, private_metadata: { secret: 's' } });
      const merged = await server.clerk.organizations.updateOrganizationMetadata(org.id, {
        publicMetadata: { nested: { y: null, z: 3 }, b: [1] },
      });
      expect(merged.publicMetadata).toEqual({ a: 1, nested: { x: 1, z: 3 }, b: [1] });
      expect(merged.privateMetadata).toEqual({ secret: 's' });
      const replaced = await server.clerk.organizations.replaceOrganizationMetadata(org.id, { privateMetadata: { only: true } });
      expect(replaced.publicMetadata).toEqual({ a: 1, nested: { x: 1, z: 3 }, b: [1] });
      expect(replaced.privateMetadata).toEqual({ only: true });
      const cleared = await server.api('PUT', `/v1/organizations/${org.id}/metadata`, { public_metadata: {} });
      expect(cleared.body.public_metadata).toEqual({});
      expectClerkError(await server.api('PATCH', `/v1/organizations/${org.id}/metadata`, { public_metadata: 'x' }), 422, 'form_param_type_invalid', 'public_metadata');
      expectClerkError(await server.api('PUT', `/v1/organizations/${org.id}/metadata`, { unsafe_metadata: {} }), 422, 'form_param_unknown', 'unsafe_metadata');
      expectClerkError(
        await server.api('PATCH', `/v1/organizations/${org.id}/metadata`, { public_metadata: { big: 'x'.repeat(9000) } }),
        422,
        'form_param_exceeds_allowed_size',
        'public_metadata',
      );
      expectClerkError(await server.api('PATCH', '/v1/organizations/org_missing/metadata', { public_metadata: {} }), 404, 'resource_not_found');
    });
  });

  describe('DELETE /v1/organizations/{id}', () => {
    it('deletes the organization with its memberships and invitations', async () => {
      const admin = await createUser();
      const org = await createOrganization({ created_by: admin.id });
      const invited = uniqueEmail('invited');
      expect((await server.api('POST', `/v1/organizations/${org.id}/invitations`, { email_address: invited, role: 'org:member' })).status).toBe(200);
      const deleted = await server.clerk.organizations.deleteOrganization(org.id);
      expect(deleted).toMatchObject({ id: org.id, deleted: true });
      const raw = await server.api('DELETE', `/v1/organizations/${org.id}`);
      expectClerkError(raw, 404, 'resource_not_found');
      expectClerkError(await server.api('GET', `/v1/organizations/${org.id}`), 404, 'resource_not_found');
      const memberships = await server.api('GET', `/v1/users/${admin.id}/organization_memberships`);
      expect(memberships.body).toEqual({ data: [], total_count: 0 });
      const invitations = await server.api('GET', `/v1/organization_invitations?query=${encodeURIComponent(invited)}`);
      expect(invitations.body).toEqual({ data: [], total_count: 0 });
      // The user stays.
      expect((await server.api('GET', `/v1/users/${admin.id}`)).status).toBe(200);
    });
  });

  describe('logo', () => {
    it('uploads through the SDK, serves the re-encoded image at image_url, and deletes back to the default image', async () => {
      const uploader = await createUser();
      const org = await createOrganization();
      const withLogo = await server.clerk.organizations.updateOrganizationLogo(org.id, {
        file: new Blob([PNG_1X1], { type: 'image/png' }),
        uploaderUserId: uploader.id,
      });
      expect(withLogo.hasImage).toBe(true);
      expect(withLogo.imageUrl).toMatch(/\/roster\/organization-logos\/img_[0-9A-Za-z]{27}$/);
      const served = await fetch(withLogo.imageUrl);
      expect(served.status).toBe(200);
      expect(served.headers.get('content-type')).toBe('image/png');
      // Re-encoded by the image pipeline (profile-image.test.ts covers it): the same 1×1 pixel, not the same file.
      const stored = await sharp(Buffer.from(await served.arrayBuffer())).metadata();
      expect([stored.format, stored.width, stored.height]).toEqual(['png', 1, 1]);
      expect(served.headers.get('etag')).toMatch(/^"[0-9a-f]{64}"$/);
      expect((await getOrganization(org.id)).image_url).toBe(withLogo.imageUrl);

      const removed = await server.clerk.organizations.deleteOrganizationLogo(org.id);
      expect(removed.hasImage).toBe(false);
      expect(removed.imageUrl).toContain('/roster/avatars/');
      expect((await fetch(withLogo.imageUrl)).status).toBe(404);
      expectClerkError(await server.api('DELETE', `/v1/organizations/${org.id}/logo`), 404, 'image_not_found');
    });

    it('refuses a file that is not a JPEG, PNG, GIF or WebP, a request without a file, and unknown organizations', async () => {
      const org = await createOrganization();
      const upload = async (form: FormData, id = org.id) => {
        const response = await fetch(`${server.baseUrl}/v1/organizations/${id}/logo`, {
          method: 'PUT',
          headers: { authorization: `Bearer ${server.secretKey}` },
          body: form,
        });
        return { status: response.status, headers: response.headers, body: await response.json() };
      };
      const text = new FormData();
      text.append('file', new Blob(['<svg/>'], { type: 'image/png' }), 'fake.png');
      // Clerk's images.go answers an unsupported image type with 400 request_body_invalid.
      expectClerkError(await upload(text), 400, 'request_body_invalid', 'file');
      const empty = new FormData();
      empty.append('uploader_user_id', 'user_x');
      expectClerkError(await upload(empty), 400, 'form_param_missing', 'file');
      const good = new FormData();
      good.append('file', new Blob([PNG_1X1], { type: 'image/png' }), 'logo.png');
      expectClerkError(await upload(good, 'org_missing'), 404, 'resource_not_found');
      expectClerkError(await server.api('PUT', `/v1/organizations/${org.id}/logo`, {}), 400, 'form_param_missing', 'file');
      expect((await getOrganization(org.id)).has_image).toBe(false);
    });
  });
});
