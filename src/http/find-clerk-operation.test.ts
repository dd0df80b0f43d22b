import { describe, expect, it } from 'vitest';
import { CLERK_OPERATIONS } from './clerk-operations.js';
import { findClerkOperation } from './find-clerk-operation.js';

const named = (method: string, url: string) => findClerkOperation(method, url)?.operationId;

describe('findClerkOperation', () => {
  it('names the operation of a concrete path', () => {
    expect(named('GET', '/v1/invitations')).toBe('ListInvitations');
    expect(named('POST', '/v1/invitations/inv_123/revoke')).toBe('RevokeInvitation');
    expect(named('GET', '/v1/jwt_templates/tpl_1')).toBe('GetJWTTemplate');
  });

  it('prefers a literal segment to a {param} one, whichever comes first in the spec', () => {
    expect(named('GET', '/v1/users/count')).toBe('GetUsersCount');
    expect(named('GET', '/v1/users/user_1')).toBe('GetUser');
    expect(named('POST', '/v1/invitations/bulk')).toBe('CreateBulkInvitations');
  });

  it('matches by method: a template of another method does not count', () => {
    expect(findClerkOperation('PUT', '/v1/users/count')).toBeUndefined();
    expect(findClerkOperation('HEAD', '/v1/invitations')).toBeUndefined();
    expect(named('get', '/v1/invitations')).toBe('ListInvitations');
  });

  it('ignores the query string and one trailing slash, as the router does', () => {
    expect(named('GET', '/v1/invitations?status=pending&limit=1')).toBe('ListInvitations');
    expect(named('GET', '/v1/invitations/')).toBe('ListInvitations');
  });

  it('names nothing for paths in no spec, outside /v1, or with an empty parameter', () => {
    expect(findClerkOperation('GET', '/v1/nothing-here')).toBeUndefined();
    expect(findClerkOperation('GET', '/invitations')).toBeUndefined();
    expect(findClerkOperation('GET', '/v2/invitations')).toBeUndefined();
    expect(findClerkOperation('GET', '/v1/invitations/inv_1/revoke/extra')).toBeUndefined();
    expect(findClerkOperation('GET', '/v1/jwt_templates/')).toBeDefined(); // the list, after the trailing slash goes
    expect(findClerkOperation('POST', '/v1/invitations//revoke')).toBeUndefined();
  });

  it('the list has what the matcher assumes: /v1 paths, whole-segment parameters, one operation per method and template', () => {
    const seen = new Set<string>();
    for (const op of CLERK_OPERATIONS) {
      expect(op.path.startsWith('/v1/')).toBe(true);
      for (const segment of op.path.split('/').slice(1)) {
        expect(segment === '' || (segment.includes('{') && !/^\{[^{}]+\}$/.test(segment))).toBe(false);
      }
      const key = `${op.method} ${op.path.replace(/\{[^}]+\}/g, '{}')}`;
      expect(seen.has(key), key).toBe(false);
      seen.add(key);
      // With a value no literal segment has, every operation is found from its own path.
      expect(named(op.method, op.path.replace(/\{[^}]+\}/g, 'x_1'))).toBe(op.operationId);
    }
  });
});
