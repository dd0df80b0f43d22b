// Review (issue 12): a TOTP that was created from the profile but never confirmed (POST /v1/me/totp without
// attempt_verification) is not a second factor: the profile shows totp_enabled false, and the sign-in does not
// offer it. attempt_second_factor used to accept its codes anyway (verify() checked only that a secret existed),
// complete the sign-in and silently enable it: whoever once held a session kept a hidden second factor that
// survived the user revoking every session. Now the sign-in refuses a strategy it did not offer (Clerk's
// strategy_for_user_invalid), and only a confirmation (the profile's attempt_verification, the Backend API's
// verify_totp) may use, and so enable, an unconfirmed TOTP.
import { describe, expect, it } from 'vitest';
import { generateTOTP, generateTOTPSecret } from '../../../src/mfa/totp.js';
import { claimTOTPStep } from '../../../src/storage/repositories/credentials-repository.js';
import { fapiBrowser } from '../../helpers/fapi-client.js';
import { uniquePhone, uniqueTag } from '../../helpers/fixtures.js';
import { useTestServer } from '../../helpers/test-server.js';

const PASSWORD = 'correct horse battery 42';

describe('Frontend API sign-in: an unconfirmed TOTP is no second factor', () => {
  const server = useTestServer();
  const signedIn = async () => {
    const email = `unconfirmed-${uniqueTag()}@example.com`;
    const user = await server.clerk.users.createUser({ emailAddress: [email], password: PASSWORD });
    const holder = fapiBrowser(() => server);
    expect((await holder.call('POST', '/v1/client/sign_ins', { identifier: email, strategy: 'password', password: PASSWORD })).body.response.status).toBe('complete');
    return { email, user, holder };
  };
  const startSignIn = async (email: string) => {
    const browser = fapiBrowser(() => server);
    const started = await browser.call('POST', '/v1/client/sign_ins', { identifier: email, strategy: 'password', password: PASSWORD });
    expect(started.body.response.status).toBe('needs_second_factor');
    return { browser, started };
  };

  it('refuses a code of a TOTP that was created but never verified, and leaves it unverified', async () => {
    const { email, user, holder } = await signedIn();
    // The session holder creates a TOTP and keeps the secret, but never confirms it.
    const created = await holder.call('POST', '/v1/me/totp');
    expect(created.body.response.verified).toBe(false);
    const secret: string = created.body.response.secret;
    expect((await server.clerk.users.getUser(user.id)).totpEnabled).toBe(false);
    // The user's real second factor is an SMS phone; the user then revokes every session.
    await server.clerk.phoneNumbers.createPhoneNumber({ userId: user.id, phoneNumber: uniquePhone(), verified: true, reservedForSecondFactor: true });
    for (const session of (await server.clerk.sessions.getSessionList({ userId: user.id })).data) await server.clerk.sessions.revokeSession(session.id);

    const { browser: attacker, started } = await startSignIn(email);
    expect(started.body.response.supported_second_factors.map((factor: { strategy: string }) => factor.strategy)).not.toContain('totp');
    const code = generateTOTP(secret, server.clock.nowMs());
    const attempted = await attacker.call('POST', `/v1/client/sign_ins/${started.body.response.id}/attempt_second_factor`, { strategy: 'totp', code });
    // Clerk's answer to a strategy the sign-in does not offer (400, not a wrong code).
    expect(attempted.status).toBe(400);
    expect(attempted.body.errors[0].code).toBe('strategy_for_user_invalid');
    expect(attempted.body.response?.status).not.toBe('complete');
    expect((await server.clerk.users.getUser(user.id)).totpEnabled).toBe(false);
    const me = await attacker.call('GET', '/v1/client');
    expect(me.body.response?.sessions ?? []).toHaveLength(0);

    // The Backend API's verify_totp keeps its documented use: it confirms a created TOTP with a right code.
    const confirmed = await server.api('POST', `/v1/users/${user.id}/verify_totp`, { code });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toEqual({ verified: true, code_type: 'totp' });
    expect((await server.clerk.users.getUser(user.id)).totpEnabled).toBe(true);
  });

  it('refuses every strategy the sign-in does not offer, before any code is checked', async () => {
    const { email, user } = await signedIn();
    // Only an SMS phone: neither TOTP nor backup codes are offered.
    await server.clerk.phoneNumbers.createPhoneNumber({ userId: user.id, phoneNumber: uniquePhone(), verified: true, reservedForSecondFactor: true });
    await server.api('DELETE', `/v1/users/${user.id}/backup_code`);
    const { browser, started } = await startSignIn(email);
    expect(started.body.response.supported_second_factors.map((factor: { strategy: string }) => factor.strategy)).toEqual(['phone_code']);
    for (const strategy of ['totp', 'backup_code', 'TOTP', 'password', '']) {
      const attempted = await browser.call('POST', `/v1/client/sign_ins/${started.body.response.id}/attempt_second_factor`, { strategy, code: '123456' });
      expect(attempted.status, strategy).toBe(400);
      expect(attempted.body.errors[0].code, strategy).toBe('strategy_for_user_invalid');
    }
    // A user with a confirmed TOTP only is not offered phone_code.
    const other = await signedIn();
    const secret = generateTOTPSecret();
    expect((await server.api('PATCH', `/v1/users/${other.user.id}`, { totp_secret: secret })).status).toBe(200);
    await server.api('DELETE', `/v1/users/${other.user.id}/backup_code`);
    const second = await startSignIn(other.email);
    const phone = await second.browser.call('POST', `/v1/client/sign_ins/${second.started.body.response.id}/attempt_second_factor`, { strategy: 'phone_code', code: '123456' });
    expect(phone.status).toBe(400);
    expect(phone.body.errors[0].code).toBe('strategy_for_user_invalid');
    // The offered one still works.
    const totp = await second.browser.call('POST', `/v1/client/sign_ins/${second.started.body.response.id}/attempt_second_factor`, {
      strategy: 'totp',
      code: generateTOTP(secret, server.clock.nowMs()),
    });
    expect(totp.status).toBe(200);
    expect(totp.body.response.status).toBe('complete');
  });

  it('a TOTP step is claimed without confirming only while the TOTP is enabled (the storage check itself)', async () => {
    const { user, holder } = await signedIn();
    await holder.call('POST', '/v1/me/totp');
    const row = await server.database.db.selectFrom('users').select(['totp_secret', 'totp_verified']).where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(row.totp_verified).toBe(0);
    const step = Math.floor(server.clock.nowMs() / 30_000);
    expect(await claimTOTPStep(server.database.db, user.id, row.totp_secret!, step, server.clock.nowMs(), { confirming: false })).toBe(false);
    const after = await server.database.db.selectFrom('users').select(['totp_verified', 'totp_last_step']).where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(after).toEqual({ totp_verified: 0, totp_last_step: null });
    expect(await claimTOTPStep(server.database.db, user.id, row.totp_secret!, step, server.clock.nowMs(), { confirming: true })).toBe(true);
  });
});
