// Email addresses as resources: POST /v1/email_addresses and PATCH /v1/email_addresses/{id} (creating,
// normalising, verifying and making primary), raw HTTP and @clerk/backend. Who may hold an address:
// identifier-uniqueness.test.ts; deleting: removal.test.ts; replacing all: replacement.test.ts.
import { describe, expect, it } from 'vitest';
import { expectClerkError, expectOk } from '../../helpers/assertions.js';
import { ADMIN_VERIFICATION, contactHelpers } from '../../helpers/contact-helpers.js';
import { uniqueEmail, uniqueTag, uniqueUsername } from '../../helpers/fixtures.js';
import { useTestServer } from '../../helpers/test-server.js';

describe('email addresses and phone numbers (default config: email address required)', () => {
  const server = useTestServer();
  const { api, tick, createUser, addEmail, getUser, emailsOf, userIdsWith } = contactHelpers(() => server);

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
});
