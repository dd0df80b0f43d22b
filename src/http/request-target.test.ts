import { describe, expect, it } from 'vitest';
import { hasWellFormedQuery, isCanonicalRequestTarget } from './request-target.js';

describe('isCanonicalRequestTarget', () => {
  it.each([
    '/v1/users',
    '/v1/users/user_2abc/ban',
    '/v1/users?email_address=a%40example.com&limit=10',
    '/v1/users?query=%41%2F..//',
    '/roster/avatars/user_1.svg?initials=%C3%89',
    '/v1/users/caf%C3%A9',
  ])('accepts %s', (target) => {
    expect(isCanonicalRequestTarget(target)).toBe(true);
  });

  it.each([
    'http://evil.example/v1/users',
    'http://127.0.0.1:3000/v1/users',
    '*',
    'v1/users',
    '/%761/users',
    '/v%31/users',
    '/v1/%75sers',
    '/v1/users%2Fuser_1',
    '/v1/users%2fuser_1',
    '/v1/users%5Cx',
    '/v1\\users',
    '//v1/users',
    '/v1//users',
    '/./v1/users',
    '/v1/users/.',
    '/x/../v1/users',
    '/v1/users/%2e%2e/x',
    '/v1;x=1/users',
    '/v1/users/user_1;jsessionid=1',
    '/v1/users/%7Euser',
    '/v1/users/a%2Db',
    '/v1/users#x',
    '/v1/users?limit=1#x',
  ])('refuses %s', (target) => {
    expect(isCanonicalRequestTarget(target)).toBe(false);
  });
});

describe('hasWellFormedQuery', () => {
  it.each(['/v1/users', '/v1/users?', '/v1/users?email_address=a%40b.com&limit=1', '/v1/users?query=caf%C3%A9+au+lait', '/v1/users?a=&b'])(
    'accepts %s',
    (target) => expect(hasWellFormedQuery(target)).toBe(true),
  );

  it.each(['/v1/users?query=a%C0%AFb', '/v1/users?query=a%ED%A0%80b', '/v1/users?query=100%', '/v1/users?query=%zz', '/v1/users?%ff=1'])(
    'refuses %s',
    (target) => expect(hasWellFormedQuery(target)).toBe(false),
  );
});
