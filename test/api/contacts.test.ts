// Email addresses and phone numbers as resources:
// POST /v1/email_addresses, GET/PATCH/DELETE /v1/email_addresses/{id}, PUT /v1/users/{user_id}/email_address,
// and the same five for phone numbers. Raw HTTP and @clerk/backend.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectClerkError } from '../helpers/assertions.js';
import { uniqueEmail, uniquePhone, uniqueTag, uniqueUsername } from '../helpers/fixtures.js';
import { startTestServer, type ApiResponse, type TestServer } from '../helpers/test-server.js';

const ADMIN_VERIFICATION = {
  object: 'verification_admin',
  status: 'verified',
  strategy: 'admin',
  attempts: null,
  expire_at: null,
};

/** The last four digits of a fresh, valid +1 415 555 XXXX number. */
const newPhoneDigits = () => uniquePhone().slice(-4);

function expectOk(response: ApiResponse, status = 200): void {
  expect(response.status, JSON.stringify(response.body)).toBe(status);
}

/** The helpers a block needs, bound to its server. */
function helpers(getServer: () => TestServer) {
  const api = (method: string, url: string, body?: unknown) => getServer().api(method, url, body);

  async function createUser(body: Record<string, unknown>): Promise<any> {
    const response = await api('POST', '/v1/users', body);
    expectOk(response);
    return response.body;
  }

  /**
   * The test clock stands still; identifications list oldest first, so each helper-made one is given
   * its own second (same-millisecond ordering has a test of its own).
   */
  const tick = () => getServer().clock.advanceMs(1000);

  async function addEmail(userId: string, emailAddress: string, extra: Record<string, unknown> = {}): Promise<any> {
    tick();
    const response = await api('POST', '/v1/email_addresses', { user_id: userId, email_address: emailAddress, ...extra });
    expectOk(response);
    return response.body;
  }

  async function addPhone(userId: string, phoneNumber: string, extra: Record<string, unknown> = {}): Promise<any> {
    tick();
    const response = await api('POST', '/v1/phone_numbers', { user_id: userId, phone_number: phoneNumber, ...extra });
    expectOk(response);
    return response.body;
  }

  /** GET /v1/users/{id}, checking that the primary ids point at the user's own identifications. */
  async function getUser(userId: string): Promise<any> {
    const response = await api('GET', `/v1/users/${userId}`);
    expectOk(response);
    const user = response.body;
    const emailIds = user.email_addresses.map((e: any) => e.id);
    const phoneIds = user.phone_numbers.map((p: any) => p.id);
    if (emailIds.length === 0) expect(user.primary_email_address_id).toBeNull();
    else expect(emailIds).toContain(user.primary_email_address_id);
    if (phoneIds.length === 0) expect(user.primary_phone_number_id).toBeNull();
    else expect(phoneIds).toContain(user.primary_phone_number_id);
    expect(new Set(emailIds).size).toBe(emailIds.length);
    expect(new Set(phoneIds).size).toBe(phoneIds.length);
    // At most one default second factor, and only on a reserved one.
    const defaults = user.phone_numbers.filter((p: any) => p.default_second_factor);
    expect(defaults.length).toBeLessThanOrEqual(1);
    for (const phone of defaults) expect(phone.reserved_for_second_factor).toBe(true);
    return user;
  }

  const emailsOf = (user: any): string[] => user.email_addresses.map((e: any) => e.email_address);
  const phonesOf = (user: any): string[] => user.phone_numbers.map((p: any) => p.phone_number);

  async function userIdsWith(filter: 'email_address' | 'phone_number', value: string): Promise<string[]> {
    const response = await api('GET', `/v1/users?${filter}=${encodeURIComponent(value)}`);
    expectOk(response);
    return response.body.map((user: any) => user.id).sort();
  }

  return { api, tick, createUser, addEmail, addPhone, getUser, emailsOf, phonesOf, userIdsWith };
}

describe('email addresses and phone numbers (default config: email address required)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server?.close());

  const { api, tick, createUser, addEmail, addPhone, getUser, emailsOf, phonesOf, userIdsWith } = helpers(() => server);

  async function addEmailAtSameTime(userId: string, emailAddress: string): Promise<any> {
    const response = await api('POST', '/v1/email_addresses', { user_id: userId, email_address: emailAddress });
    expectOk(response);
    return response.body;
  }

  describe('POST /v1/email_addresses', () => {
    it('creates an unverified, non-primary address by default (SDK) and the user lists it', async () => {
      const first = uniqueEmail('first');
      const user = await createUser({ email_address: [first] });
      const second = uniqueEmail('second');

      tick();
      const created = await server.clerk.emailAddresses.createEmailAddress({ userId: user.id, emailAddress: second });
      expect(created.emailAddress).toBe(second);
      expect(created.id).toMatch(/\S/);
      expect(created.verification).toBeNull();

      const raw = await api('GET', `/v1/email_addresses/${created.id}`);
      expectOk(raw);
      expect(raw.body).toMatchObject({ id: created.id, object: 'email_address', email_address: second, reserved: false, verification: null });

      const after = await getUser(user.id);
      expect(after.primary_email_address_id).toBe(user.primary_email_address_id);
      expect(emailsOf(after)).toEqual([first, second]);
      expect(await userIdsWith('email_address', second)).toEqual([user.id]);
    });

    it('creates a verified address with an admin verification, without making it primary unless asked', async () => {
      const user = await createUser({ email_address: [uniqueEmail()] });
      const address = uniqueEmail('verified');
      const response = await api('POST', '/v1/email_addresses', { user_id: user.id, email_address: address, verified: true });
      expectOk(response);
      expect(response.body).toMatchObject({ object: 'email_address', email_address: address, reserved: false, verification: ADMIN_VERIFICATION });

      const after = await getUser(user.id);
      expect(after.primary_email_address_id).toBe(user.primary_email_address_id);
      expect(after.email_addresses.find((e: any) => e.id === response.body.id)?.verification).toMatchObject(ADMIN_VERIFICATION);
    });

    it('verified: false is the same as the default', async () => {
      const user = await createUser({ email_address: [uniqueEmail()] });
      const created = await addEmail(user.id, uniqueEmail('explicit'), { verified: false });
      expect(created.verification).toBeNull();
      expect((await getUser(user.id)).primary_email_address_id).toBe(user.primary_email_address_id);
    });

    it("makes the user's first email address primary automatically, even unverified", async () => {
      const user = await createUser({ username: uniqueUsername('nomail'), skip_user_requirement: true });
      expect(user.email_addresses).toEqual([]);
      expect(user.primary_email_address_id).toBeNull();

      const address = uniqueEmail('first');
      const created = await server.clerk.emailAddresses.createEmailAddress({ userId: user.id, emailAddress: address });
      const after = await getUser(user.id);
      expect(after.primary_email_address_id).toBe(created.id);
      expect(await userIdsWith('email_address', address)).toEqual([user.id]);

      // A second one does not take over.
      await addEmail(user.id, uniqueEmail('second'), { verified: true });
      expect((await getUser(user.id)).primary_email_address_id).toBe(created.id);
    });

    it("primary: true on a verified address switches the user's primary", async () => {
      const old = uniqueEmail('old');
      const user = await createUser({ email_address: [old] });
      const address = uniqueEmail('new-primary');
      tick();
      const created = await server.clerk.emailAddresses.createEmailAddress({ userId: user.id, emailAddress: address, verified: true, primary: true });
      expect(created.verification?.status).toBe('verified');

      const after = await getUser(user.id);
      expect(after.primary_email_address_id).toBe(created.id);
      expect(emailsOf(after)).toEqual([old, address]);
      const sdkUser = await server.clerk.users.getUser(user.id);
      expect(sdkUser.primaryEmailAddressId).toBe(created.id);
      expect(sdkUser.primaryEmailAddress?.emailAddress).toBe(address);
    });

    it('primary: true on an unverified address → 422 form_verification_needed, nothing created', async () => {
      const user = await createUser({ email_address: [uniqueEmail()] });
      const address = uniqueEmail('unverified-primary');
      const response = await api('POST', '/v1/email_addresses', { user_id: user.id, email_address: address, primary: true });
      expectClerkError(response, 422, 'form_verification_needed');

      const explicit = await api('POST', '/v1/email_addresses', { user_id: user.id, email_address: address, primary: true, verified: false });
      expectClerkError(explicit, 422, 'form_verification_needed');

      const after = await getUser(user.id);
      expect(after.email_addresses).toHaveLength(1);
      expect(after.primary_email_address_id).toBe(user.primary_email_address_id);
      expect(await userIdsWith('email_address', address)).toEqual([]);
    });

    it('normalises case and surrounding whitespace, and the user is found by any spelling', async () => {
      const user = await createUser({ email_address: [uniqueEmail()] });
      const id = uniqueTag();
      const created = await addEmail(user.id, `  Mixed.Case-${id}@Example.COM `);
      expect(created.email_address).toBe(`mixed.case-${id}@example.com`);
      expect(emailsOf(await getUser(user.id))).toContain(`mixed.case-${id}@example.com`);
      expect(await userIdsWith('email_address', `MIXED.CASE-${id}@EXAMPLE.COM`)).toEqual([user.id]);
    });

    it('addresses added within the same millisecond are listed in the order they were added', async () => {
      const user = await createUser({ email_address: [uniqueEmail('first')] });
      tick();
      // The clock stands still: all six get the same creation time.
      const added: string[] = [];
      for (let index = 0; index < 6; index++) added.push((await addEmailAtSameTime(user.id, uniqueEmail(`same-ms-${index}`))).email_address);
      expect(emailsOf(await getUser(user.id)).slice(1)).toEqual(added);
    });

    it('an invalid address → 422 form_param_format_invalid', async () => {
      const user = await createUser({ email_address: [uniqueEmail()] });
      for (const value of ['not-an-email', 'two@@example.com', 'Ann <ann@example.com>', 'no-tld@localhost']) {
        const response = await api('POST', '/v1/email_addresses', { user_id: user.id, email_address: value });
        expectClerkError(response, 422, 'form_param_format_invalid', 'email_address');
      }
      expect((await getUser(user.id)).email_addresses).toHaveLength(1);
    });

    it('an unknown user_id → 404 resource_not_found (raw and SDK)', async () => {
      const response = await api('POST', '/v1/email_addresses', { user_id: 'user_doesnotexist', email_address: uniqueEmail() });
      expectClerkError(response, 404, 'resource_not_found');

      await expect(
        server.clerk.emailAddresses.createEmailAddress({ userId: 'user_doesnotexist', emailAddress: uniqueEmail() }),
      ).rejects.toMatchObject({ status: 404, errors: [{ code: 'resource_not_found' }] });
    });

    it('missing user_id or email_address → 422 form_param_missing', async () => {
      const user = await createUser({ email_address: [uniqueEmail()] });
      expectClerkError(await api('POST', '/v1/email_addresses', { email_address: uniqueEmail() }), 422, 'form_param_missing', 'user_id');
      expectClerkError(await api('POST', '/v1/email_addresses', { user_id: user.id }), 422, 'form_param_missing', 'email_address');
      expectClerkError(await api('POST', '/v1/email_addresses', { user_id: user.id, verified: true }), 422, 'form_param_missing', 'email_address');
      expect((await getUser(user.id)).email_addresses).toHaveLength(1);
    });

    it('an unknown parameter → 422 form_param_unknown; a wrong type → 422 form_param_type_invalid', async () => {
      const user = await createUser({ email_address: [uniqueEmail()] });
      const address = uniqueEmail();
      expectClerkError(
        await api('POST', '/v1/email_addresses', { user_id: user.id, email_address: address, reserved_for_second_factor: true }),
        422,
        'form_param_unknown',
        'reserved_for_second_factor',
      );
      expectClerkError(await api('POST', '/v1/email_addresses', { user_id: user.id, email_address: address, nickname: 'x' }), 422, 'form_param_unknown', 'nickname');
      expectClerkError(await api('POST', '/v1/email_addresses', { user_id: user.id, email_address: address, verified: 'yes' }), 422, 'form_param_type_invalid', 'verified');
      expectClerkError(await api('POST', '/v1/email_addresses', { user_id: user.id, email_address: 42 }), 422, 'form_param_type_invalid', 'email_address');
      expect(await userIdsWith('email_address', address)).toEqual([]);
    });

    it('an address verified on another user → 422 form_identifier_exists, verified or not', async () => {
      const taken = uniqueEmail('taken');
      const owner = await createUser({ email_address: [taken] });
      const other = await createUser({ email_address: [uniqueEmail()] });

      expectClerkError(await api('POST', '/v1/email_addresses', { user_id: other.id, email_address: taken }), 422, 'form_identifier_exists', 'email_address');
      expectClerkError(
        await api('POST', '/v1/email_addresses', { user_id: other.id, email_address: taken.toUpperCase(), verified: true }),
        422,
        'form_identifier_exists',
        'email_address',
      );
      await expect(
        server.clerk.emailAddresses.createEmailAddress({ userId: other.id, emailAddress: taken, verified: true }),
      ).rejects.toMatchObject({ status: 422, errors: [{ code: 'form_identifier_exists', meta: { paramName: 'email_address' } }] });

      expect((await getUser(other.id)).email_addresses).toHaveLength(1);
      expect(await userIdsWith('email_address', taken)).toEqual([owner.id]);
    });

    it('the same address twice on one user → 422 form_identifier_exists', async () => {
      const address = uniqueEmail('twice');
      const user = await createUser({ email_address: [address] });
      expectClerkError(await api('POST', '/v1/email_addresses', { user_id: user.id, email_address: address }), 422, 'form_identifier_exists', 'email_address');

      const unverified = uniqueEmail('twice-unverified');
      await addEmail(user.id, unverified);
      expectClerkError(
        await api('POST', '/v1/email_addresses', { user_id: user.id, email_address: ` ${unverified.toUpperCase()}` }),
        422,
        'form_identifier_exists',
        'email_address',
      );
      expect(emailsOf(await getUser(user.id))).toEqual([address, unverified]);
    });

    it('two users may hold the same unverified address; once one verifies it, the other cannot', async () => {
      const shared = uniqueEmail('shared');
      const alice = await createUser({ email_address: [uniqueEmail('alice')] });
      const bob = await createUser({ email_address: [uniqueEmail('bob')] });
      const aliceCopy = await addEmail(alice.id, shared);
      const bobCopy = await addEmail(bob.id, shared);
      expect(aliceCopy.id).not.toBe(bobCopy.id);
      expect(await userIdsWith('email_address', shared)).toEqual([alice.id, bob.id].sort());

      const verified = await server.clerk.emailAddresses.updateEmailAddress(aliceCopy.id, { verified: true });
      expect(verified.verification?.status).toBe('verified');

      const response = await api('PATCH', `/v1/email_addresses/${bobCopy.id}`, { verified: true });
      expectClerkError(response, 422, 'form_identifier_exists', 'email_address');
      await expect(server.clerk.emailAddresses.updateEmailAddress(bobCopy.id, { verified: true })).rejects.toMatchObject({
        status: 422,
        errors: [{ code: 'form_identifier_exists' }],
      });

      const bobAfter = await getUser(bob.id);
      expect(bobAfter.email_addresses.find((e: any) => e.id === bobCopy.id)?.verification).toBeNull();
      const aliceAfter = await getUser(alice.id);
      expect(aliceAfter.email_addresses.find((e: any) => e.id === aliceCopy.id)?.verification).toMatchObject(ADMIN_VERIFICATION);
      // Now that Alice holds it verified, nobody else can even add it unverified.
      const carol = await createUser({ email_address: [uniqueEmail('carol')] });
      expectClerkError(await api('POST', '/v1/email_addresses', { user_id: carol.id, email_address: shared }), 422, 'form_identifier_exists', 'email_address');
    });

    it('two users verifying the same shared address at once: exactly one wins, the other gets a Clerk 422', async () => {
      const shared = uniqueEmail('race');
      const users = await Promise.all([0, 1, 2, 3].map(() => createUser({ email_address: [uniqueEmail('racer')] })));
      const copies = [];
      for (const user of users) copies.push(await addEmail(user.id, shared));

      const results = await Promise.all(copies.map((copy) => api('PATCH', `/v1/email_addresses/${copy.id}`, { verified: true })));
      const statuses = results.map((r) => r.status).sort();
      expect(statuses).toEqual([200, 422, 422, 422]);
      for (const result of results.filter((r) => r.status !== 200)) expectClerkError(result, 422, 'form_identifier_exists', 'email_address');

      const verifiedHolders = [];
      for (const user of users) {
        const after = await getUser(user.id);
        const copy = after.email_addresses.find((e: any) => e.email_address === shared);
        if (copy.verification) verifiedHolders.push(user.id);
      }
      expect(verifiedHolders).toHaveLength(1);
    });
  });

  describe('POST /v1/phone_numbers', () => {
    it('creates an unverified phone (SDK); the first one becomes primary; not a second factor by default', async () => {
      const user = await createUser({ email_address: [uniqueEmail()] });
      expect(user.primary_phone_number_id).toBeNull();
      const number = uniquePhone();
      const created = await server.clerk.phoneNumbers.createPhoneNumber({ userId: user.id, phoneNumber: number });
      expect(created.phoneNumber).toBe(number);
      expect(created.verification).toBeNull();
      expect(created.reservedForSecondFactor).toBe(false);
      expect(created.defaultSecondFactor).toBe(false);

      const raw = await api('GET', `/v1/phone_numbers/${created.id}`);
      expectOk(raw);
      expect(raw.body).toMatchObject({
        id: created.id,
        object: 'phone_number',
        phone_number: number,
        reserved: false,
        reserved_for_second_factor: false,
        default_second_factor: false,
        verification: null,
      });

      const after = await getUser(user.id);
      expect(after.primary_phone_number_id).toBe(created.id);
      expect(after.two_factor_enabled).toBe(false);
      expect(await userIdsWith('phone_number', number)).toEqual([user.id]);

      const second = await addPhone(user.id, uniquePhone(), { verified: true });
      expect(second.verification).toMatchObject(ADMIN_VERIFICATION);
      const final = await getUser(user.id);
      expect(final.primary_phone_number_id).toBe(created.id);
      expect(phonesOf(final)).toEqual([number, second.phone_number]);
    });

    it('normalises to E.164 and rejects an invalid number with 422 form_param_format_invalid', async () => {
      const user = await createUser({ email_address: [uniqueEmail()] });
      const digits = newPhoneDigits();
      const created = await addPhone(user.id, `  +1 (415) 555-${digits} `);
      expect(created.phone_number).toBe(`+1415555${digits}`);
      expect(await userIdsWith('phone_number', `+1415555${digits}`)).toEqual([user.id]);

      // The same number in another spelling is the same number.
      expectClerkError(await api('POST', '/v1/phone_numbers', { user_id: user.id, phone_number: `+1-415-555-${digits}` }), 422, 'form_identifier_exists', 'phone_number');

      for (const value of ['4155550123', '+1234', 'call me', '+999999999999']) {
        expectClerkError(await api('POST', '/v1/phone_numbers', { user_id: user.id, phone_number: value }), 422, 'form_param_format_invalid', 'phone_number');
      }
      expect(phonesOf(await getUser(user.id))).toEqual([`+1415555${digits}`]);
    });

    it('missing, unknown and mistyped parameters, and an unknown user', async () => {
      const user = await createUser({ email_address: [uniqueEmail()] });
      expectClerkError(await api('POST', '/v1/phone_numbers', { phone_number: uniquePhone() }), 422, 'form_param_missing', 'user_id');
      expectClerkError(await api('POST', '/v1/phone_numbers', { user_id: user.id }), 422, 'form_param_missing', 'phone_number');
      expectClerkError(await api('POST', '/v1/phone_numbers', { user_id: user.id, phone_number: uniquePhone(), notify: true }), 422, 'form_param_unknown', 'notify');
      expectClerkError(
        await api('POST', '/v1/phone_numbers', { user_id: user.id, phone_number: uniquePhone(), reserved_for_second_factor: 'true' }),
        422,
        'form_param_type_invalid',
        'reserved_for_second_factor',
      );
      expectClerkError(await api('POST', '/v1/phone_numbers', { user_id: 'user_doesnotexist', phone_number: uniquePhone() }), 404, 'resource_not_found');
      await expect(
        server.clerk.phoneNumbers.createPhoneNumber({ userId: 'user_doesnotexist', phoneNumber: uniquePhone() }),
      ).rejects.toMatchObject({ status: 404, errors: [{ code: 'resource_not_found' }] });
      expect((await getUser(user.id)).phone_numbers).toEqual([]);
    });

    it('a number verified on another user → 422 form_identifier_exists; twice on one user → 422', async () => {
      const taken = uniquePhone();
      const owner = await createUser({ email_address: [uniqueEmail()], phone_number: [taken] });
      const other = await createUser({ email_address: [uniqueEmail()] });
      expectClerkError(await api('POST', '/v1/phone_numbers', { user_id: other.id, phone_number: taken }), 422, 'form_identifier_exists', 'phone_number');
      expectClerkError(await api('POST', '/v1/phone_numbers', { user_id: other.id, phone_number: taken, verified: true }), 422, 'form_identifier_exists', 'phone_number');
      expectClerkError(await api('POST', '/v1/phone_numbers', { user_id: owner.id, phone_number: taken }), 422, 'form_identifier_exists', 'phone_number');
      expect((await getUser(other.id)).phone_numbers).toEqual([]);
      expect(phonesOf(await getUser(owner.id))).toEqual([taken]);
      expect(await userIdsWith('phone_number', taken)).toEqual([owner.id]);
    });

    it('an unverified number may be shared; verifying the second copy fails with a Clerk error', async () => {
      const shared = uniquePhone();
      const alice = await createUser({ email_address: [uniqueEmail('alice')] });
      const bob = await createUser({ email_address: [uniqueEmail('bob')] });
      const aliceCopy = await addPhone(alice.id, shared);
      const bobCopy = await addPhone(bob.id, shared);
      expect(await userIdsWith('phone_number', shared)).toEqual([alice.id, bob.id].sort());

      expectOk(await api('PATCH', `/v1/phone_numbers/${aliceCopy.id}`, { verified: true }));
      expectClerkError(await api('PATCH', `/v1/phone_numbers/${bobCopy.id}`, { verified: true }), 422, 'form_identifier_exists', 'phone_number');
      expect((await getUser(bob.id)).phone_numbers[0].verification).toBeNull();
      expect((await getUser(alice.id)).phone_numbers[0].verification).toMatchObject(ADMIN_VERIFICATION);
    });

    it('primary: true on a verified number switches the primary; on an unverified one → 422 form_verification_needed', async () => {
      const first = uniquePhone();
      const user = await createUser({ email_address: [uniqueEmail()], phone_number: [first] });
      const unverified = uniquePhone();
      expectClerkError(await api('POST', '/v1/phone_numbers', { user_id: user.id, phone_number: unverified, primary: true }), 422, 'form_verification_needed');
      expect(phonesOf(await getUser(user.id))).toEqual([first]);

      const created = await server.clerk.phoneNumbers.createPhoneNumber({ userId: user.id, phoneNumber: uniquePhone(), verified: true, primary: true });
      const after = await getUser(user.id);
      expect(after.primary_phone_number_id).toBe(created.id);
      expect(after.phone_numbers).toHaveLength(2);
    });

    it('reserved_for_second_factor requires verification → 400 identification_create_second_factor_unverified', async () => {
      const user = await createUser({ email_address: [uniqueEmail()] });
      const number = uniquePhone();
      expectClerkError(
        await api('POST', '/v1/phone_numbers', { user_id: user.id, phone_number: number, reserved_for_second_factor: true }),
        400,
        'identification_create_second_factor_unverified',
      );
      await expect(
        server.clerk.phoneNumbers.createPhoneNumber({ userId: user.id, phoneNumber: number, verified: false, reservedForSecondFactor: true }),
      ).rejects.toMatchObject({ status: 400, errors: [{ code: 'identification_create_second_factor_unverified' }] });
      const after = await getUser(user.id);
      expect(after.phone_numbers).toEqual([]);
      expect(after.two_factor_enabled).toBe(false);
      expect(await userIdsWith('phone_number', number)).toEqual([]);
    });

    it('the first second-factor phone is the default one and enables two-factor; a second is not the default', async () => {
      const user = await createUser({ email_address: [uniqueEmail()] });
      expect(user.two_factor_enabled).toBe(false);

      const first = await server.clerk.phoneNumbers.createPhoneNumber({ userId: user.id, phoneNumber: uniquePhone(), verified: true, reservedForSecondFactor: true });
      expect(first.reservedForSecondFactor).toBe(true);
      expect(first.defaultSecondFactor).toBe(true);
      let after = await getUser(user.id);
      expect(after.two_factor_enabled).toBe(true);

      const second = await addPhone(user.id, uniquePhone(), { verified: true, reserved_for_second_factor: true });
      expect(second.reserved_for_second_factor).toBe(true);
      expect(second.default_second_factor).toBe(false);

      after = await getUser(user.id);
      expect(after.two_factor_enabled).toBe(true);
      const byId = new Map(after.phone_numbers.map((p: any) => [p.id, p]));
      expect(byId.get(first.id)).toMatchObject({ reserved_for_second_factor: true, default_second_factor: true });
      expect(byId.get(second.id)).toMatchObject({ reserved_for_second_factor: true, default_second_factor: false });
      expect((await server.clerk.users.getUser(user.id)).twoFactorEnabled).toBe(true);
    });

    it('a verified phone that is not reserved for second factor does not enable two-factor', async () => {
      const user = await createUser({ email_address: [uniqueEmail()] });
      await addPhone(user.id, uniquePhone(), { verified: true });
      expect((await getUser(user.id)).two_factor_enabled).toBe(false);
    });
  });

  describe('GET /v1/email_addresses/{id} and /v1/phone_numbers/{id}', () => {
    it('returns the stored resource (SDK and raw)', async () => {
      const address = uniqueEmail();
      const number = uniquePhone();
      const user = await createUser({ email_address: [address], phone_number: [number] });
      const email = await server.clerk.emailAddresses.getEmailAddress(user.primary_email_address_id);
      expect(email.id).toBe(user.primary_email_address_id);
      expect(email.emailAddress).toBe(address);
      expect(email.verification?.status).toBe('verified');
      expect(email.verification?.strategy).toBe('admin');

      const phone = await server.clerk.phoneNumbers.getPhoneNumber(user.primary_phone_number_id);
      expect(phone.phoneNumber).toBe(number);

      const raw = await api('GET', `/v1/email_addresses/${user.primary_email_address_id}`);
      expectOk(raw);
      expect(raw.body).toEqual(user.email_addresses[0]);
      const rawPhone = await api('GET', `/v1/phone_numbers/${user.primary_phone_number_id}`);
      expectOk(rawPhone);
      expect(rawPhone.body).toEqual(user.phone_numbers[0]);
    });

    it('an unknown id → 404 resource_not_found', async () => {
      expectClerkError(await api('GET', '/v1/email_addresses/idn_doesnotexist'), 404, 'resource_not_found');
      expectClerkError(await api('GET', '/v1/phone_numbers/idn_doesnotexist'), 404, 'resource_not_found');
      await expect(server.clerk.emailAddresses.getEmailAddress('idn_doesnotexist')).rejects.toMatchObject({
        status: 404,
        errors: [{ code: 'resource_not_found' }],
      });
      await expect(server.clerk.phoneNumbers.getPhoneNumber('idn_doesnotexist')).rejects.toMatchObject({
        status: 404,
        errors: [{ code: 'resource_not_found' }],
      });
    });

    it("an email address id on the phone route (and vice versa) → 404; so is the user's own id", async () => {
      const user = await createUser({ email_address: [uniqueEmail()], phone_number: [uniquePhone()] });
      expectClerkError(await api('GET', `/v1/phone_numbers/${user.primary_email_address_id}`), 404, 'resource_not_found');
      expectClerkError(await api('GET', `/v1/email_addresses/${user.primary_phone_number_id}`), 404, 'resource_not_found');
      expectClerkError(await api('PATCH', `/v1/phone_numbers/${user.primary_email_address_id}`, { verified: false }), 404, 'resource_not_found');
      expectClerkError(await api('DELETE', `/v1/email_addresses/${user.primary_phone_number_id}`), 404, 'resource_not_found');
      expectClerkError(await api('GET', `/v1/email_addresses/${user.id}`), 404, 'resource_not_found');
      // Nothing was changed by the mismatched calls.
      const after = await getUser(user.id);
      expect(after.email_addresses).toEqual(user.email_addresses);
      expect(after.phone_numbers).toEqual(user.phone_numbers);
    });
  });

  describe('PATCH /v1/email_addresses/{id}', () => {
    it('verified toggles the verification between null and an admin verification', async () => {
      const user = await createUser({ email_address: [uniqueEmail()] });
      const created = await addEmail(user.id, uniqueEmail('toggle'));
      expect(created.verification).toBeNull();

      const verified = await api('PATCH', `/v1/email_addresses/${created.id}`, { verified: true });
      expectOk(verified);
      expect(verified.body).toMatchObject({ id: created.id, email_address: created.email_address, verification: ADMIN_VERIFICATION });
      expect((await getUser(user.id)).email_addresses[1].verification).toMatchObject(ADMIN_VERIFICATION);

      const unverified = await server.clerk.emailAddresses.updateEmailAddress(created.id, { verified: false });
      expect(unverified.verification).toBeNull();
      expect((await getUser(user.id)).email_addresses[1].verification).toBeNull();
      expect((await api('GET', `/v1/email_addresses/${created.id}`)).body.verification).toBeNull();

      // An empty body changes nothing.
      const noop = await api('PATCH', `/v1/email_addresses/${created.id}`, {});
      expectOk(noop);
      expect(noop.body).toMatchObject({ id: created.id, verification: null });
    });

    it("primary: true on a verified address switches the user's primary (SDK)", async () => {
      const old = uniqueEmail('old');
      const user = await createUser({ email_address: [old] });
      const created = await addEmail(user.id, uniqueEmail('next'), { verified: true });
      const updated = await server.clerk.emailAddresses.updateEmailAddress(created.id, { primary: true });
      expect(updated.id).toBe(created.id);

      const after = await getUser(user.id);
      expect(after.primary_email_address_id).toBe(created.id);
      expect(emailsOf(after)).toEqual([old, created.email_address]);
      // And back again.
      expectOk(await api('PATCH', `/v1/email_addresses/${user.primary_email_address_id}`, { primary: true }));
      expect((await getUser(user.id)).primary_email_address_id).toBe(user.primary_email_address_id);
    });

    it('verified and primary together make an unverified address the primary', async () => {
      const user = await createUser({ email_address: [uniqueEmail()] });
      const created = await addEmail(user.id, uniqueEmail('both'));
      const response = await api('PATCH', `/v1/email_addresses/${created.id}`, { verified: true, primary: true });
      expectOk(response);
      expect(response.body.verification).toMatchObject(ADMIN_VERIFICATION);
      expect((await getUser(user.id)).primary_email_address_id).toBe(created.id);
    });

    it('primary: true on an unverified address → 422 form_verification_needed, nothing changes', async () => {
      const user = await createUser({ email_address: [uniqueEmail()] });
      const created = await addEmail(user.id, uniqueEmail('unverified'));
      expectClerkError(await api('PATCH', `/v1/email_addresses/${created.id}`, { primary: true }), 422, 'form_verification_needed');
      await expect(server.clerk.emailAddresses.updateEmailAddress(created.id, { primary: true, verified: false })).rejects.toMatchObject({
        status: 422,
        errors: [{ code: 'form_verification_needed' }],
      });
      const after = await getUser(user.id);
      expect(after.primary_email_address_id).toBe(user.primary_email_address_id);
      expect(after.email_addresses[1].verification).toBeNull();
    });

    it('an unknown id → 404; an unknown or mistyped parameter → 422', async () => {
      expectClerkError(await api('PATCH', '/v1/email_addresses/idn_doesnotexist', { verified: true }), 404, 'resource_not_found');
      await expect(server.clerk.emailAddresses.updateEmailAddress('idn_doesnotexist', { verified: true })).rejects.toMatchObject({
        status: 404,
        errors: [{ code: 'resource_not_found' }],
      });
      const user = await createUser({ email_address: [uniqueEmail()] });
      expectClerkError(await api('PATCH', `/v1/email_addresses/${user.primary_email_address_id}`, { email_address: uniqueEmail() }), 422, 'form_param_unknown', 'email_address');
      expectClerkError(await api('PATCH', `/v1/email_addresses/${user.primary_email_address_id}`, { primary: 'yes' }), 422, 'form_param_type_invalid', 'primary');
      expect((await getUser(user.id)).email_addresses).toEqual(user.email_addresses);
    });
  });

  describe('PATCH /v1/phone_numbers/{id}', () => {
    it('verified toggles the verification; primary switches on a verified number', async () => {
      const first = uniquePhone();
      const user = await createUser({ email_address: [uniqueEmail()], phone_number: [first] });
      const created = await addPhone(user.id, uniquePhone());

      expectClerkError(await api('PATCH', `/v1/phone_numbers/${created.id}`, { primary: true }), 422, 'form_verification_needed');
      expect((await getUser(user.id)).primary_phone_number_id).toBe(user.primary_phone_number_id);

      const verified = await server.clerk.phoneNumbers.updatePhoneNumber(created.id, { verified: true });
      expect(verified.verification?.status).toBe('verified');
      const primary = await api('PATCH', `/v1/phone_numbers/${created.id}`, { primary: true });
      expectOk(primary);
      expect(primary.body.verification).toMatchObject(ADMIN_VERIFICATION);
      let after = await getUser(user.id);
      expect(after.primary_phone_number_id).toBe(created.id);
      expect(phonesOf(after)).toEqual([first, created.phone_number]);

      const unverified = await api('PATCH', `/v1/phone_numbers/${user.primary_phone_number_id}`, { verified: false });
      expectOk(unverified);
      expect(unverified.body.verification).toBeNull();
      after = await getUser(user.id);
      expect(after.phone_numbers.find((p: any) => p.id === user.primary_phone_number_id).verification).toBeNull();
    });

    it('reserved_for_second_factor on an unverified number → 400; on a verified one it becomes the default second factor', async () => {
      const user = await createUser({ email_address: [uniqueEmail()] });
      const created = await addPhone(user.id, uniquePhone());
      expectClerkError(
        await api('PATCH', `/v1/phone_numbers/${created.id}`, { reserved_for_second_factor: true }),
        400,
        'identification_update_second_factor_unverified',
      );
      expect((await getUser(user.id)).two_factor_enabled).toBe(false);

      const reserved = await server.clerk.phoneNumbers.updatePhoneNumber(created.id, { verified: true, reservedForSecondFactor: true });
      expect(reserved.reservedForSecondFactor).toBe(true);
      expect(reserved.defaultSecondFactor).toBe(true);
      expect((await getUser(user.id)).two_factor_enabled).toBe(true);
    });

    it('an unknown id → 404', async () => {
      expectClerkError(await api('PATCH', '/v1/phone_numbers/idn_doesnotexist', { verified: true }), 404, 'resource_not_found');
      await expect(server.clerk.phoneNumbers.updatePhoneNumber('idn_doesnotexist', { verified: true })).rejects.toMatchObject({
        status: 404,
        errors: [{ code: 'resource_not_found' }],
      });
    });
  });

  describe('DELETE /v1/email_addresses/{id}', () => {
    it('returns the deleted object; the user no longer lists it and is no longer found by it', async () => {
      const keep = uniqueEmail('keep');
      const user = await createUser({ email_address: [keep] });
      const gone = await addEmail(user.id, uniqueEmail('gone'), { verified: true });
      expect(await userIdsWith('email_address', gone.email_address)).toEqual([user.id]);

      const response = await api('DELETE', `/v1/email_addresses/${gone.id}`);
      expectOk(response);
      expect(response.body).toEqual({ object: 'email_address', id: gone.id, deleted: true });

      const after = await getUser(user.id);
      expect(emailsOf(after)).toEqual([keep]);
      expect(after.primary_email_address_id).toBe(user.primary_email_address_id);
      expect(await userIdsWith('email_address', gone.email_address)).toEqual([]);
      expect(await userIdsWith('email_address', keep)).toEqual([user.id]);
      expectClerkError(await api('GET', `/v1/email_addresses/${gone.id}`), 404, 'resource_not_found');
      expectClerkError(await api('DELETE', `/v1/email_addresses/${gone.id}`), 404, 'resource_not_found');
    });

    it('a deleted address is free for another user to take', async () => {
      const address = uniqueEmail('freed');
      const first = await createUser({ email_address: [uniqueEmail()] });
      const created = await addEmail(first.id, address, { verified: true });
      const second = await createUser({ email_address: [uniqueEmail()] });
      expectClerkError(await api('POST', '/v1/email_addresses', { user_id: second.id, email_address: address, verified: true }), 422, 'form_identifier_exists');

      const deleted = await server.clerk.emailAddresses.deleteEmailAddress(created.id);
      expect(deleted.object).toBe('email_address');
      expect(deleted.id).toBe(created.id);
      expect(deleted.deleted).toBe(true);
      await addEmail(second.id, address, { verified: true });
      expect(await userIdsWith('email_address', address)).toEqual([second.id]);
    });

    it('deleting the primary makes the remaining address primary', async () => {
      const primary = uniqueEmail('primary');
      const user = await createUser({ email_address: [primary] });
      const other = await addEmail(user.id, uniqueEmail('other'), { verified: true });

      expectOk(await api('DELETE', `/v1/email_addresses/${user.primary_email_address_id}`));
      const after = await getUser(user.id);
      expect(after.primary_email_address_id).toBe(other.id);
      expect(emailsOf(after)).toEqual([other.email_address]);
      expect(await userIdsWith('email_address', primary)).toEqual([]);
      // Ordering by the primary email address still sees the user (its sortable copy moved along).
      const ordered = await api('GET', `/v1/users?email_address=${encodeURIComponent(other.email_address)}&order_by=%2Bemail_address`);
      expect(ordered.body.map((u: any) => u.id)).toEqual([user.id]);
    });

    it('deleting the primary prefers a verified remaining address over an unverified one', async () => {
      const user = await createUser({ email_address: [uniqueEmail('primary')] });
      const unverified = await addEmail(user.id, uniqueEmail('unverified'));
      const verified = await addEmail(user.id, uniqueEmail('verified'), { verified: true });

      expectOk(await api('DELETE', `/v1/email_addresses/${user.primary_email_address_id}`));
      const after = await getUser(user.id);
      expect(after.primary_email_address_id).toBe(verified.id);
      expect(after.email_addresses.map((e: any) => e.id)).toEqual([unverified.id, verified.id]);
    });

    it("deleting the user's last email address → 400 last_required_identification_deletion_failed", async () => {
      const address = uniqueEmail('last');
      const user = await createUser({ email_address: [address], phone_number: [uniquePhone()], username: uniqueUsername('keeper') });
      const response = await api('DELETE', `/v1/email_addresses/${user.primary_email_address_id}`);
      expectClerkError(response, 400, 'last_required_identification_deletion_failed');
      await expect(server.clerk.emailAddresses.deleteEmailAddress(user.primary_email_address_id)).rejects.toMatchObject({
        status: 400,
        errors: [{ code: 'last_required_identification_deletion_failed' }],
      });

      const after = await getUser(user.id);
      expect(emailsOf(after)).toEqual([address]);
      expect(after.primary_email_address_id).toBe(user.primary_email_address_id);
      expect(await userIdsWith('email_address', address)).toEqual([user.id]);
    });

    it('an unknown id → 404', async () => {
      expectClerkError(await api('DELETE', '/v1/email_addresses/idn_doesnotexist'), 404, 'resource_not_found');
      await expect(server.clerk.emailAddresses.deleteEmailAddress('idn_doesnotexist')).rejects.toMatchObject({
        status: 404,
        errors: [{ code: 'resource_not_found' }],
      });
    });
  });

  describe('DELETE /v1/phone_numbers/{id}', () => {
    it('returns the deleted object; the primary moves to the remaining number, then to null', async () => {
      const first = uniquePhone();
      const user = await createUser({ email_address: [uniqueEmail()], phone_number: [first] });
      const second = await addPhone(user.id, uniquePhone(), { verified: true });

      const response = await api('DELETE', `/v1/phone_numbers/${user.primary_phone_number_id}`);
      expectOk(response);
      expect(response.body).toEqual({ object: 'phone_number', id: user.primary_phone_number_id, deleted: true });
      let after = await getUser(user.id);
      expect(after.primary_phone_number_id).toBe(second.id);
      expect(phonesOf(after)).toEqual([second.phone_number]);
      expect(await userIdsWith('phone_number', first)).toEqual([]);

      // Phone numbers are not required by default: the last one can go.
      const deleted = await server.clerk.phoneNumbers.deletePhoneNumber(second.id);
      expect(deleted.object).toBe('phone_number');
      expect(deleted.id).toBe(second.id);
      expect(deleted.deleted).toBe(true);
      after = await getUser(user.id);
      expect(after.phone_numbers).toEqual([]);
      expect(after.primary_phone_number_id).toBeNull();
      expect(await userIdsWith('phone_number', second.phone_number)).toEqual([]);
      expectClerkError(await api('GET', `/v1/phone_numbers/${second.id}`), 404, 'resource_not_found');
    });

    it('deleting the only second-factor phone turns two-factor off', async () => {
      const user = await createUser({ email_address: [uniqueEmail()] });
      const phone = await addPhone(user.id, uniquePhone(), { verified: true, reserved_for_second_factor: true });
      expect((await getUser(user.id)).two_factor_enabled).toBe(true);
      expectOk(await api('DELETE', `/v1/phone_numbers/${phone.id}`));
      expect((await getUser(user.id)).two_factor_enabled).toBe(false);
    });

    it('deleting the default second-factor phone makes the remaining second-factor phone the default', async () => {
      const user = await createUser({ email_address: [uniqueEmail()] });
      const first = await addPhone(user.id, uniquePhone(), { verified: true, reserved_for_second_factor: true });
      const second = await addPhone(user.id, uniquePhone(), { verified: true, reserved_for_second_factor: true });
      expect(first.default_second_factor).toBe(true);
      expect(second.default_second_factor).toBe(false);

      expectOk(await api('DELETE', `/v1/phone_numbers/${first.id}`));
      const after = await getUser(user.id);
      expect(after.two_factor_enabled).toBe(true);
      expect(after.phone_numbers).toHaveLength(1);
      expect(after.phone_numbers[0]).toMatchObject({ id: second.id, reserved_for_second_factor: true, default_second_factor: true });
    });

    it('an unknown id → 404', async () => {
      expectClerkError(await api('DELETE', '/v1/phone_numbers/idn_doesnotexist'), 404, 'resource_not_found');
    });
  });

  describe('PUT /v1/users/{user_id}/email_address', () => {
    it('replaces every email address with one verified primary by default', async () => {
      const oldA = uniqueEmail('old-a');
      const user = await createUser({ email_address: [oldA] });
      const oldB = await addEmail(user.id, uniqueEmail('old-b'), { verified: true });
      const replacement = uniqueEmail('Replacement').toUpperCase();

      const response = await api('PUT', `/v1/users/${user.id}/email_address`, { email_address: replacement });
      expectOk(response);
      expect(response.body).toMatchObject({
        object: 'email_address',
        email_address: replacement.toLowerCase(),
        reserved: false,
        verification: ADMIN_VERIFICATION,
      });

      const after = await getUser(user.id);
      expect(after.email_addresses).toHaveLength(1);
      expect(after.email_addresses[0]).toEqual(response.body);
      expect(after.primary_email_address_id).toBe(response.body.id);
      expect(await userIdsWith('email_address', replacement)).toEqual([user.id]);
      expect(await userIdsWith('email_address', oldA)).toEqual([]);
      expect(await userIdsWith('email_address', oldB.email_address)).toEqual([]);
      expectClerkError(await api('GET', `/v1/email_addresses/${user.primary_email_address_id}`), 404, 'resource_not_found');

      // The old addresses are free again.
      const other = await createUser({ email_address: [uniqueEmail()] });
      await addEmail(other.id, oldA, { verified: true });
    });

    it('identification_status verified is the same as the default', async () => {
      const user = await createUser({ email_address: [uniqueEmail()] });
      const response = await api('PUT', `/v1/users/${user.id}/email_address`, { email_address: uniqueEmail(), identification_status: 'verified' });
      expectOk(response);
      expect(response.body).toMatchObject({ reserved: false, verification: ADMIN_VERIFICATION });
    });

    it('identification_status reserved: reserved, unverified, and no one else can claim it', async () => {
      const user = await createUser({ email_address: [uniqueEmail()] });
      const address = uniqueEmail('reserved');
      const response = await api('PUT', `/v1/users/${user.id}/email_address`, { email_address: address, identification_status: 'reserved' });
      expectOk(response);
      expect(response.body).toMatchObject({ email_address: address, reserved: true, verification: null });

      const after = await getUser(user.id);
      expect(after.email_addresses).toEqual([response.body]);
      expect(after.primary_email_address_id).toBe(response.body.id);
      expect(await userIdsWith('email_address', address)).toEqual([user.id]);

      const other = await createUser({ email_address: [uniqueEmail()] });
      expectClerkError(await api('POST', '/v1/email_addresses', { user_id: other.id, email_address: address }), 422, 'form_identifier_exists', 'email_address');
      expectClerkError(await api('PUT', `/v1/users/${other.id}/email_address`, { email_address: address }), 422, 'form_identifier_exists', 'email_address');

      // Verifying it settles the reservation.
      const verified = await api('PATCH', `/v1/email_addresses/${response.body.id}`, { verified: true });
      expectOk(verified);
      expect(verified.body).toMatchObject({ reserved: false, verification: ADMIN_VERIFICATION });
    });

    it('identification_status unverified: neither reserved nor verified, and others may hold it too', async () => {
      const user = await createUser({ email_address: [uniqueEmail()] });
      const address = uniqueEmail('unverified');
      const response = await api('PUT', `/v1/users/${user.id}/email_address`, { email_address: address, identification_status: 'unverified' });
      expectOk(response);
      expect(response.body).toMatchObject({ email_address: address, reserved: false, verification: null });
      const after = await getUser(user.id);
      expect(after.email_addresses).toEqual([response.body]);
      expect(after.primary_email_address_id).toBe(response.body.id);

      const other = await createUser({ email_address: [uniqueEmail()] });
      await addEmail(other.id, address);
      expect(await userIdsWith('email_address', address)).toEqual([user.id, other.id].sort());
    });

    it("replacing with the user's own current address keeps just that one", async () => {
      const address = uniqueEmail('same');
      const user = await createUser({ email_address: [address] });
      await addEmail(user.id, uniqueEmail('extra'));
      const response = await api('PUT', `/v1/users/${user.id}/email_address`, { email_address: address });
      expectOk(response);
      const after = await getUser(user.id);
      expect(emailsOf(after)).toEqual([address]);
      expect(after.primary_email_address_id).toBe(response.body.id);
    });

    it('an address taken by another user → 422 form_identifier_exists, nothing changes', async () => {
      const taken = uniqueEmail('taken');
      const owner = await createUser({ email_address: [taken] });
      const mine = uniqueEmail('mine');
      const user = await createUser({ email_address: [mine] });
      expectClerkError(await api('PUT', `/v1/users/${user.id}/email_address`, { email_address: taken }), 422, 'form_identifier_exists', 'email_address');
      expectClerkError(
        await api('PUT', `/v1/users/${user.id}/email_address`, { email_address: taken, identification_status: 'reserved' }),
        422,
        'form_identifier_exists',
        'email_address',
      );
      const after = await getUser(user.id);
      expect(emailsOf(after)).toEqual([mine]);
      expect(after.primary_email_address_id).toBe(user.primary_email_address_id);
      expect(await userIdsWith('email_address', taken)).toEqual([owner.id]);
    });

    it('unknown user → 404; missing, invalid or unknown parameters → 422', async () => {
      expectClerkError(await api('PUT', '/v1/users/user_doesnotexist/email_address', { email_address: uniqueEmail() }), 404, 'resource_not_found');
      const user = await createUser({ email_address: [uniqueEmail()] });
      const url = `/v1/users/${user.id}/email_address`;
      expectClerkError(await api('PUT', url, {}), 422, 'form_param_missing', 'email_address');
      expectClerkError(await api('PUT', url, { identification_status: 'verified' }), 422, 'form_param_missing', 'email_address');
      expectClerkError(await api('PUT', url, { email_address: 'nope' }), 422, 'form_param_format_invalid', 'email_address');
      expectClerkError(await api('PUT', url, { email_address: uniqueEmail(), identification_status: 'pending' }), 422, 'form_param_value_invalid', 'identification_status');
      expectClerkError(await api('PUT', url, { email_address: uniqueEmail(), primary: true }), 422, 'form_param_unknown', 'primary');
      expect((await getUser(user.id)).email_addresses).toEqual(user.email_addresses);
    });
  });

  describe('PUT /v1/users/{user_id}/phone_number', () => {
    it('replaces every phone number with one verified primary by default', async () => {
      const oldA = uniquePhone();
      const user = await createUser({ email_address: [uniqueEmail()], phone_number: [oldA] });
      const oldB = await addPhone(user.id, uniquePhone());
      const digits = newPhoneDigits();

      const response = await api('PUT', `/v1/users/${user.id}/phone_number`, { phone_number: `+1 415 555 ${digits}` });
      expectOk(response);
      expect(response.body).toMatchObject({
        object: 'phone_number',
        phone_number: `+1415555${digits}`,
        reserved: false,
        reserved_for_second_factor: false,
        default_second_factor: false,
        verification: ADMIN_VERIFICATION,
      });

      const after = await getUser(user.id);
      expect(after.phone_numbers).toEqual([response.body]);
      expect(after.primary_phone_number_id).toBe(response.body.id);
      expect(after.email_addresses).toEqual(user.email_addresses);
      expect(await userIdsWith('phone_number', `+1415555${digits}`)).toEqual([user.id]);
      expect(await userIdsWith('phone_number', oldA)).toEqual([]);
      expect(await userIdsWith('phone_number', oldB.phone_number)).toEqual([]);
    });

    it('works for a user with no phone number yet', async () => {
      const user = await createUser({ email_address: [uniqueEmail()] });
      const number = uniquePhone();
      const response = await api('PUT', `/v1/users/${user.id}/phone_number`, { phone_number: number });
      expectOk(response);
      const after = await getUser(user.id);
      expect(phonesOf(after)).toEqual([number]);
      expect(after.primary_phone_number_id).toBe(response.body.id);
    });

    it('identification_status reserved and unverified', async () => {
      const user = await createUser({ email_address: [uniqueEmail()] });
      const reservedNumber = uniquePhone();
      const reserved = await api('PUT', `/v1/users/${user.id}/phone_number`, { phone_number: reservedNumber, identification_status: 'reserved' });
      expectOk(reserved);
      expect(reserved.body).toMatchObject({ phone_number: reservedNumber, reserved: true, verification: null });
      expect((await getUser(user.id)).primary_phone_number_id).toBe(reserved.body.id);

      const other = await createUser({ email_address: [uniqueEmail()] });
      expectClerkError(await api('POST', '/v1/phone_numbers', { user_id: other.id, phone_number: reservedNumber }), 422, 'form_identifier_exists', 'phone_number');

      const unverifiedNumber = uniquePhone();
      const unverified = await api('PUT', `/v1/users/${user.id}/phone_number`, { phone_number: unverifiedNumber, identification_status: 'unverified' });
      expectOk(unverified);
      expect(unverified.body).toMatchObject({ phone_number: unverifiedNumber, reserved: false, verification: null });
      const after = await getUser(user.id);
      expect(after.phone_numbers).toEqual([unverified.body]);
      expect(after.primary_phone_number_id).toBe(unverified.body.id);

      // The reservation went with the replaced number; the unverified one can be shared.
      await addPhone(other.id, reservedNumber);
      await addPhone(other.id, unverifiedNumber);
      expect(await userIdsWith('phone_number', unverifiedNumber)).toEqual([user.id, other.id].sort());
    });

    it('a number taken by another user → 422 form_identifier_exists; unknown user → 404; bad input → 422', async () => {
      const taken = uniquePhone();
      await createUser({ email_address: [uniqueEmail()], phone_number: [taken] });
      const mine = uniquePhone();
      const user = await createUser({ email_address: [uniqueEmail()], phone_number: [mine] });
      const url = `/v1/users/${user.id}/phone_number`;
      expectClerkError(await api('PUT', url, { phone_number: taken }), 422, 'form_identifier_exists', 'phone_number');
      expectClerkError(await api('PUT', '/v1/users/user_doesnotexist/phone_number', { phone_number: uniquePhone() }), 404, 'resource_not_found');
      expectClerkError(await api('PUT', url, {}), 422, 'form_param_missing', 'phone_number');
      expectClerkError(await api('PUT', url, { phone_number: '5550123' }), 422, 'form_param_format_invalid', 'phone_number');
      expectClerkError(await api('PUT', url, { phone_number: uniquePhone(), identification_status: 'maybe' }), 422, 'form_param_value_invalid', 'identification_status');
      expectClerkError(await api('PUT', url, { phone_number: uniquePhone(), email_address: uniqueEmail() }), 422, 'form_param_unknown', 'email_address');
      const after = await getUser(user.id);
      expect(phonesOf(after)).toEqual([mine]);
      expect(after.primary_phone_number_id).toBe(user.primary_phone_number_id);
    });
  });
});

describe('identification removal with no required identifier (ROSTER_REQUIRED_IDENTIFIERS="")', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ ROSTER_REQUIRED_IDENTIFIERS: '' });
  });
  afterAll(async () => server?.close());

  const { api, createUser, addEmail, getUser, userIdsWith } = helpers(() => server);

  it("deleting a username-less user's last identification → 400 identification_deletion_failed", async () => {
    const address = uniqueEmail('only');
    const user = await createUser({ email_address: [address] });
    expectClerkError(await api('DELETE', `/v1/email_addresses/${user.primary_email_address_id}`), 400, 'identification_deletion_failed');
    await expect(server.clerk.emailAddresses.deleteEmailAddress(user.primary_email_address_id)).rejects.toMatchObject({
      status: 400,
      errors: [{ code: 'identification_deletion_failed' }],
    });
    expect((await getUser(user.id)).email_addresses).toEqual(user.email_addresses);
    expect(await userIdsWith('email_address', address)).toEqual([user.id]);

    const phoneOnly = await createUser({ phone_number: [uniquePhone()] });
    expectClerkError(await api('DELETE', `/v1/phone_numbers/${phoneOnly.primary_phone_number_id}`), 400, 'identification_deletion_failed');
    expect((await getUser(phoneOnly.id)).phone_numbers).toEqual(phoneOnly.phone_numbers);
  });

  it('the last email address can go while the user still has a phone; then the phone cannot', async () => {
    const address = uniqueEmail('with-phone');
    const user = await createUser({ email_address: [address], phone_number: [uniquePhone()] });
    const response = await api('DELETE', `/v1/email_addresses/${user.primary_email_address_id}`);
    expectOk(response);
    expect(response.body).toEqual({ object: 'email_address', id: user.primary_email_address_id, deleted: true });

    const after = await getUser(user.id);
    expect(after.email_addresses).toEqual([]);
    expect(after.primary_email_address_id).toBeNull();
    expect(after.phone_numbers).toEqual(user.phone_numbers);
    expect(await userIdsWith('email_address', address)).toEqual([]);

    expectClerkError(await api('DELETE', `/v1/phone_numbers/${user.primary_phone_number_id}`), 400, 'identification_deletion_failed');
    expect((await getUser(user.id)).phone_numbers).toEqual(user.phone_numbers);
  });

  it('the last identification can go while the user has a username', async () => {
    const user = await createUser({ email_address: [uniqueEmail('with-username')], username: uniqueUsername('named') });
    const deleted = await server.clerk.emailAddresses.deleteEmailAddress(user.primary_email_address_id);
    expect(deleted.deleted).toBe(true);
    const after = await getUser(user.id);
    expect(after.email_addresses).toEqual([]);
    expect(after.primary_email_address_id).toBeNull();
    expect(after.username).toBe(user.username);

    // A new first address becomes primary again.
    const created = await addEmail(user.id, uniqueEmail('again'));
    expect((await getUser(user.id)).primary_email_address_id).toBe(created.id);
  });
});

describe('identification changes to one user run one after the other (PostgreSQL included)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server.close());

  it('two parallel deletes of a user\'s only two emails (email required): one succeeds, one is refused', async () => {
    for (let round = 0; round < 5; round++) {
      const user = (await server.api('POST', '/v1/users', { email_address: [uniqueEmail('a'), uniqueEmail('b')] })).body;
      const [first, second] = user.email_addresses.map((email: { id: string }) => email.id);
      const answers = await Promise.all([first, second].map((id) => server.api('DELETE', `/v1/email_addresses/${id}`)));
      expect(answers.map((answer) => answer.status).sort()).toEqual([200, 400]);
      const after = (await server.api('GET', `/v1/users/${user.id}`)).body;
      expect(after.email_addresses).toHaveLength(1);
      expect(after.primary_email_address_id).toBe(after.email_addresses[0].id);
    }
  });

  it('two parallel second-factor reservations on one user never answer 500 and leave one default', async () => {
    const user = (await server.api('POST', '/v1/users', { email_address: [uniqueEmail()], phone_number: [uniquePhone(), uniquePhone()] })).body;
    const answers = await Promise.all(
      user.phone_numbers.map((phone: { id: string }) =>
        server.api('PATCH', `/v1/phone_numbers/${phone.id}`, { reserved_for_second_factor: true }),
      ),
    );
    expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
    const phones = (await server.api('GET', `/v1/users/${user.id}`)).body.phone_numbers;
    expect(phones.filter((phone: { default_second_factor: boolean }) => phone.default_second_factor)).toHaveLength(1);
  });
});
