// POST /v1/users through @clerk/backend's users.createUser: the camelCased User and ClerkAPIResponseError.
import { describe, expect, it } from 'vitest';
import { expectSdkError } from '../../../helpers/assertions.js';
import { phone } from '../../../helpers/create-user-helpers.js';
import { uniqueEmail, uniqueTag, uniqueUsername } from '../../../helpers/fixtures.js';
import { useTestServer, type TestServer } from '../../../helpers/test-server.js';

const server = useTestServer();

describe('POST /v1/users through @clerk/backend', () => {
  it('createUser returns a User whose camelCased fields match what was sent', async () => {
    const address = uniqueEmail('Sdk');
    const number = phone();
    const name = uniqueUsername('sdk');
    const externalId = `ext-${uniqueTag()}`;
    const user = await server.clerk.users.createUser({
      emailAddress: [address.toUpperCase()],
      phoneNumber: [number.spaced],
      username: name,
      firstName: 'Grace',
      lastName: 'Hopper',
      locale: 'en-GB',
      externalId,
      password: 'a long and unguessable passphrase',
      publicMetadata: { plan: 'pro' },
      privateMetadata: { tier: 2 },
      unsafeMetadata: { theme: 'dark' },
      createdAt: new Date('2022-03-04T05:06:07.000Z'),
      legalAcceptedAt: new Date('2022-03-04T05:06:08.000Z'),
      skipLegalChecks: true,
      banned: true,
    });
    expect(user.id).toMatch(/^user_/);
    expect(user.emailAddresses.map((e) => e.emailAddress)).toEqual([address.toLowerCase()]);
    expect(user.primaryEmailAddressId).toBe(user.emailAddresses[0]!.id);
    expect(user.primaryEmailAddress?.emailAddress).toBe(address.toLowerCase());
    expect(user.phoneNumbers.map((p) => p.phoneNumber)).toEqual([number.e164]);
    expect(user.primaryPhoneNumberId).toBe(user.phoneNumbers[0]!.id);
    expect(user).toMatchObject({
      username: name,
      firstName: 'Grace',
      lastName: 'Hopper',
      locale: 'en-GB',
      externalId,
      passwordEnabled: true,
      publicMetadata: { plan: 'pro' },
      privateMetadata: { tier: 2 },
      unsafeMetadata: { theme: 'dark' },
      createdAt: Date.UTC(2022, 2, 4, 5, 6, 7),
      legalAcceptedAt: Date.UTC(2022, 2, 4, 5, 6, 8),
      banned: true,
      locked: false,
    });
    expect(user.fullName).toBe('Grace Hopper');
    const fetched = await server.clerk.users.getUser(user.id);
    expect(fetched.username).toBe(name);
  });

  it('createUser with locked: true returns a locked user', async () => {
    const user = await server.clerk.users.createUser({ emailAddress: [uniqueEmail()], locked: true });
    expect(user.locked).toBe(true);
  });

  it('surfaces errors as ClerkAPIResponseError with status 422 and the code', async () => {
    const address = uniqueEmail('sdk-taken');
    await server.clerk.users.createUser({ emailAddress: [address] });
    const cases: [Parameters<TestServer['clerk']['users']['createUser']>[0], string, string][] = [
      [{ emailAddress: [address] }, 'form_identifier_exists', 'email_address'],
      [{ emailAddress: [uniqueEmail()], password: 'password123' }, 'form_password_pwned', 'password'],
      [{ emailAddress: ['not-an-email'] }, 'form_param_format_invalid', 'email_address'],
      [{ emailAddress: [uniqueEmail()], username: '123456' }, 'form_username_needs_non_number_char', 'username'],
    ];
    for (const [params, code, paramName] of cases) {
      const error = await expectSdkError(server.clerk.users.createUser(params), 422, code, paramName);
      expect(typeof error.clerkTraceId).toBe('string');
    }
  });
});
