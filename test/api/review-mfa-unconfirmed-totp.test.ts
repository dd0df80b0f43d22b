// Review (issue 12): a TOTP that was created from the profile but never confirmed (POST /v1/me/totp without
// attempt_verification) is not a second factor: the profile shows totp_enabled false, and the sign-in does not
// offer it. Yet attempt_second_factor with strategy totp accepts its codes (mfa-service verify() checks only
// totp_secret !== null, never totp_verified), completes the sign-in, and silently turns it into an enabled TOTP.
// Whoever once held a session (a stolen cookie, a shared computer) keeps a hidden second factor that the user
// cannot see, and it survives the user revoking every session.
import { describe, expect, it } from 'vitest';
import { generateTOTP } from '../../src/mfa/totp.js';
import { fapiBrowser } from '../helpers/fapi-client.js';
import { uniquePhone, uniqueTag } from '../helpers/fixtures.js';
import { useTestServer } from '../helpers/test-server.js';

const PASSWORD = 'correct horse battery 42';

describe('review: an unconfirmed TOTP is no second factor at sign-in', () => {
  const server = useTestServer();

  it('refuses a code of a TOTP that was created but never verified, and leaves it unverified', async () => {
    const email = `unconfirmed-${uniqueTag()}@example.com`;
    const user = await server.clerk.users.createUser({ emailAddress: [email], password: PASSWORD });
    const holder = fapiBrowser(() => server);
    expect((await holder.call('POST', '/v1/client/sign_ins', { identifier: email, strategy: 'password', password: PASSWORD })).body.response.status).toBe('complete');
    // The session holder creates a TOTP and keeps the secret, but never confirms it.
    const created = await holder.call('POST', '/v1/me/totp');
    expect(created.body.response.verified).toBe(false);
    const secret: string = created.body.response.secret;
    expect((await server.clerk.users.getUser(user.id)).totpEnabled).toBe(false);
    // The user's real second factor is an SMS phone; the user then revokes every session.
    await server.clerk.phoneNumbers.createPhoneNumber({ userId: user.id, phoneNumber: uniquePhone(), verified: true, reservedForSecondFactor: true });
    for (const session of (await server.clerk.sessions.getSessionList({ userId: user.id })).data) await server.clerk.sessions.revokeSession(session.id);

    const attacker = fapiBrowser(() => server);
    const started = await attacker.call('POST', '/v1/client/sign_ins', { identifier: email, strategy: 'password', password: PASSWORD });
    expect(started.body.response.status).toBe('needs_second_factor');
    expect(started.body.response.supported_second_factors.map((factor: { strategy: string }) => factor.strategy)).not.toContain('totp');
    const attempted = await attacker.call('POST', `/v1/client/sign_ins/${started.body.response.id}/attempt_second_factor`, {
      strategy: 'totp',
      code: generateTOTP(secret, server.clock.nowMs()),
    });
    expect(attempted.status).toBe(422);
    expect(attempted.body.response?.status).not.toBe('complete');
    expect((await server.clerk.users.getUser(user.id)).totpEnabled).toBe(false);
  });
});
