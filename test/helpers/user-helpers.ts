// Shared by the GET, PATCH and DELETE /v1/users/{user_id} tests: a valid password and request helpers bound to
// one test server.
import { expect } from 'vitest';
import { uniqueEmail } from './fixtures.js';
import type { TestServer } from './test-server.js';

export const PASSWORD = 'a very long secret passphrase';

/** Helpers bound to one server: create a user (with a fresh email unless `body` says otherwise), get and patch it. */
export function userHelpers(getServer: () => TestServer) {
  async function createUser(body: Record<string, unknown> = {}): Promise<any> {
    const response = await getServer().api('POST', '/v1/users', { email_address: [uniqueEmail('user')], ...body });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body;
  }
  const getUser = (id: string) => getServer().api('GET', `/v1/users/${id}`);
  const patchUser = (id: string, body: unknown, headers: Record<string, string> = {}) =>
    getServer().api('PATCH', `/v1/users/${id}`, body, headers);
  return { createUser, getUser, patchUser };
}
