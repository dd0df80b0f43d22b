// POST /v1/users: email addresses, phone numbers, web3 wallets and usernames (normalised, ordered, primary,
// verified or reserved), and the instance's identifier requirements.
import { describe, expect, it } from 'vitest';
import { createUserHelpers, phone } from '../../../helpers/create-user-helpers.js';
import { uniqueEmail, uniqueTag, uniqueUsername, uniqueWallet } from '../../../helpers/fixtures.js';
import { useTestServer } from '../../../helpers/test-server.js';

const server = useTestServer();
const { createRaw, expectRejected } = createUserHelpers(() => server);

describe('POST /v1/users: identifications', () => {
  it('normalises email addresses (trimmed, lower-cased), keeps their order and makes the first primary and verified', async () => {
    const first = uniqueEmail('Ann.Lee');
    const second = uniqueEmail('ann.work');
    const res = await createRaw({ email_address: [`  ${first.toUpperCase()} `, second] });
    expect(res.status).toBe(200);
    const user = res.body;
    expect(user.object).toBe('user');
    expect(user.email_addresses.map((e: any) => e.email_address)).toEqual([first.toLowerCase(), second.toLowerCase()]);
    expect(user.primary_email_address_id).toBe(user.email_addresses[0].id);
    for (const address of user.email_addresses) {
      expect(address.object).toBe('email_address');
      expect(address.reserved).toBe(false);
      expect(address.verification).toMatchObject({ status: 'verified', strategy: 'admin' });
    }
    const found = await server.api('GET', `/v1/users?email_address=${encodeURIComponent(first.toLowerCase())}`);
    expect(found.body.map((u: any) => u.id)).toEqual([user.id]);
  });

  it('normalises phone numbers to E.164 and makes the first primary', async () => {
    const a = phone();
    const b = phone();
    const res = await createRaw({ email_address: [uniqueEmail()], phone_number: [a.spaced, `+1 (415) 555-${b.e164.slice(-4)}`] });
    expect(res.status).toBe(200);
    expect(res.body.phone_numbers.map((p: any) => p.phone_number)).toEqual([a.e164, b.e164]);
    expect(res.body.primary_phone_number_id).toBe(res.body.phone_numbers[0].id);
    expect(res.body.phone_numbers[0]).toMatchObject({ object: 'phone_number', reserved: false, reserved_for_second_factor: false });
    expect(res.body.phone_numbers[0].verification).toMatchObject({ status: 'verified', strategy: 'admin' });
  });

  it("normalises '+1 415 555 2671' to '+14155552671'", async () => {
    const res = await createRaw({ email_address: [uniqueEmail()], phone_number: ['+1 415 555 2671'] });
    expect(res.status).toBe(200);
    expect(res.body.phone_numbers[0].phone_number).toBe('+14155552671');
  });

  it('lower-cases web3 wallets and makes the first primary', async () => {
    const a = uniqueWallet();
    const b = uniqueWallet();
    const res = await createRaw({ email_address: [uniqueEmail()], web3_wallet: [`0x${a.slice(2).toUpperCase()}`, b] });
    expect(res.status).toBe(200);
    expect(res.body.web3_wallets.map((w: any) => w.web3_wallet)).toEqual([a, b]);
    expect(res.body.primary_web3_wallet_id).toBe(res.body.web3_wallets[0].id);
    expect(res.body.web3_wallets[0].object).toBe('web3_wallet');
  });

  it('stores the username as given and treats it case-insensitively for uniqueness', async () => {
    const name = `Mixed_Case-${uniqueTag()}`;
    const res = await createRaw({ email_address: [uniqueEmail()], username: name });
    expect(res.status).toBe(200);
    expect(res.body.username).toBe(name);
    await expectRejected({ email_address: [uniqueEmail()], username: name.toLowerCase() }, 422, 'form_identifier_exists', 'username');
    await expectRejected({ email_address: [uniqueEmail()], username: name.toUpperCase() }, 422, 'form_identifier_exists', 'username');
  });

  it('creates reserved email addresses and phone numbers: reserved true, verification null', async () => {
    const verified = uniqueEmail('verified');
    const reserved = uniqueEmail('reserved');
    const p1 = phone();
    const p2 = phone();
    const res = await createRaw({
      email_address: [verified, reserved],
      email_address_identification_status: ['verified', 'reserved'],
      phone_number: [p1.e164, p2.e164],
      phone_number_identification_status: ['verified', 'reserved'],
    });
    expect(res.status).toBe(200);
    const [e1, e2] = res.body.email_addresses;
    expect(e1).toMatchObject({ email_address: verified, reserved: false, verification: { status: 'verified' } });
    expect(e2).toMatchObject({ email_address: reserved, reserved: true, verification: null });
    const [n1, n2] = res.body.phone_numbers;
    expect(n1).toMatchObject({ phone_number: p1.e164, reserved: false, verification: { status: 'verified' } });
    expect(n2).toMatchObject({ phone_number: p2.e164, reserved: true, verification: null });
    expect(res.body.primary_email_address_id).toBe(e1.id);
  });

  it('refuses identification statuses whose length does not match the identifiers', async () => {
    await expectRejected(
      { email_address: [uniqueEmail(), uniqueEmail()], email_address_identification_status: ['verified'] },
      422,
      'form_param_array_length_mismatch',
      'email_address_identification_status',
    );
    await expectRejected(
      { email_address: [uniqueEmail()], phone_number: [phone().e164], phone_number_identification_status: ['reserved', 'verified'] },
      422,
      'form_param_array_length_mismatch',
      'phone_number_identification_status',
    );
  });

  it('refuses an identification status other than verified or reserved', async () => {
    await expectRejected(
      { email_address: [uniqueEmail()], email_address_identification_status: ['unverified'] },
      422,
      'form_param_value_invalid',
      'email_address_identification_status',
    );
  });
});

describe('POST /v1/users: instance requirements', () => {
  it('requires an email address by default (form_data_missing naming email_address)', async () => {
    for (const body of [{ first_name: 'Nobody', username: uniqueUsername() }, { phone_number: [phone().e164] }, { email_address: [] }]) {
      const res = await expectRejected(body, 422, 'form_data_missing');
      // Clerk's UserDataMissing carries the missing names (`Names` in its error index); Roster says param_name.
      const meta = res.body.errors[0].meta ?? {};
      expect([meta.param_name, ...(meta.param_names ?? [])]).toContain('email_address');
    }
  });

  it('creates a user without the required identifier when skip_user_requirement is true', async () => {
    const name = uniqueUsername();
    const res = await createRaw({ username: name, skip_user_requirement: true });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ username: name, email_addresses: [], primary_email_address_id: null });
    const phoneOnly = phone();
    const byPhone = await createRaw({ phone_number: [phoneOnly.e164], skip_user_requirement: true });
    expect(byPhone.status).toBe(200);
    expect(byPhone.body.phone_numbers[0].phone_number).toBe(phoneOnly.e164);
  });

  it('still requires at least one identifier with skip_user_requirement (the spec: one must be provided)', async () => {
    await expectRejected({ first_name: 'Bare', skip_user_requirement: true }, 422, 'form_data_missing');
  });

  it('accepts skip_password_requirement without a password', async () => {
    const res = await createRaw({ email_address: [uniqueEmail()], skip_password_requirement: true });
    expect(res.status).toBe(200);
    expect(res.body.password_enabled).toBe(false);
  });
});
