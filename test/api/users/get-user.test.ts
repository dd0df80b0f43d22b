// GET /v1/users/{user_id}: every field of Clerk's User with its type and value, raw HTTP and @clerk/backend.
import { describe, expect, it } from 'vitest';
import { expectClerkError, expectSdkError } from '../../helpers/assertions.js';
import { uniqueEmail, uniquePhone, uniqueTag, uniqueUsername, uniqueWallet } from '../../helpers/fixtures.js';
import { useTestServer } from '../../helpers/test-server.js';
import { PASSWORD, userHelpers } from '../../helpers/user-helpers.js';

/** Every property of Clerk's User schema that Roster answers with, and its JSON type. */
const USER_FIELD_TYPES: Record<string, string> = {
  id: 'string',
  object: 'string',
  external_id: 'string|null',
  primary_email_address_id: 'string|null',
  primary_phone_number_id: 'string|null',
  primary_web3_wallet_id: 'string|null',
  username: 'string|null',
  first_name: 'string|null',
  last_name: 'string|null',
  locale: 'string|null',
  profile_image_url: 'string',
  image_url: 'string',
  has_image: 'boolean',
  public_metadata: 'object',
  private_metadata: 'object|null',
  unsafe_metadata: 'object',
  email_addresses: 'array',
  phone_numbers: 'array',
  web3_wallets: 'array',
  passkeys: 'array',
  password_enabled: 'boolean',
  two_factor_enabled: 'boolean',
  totp_enabled: 'boolean',
  backup_code_enabled: 'boolean',
  mfa_enabled_at: 'integer|null',
  mfa_disabled_at: 'integer|null',
  password_last_updated_at: 'integer|null',
  external_accounts: 'array',
  saml_accounts: 'array',
  enterprise_accounts: 'array',
  last_sign_in_at: 'integer|null',
  banned: 'boolean',
  locked: 'boolean',
  deprovisioned: 'boolean',
  lockout_expires_in_seconds: 'integer|null',
  verification_attempts_remaining: 'integer|null',
  updated_at: 'integer',
  created_at: 'integer',
  delete_self_enabled: 'boolean',
  create_organization_enabled: 'boolean',
  create_organizations_limit: 'integer|null',
  last_active_at: 'integer|null',
  legal_accepted_at: 'integer|null',
  bypass_client_trust: 'boolean',
};

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

describe('GET, PATCH and DELETE /v1/users/{user_id}', () => {
  const server = useTestServer();
  const { createUser, getUser } = userHelpers(() => server);

  describe('GET /v1/users/{user_id}', () => {
    it('returns every User field with the right type and value', async () => {
      const email = uniqueEmail('full');
      const phone = uniquePhone();
      const wallet = uniqueWallet();
      const username = uniqueUsername('full');
      const externalId = `ext-${uniqueTag()}`;
      const created = await createUser({
        email_address: [email],
        phone_number: [phone],
        web3_wallet: [wallet],
        username,
        first_name: 'Ada',
        last_name: 'Lovelace',
        locale: 'en-GB',
        external_id: externalId,
        password: PASSWORD,
        public_metadata: { plan: 'pro' },
        private_metadata: { stripe: 'cus_1' },
        unsafe_metadata: { theme: 'dark' },
        legal_accepted_at: '2024-01-02T03:04:05.000Z',
        create_organizations_limit: 3,
      });

      const response = await getUser(created.id);
      expect(response.status).toBe(200);
      const user = response.body;
      for (const [field, expected] of Object.entries(USER_FIELD_TYPES)) {
        expect(Object.hasOwn(user, field), `field ${field} is present`).toBe(true);
        expect(expected.split('|'), `type of ${field}`).toContain(jsonType(user[field]));
      }
      expect(user).toMatchObject({
        id: created.id,
        object: 'user',
        external_id: externalId,
        username,
        first_name: 'Ada',
        last_name: 'Lovelace',
        locale: 'en-GB',
        has_image: false,
        public_metadata: { plan: 'pro' },
        private_metadata: { stripe: 'cus_1' },
        unsafe_metadata: { theme: 'dark' },
        password_enabled: true,
        two_factor_enabled: false,
        totp_enabled: false,
        backup_code_enabled: false,
        passkeys: [],
        external_accounts: [],
        saml_accounts: [],
        enterprise_accounts: [],
        banned: false,
        locked: false,
        deprovisioned: false,
        lockout_expires_in_seconds: null,
        verification_attempts_remaining: 10,
        last_sign_in_at: null,
        last_active_at: null,
        mfa_enabled_at: null,
        mfa_disabled_at: null,
        delete_self_enabled: true,
        create_organization_enabled: true,
        create_organizations_limit: 3,
        legal_accepted_at: Date.parse('2024-01-02T03:04:05.000Z'),
        bypass_client_trust: false,
        created_at: created.created_at,
        updated_at: created.updated_at,
      });
      expect(typeof user.password_last_updated_at).toBe('number');
      expect(user.email_addresses).toHaveLength(1);
      expect(user.email_addresses[0]).toMatchObject({ object: 'email_address', email_address: email, reserved: false });
      expect(user.email_addresses[0].verification).toMatchObject({ status: 'verified' });
      expect(user.primary_email_address_id).toBe(user.email_addresses[0].id);
      expect(user.phone_numbers).toHaveLength(1);
      expect(user.phone_numbers[0]).toMatchObject({ object: 'phone_number', phone_number: phone });
      expect(user.primary_phone_number_id).toBe(user.phone_numbers[0].id);
      expect(user.web3_wallets).toHaveLength(1);
      expect(user.web3_wallets[0]).toMatchObject({ object: 'web3_wallet', web3_wallet: wallet });
      expect(user.primary_web3_wallet_id).toBe(user.web3_wallets[0].id);

      // The default avatar behind image_url is served by Roster.
      const avatar = await fetch(user.image_url);
      expect(avatar.status).toBe(200);
      expect(avatar.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    });

    it('answers 404 resource_not_found for an unknown id', async () => {
      expectClerkError(await getUser(`user_unknown${uniqueTag()}`), 404, 'resource_not_found');
    });
  });

  describe('through @clerk/backend', () => {
    it('getUser returns the camelCased user', async () => {
      const email = uniqueEmail('sdk');
      const created = await server.clerk.users.createUser({ emailAddress: [email], firstName: 'Sdk', username: uniqueUsername('sdk'), externalId: `ext-${uniqueTag()}` });
      const user = await server.clerk.users.getUser(created.id);
      expect(user.id).toBe(created.id);
      expect(user.firstName).toBe('Sdk');
      expect(user.username).toBe(created.username);
      expect(user.externalId).toBe(created.externalId);
      expect(user.emailAddresses.map((row) => row.emailAddress)).toEqual([email]);
      expect(user.primaryEmailAddressId).toBe(user.emailAddresses[0]?.id);
      expect(user.primaryEmailAddress?.emailAddress).toBe(email);
      expect(user.banned).toBe(false);
      expect(user.locked).toBe(false);
      expect(user.createdAt).toBe(created.createdAt);
      await expectSdkError(server.clerk.users.getUser(`user_unknown${uniqueTag()}`), 404, 'resource_not_found');
    });
  });
});
