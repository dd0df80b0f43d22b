// PATCH/PUT /v1/users/{user_id}/metadata, ban/unban (single and bulk), lock/unlock with the lockout policy.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectClerkError, expectSdkError } from '../../helpers/assertions.js';
import { uniqueEmail, uniqueTag } from '../../helpers/fixtures.js';
import { startTestServer, type ApiResponse, type TestServer } from '../../helpers/test-server.js';

const HOUR_MS = 3_600_000;

/** Helpers bound to one server. */
function helpers(server: () => TestServer) {
  return {
    async createUser(body: Record<string, unknown> = {}): Promise<any> {
      const response = await server().api('POST', '/v1/users', { email_address: [uniqueEmail('user')], ...body });
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      return response.body;
    },
    async getUser(id: string): Promise<any> {
      const response = await server().api('GET', `/v1/users/${id}`);
      expect(response.status).toBe(200);
      return response.body;
    },
    /** The lock fields the SDK's User does not expose. */
    async lockState(id: string) {
      const response = await server().api('GET', `/v1/users/${id}`);
      expect(response.status).toBe(200);
      const { locked, lockout_expires_in_seconds, verification_attempts_remaining } = response.body;
      return { locked, lockout_expires_in_seconds, verification_attempts_remaining };
    },
  };
}

describe('user metadata, ban and lock', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server.close());
  const { createUser, getUser, lockState } = helpers(() => server);
  const patchMetadata = (id: string, body: unknown) => server.api('PATCH', `/v1/users/${id}/metadata`, body);
  const putMetadata = (id: string, body: unknown) => server.api('PUT', `/v1/users/${id}/metadata`, body);

  describe('PATCH /v1/users/{user_id}/metadata', () => {
    it('deep-merges at any depth: objects merge, arrays replace, null deletes, the rest stays', async () => {
      const user = await createUser({
        public_metadata: {
          keep: 'k',
          gone: 1,
          list: [1, 2, 3],
          level1: { a: 1, level2: { b: 2, c: 3, level3: { d: 4, e: 5 } } },
          scalarToObject: 'x',
          objectToScalar: { inner: true },
        },
        private_metadata: { secret: 'p' },
        unsafe_metadata: { u: 1 },
      });
      const response = await patchMetadata(user.id, {
        public_metadata: {
          gone: null,
          list: [9],
          level1: { level2: { c: null, level3: { e: null, f: 6 }, g: [1] } },
          scalarToObject: { now: 'object' },
          objectToScalar: 7,
          added: { fresh: { deep: true } },
        },
      });
      expect(response.status).toBe(200);
      const expected = {
        keep: 'k',
        list: [9],
        level1: { a: 1, level2: { b: 2, level3: { d: 4, f: 6 }, g: [1] } },
        scalarToObject: { now: 'object' },
        objectToScalar: 7,
        added: { fresh: { deep: true } },
      };
      expect(response.body.public_metadata).toEqual(expected);
      expect(response.body.private_metadata).toEqual({ secret: 'p' });
      expect(response.body.unsafe_metadata).toEqual({ u: 1 });
      const stored = await getUser(user.id);
      expect(stored.public_metadata).toEqual(expected);
      expect(stored.private_metadata).toEqual({ secret: 'p' });
      expect(stored.unsafe_metadata).toEqual({ u: 1 });
    });

    it('merges all three fields at once, and an empty patch changes nothing', async () => {
      const user = await createUser({ public_metadata: { a: 1 }, private_metadata: { b: { c: 1 } }, unsafe_metadata: { d: 1 } });
      const response = await patchMetadata(user.id, {
        public_metadata: { a2: 2 },
        private_metadata: { b: { c2: 2 } },
        unsafe_metadata: { d: null },
      });
      expect(response.status).toBe(200);
      expect(response.body.public_metadata).toEqual({ a: 1, a2: 2 });
      expect(response.body.private_metadata).toEqual({ b: { c: 1, c2: 2 } });
      expect(response.body.unsafe_metadata).toEqual({});
      const unchanged = await patchMetadata(user.id, { public_metadata: {} });
      expect(unchanged.status).toBe(200);
      expect(unchanged.body.public_metadata).toEqual({ a: 1, a2: 2 });
    });

    it('deleting a key that does not exist is harmless', async () => {
      const user = await createUser({ public_metadata: { a: 1 } });
      const response = await patchMetadata(user.id, { public_metadata: { missing: null, deep: { missing: null } } });
      expect(response.status).toBe(200);
      expect(response.body.public_metadata).toEqual({ a: 1, deep: {} });
    });

    it('moves updated_at forward', async () => {
      const user = await createUser();
      server.clock.advanceMs(2_000);
      const response = await patchMetadata(user.id, { public_metadata: { a: 1 } });
      expect(response.body.updated_at).toBe(server.clock.nowMs());
      expect(response.body.updated_at).toBeGreaterThan(user.updated_at);
    });

    it('refuses metadata that is not an object with 422, changing nothing', async () => {
      const user = await createUser({ public_metadata: { a: 1 } });
      expectClerkError(await patchMetadata(user.id, { public_metadata: 'text' }), 422, 'form_param_type_invalid', 'public_metadata');
      expectClerkError(await patchMetadata(user.id, { private_metadata: [1, 2] }), 422, 'form_param_type_invalid', 'private_metadata');
      expectClerkError(await patchMetadata(user.id, { unsafe_metadata: 5 }), 422, 'form_param_type_invalid', 'unsafe_metadata');
      expect((await getUser(user.id)).public_metadata).toEqual({ a: 1 });
    });

    it('refuses an unknown field with 422 form_param_unknown', async () => {
      const user = await createUser({ public_metadata: { a: 1 } });
      expectClerkError(await patchMetadata(user.id, { public_metadata: { b: 2 }, publicMetadata: { c: 3 } }), 422, 'form_param_unknown', 'publicMetadata');
      expectClerkError(await patchMetadata(user.id, { first_name: 'X' }), 422, 'form_param_unknown', 'first_name');
      expect((await getUser(user.id)).public_metadata).toEqual({ a: 1 });
    });

    it('answers 404 resource_not_found for an unknown user', async () => {
      expectClerkError(await patchMetadata(`user_unknown${uniqueTag()}`, { public_metadata: { a: 1 } }), 404, 'resource_not_found');
    });

    it('clerk.users.updateUserMetadata deep-merges', async () => {
      const created = await server.clerk.users.createUser({
        emailAddress: [uniqueEmail('sdk')],
        publicMetadata: { plan: 'free', limits: { seats: 1, projects: 2 } },
        privateMetadata: { camelCaseKey: { nestedKey: 1 } },
      });
      const updated = await server.clerk.users.updateUserMetadata(created.id, {
        publicMetadata: { limits: { seats: 5 }, trial: null },
        privateMetadata: { camelCaseKey: { otherKey: 2 } },
      });
      expect(updated.publicMetadata).toEqual({ plan: 'free', limits: { seats: 5, projects: 2 } });
      // Keys inside metadata are sent and returned as given (never snake-cased).
      expect(updated.privateMetadata).toEqual({ camelCaseKey: { nestedKey: 1, otherKey: 2 } });
      expect(updated.unsafeMetadata).toEqual({});
      await expectSdkError(server.clerk.users.updateUserMetadata(`user_unknown${uniqueTag()}`, { publicMetadata: {} }), 404, 'resource_not_found');
    });

    it('keeps every key when 20 merges run in parallel (no lost updates)', async () => {
      const user = await createUser({ public_metadata: { base: true } });
      const responses = await Promise.all(
        Array.from({ length: 20 }, (_, index) => patchMetadata(user.id, { public_metadata: { [`key${index}`]: index, shared: { [`k${index}`]: index } } })),
      );
      expect(responses.map((response) => response.status)).toEqual(Array(20).fill(200));
      const stored = await getUser(user.id);
      const expected: Record<string, unknown> = { base: true, shared: {} };
      for (let index = 0; index < 20; index++) {
        expected[`key${index}`] = index;
        (expected.shared as Record<string, number>)[`k${index}`] = index;
      }
      expect(stored.public_metadata).toEqual(expected);
    });
  });

  describe('PUT /v1/users/{user_id}/metadata', () => {
    it('replaces each supplied field in full and leaves omitted fields untouched', async () => {
      const user = await createUser({
        public_metadata: { a: 1, nested: { x: 1, y: 2 } },
        private_metadata: { secret: 's' },
        unsafe_metadata: { u: 1 },
      });
      const response = await putMetadata(user.id, { public_metadata: { nested: { z: 3 } } });
      expect(response.status).toBe(200);
      expect(response.body.public_metadata).toEqual({ nested: { z: 3 } });
      expect(response.body.private_metadata).toEqual({ secret: 's' });
      expect(response.body.unsafe_metadata).toEqual({ u: 1 });
      const stored = await getUser(user.id);
      expect(stored.public_metadata).toEqual({ nested: { z: 3 } });
      expect(stored.private_metadata).toEqual({ secret: 's' });
      expect(stored.unsafe_metadata).toEqual({ u: 1 });
    });

    it('clears a field with {} and stores null inside a field as a value', async () => {
      const user = await createUser({ public_metadata: { a: 1 }, private_metadata: { b: 2 }, unsafe_metadata: { c: 3 } });
      const response = await putMetadata(user.id, { private_metadata: {}, unsafe_metadata: { c: null, d: [1] } });
      expect(response.status).toBe(200);
      expect(response.body.public_metadata).toEqual({ a: 1 });
      expect(response.body.private_metadata).toEqual({});
      // Replace, not merge: a null inside the new value is kept as the value.
      expect(response.body.unsafe_metadata).toEqual({ c: null, d: [1] });
    });

    it('an empty body changes nothing', async () => {
      const user = await createUser({ public_metadata: { a: 1 } });
      const response = await putMetadata(user.id, {});
      expect(response.status).toBe(200);
      expect(response.body.public_metadata).toEqual({ a: 1 });
    });

    it('refuses metadata that is not an object, and unknown fields, with 422', async () => {
      const user = await createUser({ public_metadata: { a: 1 } });
      expectClerkError(await putMetadata(user.id, { public_metadata: 'text' }), 422, 'form_param_type_invalid', 'public_metadata');
      expectClerkError(await putMetadata(user.id, { public_metadata: [1] }), 422, 'form_param_type_invalid', 'public_metadata');
      expectClerkError(await putMetadata(user.id, { other_metadata: {} }), 422, 'form_param_unknown', 'other_metadata');
      expect((await getUser(user.id)).public_metadata).toEqual({ a: 1 });
    });

    it('answers 404 resource_not_found for an unknown user', async () => {
      expectClerkError(await putMetadata(`user_unknown${uniqueTag()}`, { public_metadata: {} }), 404, 'resource_not_found');
    });
  });

  describe('ban and unban', () => {
    it('clerk.users.banUser and unbanUser set and lift the ban', async () => {
      const user = await createUser();
      expect(user.banned).toBe(false);
      const banned = await server.clerk.users.banUser(user.id);
      expect(banned.id).toBe(user.id);
      expect(banned.banned).toBe(true);
      expect((await getUser(user.id)).banned).toBe(true);
      // Banning twice is harmless.
      expect((await server.clerk.users.banUser(user.id)).banned).toBe(true);
      const unbanned = await server.clerk.users.unbanUser(user.id);
      expect(unbanned.banned).toBe(false);
      expect((await getUser(user.id)).banned).toBe(false);
    });

    it('accepts a bodiless POST with Content-Type: application/json, as the SDK sends it', async () => {
      const user = await createUser();
      for (const [action, banned] of [
        ['ban', true],
        ['unban', false],
      ] as const) {
        const response = await fetch(`${server.baseUrl}/v1/users/${user.id}/${action}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${server.secretKey}`, 'content-type': 'application/json' },
        });
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toBe('application/json');
        const body = (await response.json()) as { id: string; banned: boolean };
        expect(body).toMatchObject({ id: user.id, banned });
      }
    });

    it('answers 404 resource_not_found for an unknown user', async () => {
      const id = `user_unknown${uniqueTag()}`;
      expectClerkError(await server.api('POST', `/v1/users/${id}/ban`), 404, 'resource_not_found');
      expectClerkError(await server.api('POST', `/v1/users/${id}/unban`), 404, 'resource_not_found');
      await expectSdkError(server.clerk.users.banUser(id), 404, 'resource_not_found');
    });

    it('bans and unbans in bulk, returning the users and skipping unknown ids', async () => {
      const first = await createUser();
      const second = await createUser();
      const bystander = await createUser();
      const ids = [first.id, `user_unknown${uniqueTag()}`, second.id];

      const banned = await server.api('POST', '/v1/users/ban', { user_ids: ids });
      expect(banned.status).toBe(200);
      expect(banned.body.map((user: any) => [user.id, user.banned]).sort()).toEqual(
        [
          [first.id, true],
          [second.id, true],
        ].sort(),
      );
      expect((await getUser(first.id)).banned).toBe(true);
      expect((await getUser(second.id)).banned).toBe(true);
      expect((await getUser(bystander.id)).banned).toBe(false);

      const unbanned = await server.api('POST', '/v1/users/unban', { user_ids: ids });
      expect(unbanned.status).toBe(200);
      expect(unbanned.body.map((user: any) => [user.id, user.banned]).sort()).toEqual(
        [
          [first.id, false],
          [second.id, false],
        ].sort(),
      );
      expect((await getUser(first.id)).banned).toBe(false);
    });

    it('takes up to 50 ids in bulk', async () => {
      const users = await Promise.all(Array.from({ length: 5 }, () => createUser()));
      const unknown = Array.from({ length: 45 }, () => `user_unknown${uniqueTag()}`);
      const response = await server.api('POST', '/v1/users/ban', { user_ids: [...users.map((user) => user.id), ...unknown] });
      expect(response.status).toBe(200);
      expect(response.body.map((user: any) => user.id).sort()).toEqual(users.map((user) => user.id).sort());
      expect(response.body.every((user: any) => user.banned === true)).toBe(true);
      const only = await server.api('POST', '/v1/users/unban', { user_ids: [`user_unknown${uniqueTag()}`] });
      expect(only.status).toBe(200);
      expect(only.body).toEqual([]);
    });

    it('refuses 0 or 51 ids, and a missing user_ids, with 422, banning nobody', async () => {
      const user = await createUser();
      expectClerkError(await server.api('POST', '/v1/users/ban', { user_ids: [] }), 422, 'form_param_value_invalid', 'user_ids');
      expectClerkError(await server.api('POST', '/v1/users/unban', { user_ids: [] }), 422, 'form_param_value_invalid', 'user_ids');
      const tooMany = [user.id, ...Array.from({ length: 50 }, () => `user_unknown${uniqueTag()}`)];
      expectClerkError(await server.api('POST', '/v1/users/ban', { user_ids: tooMany }), 422, 'form_param_array_size_exceeded', 'user_ids');
      expectClerkError(await server.api('POST', '/v1/users/unban', { user_ids: tooMany }), 422, 'form_param_array_size_exceeded', 'user_ids');
      expectClerkError(await server.api('POST', '/v1/users/ban', {}), 422, 'form_param_missing', 'user_ids');
      expect((await getUser(user.id)).banned).toBe(false);
    });

    it('the banned filter of GET /v1/users reflects bans', async () => {
      const banned = await createUser();
      const free = await createUser();
      const filter = `user_id=${banned.id}&user_id=${free.id}`;
      const idsOf = (response: ApiResponse) => response.body.map((user: any) => user.id);

      expect(idsOf(await server.api('GET', `/v1/users?${filter}&banned=true`))).toEqual([]);
      await server.clerk.users.banUser(banned.id);
      expect(idsOf(await server.api('GET', `/v1/users?${filter}&banned=true`))).toEqual([banned.id]);
      expect(idsOf(await server.api('GET', `/v1/users?${filter}&banned=false`))).toEqual([free.id]);
      expect((await server.api('GET', `/v1/users/count?${filter}&banned=true`)).body.total_count).toBe(1);
      await server.api('POST', '/v1/users/unban', { user_ids: [banned.id] });
      expect(idsOf(await server.api('GET', `/v1/users?${filter}&banned=true`))).toEqual([]);
    });
  });

  describe('lock and unlock (default policy: 10 attempts, one hour)', () => {
    it('clerk.users.lockUser locks for 3600 s, counting down with the clock, until the lock runs out', async () => {
      const user = await createUser();
      expect(await lockState(user.id)).toEqual({ locked: false, lockout_expires_in_seconds: null, verification_attempts_remaining: 10 });

      const locked = await server.clerk.users.lockUser(user.id);
      expect(locked.id).toBe(user.id);
      expect(locked.locked).toBe(true);
      expect(locked.raw).toMatchObject({ locked: true, lockout_expires_in_seconds: 3600, verification_attempts_remaining: 10 });
      expect(await lockState(user.id)).toEqual({ locked: true, lockout_expires_in_seconds: 3600, verification_attempts_remaining: 10 });

      server.clock.advanceMs(1_000_000);
      expect(await lockState(user.id)).toEqual({ locked: true, lockout_expires_in_seconds: 2600, verification_attempts_remaining: 10 });

      server.clock.advanceMs(2_599_000);
      expect(await lockState(user.id)).toEqual({ locked: true, lockout_expires_in_seconds: 1, verification_attempts_remaining: 10 });

      server.clock.advanceMs(1_000);
      expect(await lockState(user.id)).toEqual({ locked: false, lockout_expires_in_seconds: null, verification_attempts_remaining: 10 });
      expect((await server.clerk.users.getUser(user.id)).locked).toBe(false);

      server.clock.advanceMs(HOUR_MS);
      expect(await lockState(user.id)).toEqual({ locked: false, lockout_expires_in_seconds: null, verification_attempts_remaining: 10 });
    });

    it('clerk.users.unlockUser ends the lock at once', async () => {
      const user = await createUser();
      await server.clerk.users.lockUser(user.id);
      server.clock.advanceMs(60_000);
      expect(await lockState(user.id)).toEqual({ locked: true, lockout_expires_in_seconds: 3540, verification_attempts_remaining: 10 });
      const unlocked = await server.clerk.users.unlockUser(user.id);
      expect(unlocked.locked).toBe(false);
      expect(unlocked.raw).toMatchObject({ locked: false, lockout_expires_in_seconds: null, verification_attempts_remaining: 10 });
      expect(await lockState(user.id)).toEqual({ locked: false, lockout_expires_in_seconds: null, verification_attempts_remaining: 10 });
      // Unlocking an unlocked user is harmless.
      expect((await server.clerk.users.unlockUser(user.id)).locked).toBe(false);
    });

    it('locking again restarts the hour', async () => {
      const user = await createUser();
      await server.clerk.users.lockUser(user.id);
      server.clock.advanceMs(1_800_000);
      const relocked = await server.api('POST', `/v1/users/${user.id}/lock`);
      expect(relocked.status).toBe(200);
      expect(relocked.body).toMatchObject({ locked: true, lockout_expires_in_seconds: 3600 });
    });

    it('accepts bodiless lock and unlock POSTs with Content-Type: application/json', async () => {
      const user = await createUser();
      const headers = { 'content-type': 'application/json' };
      const locked = await server.api('POST', `/v1/users/${user.id}/lock`, undefined, headers);
      expect(locked.status).toBe(200);
      expect(locked.body).toMatchObject({ id: user.id, locked: true, lockout_expires_in_seconds: 3600 });
      const unlocked = await server.api('POST', `/v1/users/${user.id}/unlock`, undefined, headers);
      expect(unlocked.status).toBe(200);
      expect(unlocked.body).toMatchObject({ id: user.id, locked: false, lockout_expires_in_seconds: null });
    });

    it('answers 404 resource_not_found for an unknown user', async () => {
      const id = `user_unknown${uniqueTag()}`;
      expectClerkError(await server.api('POST', `/v1/users/${id}/lock`), 404, 'resource_not_found');
      expectClerkError(await server.api('POST', `/v1/users/${id}/unlock`), 404, 'resource_not_found');
      await expectSdkError(server.clerk.users.lockUser(id), 404, 'resource_not_found');
    });
  });
});

describe('lockout that never expires (ROSTER_LOCKOUT_DURATION_SECONDS=never)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ ROSTER_LOCKOUT_DURATION_SECONDS: 'never' });
  });
  afterAll(async () => server.close());
  const { createUser, lockState } = helpers(() => server);

  it('stays locked, with no expiry, until unlocked', async () => {
    const user = await createUser();
    const locked = await server.clerk.users.lockUser(user.id);
    expect(locked.locked).toBe(true);
    expect(await lockState(user.id)).toEqual({ locked: true, lockout_expires_in_seconds: null, verification_attempts_remaining: 10 });
    server.clock.advanceMs(365 * 24 * HOUR_MS);
    expect(await lockState(user.id)).toEqual({ locked: true, lockout_expires_in_seconds: null, verification_attempts_remaining: 10 });
    expect((await server.clerk.users.unlockUser(user.id)).locked).toBe(false);
    expect(await lockState(user.id)).toEqual({ locked: false, lockout_expires_in_seconds: null, verification_attempts_remaining: 10 });
  });
});

describe('lockout turned off (ROSTER_LOCKOUT_MAX_ATTEMPTS=off)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ ROSTER_LOCKOUT_MAX_ATTEMPTS: 'off' });
  });
  afterAll(async () => server.close());
  const { createUser, lockState } = helpers(() => server);

  it('reports no attempt budget and refuses to lock with 403', async () => {
    const user = await createUser();
    expect(user.verification_attempts_remaining).toBeNull();
    expect(await lockState(user.id)).toEqual({ locked: false, lockout_expires_in_seconds: null, verification_attempts_remaining: null });
    expectClerkError(await server.api('POST', `/v1/users/${user.id}/lock`), 403, 'authorization_invalid');
    await expectSdkError(server.clerk.users.lockUser(user.id), 403, 'authorization_invalid');
    expect(await lockState(user.id)).toEqual({ locked: false, lockout_expires_in_seconds: null, verification_attempts_remaining: null });
  });
});
