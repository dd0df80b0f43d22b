import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';

describe('smoke', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server.close());

  it('creates and lists a user through @clerk/backend', async () => {
    const user = await server.clerk.users.createUser({ emailAddress: ['Ann@Example.com'], firstName: 'Ann', password: 'a very long secret passphrase' });
    expect(user.emailAddresses[0]?.emailAddress).toBe('ann@example.com');
    const list = await server.clerk.users.getUserList({ query: 'exam' });
    expect(list.totalCount).toBe(1);
    expect(list.data[0]?.id).toBe(user.id);
  });
});
