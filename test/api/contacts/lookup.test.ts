// GET /v1/email_addresses/{id} and GET /v1/phone_numbers/{id}, raw HTTP and @clerk/backend.
import { describe, expect, it } from 'vitest';
import { expectClerkError, expectOk } from '../../helpers/assertions.js';
import { contactHelpers } from '../../helpers/contact-helpers.js';
import { uniqueEmail, uniquePhone } from '../../helpers/fixtures.js';
import { useTestServer } from '../../helpers/test-server.js';

describe('email addresses and phone numbers (default config: email address required)', () => {
  const server = useTestServer();
  const { api, createUser, getUser } = contactHelpers(() => server);

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
});
