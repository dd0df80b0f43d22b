import { describe, expect, it } from 'vitest';
import { redactQueryString } from './request-log.js';

describe('redactQueryString', () => {
  it.each([
    ['/v1/users', '/v1/users'],
    ['/v1/users?limit=10&offset=20&order_by=-created_at', '/v1/users?limit=10&offset=20&order_by=-created_at'],
    ['/v1/users?email_address=carol%40example.com&limit=5', '/v1/users?email_address=[redacted]&limit=5'],
    ['/v1/users?query=carol&username=carol_1&phone_number=%2B14155550100', '/v1/users?query=[redacted]&username=[redacted]&phone_number=[redacted]'],
    ['/v1/users?limit=carol%40example.com', '/v1/users?limit=[redacted]'],
    ['/v1/users?paginated=carol@example.com', '/v1/users?paginated=[redacted]'],
    ['/v1/users?offset=1&offset=carol%40example.com', '/v1/users?offset=1&offset=[redacted]'],
    ['/v1/users?carol@example.com', '/v1/users?[redacted]'],
    ['/v1/users?limit=1;email_address=carol@example.com', '/v1/users?limit=[redacted]'],
    ['/v1/users?email%5Faddress=carol%40example.com', '/v1/users?email%5Faddress=[redacted]'],
    ['/v1/users?banned=true&__clerk_api_version=2026-05-12', '/v1/users?banned=true&__clerk_api_version=2026-05-12'],
    ['/v1/users?limit=%ff', '/v1/users?limit=[redacted]'],
    ['/v1/users?carol@example.com=1', '/v1/users?[redacted]'],
    ['/v1/users?email_address%5Bcarol%40example.com%5D=1&limit=2', '/v1/users?[redacted]&limit=2'],
  ])('%s → %s', (url, expected) => {
    expect(redactQueryString(url)).toBe(expected);
  });
});
