// Phone numbers as resources: POST /v1/phone_numbers and PATCH /v1/phone_numbers/{id} (creating, normalising
// to E.164, verifying and making primary), raw HTTP and @clerk/backend. Second-factor phones:
// second-factor-phones.test.ts; who may hold a number: identifier-uniqueness.test.ts.
import { describe, expect, it } from 'vitest';
import { expectClerkError, expectOk } from '../../helpers/assertions.js';
import { ADMIN_VERIFICATION, contactHelpers, newPhoneDigits } from '../../helpers/contact-helpers.js';
import { uniqueEmail, uniquePhone } from '../../helpers/fixtures.js';
import { useTestServer } from '../../helpers/test-server.js';

describe('email addresses and phone numbers (default config: email address required)', () => {
  const server = useTestServer();
  const { api, createUser, addPhone, getUser, phonesOf, userIdsWith } = contactHelpers(() => server);

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

    it('an unknown id → 404', async () => {
      expectClerkError(await api('PATCH', '/v1/phone_numbers/idn_doesnotexist', { verified: true }), 404, 'resource_not_found');
      await expect(server.clerk.phoneNumbers.updatePhoneNumber('idn_doesnotexist', { verified: true })).rejects.toMatchObject({
        status: 404,
        errors: [{ code: 'resource_not_found' }],
      });
    });
  });
});
