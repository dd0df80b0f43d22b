// Helpers shared by the organization test files: users and organizations with unique names.
import { expect } from 'vitest';
import { uniqueEmail, uniqueTag } from '../../helpers/fixtures.js';
import type { TestServer } from '../../helpers/test-server.js';

export function organizationHelpers(server: () => TestServer) {
  return {
    async createUser(body: Record<string, unknown> = {}): Promise<any> {
      const response = await server().api('POST', '/v1/users', { email_address: [uniqueEmail('member')], ...body });
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      return response.body;
    },
    async createOrganization(body: Record<string, unknown> = {}): Promise<any> {
      const response = await server().api('POST', '/v1/organizations', { name: `Org ${uniqueTag()}`, ...body });
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      return response.body;
    },
    async addMember(organizationId: string, userId: string, role = 'org:member'): Promise<any> {
      const response = await server().api('POST', `/v1/organizations/${organizationId}/memberships`, { user_id: userId, role });
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      return response.body;
    },
    async getOrganization(idOrSlug: string, query = ''): Promise<any> {
      const response = await server().api('GET', `/v1/organizations/${idOrSlug}${query}`);
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      return response.body;
    },
  };
}

/** The smallest valid PNG (1×1, transparent). */
export const PNG_1X1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
