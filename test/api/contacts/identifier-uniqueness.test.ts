// Who may hold an email address or phone number: a verified (or reserved) one belongs to one user only, an
// unverified one may be shared until one holder verifies it, and concurrent verifications pick one winner.
import { describe, expect, it } from 'vitest';
import { expectClerkError, expectOk } from '../../helpers/assertions.js';
import { ADMIN_VERIFICATION, contactHelpers } from '../../helpers/contact-helpers.js';
import { uniqueEmail, uniquePhone } from '../../helpers/fixtures.js';
import { useTestServer } from '../../helpers/test-server.js';

describe('email addresses and phone numbers (default config: email address required)', () => {
  const server = useTestServer();
  const { api, createUser, addEmail, addPhone, getUser, emailsOf, phonesOf, userIdsWith } = contactHelpers(() => server);

  describe('POST /v1/email_addresses', () => {
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
  });
});
