// Issue 12: /v1/me/phone_numbers: the signed-in user's phone numbers, verified by an SMS code (through the signed
// webhook), reserved for second factor (the first one issuing backup codes), and nobody else's.
import { describe, expect, it } from 'vitest';
import { fapiBrowser } from '../../helpers/fapi-client.js';
import { uniquePhone, uniqueTag } from '../../helpers/fixtures.js';
import { smsEnv, useSmsInbox } from '../../helpers/sms-inbox.js';
import { useTestServer } from '../../helpers/test-server.js';

const PASSWORD = 'correct horse battery 42';

describe('Frontend API: phone numbers from the profile', () => {
  const inbox = useSmsInbox();
  const server = useTestServer(() => smsEnv(inbox));

  const signedIn = async () => {
    const email = `phone-${uniqueTag()}+clerk_test@example.com`;
    const user = await server.clerk.users.createUser({ emailAddress: [email], password: PASSWORD });
    const browser = fapiBrowser(() => server);
    const signIn = await browser.call('POST', '/v1/client/sign_ins', { identifier: email, strategy: 'password', password: PASSWORD });
    expect(signIn.body.response.status).toBe('complete');
    return { user, email, browser };
  };
  const wrong = (right: string) => (right === '000000' ? '111111' : '000000');

  /** Adds a number and verifies it with the code the webhook received. */
  const addVerifiedPhone = async (browser: ReturnType<typeof fapiBrowser>, number = uniquePhone()) => {
    const created = await browser.call('POST', '/v1/me/phone_numbers', { phone_number: number });
    expect(created.status).toBe(200);
    const id = created.body.response.id as string;
    await browser.call('POST', `/v1/me/phone_numbers/${id}/prepare_verification`, { strategy: 'phone_code' });
    const verified = await browser.call('POST', `/v1/me/phone_numbers/${id}/attempt_verification`, { code: inbox.lastCodeTo(number) });
    expect(verified.status).toBe(200);
    return { id, number, verified };
  };

  it("a right code for the user's own new number keeps earlier wrong passwords counted, and fills the empty primary", async () => {
    const { user, browser } = await signedIn();
    for (let i = 0; i < 3; i++) {
      const guess = await browser.call('POST', '/v1/me/change_password', { current_password: `guess ${i}`, new_password: 'another password 77' });
      expect(guess.body.errors[0].code).toBe('form_password_validation_failed');
    }
    const remainingBefore = (await server.api('GET', `/v1/users/${user.id}`)).body.verification_attempts_remaining;
    const { id } = await addVerifiedPhone(browser);
    const after = (await server.api('GET', `/v1/users/${user.id}`)).body;
    expect(after.verification_attempts_remaining).toBe(remainingBefore);
    // Added unverified from the profile, it became the primary number only once its code came back.
    expect(after.primary_phone_number_id).toBe(id);
  });

  it('adds a number unverified, texts a code, and the right code verifies it', async () => {
    const { user, browser } = await signedIn();
    const number = uniquePhone();
    const created = await browser.call('POST', '/v1/me/phone_numbers', { phone_number: number });
    expect(created.body.response).toMatchObject({ object: 'phone_number', phone_number: number, verification: null, reserved_for_second_factor: false });
    const id = created.body.response.id;

    const prepared = await browser.call('POST', `/v1/me/phone_numbers/${id}/prepare_verification`, { strategy: 'phone_code' });
    expect(prepared.body.response.verification).toMatchObject({ object: 'verification_otp', status: 'unverified', strategy: 'phone_code', attempts: 0 });
    const code = inbox.lastCodeTo(number);
    expect(JSON.stringify(prepared.body)).not.toContain(code);

    const incorrect = await browser.call('POST', `/v1/me/phone_numbers/${id}/attempt_verification`, { code: wrong(code) });
    expect(incorrect.status).toBe(422);
    expect(incorrect.body.errors[0]).toMatchObject({ code: 'form_code_incorrect', meta: { param_name: 'code' } });

    const verified = await browser.call('POST', `/v1/me/phone_numbers/${id}/attempt_verification`, { code });
    expect(verified.body.response.verification).toMatchObject({ status: 'verified', strategy: 'phone_code' });
    const list = await browser.call('GET', '/v1/me/phone_numbers');
    expect(list.body).toEqual([expect.objectContaining({ id, phone_number: number })]);
    expect((await server.clerk.phoneNumbers.getPhoneNumber(id)).verification?.status).toBe('verified');
    // The wrong code counted toward the lockout, and the right one (which proves only the number) does not undo it.
    expect((await server.api('GET', `/v1/users/${user.id}`)).body.verification_attempts_remaining).toBe(9);
    const again = await browser.call('POST', `/v1/me/phone_numbers/${id}/attempt_verification`, { code });
    expect(again.body.errors[0].code).toBe('verification_already_verified');
  });

  it('a wrong code counts toward the lockout', async () => {
    const { user, browser } = await signedIn();
    const number = uniquePhone();
    const created = await browser.call('POST', '/v1/me/phone_numbers', { phone_number: number });
    await browser.call('POST', `/v1/me/phone_numbers/${created.body.response.id}/prepare_verification`, { strategy: 'phone_code' });
    await browser.call('POST', `/v1/me/phone_numbers/${created.body.response.id}/attempt_verification`, { code: wrong(inbox.lastCodeTo(number)) });
    expect((await server.api('GET', `/v1/users/${user.id}`)).body.verification_attempts_remaining).toBe(9);
  });

  it('concurrent right codes verify once', async () => {
    const { browser } = await signedIn();
    const number = uniquePhone();
    const created = await browser.call('POST', '/v1/me/phone_numbers', { phone_number: number });
    const id = created.body.response.id;
    await browser.call('POST', `/v1/me/phone_numbers/${id}/prepare_verification`, { strategy: 'phone_code' });
    const code = inbox.lastCodeTo(number);
    const results = await Promise.all(Array.from({ length: 8 }, () => browser.call('POST', `/v1/me/phone_numbers/${id}/attempt_verification`, { code })));
    expect(results.filter((result) => result.status === 200)).toHaveLength(1);
    for (const result of results.filter((item) => item.status !== 200)) expect(result.body.errors[0].code).toBe('verification_already_verified');
  });

  it('reserving the first second factor issues backup codes once and makes it the default', async () => {
    const { user, browser } = await signedIn();
    const unverified = await browser.call('POST', '/v1/me/phone_numbers', { phone_number: uniquePhone() });
    const refused = await browser.call('PATCH', `/v1/me/phone_numbers/${unverified.body.response.id}`, { reserved_for_second_factor: 'true' });
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].code).toBe('identification_update_second_factor_unverified');

    const first = await addVerifiedPhone(browser);
    const reserved = await browser.call('PATCH', `/v1/me/phone_numbers/${first.id}`, { reserved_for_second_factor: 'true' });
    expect(reserved.body.response).toMatchObject({ reserved_for_second_factor: true, default_second_factor: true });
    expect(reserved.body.response.backup_codes).toHaveLength(10);
    expect(await server.clerk.users.getUser(user.id)).toMatchObject({ twoFactorEnabled: true, backupCodeEnabled: true });

    const second = await addVerifiedPhone(browser);
    const reservedToo = await browser.call('PATCH', `/v1/me/phone_numbers/${second.id}`, { reserved_for_second_factor: 'true' });
    expect(reservedToo.body.response).toMatchObject({ default_second_factor: false, backup_codes: null });
    const moved = await browser.call('PATCH', `/v1/me/phone_numbers/${second.id}`, { default_second_factor: 'true' });
    expect(moved.body.response.default_second_factor).toBe(true);
    expect((await browser.call('GET', `/v1/me/phone_numbers/${first.id}`)).body.response.default_second_factor).toBe(false);
    const unset = await browser.call('PATCH', `/v1/me/phone_numbers/${second.id}`, { default_second_factor: 'false' });
    expect(unset.status).toBe(422);
    expect(unset.body.errors[0].code).toBe('form_disable_default_second_factor_not_allowed');

    // Releasing both phones leaves no second factor: the backup codes go with the last one.
    await browser.call('PATCH', `/v1/me/phone_numbers/${second.id}`, { reserved_for_second_factor: 'false' });
    expect((await server.clerk.users.getUser(user.id)).backupCodeEnabled).toBe(true);
    await browser.call('DELETE', `/v1/me/phone_numbers/${first.id}`);
    expect(await server.clerk.users.getUser(user.id)).toMatchObject({ twoFactorEnabled: false, backupCodeEnabled: false });
  });

  it("another user's number is not found, for every route", async () => {
    const alice = await signedIn();
    const bob = await signedIn();
    const { id } = await addVerifiedPhone(alice.browser);
    for (const [method, path, form] of [
      ['GET', `/v1/me/phone_numbers/${id}`, undefined],
      ['PATCH', `/v1/me/phone_numbers/${id}`, { reserved_for_second_factor: 'true' }],
      ['DELETE', `/v1/me/phone_numbers/${id}`, undefined],
      ['POST', `/v1/me/phone_numbers/${id}/prepare_verification`, { strategy: 'phone_code' }],
      ['POST', `/v1/me/phone_numbers/${id}/attempt_verification`, { code: '123456' }],
    ] as const) {
      const response = await bob.browser.call(method, path, form);
      expect(response.status, `${method} ${path}`).toBe(404);
      expect(response.body.errors[0].code).toBe('resource_not_found');
    }
    expect((await alice.browser.call('GET', `/v1/me/phone_numbers/${id}`)).status).toBe(200);
  });

  it('deletes a number; refuses bad strategies, numbers and missing fields without a 500', async () => {
    const { browser } = await signedIn();
    const { id } = await addVerifiedPhone(browser);
    const deleted = await browser.call('DELETE', `/v1/me/phone_numbers/${id}`);
    expect(deleted.body.response).toEqual({ object: 'phone_number', id, deleted: true });
    expect((await browser.call('GET', '/v1/me/phone_numbers')).body).toEqual([]);

    const bad = await browser.call('POST', '/v1/me/phone_numbers', { phone_number: '12345' });
    expect(bad.status).toBe(422);
    expect((await browser.call('POST', '/v1/me/phone_numbers', {})).status).toBe(422);
    const created = await browser.call('POST', '/v1/me/phone_numbers', { phone_number: uniquePhone() });
    const strategy = await browser.call('POST', `/v1/me/phone_numbers/${created.body.response.id}/prepare_verification`, { strategy: 'email_code' });
    expect(strategy.status).toBe(422);
    const notPrepared = await browser.call('POST', `/v1/me/phone_numbers/${created.body.response.id}/attempt_verification`, { code: '123456' });
    expect(notPrepared.body.errors[0].code).toBe('verification_missing');
  });

  it("Clerk's test numbers verify with 424242 and send nothing on a development instance", async () => {
    const { browser } = await signedIn();
    const number = `+1201555${String(100 + Math.floor(Math.random() * 100)).padStart(4, '0')}`;
    const before = inbox.messages.length;
    const created = await browser.call('POST', '/v1/me/phone_numbers', { phone_number: number });
    await browser.call('POST', `/v1/me/phone_numbers/${created.body.response.id}/prepare_verification`, { strategy: 'phone_code' });
    expect(inbox.messages.length).toBe(before);
    const verified = await browser.call('POST', `/v1/me/phone_numbers/${created.body.response.id}/attempt_verification`, { code: '424242' });
    expect(verified.status).toBe(200);
  });
});
