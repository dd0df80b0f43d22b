// DELETE /v1/email_addresses/{id} and DELETE /v1/phone_numbers/{id}: the deleted object, which address or
// number becomes primary, and which identification may not go (required ones, a user's last one), also
// under parallel deletes. Second-factor phones: second-factor-phones.test.ts.
import { describe, expect, it } from 'vitest';
import { expectClerkError, expectOk } from '../../helpers/assertions.js';
import { contactHelpers } from '../../helpers/contact-helpers.js';
import { uniqueEmail, uniquePhone, uniqueUsername } from '../../helpers/fixtures.js';
import { useTestServer } from '../../helpers/test-server.js';

describe('email addresses and phone numbers (default config: email address required)', () => {
  const server = useTestServer();
  const { api, createUser, addEmail, addPhone, getUser, emailsOf, phonesOf, userIdsWith } = contactHelpers(() => server);

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

    it('an unknown id → 404', async () => {
      expectClerkError(await api('DELETE', '/v1/phone_numbers/idn_doesnotexist'), 404, 'resource_not_found');
    });
  });
});

describe('identification removal with no required identifier (ROSTER_REQUIRED_IDENTIFIERS="")', () => {
  const server = useTestServer({ ROSTER_REQUIRED_IDENTIFIERS: '' });
  const { api, createUser, addEmail, getUser, userIdsWith } = contactHelpers(() => server);

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
  const server = useTestServer();

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
});
