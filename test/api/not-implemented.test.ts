// Operations of Clerk's spec that Roster does not serve answer 403 feature_not_implemented naming the
// operation, so a caller can tell "not served here" from "wrong id"; paths in no spec stay 404, and the key
// is still checked first. (Raw requests to paths in no spec go over a socket: the spec check in test/setup
// fails any /v1 path the spec does not list, which is what they are.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectClerkError, expectSdkError } from '../helpers/assertions.js';
import { uniqueTag } from '../helpers/fixtures.js';
import { rawRequest } from '../helpers/raw-http.js';
import { startTestServer, TEST_SECRET_KEY, type TestServer } from '../helpers/test-server.js';

const AUTH = { authorization: `Bearer ${TEST_SECRET_KEY}` };

describe('operations Roster does not serve', () => {
  let server: TestServer;
  let port: number;
  beforeAll(async () => {
    server = await startTestServer();
    port = Number(new URL(server.baseUrl).port);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('answer 403 feature_not_implemented naming the operation and its path template', async () => {
    const response = await server.api('GET', '/v1/waitlist_entries?limit=5');
    expectClerkError(response, 403, 'feature_not_implemented');
    expect(response.body.errors[0]).toEqual({
      message: 'not implemented',
      long_message: 'Roster does not serve ListWaitlistEntries (GET /v1/waitlist_entries) yet',
      code: 'feature_not_implemented',
      meta: {},
    });
  });

  it('name the template, not the concrete path, for operations with parameters', async () => {
    const response = await server.api('POST', `/v1/waitlist_entries/wle_${uniqueTag()}/reject`);
    expectClerkError(response, 403, 'feature_not_implemented');
    expect(response.body.errors[0].long_message).toBe('Roster does not serve RejectWaitlistEntry (POST /v1/waitlist_entries/{waitlist_entry_id}/reject) yet');
  });

  it('name the literal operation where a {param} template matches too', async () => {
    const response = await server.api('POST', '/v1/waitlist_entries/bulk', []);
    expectClerkError(response, 403, 'feature_not_implemented');
    expect(response.body.errors[0].long_message).toBe('Roster does not serve CreateBulkWaitlistEntries (POST /v1/waitlist_entries/bulk) yet');
  });

  it('fail an @clerk/backend call with feature_not_implemented', async () => {
    const error = await expectSdkError(server.clerk.waitlistEntries.list(), 403, 'feature_not_implemented');
    expect(error.errors[0]?.longMessage).toBe('Roster does not serve ListWaitlistEntries (GET /v1/waitlist_entries) yet');
  });

  it('need the secret key first: 401 without it, with a wrong one, and for paths in no spec', async () => {
    const none = await server.api('GET', '/v1/waitlist_entries', undefined, { authorization: '' });
    expectClerkError(none, 401, 'authentication_invalid');
    const wrong = await server.api('GET', '/v1/waitlist_entries', undefined, { authorization: `Bearer sk_test_${'Wr0ngKey'.repeat(4)}` });
    expect(wrong.status).toBe(401);
    const unknown = await rawRequest(port, { method: 'GET', target: '/v1/nothing-here' });
    expect(unknown.status).toBe(401);
    expect(unknown.json.errors[0].code).toBe('authentication_invalid');
  });

  describe('what stays 404 resource_not_found', () => {
    it.each([
      ['a path in no spec', 'GET', '/v1/nothing-here'],
      ['a spec path outside /v1', 'GET', '/invitations'],
      ['a method the spec lacks on its path', 'PUT', '/v1/invitations'],
      ['a non-canonical spelling of an unserved operation (refused before routing)', 'GET', '/%761/invitations'],
    ])('%s', async (_label, method, target) => {
      const response = await rawRequest(port, { method, target, headers: AUTH });
      expect(response.status, response.body).toBe(404);
      expect(response.headers['content-type']).toBe('application/json');
      expect(response.json.errors[0].code).toBe('resource_not_found');
    });

    it('an unknown id on a served route', async () => {
      expectClerkError(await server.api('GET', `/v1/users/user_${uniqueTag()}`), 404, 'resource_not_found');
      await expectSdkError(server.clerk.users.getUser(`user_${uniqueTag()}`), 404, 'resource_not_found');
    });
  });
});
