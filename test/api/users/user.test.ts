// GET, PATCH and DELETE /v1/users/{user_id}: black-box, through raw fetch and @clerk/backend.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectClerkError, expectSdkError } from '../../helpers/assertions.js';
import { uniqueEmail, uniquePhone, uniqueTag, uniqueUsername, uniqueWallet } from '../../helpers/fixtures.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';

const PASSWORD = 'a very long secret passphrase';
const V2025 = { 'Clerk-API-Version': '2025-11-10' };
const V2026 = { 'Clerk-API-Version': '2026-05-12' };

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
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server.close());

  async function createUser(body: Record<string, unknown> = {}): Promise<any> {
    const response = await server.api('POST', '/v1/users', { email_address: [uniqueEmail('user')], ...body });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body;
  }
  const getUser = (id: string) => server.api('GET', `/v1/users/${id}`);
  const patchUser = (id: string, body: unknown, headers: Record<string, string> = {}) =>
    server.api('PATCH', `/v1/users/${id}`, body, headers);

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

  describe('PATCH /v1/users/{user_id}', () => {
    it('sets, changes and clears external_id', async () => {
      const user = await createUser();
      expect(user.external_id).toBeNull();
      const first = `ext-a-${uniqueTag()}`;
      const second = `ext-b-${uniqueTag()}`;
      expect((await patchUser(user.id, { external_id: first })).body.external_id).toBe(first);
      const changed = await patchUser(user.id, { external_id: second });
      expect(changed.status).toBe(200);
      expect(changed.body.external_id).toBe(second);
      const cleared = await patchUser(user.id, { external_id: null });
      expect(cleared.status).toBe(200);
      expect(cleared.body.external_id).toBeNull();
      expect((await getUser(user.id)).body.external_id).toBeNull();
      // The released external id can be taken by someone else.
      const other = await createUser();
      expect((await patchUser(other.id, { external_id: second })).body.external_id).toBe(second);
    });

    it('refuses an external_id another user has with 422 form_identifier_exists', async () => {
      const externalId = `ext-${uniqueTag()}`;
      await createUser({ external_id: externalId });
      const user = await createUser({ external_id: `mine-${uniqueTag()}` });
      expectClerkError(await patchUser(user.id, { external_id: externalId }), 422, 'form_identifier_exists', 'external_id');
      expect((await getUser(user.id)).body.external_id).toBe(user.external_id);
    });

    it('sets first_name and last_name, and null clears them', async () => {
      const user = await createUser({ first_name: 'Ann', last_name: 'Old' });
      const changed = await patchUser(user.id, { first_name: 'Grace', last_name: 'Hopper' });
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({ first_name: 'Grace', last_name: 'Hopper' });
      const cleared = await patchUser(user.id, { first_name: null, last_name: null });
      expect(cleared.status).toBe(200);
      expect(cleared.body).toMatchObject({ first_name: null, last_name: null });
      expect((await getUser(user.id)).body).toMatchObject({ first_name: null, last_name: null });
    });

    it('leaves fields that are not supplied untouched', async () => {
      const user = await createUser({ first_name: 'Keep', last_name: 'Me', username: uniqueUsername('keep'), locale: 'de' });
      const changed = await patchUser(user.id, { last_name: 'Changed' });
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({ first_name: 'Keep', last_name: 'Changed', username: user.username, locale: 'de' });
      expect(changed.body.email_addresses).toEqual(user.email_addresses);
    });

    it('sets and clears locale, and refuses an invalid one', async () => {
      const user = await createUser();
      const changed = await patchUser(user.id, { locale: 'fr-FR' });
      expect(changed.status).toBe(200);
      expect(changed.body.locale).toBe('fr-FR');
      const invalid = await patchUser(user.id, { locale: 'not a locale!' });
      expect(invalid.status).toBe(422);
      expect(invalid.body.errors[0].meta.param_name).toBe('locale');
      expect((await getUser(user.id)).body.locale).toBe('fr-FR');
      const cleared = await patchUser(user.id, { locale: null });
      expect(cleared.status).toBe(200);
      expect(cleared.body.locale).toBeNull();
    });

    it('changes the username', async () => {
      const user = await createUser({ username: uniqueUsername('old') });
      const username = uniqueUsername('new');
      const changed = await patchUser(user.id, { username });
      expect(changed.status).toBe(200);
      expect(changed.body.username).toBe(username);
      // The old username is free again.
      const other = await createUser();
      expect((await patchUser(other.id, { username: user.username })).body.username).toBe(user.username);
    });

    it('refuses a username another user has, case-insensitively, with 422 form_identifier_exists', async () => {
      const taken = uniqueUsername('taken');
      await createUser({ username: taken });
      const user = await createUser({ username: uniqueUsername('mine') });
      expectClerkError(await patchUser(user.id, { username: taken.toUpperCase() }), 422, 'form_identifier_exists', 'username');
      expectClerkError(await patchUser(user.id, { username: taken }), 422, 'form_identifier_exists', 'username');
      expect((await getUser(user.id)).body.username).toBe(user.username);
    });

    it("refuses a username that breaks Clerk's rules", async () => {
      const user = await createUser();
      expectClerkError(await patchUser(user.id, { username: 'ab' }), 422, 'form_username_invalid_length', 'username');
      expectClerkError(await patchUser(user.id, { username: 'has space' }), 422, 'form_username_invalid_character', 'username');
      expect((await getUser(user.id)).body.username).toBeNull();
    });

    it('removes the username with null and with ""', async () => {
      const user = await createUser({ username: uniqueUsername('gone') });
      const removed = await patchUser(user.id, { username: null });
      expect(removed.status).toBe(200);
      expect(removed.body.username).toBeNull();
      expect((await patchUser(user.id, { username: uniqueUsername('back') })).body.username).not.toBeNull();
      const emptied = await patchUser(user.id, { username: '' });
      expect(emptied.status).toBe(200);
      expect(emptied.body.username).toBeNull();
      expect((await getUser(user.id)).body.username).toBeNull();
    });

    it('does not remove the username when it is the only way the user identifies themselves', async () => {
      const username = uniqueUsername('only');
      const response = await server.api('POST', '/v1/users', { username, skip_user_requirement: true });
      expect(response.status).toBe(200);
      const user = response.body;
      expect(user.email_addresses).toEqual([]);
      expectClerkError(await patchUser(user.id, { username: null }), 400, 'identification_deletion_failed');
      expectClerkError(await patchUser(user.id, { username: '' }), 400, 'identification_deletion_failed');
      expect((await getUser(user.id)).body.username).toBe(username);
    });

    it('sets primary_email_address_id to another verified email of the user', async () => {
      const user = await createUser({ email_address: [uniqueEmail('first'), uniqueEmail('second')] });
      const [first, second] = user.email_addresses;
      expect(user.primary_email_address_id).toBe(first.id);
      const changed = await patchUser(user.id, { primary_email_address_id: second.id });
      expect(changed.status).toBe(200);
      expect(changed.body.primary_email_address_id).toBe(second.id);
      expect((await getUser(user.id)).body.primary_email_address_id).toBe(second.id);
    });

    it("refuses another user's email id with 422 form_resource_not_found", async () => {
      const other = await createUser();
      const user = await createUser();
      expectClerkError(
        await patchUser(user.id, { primary_email_address_id: other.email_addresses[0].id }),
        422,
        'form_resource_not_found',
        'primary_email_address_id',
      );
      expectClerkError(await patchUser(user.id, { primary_email_address_id: 'idn_unknown' }), 422, 'form_resource_not_found', 'primary_email_address_id');
      expect((await getUser(user.id)).body.primary_email_address_id).toBe(user.primary_email_address_id);
    });

    it('refuses a reserved or unverified email as primary with 422 form_verification_needed', async () => {
      const user = await createUser({
        email_address: [uniqueEmail('verified'), uniqueEmail('reserved')],
        email_address_identification_status: ['verified', 'reserved'],
      });
      const reserved = user.email_addresses.find((row: any) => row.reserved);
      expectClerkError(await patchUser(user.id, { primary_email_address_id: reserved.id }), 422, 'form_verification_needed', 'primary_email_address_id');

      const unverified = await server.api('POST', '/v1/email_addresses', { user_id: user.id, email_address: uniqueEmail('unverified'), verified: false });
      expect(unverified.status).toBe(200);
      expectClerkError(
        await patchUser(user.id, { primary_email_address_id: unverified.body.id }),
        422,
        'form_verification_needed',
        'primary_email_address_id',
      );
      expect((await getUser(user.id)).body.primary_email_address_id).toBe(user.primary_email_address_id);
    });

    it('sets primary_phone_number_id, and refuses foreign or unverified phones', async () => {
      const user = await createUser({
        phone_number: [uniquePhone(), uniquePhone(), uniquePhone()],
        phone_number_identification_status: ['verified', 'verified', 'reserved'],
      });
      const [first, second, reserved] = user.phone_numbers;
      expect(user.primary_phone_number_id).toBe(first.id);
      const changed = await patchUser(user.id, { primary_phone_number_id: second.id });
      expect(changed.status).toBe(200);
      expect(changed.body.primary_phone_number_id).toBe(second.id);

      const other = await createUser({ phone_number: [uniquePhone()] });
      expectClerkError(
        await patchUser(user.id, { primary_phone_number_id: other.phone_numbers[0].id }),
        422,
        'form_resource_not_found',
        'primary_phone_number_id',
      );
      expectClerkError(await patchUser(user.id, { primary_phone_number_id: reserved.id }), 422, 'form_verification_needed', 'primary_phone_number_id');
      expect((await getUser(user.id)).body.primary_phone_number_id).toBe(second.id);
    });

    it('sets primary_web3_wallet_id, and refuses a wallet of another user', async () => {
      const user = await createUser({ web3_wallet: [uniqueWallet(), uniqueWallet()] });
      const [first, second] = user.web3_wallets;
      expect(user.primary_web3_wallet_id).toBe(first.id);
      const changed = await patchUser(user.id, { primary_web3_wallet_id: second.id });
      expect(changed.status).toBe(200);
      expect(changed.body.primary_web3_wallet_id).toBe(second.id);

      const other = await createUser({ web3_wallet: [uniqueWallet()] });
      expectClerkError(
        await patchUser(user.id, { primary_web3_wallet_id: other.web3_wallets[0].id }),
        422,
        'form_resource_not_found',
        'primary_web3_wallet_id',
      );
      // An email id is not a web3 wallet id.
      expectClerkError(
        await patchUser(user.id, { primary_web3_wallet_id: user.email_addresses[0].id }),
        422,
        'form_resource_not_found',
        'primary_web3_wallet_id',
      );
      expect((await getUser(user.id)).body.primary_web3_wallet_id).toBe(second.id);
    });

    it('changes the password and password_last_updated_at', async () => {
      const user = await createUser({ password: PASSWORD });
      expect(user.password_last_updated_at).toBe(user.created_at);
      server.clock.advanceMs(60_000);
      const changed = await patchUser(user.id, { password: 'another long secret passphrase' });
      expect(changed.status).toBe(200);
      expect(changed.body.password_enabled).toBe(true);
      expect(changed.body.password_last_updated_at).toBe(server.clock.nowMs());
      expect(changed.body.password_last_updated_at).toBeGreaterThan(user.password_last_updated_at);
    });

    it('gives a password to a user without one', async () => {
      const user = await createUser();
      expect(user).toMatchObject({ password_enabled: false, password_last_updated_at: null });
      const changed = await patchUser(user.id, { password: PASSWORD });
      expect(changed.status).toBe(200);
      expect(changed.body.password_enabled).toBe(true);
      expect(changed.body.password_last_updated_at).toBe(server.clock.nowMs());
    });

    it('refuses passwords that break the policy, changing nothing', async () => {
      const user = await createUser({ password: PASSWORD });
      expectClerkError(await patchUser(user.id, { password: 'short' }), 422, 'form_password_length_too_short', 'password');
      expectClerkError(await patchUser(user.id, { password: 'password1' }), 422, 'form_password_pwned', 'password');
      expectClerkError(await patchUser(user.id, { password: 'x'.repeat(73) }), 422, 'form_password_size_in_bytes_exceeded', 'password');
      expect((await getUser(user.id)).body.password_last_updated_at).toBe(user.password_last_updated_at);
    });

    it('accepts a password that breaks the policy with skip_password_checks', async () => {
      const user = await createUser({ password: PASSWORD });
      server.clock.advanceMs(1_000);
      const short = await patchUser(user.id, { password: 'short', skip_password_checks: true });
      expect(short.status).toBe(200);
      expect(short.body.password_last_updated_at).toBe(server.clock.nowMs());
      const pwned = await patchUser(user.id, { password: 'password1', skip_password_checks: true });
      expect(pwned.status).toBe(200);
      // The byte cap still applies.
      expectClerkError(await patchUser(user.id, { password: 'x'.repeat(73), skip_password_checks: true }), 422, 'form_password_size_in_bytes_exceeded', 'password');
    });

    it('accepts sign_out_of_other_sessions with a password', async () => {
      const user = await createUser({ password: PASSWORD });
      server.clock.advanceMs(1_000);
      const changed = await patchUser(user.id, { password: 'a brand new long passphrase', sign_out_of_other_sessions: true });
      expect(changed.status).toBe(200);
      expect(changed.body.password_last_updated_at).toBe(server.clock.nowMs());
    });

    it('changes delete_self_enabled, create_organization_enabled, create_organizations_limit and bypass_client_trust', async () => {
      const user = await createUser();
      expect(user).toMatchObject({ delete_self_enabled: true, create_organization_enabled: true, create_organizations_limit: null, bypass_client_trust: false });
      const changed = await patchUser(user.id, {
        delete_self_enabled: false,
        create_organization_enabled: false,
        create_organizations_limit: 5,
        bypass_client_trust: true,
      });
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({ delete_self_enabled: false, create_organization_enabled: false, create_organizations_limit: 5, bypass_client_trust: true });
      const back = await patchUser(user.id, { delete_self_enabled: true, create_organization_enabled: true, create_organizations_limit: null, bypass_client_trust: false });
      expect(back.status).toBe(200);
      expect(back.body).toMatchObject({ delete_self_enabled: true, create_organization_enabled: true, create_organizations_limit: null, bypass_client_trust: false });
      expectClerkError(await patchUser(user.id, { create_organizations_limit: 'many' }), 422, 'form_param_type_invalid', 'create_organizations_limit');
    });

    it('sets and clears legal_accepted_at, and refuses a non-RFC3339 value', async () => {
      const user = await createUser();
      expect(user.legal_accepted_at).toBeNull();
      const changed = await patchUser(user.id, { legal_accepted_at: '2024-05-06T07:08:09.123Z' });
      expect(changed.status).toBe(200);
      expect(changed.body.legal_accepted_at).toBe(Date.parse('2024-05-06T07:08:09.123Z'));
      expectClerkError(await patchUser(user.id, { legal_accepted_at: 'yesterday' }), 422, 'form_param_value_invalid', 'legal_accepted_at');
      const cleared = await patchUser(user.id, { legal_accepted_at: null });
      expect(cleared.status).toBe(200);
      expect(cleared.body.legal_accepted_at).toBeNull();
    });

    it('sets created_at', async () => {
      const user = await createUser();
      const changed = await patchUser(user.id, { created_at: '2020-01-01T00:00:00Z' });
      expect(changed.status).toBe(200);
      expect(changed.body.created_at).toBe(Date.parse('2020-01-01T00:00:00Z'));
      expect((await getUser(user.id)).body.created_at).toBe(Date.parse('2020-01-01T00:00:00Z'));
      expectClerkError(await patchUser(user.id, { created_at: 'not a date' }), 422, 'form_param_value_invalid', 'created_at');
    });

    it('refuses an unknown profile_image_id with 422', async () => {
      const user = await createUser();
      expectClerkError(await patchUser(user.id, { profile_image_id: 'img_unknown' }), 422, 'form_resource_not_found', 'profile_image_id');
    });

    it('moves updated_at forward on every change', async () => {
      const user = await createUser();
      server.clock.advanceMs(5_000);
      const first = await patchUser(user.id, { first_name: 'One' });
      expect(first.body.updated_at).toBe(server.clock.nowMs());
      expect(first.body.updated_at).toBeGreaterThan(user.updated_at);
      server.clock.advanceMs(5_000);
      const second = await patchUser(user.id, { first_name: 'Two' });
      expect(second.body.updated_at).toBe(first.body.updated_at + 5_000);
      expect(second.body.created_at).toBe(user.created_at);
    });

    it('refuses unknown parameters and wrong types', async () => {
      const user = await createUser();
      expectClerkError(await patchUser(user.id, { nickname: 'x' }), 422, 'form_param_unknown', 'nickname');
      expectClerkError(await patchUser(user.id, { first_name: 42 }), 422, 'form_param_type_invalid', 'first_name');
      expectClerkError(await patchUser(user.id, { delete_self_enabled: 'yes' }), 422, 'form_param_type_invalid', 'delete_self_enabled');
    });

    it('answers 404 resource_not_found for an unknown id', async () => {
      expectClerkError(await patchUser(`user_unknown${uniqueTag()}`, { first_name: 'X' }), 404, 'resource_not_found');
    });
  });

  describe('metadata in PATCH /v1/users/{user_id} across API versions', () => {
    const META = { public_metadata: { a: 1, nested: { x: 1 } }, private_metadata: { secret: 's' }, unsafe_metadata: { u: true } };

    it('replaces each metadata field whole under 2025-11-10', async () => {
      const user = await createUser(META);
      const changed = await patchUser(
        user.id,
        { public_metadata: { nested: { y: 2 } }, private_metadata: {}, unsafe_metadata: { v: [1, 2] } },
        V2025,
      );
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({ public_metadata: { nested: { y: 2 } }, private_metadata: {}, unsafe_metadata: { v: [1, 2] } });
      expect(changed.body.public_metadata).toEqual({ nested: { y: 2 } });
      const stored = (await getUser(user.id)).body;
      expect(stored.public_metadata).toEqual({ nested: { y: 2 } });
      expect(stored.private_metadata).toEqual({});
      expect(stored.unsafe_metadata).toEqual({ v: [1, 2] });
    });

    it('accepts metadata with no version (the default is 2025-11-10), leaving omitted fields alone', async () => {
      const user = await createUser(META);
      const changed = await patchUser(user.id, { public_metadata: { b: 2 } });
      expect(changed.status).toBe(200);
      expect(changed.body.public_metadata).toEqual({ b: 2 });
      expect(changed.body.private_metadata).toEqual({ secret: 's' });
      expect(changed.body.unsafe_metadata).toEqual({ u: true });
    });

    it('accepts metadata with ?__clerk_api_version=2025-11-10', async () => {
      const user = await createUser(META);
      const changed = await server.api('PATCH', `/v1/users/${user.id}?__clerk_api_version=2025-11-10`, { private_metadata: { p: 1 } });
      expect(changed.status).toBe(200);
      expect(changed.body.private_metadata).toEqual({ p: 1 });
    });

    it.each(['public_metadata', 'private_metadata', 'unsafe_metadata'])(
      'refuses %s under 2026-05-12 with 422 form_param_unknown, changing nothing',
      async (field) => {
        const user = await createUser({ ...META, first_name: 'Before' });
        const refused = await patchUser(user.id, { first_name: 'After', [field]: { replaced: true } }, V2026);
        expectClerkError(refused, 422, 'form_param_unknown', field);
        const stored = (await getUser(user.id)).body;
        expect(stored.first_name).toBe('Before');
        expect(stored.public_metadata).toEqual(META.public_metadata);
        expect(stored.private_metadata).toEqual(META.private_metadata);
        expect(stored.unsafe_metadata).toEqual(META.unsafe_metadata);
        expect(stored.updated_at).toBe(user.updated_at);
      },
    );

    it('accepts the other fields under 2026-05-12', async () => {
      const user = await createUser();
      const changed = await patchUser(user.id, { first_name: 'Versioned' }, V2026);
      expect(changed.status).toBe(200);
      expect(changed.body.first_name).toBe('Versioned');
    });

    it('refuses metadata with ?__clerk_api_version=2026-05-12 like the header', async () => {
      const user = await createUser(META);
      const refused = await server.api('PATCH', `/v1/users/${user.id}?__clerk_api_version=2026-05-12`, { public_metadata: {} });
      expectClerkError(refused, 422, 'form_param_unknown', 'public_metadata');
      expect((await getUser(user.id)).body.public_metadata).toEqual(META.public_metadata);
    });

    it('answers 400 api_version_invalid for header and query together, and for an unknown version', async () => {
      const user = await createUser(META);
      expectClerkError(
        await server.api('PATCH', `/v1/users/${user.id}?__clerk_api_version=2026-05-12`, { first_name: 'X' }, V2026),
        400,
        'api_version_invalid',
      );
      expectClerkError(
        await server.api('PATCH', `/v1/users/${user.id}?__clerk_api_version=2025-11-10`, { public_metadata: {} }, V2026),
        400,
        'api_version_invalid',
      );
      expectClerkError(await patchUser(user.id, { first_name: 'X' }, { 'Clerk-API-Version': '2020-01-01' }), 400, 'api_version_invalid');
      expectClerkError(await server.api('PATCH', `/v1/users/${user.id}?__clerk_api_version=2020-01-01`, { first_name: 'X' }), 400, 'api_version_invalid');
      expectClerkError(await server.api('GET', `/v1/users/${user.id}?__clerk_api_version=2020-01-01`), 400, 'api_version_invalid');
      const stored = (await getUser(user.id)).body;
      expect(stored.first_name).toBeNull();
      expect(stored.public_metadata).toEqual(META.public_metadata);
    });

    it('refuses metadata the SDK sends to PATCH /v1/users/{id} (it speaks 2026-05-12)', async () => {
      const user = await createUser(META);
      // What `updateUser(id, { publicMetadata })` sent before @clerk/backend routed metadata elsewhere:
      // the SDK's own request pipeline, with its Clerk-API-Version header and error parsing.
      const users = server.clerk.users as unknown as { request(options: object): Promise<unknown> };
      await expectSdkError(
        users.request({ method: 'PATCH', path: `/users/${user.id}`, bodyParams: { publicMetadata: { replaced: true } } }),
        422,
        'form_param_unknown',
        'public_metadata',
      );
      expect((await getUser(user.id)).body.public_metadata).toEqual(META.public_metadata);
    });

    it('clerk.users.updateUser(id, { publicMetadata }) goes through PUT …/metadata in @clerk/backend 3.25.0', async () => {
      // The SDK splits the call: other fields via PATCH /v1/users/{id}, metadata via PUT /v1/users/{id}/metadata.
      const user = await createUser(META);
      const updated = await server.clerk.users.updateUser(user.id, { firstName: 'Split', publicMetadata: { replaced: true } });
      expect(updated.firstName).toBe('Split');
      expect(updated.publicMetadata).toEqual({ replaced: true });
      expect(updated.privateMetadata).toEqual(META.private_metadata);
      expect(updated.unsafeMetadata).toEqual(META.unsafe_metadata);
    });
  });

  describe('DELETE /v1/users/{user_id}', () => {
    it('returns the deleted object; the user is gone and their identifiers are free again', async () => {
      const email = uniqueEmail('deleted');
      const phone = uniquePhone();
      const username = uniqueUsername('deleted');
      const externalId = `ext-${uniqueTag()}`;
      const user = await createUser({ email_address: [email], phone_number: [phone], username, external_id: externalId });

      const deleted = await server.api('DELETE', `/v1/users/${user.id}`);
      expect(deleted.status).toBe(200);
      expect(deleted.body).toEqual({ object: 'user', id: user.id, deleted: true });

      expectClerkError(await getUser(user.id), 404, 'resource_not_found');
      const byId = await server.api('GET', `/v1/users?user_id=${user.id}`);
      expect(byId.status).toBe(200);
      expect(byId.body).toEqual([]);
      const byEmail = await server.api('GET', `/v1/users?email_address=${encodeURIComponent(email)}`);
      expect(byEmail.body).toEqual([]);
      const count = await server.api('GET', `/v1/users/count?user_id=${user.id}`);
      expect(count.body).toEqual({ object: 'total_count', total_count: 0 });
      expect((await server.api('GET', `/v1/users?query=${username}`)).body).toEqual([]);

      const again = await createUser({ email_address: [email], phone_number: [phone], username, external_id: externalId });
      expect(again.id).not.toBe(user.id);
      expect(again.email_addresses[0].email_address).toBe(email);
      expect(again.phone_numbers[0].phone_number).toBe(phone);
      expect(again.username).toBe(username);
      expect(again.external_id).toBe(externalId);
    });

    it('answers 404 resource_not_found for an unknown id and for a second delete', async () => {
      expectClerkError(await server.api('DELETE', `/v1/users/user_unknown${uniqueTag()}`), 404, 'resource_not_found');
      const user = await createUser();
      expect((await server.api('DELETE', `/v1/users/${user.id}`)).status).toBe(200);
      expectClerkError(await server.api('DELETE', `/v1/users/${user.id}`), 404, 'resource_not_found');
      expectClerkError(await patchUser(user.id, { first_name: 'Ghost' }), 404, 'resource_not_found');
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

    it('updateUser changes the non-metadata fields', async () => {
      const created = await server.clerk.users.createUser({ emailAddress: [uniqueEmail('sdk'), uniqueEmail('sdk2')], password: PASSWORD });
      const second = created.emailAddresses[1]!;
      const username = uniqueUsername('sdkupd');
      const externalId = `ext-${uniqueTag()}`;
      server.clock.advanceMs(1_000);
      const updated = await server.clerk.users.updateUser(created.id, {
        firstName: 'New',
        lastName: 'Name',
        username,
        externalId,
        primaryEmailAddressID: second.id,
        password: 'short',
        skipPasswordChecks: true,
        signOutOfOtherSessions: true,
        deleteSelfEnabled: false,
        createOrganizationEnabled: false,
        createOrganizationsLimit: 2,
        createdAt: new Date('2021-03-04T05:06:07.000Z'),
        legalAcceptedAt: new Date('2022-03-04T05:06:07.000Z'),
      });
      expect(updated).toMatchObject({
        firstName: 'New',
        lastName: 'Name',
        username,
        externalId,
        primaryEmailAddressId: second.id,
        passwordEnabled: true,
        deleteSelfEnabled: false,
        createOrganizationEnabled: false,
        createOrganizationsLimit: 2,
        createdAt: Date.parse('2021-03-04T05:06:07.000Z'),
        legalAcceptedAt: Date.parse('2022-03-04T05:06:07.000Z'),
        updatedAt: server.clock.nowMs(),
      });
      await expectSdkError(server.clerk.users.updateUser(created.id, { password: 'short' }), 422, 'form_password_length_too_short', 'password');
      await expectSdkError(server.clerk.users.updateUser(`user_unknown${uniqueTag()}`, { firstName: 'X' }), 404, 'resource_not_found');
    });

    it('deleteUser returns the deleted object and the user is gone', async () => {
      const created = await server.clerk.users.createUser({ emailAddress: [uniqueEmail('sdkdel')] });
      const deleted = await server.clerk.users.deleteUser(created.id);
      expect(deleted).toMatchObject({ object: 'user', id: created.id, deleted: true });
      await expectSdkError(server.clerk.users.getUser(created.id), 404, 'resource_not_found');
      await expectSdkError(server.clerk.users.deleteUser(created.id), 404, 'resource_not_found');
    });
  });
});

describe('PATCH /v1/users/{user_id} username removal when usernames are required', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ ROSTER_REQUIRED_IDENTIFIERS: 'username' });
  });
  afterAll(async () => server.close());

  it('keeps a required username: null and "" answer 400 last_required_identification_deletion_failed', async () => {
    const username = uniqueUsername('req');
    const created = await server.api('POST', '/v1/users', { username, email_address: [uniqueEmail('req')] });
    expect(created.status).toBe(200);
    expectClerkError(await server.api('PATCH', `/v1/users/${created.body.id}`, { username: null }), 400, 'last_required_identification_deletion_failed');
    expectClerkError(await server.api('PATCH', `/v1/users/${created.body.id}`, { username: '' }), 400, 'last_required_identification_deletion_failed');
    expect((await server.api('GET', `/v1/users/${created.body.id}`)).body.username).toBe(username);
    const renamed = await server.api('PATCH', `/v1/users/${created.body.id}`, { username: uniqueUsername('renamed') });
    expect(renamed.status).toBe(200);
  });
});
