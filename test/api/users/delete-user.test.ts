// DELETE /v1/users/{user_id}: the deleted object, the user gone everywhere, its identifiers free again, raw HTTP
// and @clerk/backend.
import { describe, expect, it } from 'vitest';
import { expectClerkError, expectSdkError } from '../../helpers/assertions.js';
import { uniqueEmail, uniquePhone, uniqueTag, uniqueUsername } from '../../helpers/fixtures.js';
import { useTestServer } from '../../helpers/test-server.js';
import { userHelpers } from '../../helpers/user-helpers.js';

describe('GET, PATCH and DELETE /v1/users/{user_id}', () => {
  const server = useTestServer();
  const { createUser, getUser, patchUser } = userHelpers(() => server);

  describe('DELETE /v1/users/{user_id}', () => {
    it('returns the deleted object; the user is gone and their identifiers are free again', async () => {
      const email = uniqueEmail('deleted');
      const phone = uniquePhone();
      const username = uniqueUsername('deleted');
      const externalId = `ext-${uniqueTag()}`;
      const user = await createUser({ email_address: [email], phone_number: [phone], username, external_id: externalId });

      const deleted = await server.api('DELETE', `/v1/users/${user.id}`);
      expect(deleted.status).toBe(200);
      expect(deleted.body).toEqual({ object: 'user', id: user.id, deleted: true });

      expectClerkError(await getUser(user.id), 404, 'resource_not_found');
      const byId = await server.api('GET', `/v1/users?user_id=${user.id}`);
      expect(byId.status).toBe(200);
      expect(byId.body).toEqual([]);
      const byEmail = await server.api('GET', `/v1/users?email_address=${encodeURIComponent(email)}`);
      expect(byEmail.body).toEqual([]);
      const count = await server.api('GET', `/v1/users/count?user_id=${user.id}`);
      expect(count.body).toEqual({ object: 'total_count', total_count: 0 });
      expect((await server.api('GET', `/v1/users?query=${username}`)).body).toEqual([]);

      const again = await createUser({ email_address: [email], phone_number: [phone], username, external_id: externalId });
      expect(again.id).not.toBe(user.id);
      expect(again.email_addresses[0].email_address).toBe(email);
      expect(again.phone_numbers[0].phone_number).toBe(phone);
      expect(again.username).toBe(username);
      expect(again.external_id).toBe(externalId);
    });

    it('answers 404 resource_not_found for an unknown id and for a second delete', async () => {
      expectClerkError(await server.api('DELETE', `/v1/users/user_unknown${uniqueTag()}`), 404, 'resource_not_found');
      const user = await createUser();
      expect((await server.api('DELETE', `/v1/users/${user.id}`)).status).toBe(200);
      expectClerkError(await server.api('DELETE', `/v1/users/${user.id}`), 404, 'resource_not_found');
      expectClerkError(await patchUser(user.id, { first_name: 'Ghost' }), 404, 'resource_not_found');
    });
  });

  describe('through @clerk/backend', () => {
    it('deleteUser returns the deleted object and the user is gone', async () => {
      const created = await server.clerk.users.createUser({ emailAddress: [uniqueEmail('sdkdel')] });
      const deleted = await server.clerk.users.deleteUser(created.id);
      expect(deleted).toMatchObject({ object: 'user', id: created.id, deleted: true });
      await expectSdkError(server.clerk.users.getUser(created.id), 404, 'resource_not_found');
      await expectSdkError(server.clerk.users.deleteUser(created.id), 404, 'resource_not_found');
    });
  });
});
