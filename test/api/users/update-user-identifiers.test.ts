// PATCH /v1/users/{user_id}: external_id, username (and when it may be removed), and the primary email address,
// phone number and web3 wallet.
import { describe, expect, it } from 'vitest';
import { expectClerkError } from '../../helpers/assertions.js';
import { uniqueEmail, uniquePhone, uniqueTag, uniqueUsername, uniqueWallet } from '../../helpers/fixtures.js';
import { useTestServer } from '../../helpers/test-server.js';
import { userHelpers } from '../../helpers/user-helpers.js';

describe('GET, PATCH and DELETE /v1/users/{user_id}', () => {
  const server = useTestServer();
  const { createUser, getUser, patchUser } = userHelpers(() => server);

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
  });
});

describe('PATCH /v1/users/{user_id} username removal when usernames are required', () => {
  const server = useTestServer({ ROSTER_REQUIRED_IDENTIFIERS: 'username' });

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
