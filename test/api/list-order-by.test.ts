// Every list that takes `order_by` refuses inherited object keys (`constructor`, `__proto__`) as it refuses any
// unknown field: 422 naming order_by, never a 500.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

describe('order_by with an object key that is not a column', () => {
  let server: TestServer;
  let organizationId: string;
  beforeAll(async () => {
    server = await startTestServer();
    organizationId = (await server.api('POST', '/v1/organizations', { name: 'Keys' })).body.id;
  });
  afterAll(async () => server.close());

  const lists = () => [
    '/v1/users',
    '/v1/organizations',
    '/v1/organization_memberships',
    '/v1/organization_invitations',
    `/v1/organizations/${organizationId}/memberships`,
    `/v1/organizations/${organizationId}/invitations`,
  ];

  it.each(['constructor', '-__proto__', 'toString', '+hasOwnProperty', 'valueOf'])('order_by=%s is 422 on every list', async (orderBy) => {
    for (const list of lists()) {
      const response = await server.api('GET', `${list}?order_by=${encodeURIComponent(orderBy)}`);
      expect({ list, status: response.status, code: response.body.errors?.[0]?.code }).toEqual({ list, status: 422, code: 'form_param_value_invalid' });
      expect(response.body.errors[0].meta).toEqual({ param_name: 'order_by' });
    }
  });
});
