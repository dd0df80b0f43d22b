// Issue 12: a user with a verified phone reserved for second factor signs in with an SMS code at the second step:
// phone_code is offered, prepare_second_factor texts the code, attempt_second_factor checks it once, and wrong
// codes share the lockout with passwords, TOTP and backup codes.
import { describe, expect, it } from 'vitest';
import { fapiBrowser } from '../../helpers/fapi-client.js';
import { uniquePhone, uniqueTag } from '../../helpers/fixtures.js';
import { smsEnv, useSmsInbox } from '../../helpers/sms-inbox.js';
import { useTestServer } from '../../helpers/test-server.js';

const PASSWORD = 'correct horse battery 42';

describe('sign-in with an SMS code as the second factor', () => {
  const inbox = useSmsInbox();
  const server = useTestServer(() => smsEnv(inbox));

  const wrong = (right: string) => (right === '000000' ? '111111' : '000000');
  const userWithPhone = async () => {
    const email = `sms2fa-${uniqueTag()}@example.com`;
    const number = uniquePhone();
    const user = await server.clerk.users.createUser({ emailAddress: [email], password: PASSWORD });
    const phone = await server.clerk.phoneNumbers.createPhoneNumber({ userId: user.id, phoneNumber: number, verified: true, reservedForSecondFactor: true });
    return { user, email, number, phone };
  };
  const startSignIn = async (email: string) => {
    const browser = fapiBrowser(() => server);
    const started = await browser.call('POST', '/v1/client/sign_ins', { identifier: email, strategy: 'password', password: PASSWORD });
    expect(started.body.response.status).toBe('needs_second_factor');
    return { browser, signInId: started.body.response.id as string, started };
  };

  it('offers phone_code, texts the code to the default phone, and the right code completes the sign-in once', async () => {
    const { user, email, number, phone } = await userWithPhone();
    const { browser, signInId, started } = await startSignIn(email);
    expect(started.body.response.supported_second_factors).toEqual([
      { strategy: 'phone_code', safe_identifier: `+*******${number.slice(-4)}`, phone_number_id: phone.id, default: true },
    ]);
    const prepared = await browser.call('POST', `/v1/client/sign_ins/${signInId}/prepare_second_factor`, { strategy: 'phone_code', phone_number_id: phone.id });
    expect(prepared.status).toBe(200);
    const code = inbox.lastCodeTo(number);
    expect(JSON.stringify(prepared.body)).not.toContain(code);
    const results = await Promise.all(
      Array.from({ length: 5 }, () => browser.call('POST', `/v1/client/sign_ins/${signInId}/attempt_second_factor`, { strategy: 'phone_code', code })),
    );
    const complete = results.filter((result) => result.status === 200 && result.body.response.status === 'complete');
    expect(complete).toHaveLength(1);
    const sessions = await server.clerk.sessions.getSessionList({ userId: user.id });
    expect(sessions.data).toHaveLength(1);
  });

  it('wrong codes count toward the lockout; an attempt before any code is verification_missing', async () => {
    const { user, email, number } = await userWithPhone();
    const { browser, signInId } = await startSignIn(email);
    const early = await browser.call('POST', `/v1/client/sign_ins/${signInId}/attempt_second_factor`, { strategy: 'phone_code', code: '123456' });
    expect(early.body.errors[0].code).toBe('verification_missing');
    await browser.call('POST', `/v1/client/sign_ins/${signInId}/prepare_second_factor`, { strategy: 'phone_code' });
    const code = inbox.lastCodeTo(number);
    const refused = await browser.call('POST', `/v1/client/sign_ins/${signInId}/attempt_second_factor`, { strategy: 'phone_code', code: wrong(code) });
    expect(refused.status).toBe(422);
    expect(refused.body.errors[0].code).toBe('form_code_incorrect');
    expect((await server.api('GET', `/v1/users/${user.id}`)).body.verification_attempts_remaining).toBe(9);
    const passed = await browser.call('POST', `/v1/client/sign_ins/${signInId}/attempt_second_factor`, { strategy: 'phone_code', code });
    expect(passed.body.response.status).toBe('complete');
  });

  it("a code is bound to its sign-in and phone: another sign-in's code, or a released phone's, does not pass", async () => {
    const { email, number, phone } = await userWithPhone();
    const first = await startSignIn(email);
    const second = await startSignIn(email);
    await first.browser.call('POST', `/v1/client/sign_ins/${first.signInId}/prepare_second_factor`, { strategy: 'phone_code' });
    const firstCode = inbox.lastCodeTo(number);
    await second.browser.call('POST', `/v1/client/sign_ins/${second.signInId}/prepare_second_factor`, { strategy: 'phone_code' });
    const secondCode = inbox.lastCodeTo(number);
    if (firstCode !== secondCode) {
      const crossed = await second.browser.call('POST', `/v1/client/sign_ins/${second.signInId}/attempt_second_factor`, { strategy: 'phone_code', code: firstCode });
      expect(crossed.status).toBe(422);
    }
    // The phone stops being a second factor: its pending code no longer signs anyone in.
    await server.clerk.phoneNumbers.updatePhoneNumber(phone.id, { reservedForSecondFactor: false });
    const released = await first.browser.call('POST', `/v1/client/sign_ins/${first.signInId}/attempt_second_factor`, { strategy: 'phone_code', code: firstCode });
    expect(released.status).toBe(400);
  });

  it("refuses a phone that is not the user's second factor, and unknown strategies", async () => {
    const { email } = await userWithPhone();
    const other = await userWithPhone();
    const { browser, signInId } = await startSignIn(email);
    const foreign = await browser.call('POST', `/v1/client/sign_ins/${signInId}/prepare_second_factor`, { strategy: 'phone_code', phone_number_id: other.phone.id });
    expect(foreign.status).toBe(422);
    expect(foreign.body.errors[0].code).toBe('form_resource_not_found');
    const unknown = await browser.call('POST', `/v1/client/sign_ins/${signInId}/prepare_second_factor`, { strategy: 'email_link' });
    expect(unknown.status).toBe(422);
    expect(inbox.messages.filter((item) => item.to === other.number)).toHaveLength(0);
  });
});
