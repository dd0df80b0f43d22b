// Phones reserved for second factor: reserving needs a verified number, the first one is the default second
// factor and turns two_factor_enabled on, deleting moves the default or turns it off; parallel reservations.
import { describe, expect, it } from 'vitest';
import { expectClerkError, expectOk } from '../../helpers/assertions.js';
import { contactHelpers } from '../../helpers/contact-helpers.js';
import { uniqueEmail, uniquePhone } from '../../helpers/fixtures.js';
import { useTestServer } from '../../helpers/test-server.js';

describe('email addresses and phone numbers (default config: email address required)', () => {
  const server = useTestServer();
  const { api, createUser, addPhone, getUser, userIdsWith } = contactHelpers(() => server);

  describe('POST /v1/phone_numbers', () => {
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

  describe('PATCH /v1/phone_numbers/{id}', () => {
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
  });

  describe('DELETE /v1/phone_numbers/{id}', () => {
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
  });
});

describe('identification changes to one user run one after the other (PostgreSQL included)', () => {
  const server = useTestServer();

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
