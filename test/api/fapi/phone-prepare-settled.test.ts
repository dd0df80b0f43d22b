// Issue 12 (review, SMS pumping): a number whose verification is settled is never texted. prepare_verification
// (the profile's /v1/me/phone_numbers/{id}/prepare_verification and the Backend API's
// /v1/phone_numbers/{id}/prepare_verification) used to send a code to a number that was already verified, or that
// another user holds verified: free texts to a number nobody needs to verify. They now answer
// verification_already_verified (400) and form_identifier_exists (422) without sending anything. (A per-number
// resend cooldown is another branch's work.)
import { describe, expect, it } from 'vitest';
import { expectClerkError } from '../../helpers/assertions.js';
import { fapiBrowser } from '../../helpers/fapi-client.js';
import { uniquePhone, uniqueTag } from '../../helpers/fixtures.js';
import { smsEnv, useSmsInbox } from '../../helpers/sms-inbox.js';
import { useTestServer } from '../../helpers/test-server.js';

const PASSWORD = 'correct horse battery 42';

describe('phone prepare_verification texts only numbers that still need verifying', () => {
  const inbox = useSmsInbox();
  const server = useTestServer(() => smsEnv(inbox));
  const textsTo = (number: string) => inbox.messages.filter((message) => message.to === number).length;
  const signedIn = async () => {
    const email = `settled-${uniqueTag()}@example.com`;
    const user = await server.clerk.users.createUser({ emailAddress: [email], password: PASSWORD });
    const browser = fapiBrowser(() => server);
    expect((await browser.call('POST', '/v1/client/sign_ins', { identifier: email, strategy: 'password', password: PASSWORD })).body.response.status).toBe('complete');
    return { user, browser };
  };

  it('the profile: a verified number is not texted again (verification_already_verified), concurrently neither', async () => {
    const { browser } = await signedIn();
    const number = uniquePhone();
    const id = (await browser.call('POST', '/v1/me/phone_numbers', { phone_number: number })).body.response.id as string;
    expect((await browser.call('POST', `/v1/me/phone_numbers/${id}/prepare_verification`, { strategy: 'phone_code' })).status).toBe(200);
    const verified = await browser.call('POST', `/v1/me/phone_numbers/${id}/attempt_verification`, { code: inbox.lastCodeTo(number) });
    expect(verified.body.response.verification.status).toBe('verified');
    expect(textsTo(number)).toBe(1);

    const again = await Promise.all(Array.from({ length: 5 }, () => browser.call('POST', `/v1/me/phone_numbers/${id}/prepare_verification`, { strategy: 'phone_code' })));
    for (const answer of again) {
      expect(answer.status).toBe(400);
      expect(answer.body.errors[0].code).toBe('verification_already_verified');
    }
    expect(textsTo(number)).toBe(1);
    // The number stays verified.
    expect((await server.clerk.phoneNumbers.getPhoneNumber(id)).verification?.status).toBe('verified');
  });

  it('the profile: a number another user holds verified is not texted (form_identifier_exists)', async () => {
    const { browser } = await signedIn();
    const number = uniquePhone();
    const mine = (await browser.call('POST', '/v1/me/phone_numbers', { phone_number: number })).body.response.id as string;
    // Another user then gets the number verified.
    const other = await server.clerk.users.createUser({ emailAddress: [`owner-${uniqueTag()}@example.com`] });
    await server.clerk.phoneNumbers.createPhoneNumber({ userId: other.id, phoneNumber: number, verified: true });
    const prepared = await browser.call('POST', `/v1/me/phone_numbers/${mine}/prepare_verification`, { strategy: 'phone_code' });
    expect(prepared.status).toBe(422);
    expect(prepared.body.errors[0].code).toBe('form_identifier_exists');
    expect(textsTo(number)).toBe(0);
  });

  it('the Backend API: neither a verified number nor one another user holds verified is texted', async () => {
    const owner = await server.clerk.users.createUser({ emailAddress: [`bapi-${uniqueTag()}@example.com`] });
    const number = uniquePhone();
    const verified = await server.clerk.phoneNumbers.createPhoneNumber({ userId: owner.id, phoneNumber: number, verified: true });
    expectClerkError(await server.api('POST', `/v1/phone_numbers/${verified.id}/prepare_verification`), 400, 'verification_already_verified');

    const second = uniquePhone();
    const claimant = await server.clerk.users.createUser({ emailAddress: [`claimant-${uniqueTag()}@example.com`] });
    const unverified = await server.clerk.phoneNumbers.createPhoneNumber({ userId: claimant.id, phoneNumber: second, verified: false });
    await server.clerk.phoneNumbers.createPhoneNumber({ userId: owner.id, phoneNumber: second, verified: true });
    expectClerkError(await server.api('POST', `/v1/phone_numbers/${unverified.id}/prepare_verification`), 422, 'form_identifier_exists', 'phone_number');
    expect(textsTo(number) + textsTo(second)).toBe(0);

    // An unverified number nobody holds is still texted.
    const fresh = uniquePhone();
    const pending = await server.clerk.phoneNumbers.createPhoneNumber({ userId: claimant.id, phoneNumber: fresh, verified: false });
    expect((await server.api('POST', `/v1/phone_numbers/${pending.id}/prepare_verification`)).status).toBe(200);
    expect(textsTo(fresh)).toBe(1);
  });
});
