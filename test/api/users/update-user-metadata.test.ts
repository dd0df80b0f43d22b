// Metadata in PATCH /v1/users/{user_id} across Clerk API versions: replaced whole under 2025-11-10, refused under
// 2026-05-12 (header or query), and what @clerk/backend sends.
import { describe, expect, it } from 'vitest';
import { expectClerkError, expectSdkError } from '../../helpers/assertions.js';
import { useTestServer } from '../../helpers/test-server.js';
import { userHelpers } from '../../helpers/user-helpers.js';

const V2025 = { 'Clerk-API-Version': '2025-11-10' };
const V2026 = { 'Clerk-API-Version': '2026-05-12' };

describe('GET, PATCH and DELETE /v1/users/{user_id}', () => {
  const server = useTestServer();
  const { createUser, getUser, patchUser } = userHelpers(() => server);

  describe('metadata in PATCH /v1/users/{user_id} across API versions', () => {
    const META = { public_metadata: { a: 1, nested: { x: 1 } }, private_metadata: { secret: 's' }, unsafe_metadata: { u: true } };

    it('replaces each metadata field whole under 2025-11-10', async () => {
      const user = await createUser(META);
      const changed = await patchUser(
        user.id,
        { public_metadata: { nested: { y: 2 } }, private_metadata: {}, unsafe_metadata: { v: [1, 2] } },
        V2025,
      );
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({ public_metadata: { nested: { y: 2 } }, private_metadata: {}, unsafe_metadata: { v: [1, 2] } });
      expect(changed.body.public_metadata).toEqual({ nested: { y: 2 } });
      const stored = (await getUser(user.id)).body;
      expect(stored.public_metadata).toEqual({ nested: { y: 2 } });
      expect(stored.private_metadata).toEqual({});
      expect(stored.unsafe_metadata).toEqual({ v: [1, 2] });
    });

    it('accepts metadata with no version (the default is 2025-11-10), leaving omitted fields alone', async () => {
      const user = await createUser(META);
      const changed = await patchUser(user.id, { public_metadata: { b: 2 } });
      expect(changed.status).toBe(200);
      expect(changed.body.public_metadata).toEqual({ b: 2 });
      expect(changed.body.private_metadata).toEqual({ secret: 's' });
      expect(changed.body.unsafe_metadata).toEqual({ u: true });
    });

    it('accepts metadata with ?__clerk_api_version=2025-11-10', async () => {
      const user = await createUser(META);
      const changed = await server.api('PATCH', `/v1/users/${user.id}?__clerk_api_version=2025-11-10`, { private_metadata: { p: 1 } });
      expect(changed.status).toBe(200);
      expect(changed.body.private_metadata).toEqual({ p: 1 });
    });

    it.each(['public_metadata', 'private_metadata', 'unsafe_metadata'])(
      'refuses %s under 2026-05-12 with 422 form_param_unknown, changing nothing',
      async (field) => {
        const user = await createUser({ ...META, first_name: 'Before' });
        const refused = await patchUser(user.id, { first_name: 'After', [field]: { replaced: true } }, V2026);
        expectClerkError(refused, 422, 'form_param_unknown', field);
        const stored = (await getUser(user.id)).body;
        expect(stored.first_name).toBe('Before');
        expect(stored.public_metadata).toEqual(META.public_metadata);
        expect(stored.private_metadata).toEqual(META.private_metadata);
        expect(stored.unsafe_metadata).toEqual(META.unsafe_metadata);
        expect(stored.updated_at).toBe(user.updated_at);
      },
    );

    it('accepts the other fields under 2026-05-12', async () => {
      const user = await createUser();
      const changed = await patchUser(user.id, { first_name: 'Versioned' }, V2026);
      expect(changed.status).toBe(200);
      expect(changed.body.first_name).toBe('Versioned');
    });

    it('refuses metadata with ?__clerk_api_version=2026-05-12 like the header', async () => {
      const user = await createUser(META);
      const refused = await server.api('PATCH', `/v1/users/${user.id}?__clerk_api_version=2026-05-12`, { public_metadata: {} });
      expectClerkError(refused, 422, 'form_param_unknown', 'public_metadata');
      expect((await getUser(user.id)).body.public_metadata).toEqual(META.public_metadata);
    });

    it('answers 400 api_version_invalid for header and query together, and for an unknown version', async () => {
      const user = await createUser(META);
      expectClerkError(
        await server.api('PATCH', `/v1/users/${user.id}?__clerk_api_version=2026-05-12`, { first_name: 'X' }, V2026),
        400,
        'api_version_invalid',
      );
      expectClerkError(
        await server.api('PATCH', `/v1/users/${user.id}?__clerk_api_version=2025-11-10`, { public_metadata: {} }, V2026),
        400,
        'api_version_invalid',
      );
      expectClerkError(await patchUser(user.id, { first_name: 'X' }, { 'Clerk-API-Version': '2020-01-01' }), 400, 'api_version_invalid');
      expectClerkError(await server.api('PATCH', `/v1/users/${user.id}?__clerk_api_version=2020-01-01`, { first_name: 'X' }), 400, 'api_version_invalid');
      expectClerkError(await server.api('GET', `/v1/users/${user.id}?__clerk_api_version=2020-01-01`), 400, 'api_version_invalid');
      const stored = (await getUser(user.id)).body;
      expect(stored.first_name).toBeNull();
      expect(stored.public_metadata).toEqual(META.public_metadata);
    });

    it('refuses metadata the SDK sends to PATCH /v1/users/{id} (it speaks 2026-05-12)', async () => {
      const user = await createUser(META);
      // What `updateUser(id, { publicMetadata })` sent before @clerk/backend routed metadata elsewhere:
      // the SDK's own request pipeline, with its Clerk-API-Version header and error parsing.
      const users = server.clerk.users as unknown as { request(options: object): Promise<unknown> };
      await expectSdkError(
        users.request({ method: 'PATCH', path: `/users/${user.id}`, bodyParams: { publicMetadata: { replaced: true } } }),
        422,
        'form_param_unknown',
        'public_metadata',
      );
      expect((await getUser(user.id)).body.public_metadata).toEqual(META.public_metadata);
    });

    it('clerk.users.updateUser(id, { publicMetadata }) goes through PUT …/metadata in @clerk/backend 3.25.0', async () => {
      // The SDK splits the call: other fields via PATCH /v1/users/{id}, metadata via PUT /v1/users/{id}/metadata.
      const user = await createUser(META);
      const updated = await server.clerk.users.updateUser(user.id, { firstName: 'Split', publicMetadata: { replaced: true } });
      expect(updated.firstName).toBe('Split');
      expect(updated.publicMetadata).toEqual({ replaced: true });
      expect(updated.privateMetadata).toEqual(META.private_metadata);
      expect(updated.unsafeMetadata).toEqual(META.unsafe_metadata);
    });
  });
});
