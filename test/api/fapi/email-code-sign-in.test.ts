// Issue 12: sign-in with an email code as the first factor, and "forgot password" (a reset code, then a new
// password), through the Frontend API as clerk-js drives them; wrong codes count toward the user's lockout.
import { describe, expect, it } from 'vitest';
import { fapiBrowser } from '../../helpers/fapi-client.js';
import { uniqueTag } from '../../helpers/fixtures.js';
import { useTestServer } from '../../helpers/test-server.js';

const PASSWORD = 'correct horse battery 42';
const NEW_PASSWORD = 'a brand new horse 43';
const TEST_CODE = '424242';

describe('Frontend API: email codes at sign-in', () => {
  const server = useTestServer();
  const newUser = async () => {
    const email = `code-${uniqueTag()}+clerk_test@example.com`;
    const user = await server.clerk.users.createUser({ emailAddress: [email], password: PASSWORD });
    return { email, user };
  };

  it('signs in with a code sent to the address, counting a wrong code as a failed attempt', async () => {
    const { email, user } = await newUser();
    const browser = fapiBrowser(() => server);
    const created = await browser.call('POST', '/v1/client/sign_ins', { identifier: email });
    const factor = created.body.response.supported_first_factors.find((item: any) => item.strategy === 'email_code');
    expect(factor).toMatchObject({ email_address_id: user.emailAddresses[0]!.id, primary: true });
    expect(factor.safe_identifier).toMatch(/^c\*\*\*@example\.com$/);
    const id = created.body.response.id;

    const prepared = await browser.call('POST', `/v1/client/sign_ins/${id}/prepare_first_factor`, { strategy: 'email_code', email_address_id: factor.email_address_id });
    expect(prepared.status).toBe(200);
    expect(prepared.body.response.first_factor_verification).toMatchObject({ status: 'unverified', strategy: 'email_code' });

    const wrong = await browser.call('POST', `/v1/client/sign_ins/${id}/attempt_first_factor`, { strategy: 'email_code', code: '111111' });
    expect(wrong.status).toBe(422);
    expect(wrong.body.errors[0].code).toBe('form_code_incorrect');
    expect((await server.api('GET', `/v1/users/${user.id}`)).body.verification_attempts_remaining).toBe(9);

    const done = await browser.call('POST', `/v1/client/sign_ins/${id}/attempt_first_factor`, { strategy: 'email_code', code: TEST_CODE });
    expect(done.status).toBe(200);
    expect(done.body.response.status).toBe('complete');
    const sessions = await server.clerk.sessions.getSessionList({ userId: user.id });
    expect(sessions.data.map((session) => session.id)).toEqual([done.body.response.created_session_id]);
    // A right code gives the failed attempt back, as a right password does.
    expect((await server.api('GET', `/v1/users/${user.id}`)).body.verification_attempts_remaining).toBe(10);
  });

  it('resets a forgotten password with a reset code, signing the user out elsewhere', async () => {
    const { email, user } = await newUser();
    const elsewhere = fapiBrowser(() => server);
    const before = await elsewhere.call('POST', '/v1/client/sign_ins', { identifier: email, strategy: 'password', password: PASSWORD });
    const oldSession = before.body.response.created_session_id;

    const browser = fapiBrowser(() => server);
    // clerk-js's forgot-password link: create with the strategy, which sends the code at once.
    const created = await browser.call('POST', '/v1/client/sign_ins', { identifier: email, strategy: 'reset_password_email_code' });
    expect(created.status).toBe(200);
    expect(created.body.response.first_factor_verification).toMatchObject({ status: 'unverified', strategy: 'reset_password_email_code' });
    const id = created.body.response.id;

    // A code for one strategy is not a code for the other.
    const crossed = await browser.call('POST', `/v1/client/sign_ins/${id}/attempt_first_factor`, { strategy: 'email_code', code: TEST_CODE });
    expect(crossed.status).toBe(400);
    expect(crossed.body.errors[0].code).toBe('verification_missing');

    const verified = await browser.call('POST', `/v1/client/sign_ins/${id}/attempt_first_factor`, { strategy: 'reset_password_email_code', code: TEST_CODE });
    expect(verified.body.response.status).toBe('needs_new_password');

    const weak = await browser.call('POST', `/v1/client/sign_ins/${id}/reset_password`, { password: 'short' });
    expect(weak.status).toBe(422);
    expect(weak.body.errors[0].code).toBe('form_password_length_too_short');

    const reset = await browser.call('POST', `/v1/client/sign_ins/${id}/reset_password`, { password: NEW_PASSWORD, sign_out_of_other_sessions: 'true' });
    expect(reset.status).toBe(200);
    expect(reset.body.response.status).toBe('complete');
    expect((await server.clerk.sessions.getSession(oldSession)).status).toBe('revoked');
    expect((await server.clerk.users.verifyPassword({ userId: user.id, password: NEW_PASSWORD })).verified).toBe(true);
    await expect(server.clerk.users.verifyPassword({ userId: user.id, password: PASSWORD })).rejects.toThrow();
  });

  it('refuses a code for an address the user does not hold, and a reset without a verified code', async () => {
    const { email } = await newUser();
    const other = await newUser();
    const browser = fapiBrowser(() => server);
    const created = await browser.call('POST', '/v1/client/sign_ins', { identifier: email });
    const id = created.body.response.id;
    const foreign = await browser.call('POST', `/v1/client/sign_ins/${id}/prepare_first_factor`, {
      strategy: 'email_code',
      email_address_id: other.user.emailAddresses[0]!.id,
    });
    expect(foreign.status).toBe(422);
    const early = await browser.call('POST', `/v1/client/sign_ins/${id}/reset_password`, { password: NEW_PASSWORD });
    expect(early.status).toBe(400);
  });
});
