// PUT /v1/users/{user_id}/email_address and PUT /v1/users/{user_id}/phone_number: replacing every address or
// number of a user with one, verified, reserved or unverified.
import { describe, expect, it } from 'vitest';
import { expectClerkError, expectOk } from '../../helpers/assertions.js';
import { ADMIN_VERIFICATION, contactHelpers, newPhoneDigits } from '../../helpers/contact-helpers.js';
import { uniqueEmail, uniquePhone } from '../../helpers/fixtures.js';
import { useTestServer } from '../../helpers/test-server.js';

describe('email addresses and phone numbers (default config: email address required)', () => {
  const server = useTestServer();
  const { api, createUser, addEmail, addPhone, getUser, emailsOf, phonesOf, userIdsWith } = contactHelpers(() => server);

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
