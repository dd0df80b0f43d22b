// POST /v1/users — every body field of Clerk's CreateUser, its errors, the SDK, and concurrent creates.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectClerkError, expectSdkError } from '../../helpers/assertions.js';
import { uniqueEmail, uniquePhone, uniqueTag, uniqueUsername, uniqueWallet } from '../../helpers/fixtures.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

/** A fresh valid number (see uniquePhone); `spaced` gives the human-written form `+1 415 555 XXXX`. */
function phone(): { e164: string; spaced: string } {
  const e164 = uniquePhone();
  return { e164, spaced: `+1 415 555 ${e164.slice(-4)}` };
}

const createRaw = (body: unknown) => server.api('POST', '/v1/users', body);

async function userCount(): Promise<number> {
  const res = await server.api('GET', '/v1/users/count');
  expect(res.status).toBe(200);
  return res.body.total_count as number;
}

/** A failed create leaves no rows: the count is unchanged and the identifier can still be used. */
async function expectNoTrace(countBefore: number, emailAddress: string): Promise<void> {
  expect(await userCount()).toBe(countBefore);
  const lookup = await server.api('GET', `/v1/users?email_address=${encodeURIComponent(emailAddress)}`);
  expect(lookup.status).toBe(200);
  expect(lookup.body).toEqual([]);
  const retry = await createRaw({ email_address: [emailAddress] });
  expect(retry.status, JSON.stringify(retry.body)).toBe(200);
  expect(retry.body.email_addresses[0].email_address).toBe(emailAddress.trim().toLowerCase());
}

/**
 * Runs a create that must fail, then checks nothing was left behind: the count is unchanged and, unless
 * `checkReuse` is false (the address is legitimately someone else's), the first email can still be used.
 */
async function expectRejected(body: Record<string, unknown>, status: number, code: string, paramName?: string, checkReuse = true) {
  const before = await userCount();
  const res = await createRaw(body);
  expectClerkError(res, status, code, paramName);
  const first = (body.email_address as string[] | undefined)?.[0];
  if (checkReuse && typeof first === 'string' && /^[^@\s]+@[^@\s]+\.[a-z]+$/i.test(first.trim())) await expectNoTrace(before, first);
  else expect(await userCount()).toBe(before);
  return res;
}

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

describe('POST /v1/users: profile fields', () => {
  it('stores first name, last name and a valid BCP-47 locale', async () => {
    for (const locale of ['en', 'en-US', 'zh-Hant-TW']) {
      const res = await createRaw({ email_address: [uniqueEmail()], first_name: 'Ann', last_name: 'Lee', locale });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ first_name: 'Ann', last_name: 'Lee', locale });
    }
  });

  it('leaves optional fields null or default when omitted, and accepts explicit nulls', async () => {
    const res = await createRaw({ email_address: [uniqueEmail()], first_name: null, last_name: null, locale: null, external_id: null, username: null });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      first_name: null,
      last_name: null,
      locale: null,
      external_id: null,
      username: null,
      phone_numbers: [],
      web3_wallets: [],
      primary_phone_number_id: null,
      primary_web3_wallet_id: null,
      public_metadata: {},
      private_metadata: {},
      unsafe_metadata: {},
      password_enabled: false,
      password_last_updated_at: null,
      banned: false,
      locked: false,
      lockout_expires_in_seconds: null,
      legal_accepted_at: null,
      delete_self_enabled: true,
      create_organization_enabled: true,
      create_organizations_limit: null,
      bypass_client_trust: false,
    });
  });

  it('refuses a locale that is not a BCP-47 tag with form_param_format_invalid', async () => {
    for (const locale of ['not a locale', '!!', 'en-']) {
      await expectRejected({ email_address: [uniqueEmail()], locale }, 422, 'form_param_format_invalid', 'locale');
    }
  });

  it('stores external_id and refuses a second user with the same one', async () => {
    const externalId = `ext-${uniqueTag()}`;
    const res = await createRaw({ email_address: [uniqueEmail()], external_id: externalId });
    expect(res.status).toBe(200);
    expect(res.body.external_id).toBe(externalId);
    await expectRejected({ email_address: [uniqueEmail()], external_id: externalId }, 422, 'form_identifier_exists', 'external_id');
  });

  it("treats external_id '' as none, so it blocks nobody", async () => {
    for (let i = 0; i < 2; i++) {
      const res = await createRaw({ email_address: [uniqueEmail()], external_id: '' });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.external_id).toBeNull();
    }
  });

  it('stores the three metadata objects, nested values included', async () => {
    const publicMetadata = { plan: 'pro', limits: { seats: 5, features: ['a', 'b'] } };
    const privateMetadata = { stripe: { customer: 'cus_123' }, flag: true };
    const unsafeMetadata = { theme: 'dark', nothing: null };
    const res = await createRaw({
      email_address: [uniqueEmail()],
      public_metadata: publicMetadata,
      private_metadata: privateMetadata,
      unsafe_metadata: unsafeMetadata,
    });
    expect(res.status).toBe(200);
    expect(res.body.public_metadata).toEqual(publicMetadata);
    expect(res.body.private_metadata).toEqual(privateMetadata);
    expect(res.body.unsafe_metadata).toEqual(unsafeMetadata);
    const fetched = await server.api('GET', `/v1/users/${res.body.id}`);
    expect(fetched.body.private_metadata).toEqual(privateMetadata);
  });

  it('stores created_at from an RFC 3339 timestamp', async () => {
    const cases: [string, number][] = [
      ['2020-01-02T03:04:05Z', Date.UTC(2020, 0, 2, 3, 4, 5)],
      ['2021-06-01T12:00:00.250+02:00', Date.UTC(2021, 5, 1, 10, 0, 0, 250)],
    ];
    for (const [createdAt, expected] of cases) {
      const res = await createRaw({ email_address: [uniqueEmail()], created_at: createdAt });
      expect(res.status).toBe(200);
      expect(res.body.created_at).toBe(expected);
    }
  });

  it('refuses a created_at that is not an RFC 3339 date-time', async () => {
    for (const createdAt of ['yesterday', '2020-01-02', '2020-13-01T00:00:00Z', '1577934245000']) {
      await expectRejected({ email_address: [uniqueEmail()], created_at: createdAt }, 422, 'form_param_value_invalid', 'created_at');
    }
  });

  it('refuses a created_at on a day that does not exist (2021-02-30)', async () => {
    await expectRejected({ email_address: [uniqueEmail()], created_at: '2021-02-30T00:00:00Z' }, 422, 'form_param_value_invalid', 'created_at');
  });

  it('stores legal_accepted_at and accepts skip_legal_checks', async () => {
    const res = await createRaw({ email_address: [uniqueEmail()], legal_accepted_at: '2024-05-06T07:08:09.123Z', skip_legal_checks: true });
    expect(res.status).toBe(200);
    expect(res.body.legal_accepted_at).toBe(Date.UTC(2024, 4, 6, 7, 8, 9, 123));
    const skipped = await createRaw({ email_address: [uniqueEmail()], skip_legal_checks: true });
    expect(skipped.status).toBe(200);
    expect(skipped.body.legal_accepted_at).toBeNull();
  });

  it('refuses an invalid legal_accepted_at', async () => {
    await expectRejected({ email_address: [uniqueEmail()], legal_accepted_at: 'last week' }, 422, 'form_param_value_invalid', 'legal_accepted_at');
  });

  it('stores delete_self_enabled, create_organization_enabled, create_organizations_limit and bypass_client_trust', async () => {
    const res = await createRaw({
      email_address: [uniqueEmail()],
      delete_self_enabled: false,
      create_organization_enabled: false,
      create_organizations_limit: 3,
      bypass_client_trust: true,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      delete_self_enabled: false,
      create_organization_enabled: false,
      create_organizations_limit: 3,
      bypass_client_trust: true,
    });
  });

  it('creates a banned user', async () => {
    const res = await createRaw({ email_address: [uniqueEmail()], banned: true });
    expect(res.status).toBe(200);
    expect(res.body.banned).toBe(true);
    const banned = await server.api('GET', `/v1/users?banned=true&user_id=${res.body.id}`);
    expect(banned.body.map((u: any) => u.id)).toEqual([res.body.id]);
  });

  it('creates a locked user with the default lockout policy (one hour, 10 attempts)', async () => {
    const res = await createRaw({ email_address: [uniqueEmail()], locked: true });
    expect(res.status).toBe(200);
    expect(res.body.locked).toBe(true);
    expect(res.body.lockout_expires_in_seconds).toBeGreaterThan(3590);
    expect(res.body.lockout_expires_in_seconds).toBeLessThanOrEqual(3600);
    expect(res.body.verification_attempts_remaining).toBe(10);
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

describe('POST /v1/users: password', () => {
  it('sets a password: password_enabled and password_last_updated_at', async () => {
    const res = await createRaw({ email_address: [uniqueEmail()], password: 'correct horse battery staple 42' });
    expect(res.status).toBe(200);
    expect(res.body.password_enabled).toBe(true);
    expect(res.body.password_last_updated_at).toBe(server.clock.nowMs());
    expect(JSON.stringify(res.body)).not.toContain('correct horse');
  });

  it('refuses a password shorter than 8 characters', async () => {
    await expectRejected({ email_address: [uniqueEmail()], password: 'x9!Qz' }, 422, 'form_password_length_too_short', 'password');
  });

  it('refuses breached passwords with form_password_pwned', async () => {
    for (const password of ['password123', '12345678']) {
      await expectRejected({ email_address: [uniqueEmail()], password }, 422, 'form_password_pwned', 'password');
    }
  });

  it('accepts exactly 72 bytes and refuses more (form_password_size_in_bytes_exceeded), multi-byte characters counted in bytes', async () => {
    const ok = await createRaw({ email_address: [uniqueEmail()], password: `${'k7'.repeat(35)}Zq` });
    expect(ok.status).toBe(200);
    await expectRejected({ email_address: [uniqueEmail()], password: 'k'.repeat(73) }, 422, 'form_password_size_in_bytes_exceeded', 'password');
    // 37 characters, 74 bytes.
    await expectRejected({ email_address: [uniqueEmail()], password: 'é'.repeat(37) }, 422, 'form_password_size_in_bytes_exceeded', 'password');
  });

  it('skip_password_checks allows a short or breached password, but never more than 72 bytes', async () => {
    for (const password of ['abc', 'password123']) {
      const res = await createRaw({ email_address: [uniqueEmail()], password, skip_password_checks: true });
      expect(res.status).toBe(200);
      expect(res.body.password_enabled).toBe(true);
    }
    await expectRejected(
      { email_address: [uniqueEmail()], password: 'z'.repeat(73), skip_password_checks: true },
      422,
      'form_password_size_in_bytes_exceeded',
      'password',
    );
  });
});

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

describe('POST /v1/users: malformed requests', () => {
  it('refuses an unknown body parameter with form_param_unknown', async () => {
    await expectRejected({ email_address: [uniqueEmail()], favourite_colour: 'teal' }, 422, 'form_param_unknown', 'favourite_colour');
  });

  const wrongTypes: [string, unknown][] = [
    ['first_name', 5],
    ['last_name', { a: 1 }],
    ['email_address', 'x'],
    ['phone_number', [14155550100]],
    ['banned', 'yes'],
    ['locked', 1],
    ['create_organizations_limit', 'many'],
    ['create_organizations_limit', 1.5],
    ['public_metadata', []],
    ['public_metadata', 'x'],
    ['private_metadata', 7],
    ['unsafe_metadata', true],
    ['email_address_identification_status', 'verified'],
  ];
  it.each(wrongTypes)('refuses %s = %j with form_param_type_invalid', async (param, value) => {
    const address = uniqueEmail();
    const body = param === 'email_address' ? { email_address: value } : { email_address: [address], [param]: value };
    const before = await userCount();
    const res = await createRaw(body);
    expectClerkError(res, 422, 'form_param_type_invalid', param);
    if (param === 'email_address') expect(await userCount()).toBe(before);
    else await expectNoTrace(before, address);
  });

  it('refuses malformed JSON with 400 request_body_invalid', async () => {
    const before = await userCount();
    const res = await createRaw('{"email_address": [');
    expectClerkError(res, 400, 'request_body_invalid');
    expect(await userCount()).toBe(before);
  });

  it.each(['[]', `[{"email_address":["array-${randomBytes(3).toString('hex')}@example.com"]}]`, '"user"', '42', 'true'])(
    'answers a non-object JSON body (%s) with a Clerk error, not a 500',
    async (raw) => {
      const before = await userCount();
      const res = await createRaw(raw);
      expect([400, 422]).toContain(res.status);
      expect(typeof res.body.errors?.[0]?.code).toBe('string');
      expect(await userCount()).toBe(before);
    },
  );

  it('refuses a body over 1 MiB with 413 request_body_too_large', async () => {
    const address = uniqueEmail('huge');
    const before = await userCount();
    const res = await createRaw({ email_address: [address], public_metadata: { blob: 'x'.repeat(1_100_000) } });
    expectClerkError(res, 413, 'request_body_too_large');
    await expectNoTrace(before, address);
  });

  it('honours ROSTER_BODY_LIMIT_BYTES', async () => {
    const small = await startTestServer({ ROSTER_BODY_LIMIT_BYTES: '2048' });
    try {
      const address = uniqueEmail('limit');
      const tooBig = await small.api('POST', '/v1/users', { email_address: [address], public_metadata: { blob: 'x'.repeat(3000) } });
      expectClerkError(tooBig, 413, 'request_body_too_large');
      const count = await small.api('GET', '/v1/users/count');
      expect(count.body.total_count).toBe(0);
      const fits = await small.api('POST', '/v1/users', { email_address: [address], public_metadata: { blob: 'x'.repeat(1000) } });
      expect(fits.status).toBe(200);
    } finally {
      await small.close();
    }
  });

  it('answers an empty JSON body as an empty object (the instance requirement applies)', async () => {
    const before = await userCount();
    const res = await server.api('POST', '/v1/users', undefined, { 'content-type': 'application/json' });
    expectClerkError(res, 422, 'form_data_missing', 'email_address');
    expect(await userCount()).toBe(before);
  });
});

describe('POST /v1/users through @clerk/backend', () => {
  it('createUser returns a User whose camelCased fields match what was sent', async () => {
    const address = uniqueEmail('Sdk');
    const number = phone();
    const name = uniqueUsername('sdk');
    const externalId = `ext-${uniqueTag()}`;
    const user = await server.clerk.users.createUser({
      emailAddress: [address.toUpperCase()],
      phoneNumber: [number.spaced],
      username: name,
      firstName: 'Grace',
      lastName: 'Hopper',
      locale: 'en-GB',
      externalId,
      password: 'a long and unguessable passphrase',
      publicMetadata: { plan: 'pro' },
      privateMetadata: { tier: 2 },
      unsafeMetadata: { theme: 'dark' },
      createdAt: new Date('2022-03-04T05:06:07.000Z'),
      legalAcceptedAt: new Date('2022-03-04T05:06:08.000Z'),
      skipLegalChecks: true,
      banned: true,
    });
    expect(user.id).toMatch(/^user_/);
    expect(user.emailAddresses.map((e) => e.emailAddress)).toEqual([address.toLowerCase()]);
    expect(user.primaryEmailAddressId).toBe(user.emailAddresses[0]!.id);
    expect(user.primaryEmailAddress?.emailAddress).toBe(address.toLowerCase());
    expect(user.phoneNumbers.map((p) => p.phoneNumber)).toEqual([number.e164]);
    expect(user.primaryPhoneNumberId).toBe(user.phoneNumbers[0]!.id);
    expect(user).toMatchObject({
      username: name,
      firstName: 'Grace',
      lastName: 'Hopper',
      locale: 'en-GB',
      externalId,
      passwordEnabled: true,
      publicMetadata: { plan: 'pro' },
      privateMetadata: { tier: 2 },
      unsafeMetadata: { theme: 'dark' },
      createdAt: Date.UTC(2022, 2, 4, 5, 6, 7),
      legalAcceptedAt: Date.UTC(2022, 2, 4, 5, 6, 8),
      banned: true,
      locked: false,
    });
    expect(user.fullName).toBe('Grace Hopper');
    const fetched = await server.clerk.users.getUser(user.id);
    expect(fetched.username).toBe(name);
  });

  it('createUser with locked: true returns a locked user', async () => {
    const user = await server.clerk.users.createUser({ emailAddress: [uniqueEmail()], locked: true });
    expect(user.locked).toBe(true);
  });

  it('surfaces errors as ClerkAPIResponseError with status 422 and the code', async () => {
    const address = uniqueEmail('sdk-taken');
    await server.clerk.users.createUser({ emailAddress: [address] });
    const cases: [Parameters<TestServer['clerk']['users']['createUser']>[0], string, string][] = [
      [{ emailAddress: [address] }, 'form_identifier_exists', 'email_address'],
      [{ emailAddress: [uniqueEmail()], password: 'password123' }, 'form_password_pwned', 'password'],
      [{ emailAddress: ['not-an-email'] }, 'form_param_format_invalid', 'email_address'],
      [{ emailAddress: [uniqueEmail()], username: '123456' }, 'form_username_needs_non_number_char', 'username'],
    ];
    for (const [params, code, paramName] of cases) {
      const error = await expectSdkError(server.clerk.users.createUser(params), 422, code, paramName);
      expect(typeof error.clerkTraceId).toBe('string');
    }
  });
});

describe('POST /v1/users: concurrent creates', () => {
  const PARALLEL = 50;

  async function race(bodyFor: (index: number) => Record<string, unknown>) {
    const before = await userCount();
    const results = await Promise.all(Array.from({ length: PARALLEL }, (_, index) => createRaw(bodyFor(index))));
    const ok = results.filter((res) => res.status === 200);
    const refused = results.filter((res) => res.status !== 200);
    return { before, ok, refused };
  }

  it('50 parallel creates with the same email: one 200, 49 × 422 form_identifier_exists, no partial rows', async () => {
    const address = uniqueEmail('race');
    const { before, ok, refused } = await race((index) => ({ email_address: [address], first_name: `Racer ${index}` }));
    expect(ok).toHaveLength(1);
    expect(refused).toHaveLength(PARALLEL - 1);
    for (const res of refused) expectClerkError(res, 422, 'form_identifier_exists', 'email_address');
    const holders = await server.api('GET', `/v1/users?email_address=${encodeURIComponent(address)}`);
    expect(holders.body.map((u: any) => u.id)).toEqual([ok[0]!.body.id]);
    expect(await userCount()).toBe(before + 1);
  });

  it('50 parallel creates with the same username: one 200, 49 × 422 naming username', async () => {
    const name = uniqueUsername('race');
    const { before, ok, refused } = await race((index) => ({ email_address: [uniqueEmail(`race${index}`)], username: index % 2 ? name : name.toUpperCase() }));
    expect(ok).toHaveLength(1);
    for (const res of refused) expectClerkError(res, 422, 'form_identifier_exists', 'username');
    expect(await userCount()).toBe(before + 1);
  });

  it('50 parallel creates with the same external_id: one 200, 49 × 422 naming external_id', async () => {
    const externalId = `race-${uniqueTag()}`;
    const { before, ok, refused } = await race((index) => ({ email_address: [uniqueEmail(`ext${index}`)], external_id: externalId }));
    expect(ok).toHaveLength(1);
    for (const res of refused) expectClerkError(res, 422, 'form_identifier_exists', 'external_id');
    expect(await userCount()).toBe(before + 1);
  });
});
