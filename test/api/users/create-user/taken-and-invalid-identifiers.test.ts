// POST /v1/users refuses identifiers another user holds (reserved ones included), duplicates within one request
// and malformed ones, leaving no trace behind.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { expectClerkError } from '../../../helpers/assertions.js';
import { createUserHelpers, phone } from '../../../helpers/create-user-helpers.js';
import { uniqueEmail, uniqueTag, uniqueUsername, uniqueWallet } from '../../../helpers/fixtures.js';
import { useTestServer } from '../../../helpers/test-server.js';

const server = useTestServer();
const { createRaw, userCount, expectRejected } = createUserHelpers(() => server);

describe('POST /v1/users: taken and invalid identifiers', () => {
  it('refuses an email address another user holds, whatever its case (form_identifier_exists)', async () => {
    const address = uniqueEmail('taken');
    expect((await createRaw({ email_address: [address] })).status).toBe(200);
    const before = await userCount();
    const res = await createRaw({ email_address: [` ${address.toUpperCase()}`] });
    expectClerkError(res, 422, 'form_identifier_exists', 'email_address');
    expect(await userCount()).toBe(before);
  });

  it('refuses a taken email address in second position and leaves the first one free', async () => {
    const taken = uniqueEmail('taken');
    expect((await createRaw({ email_address: [taken] })).status).toBe(200);
    await expectRejected({ email_address: [uniqueEmail('fresh'), taken] }, 422, 'form_identifier_exists', 'email_address');
  });

  it('refuses a phone number another user holds, however it is written', async () => {
    const number = phone();
    expect((await createRaw({ email_address: [uniqueEmail()], phone_number: [number.e164] })).status).toBe(200);
    await expectRejected({ email_address: [uniqueEmail()], phone_number: [number.spaced] }, 422, 'form_identifier_exists', 'phone_number');
  });

  it('refuses a web3 wallet another user holds, whatever its case', async () => {
    const address = uniqueWallet();
    expect((await createRaw({ email_address: [uniqueEmail()], web3_wallet: [address] })).status).toBe(200);
    await expectRejected(
      { email_address: [uniqueEmail()], web3_wallet: [`0x${address.slice(2).toUpperCase()}`] },
      422,
      'form_identifier_exists',
      'web3_wallet',
    );
  });

  it('refuses a username another user holds, whatever its case', async () => {
    const name = uniqueUsername('Taken');
    expect((await createRaw({ email_address: [uniqueEmail()], username: name })).status).toBe(200);
    await expectRejected({ email_address: [uniqueEmail()], username: name.toUpperCase() }, 422, 'form_identifier_exists', 'username');
  });

  it('refuses the same email address twice in one request', async () => {
    const address = uniqueEmail('twice');
    await expectRejected({ email_address: [address, address.toUpperCase()] }, 422, 'form_identifier_exists', 'email_address');
  });

  it('refuses the same phone number twice in one request', async () => {
    const number = phone();
    await expectRejected({ email_address: [uniqueEmail()], phone_number: [number.e164, number.spaced] }, 422, 'form_identifier_exists', 'phone_number');
  });

  it("does not let user B take user A's reserved email address or phone number", async () => {
    const address = uniqueEmail('reserved');
    const number = phone();
    const a = await createRaw({
      email_address: [uniqueEmail(), address],
      email_address_identification_status: ['verified', 'reserved'],
      phone_number: [number.e164],
      phone_number_identification_status: ['reserved'],
    });
    expect(a.status).toBe(200);
    await expectRejected({ email_address: [address] }, 422, 'form_identifier_exists', 'email_address', false);
    await expectRejected({ email_address: [uniqueEmail()], phone_number: [number.e164] }, 422, 'form_identifier_exists', 'phone_number');
  });

  it('refuses malformed email addresses with form_param_format_invalid', async () => {
    for (const bad of ['not-an-email', 'a@b', 'Ann <a@b.com>', 'a@@b.com', '', ' ']) {
      const before = await userCount();
      const res = await createRaw({ email_address: [bad] });
      expectClerkError(res, 422, 'form_param_format_invalid', 'email_address');
      expect(await userCount()).toBe(before);
    }
  });

  it('refuses a malformed email address after a valid one, leaving the valid one free', async () => {
    await expectRejected({ email_address: [uniqueEmail('valid'), 'nope'] }, 422, 'form_param_format_invalid', 'email_address');
  });

  it('refuses malformed phone numbers with form_param_format_invalid', async () => {
    for (const bad of ['12345', '+1 555', '+1415555267', 'call me']) {
      await expectRejected({ email_address: [uniqueEmail()], phone_number: [bad] }, 422, 'form_param_format_invalid', 'phone_number');
    }
  });

  it('refuses malformed web3 wallets with form_param_format_invalid', async () => {
    const shortHex = `0x${randomBytes(19).toString('hex')}`;
    for (const bad of ['0x123', shortHex, `0x${'z'.repeat(40)}`, randomBytes(20).toString('hex'), 'wallet']) {
      await expectRejected({ email_address: [uniqueEmail()], web3_wallet: [bad] }, 422, 'form_param_format_invalid', 'web3_wallet');
    }
  });

  it("applies Clerk's username rules", async () => {
    const cases: [string, string][] = [
      ['abc', 'form_username_invalid_length'],
      ['x'.repeat(65), 'form_username_invalid_length'],
      ['bad name!', 'form_username_invalid_character'],
      ['ann@home', 'form_username_invalid_character'],
      ['123456', 'form_username_needs_non_number_char'],
    ];
    for (const [name, code] of cases) {
      await expectRejected({ email_address: [uniqueEmail()], username: name }, 422, code, 'username');
    }
    const ok = await createRaw({ email_address: [uniqueEmail()], username: `a-b_${uniqueTag()}` });
    expect(ok.status).toBe(200);
  });
});
