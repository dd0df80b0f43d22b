// Issue 12: the signed-in user's steps that check a password or send or check a code count toward `fapi_attempts`
// (20 per 10 s per IP), as sign-in and sign-up steps do: a stolen session cannot guess the current password or
// an email code, or send codes, any faster than an anonymous caller.
import { describe, expect, it } from 'vitest';
import { fapiBrowser } from '../../helpers/fapi-client.js';
import { uniqueTag } from '../../helpers/fixtures.js';
import { useTestServer } from '../../helpers/test-server.js';

const PASSWORD = 'correct horse battery 42';

describe('/v1/me steps and the attempts rate limit', () => {
  const server = useTestServer({ ROSTER_RATE_LIMITS: 'on', ROSTER_LOCKOUT_MAX_ATTEMPTS: 'off' });

  it('refuses the 21st code sent or guessed within the window', async () => {
    const email = `rl-${uniqueTag()}+clerk_test@example.com`;
    await server.clerk.users.createUser({ emailAddress: [email], password: PASSWORD });
    const browser = fapiBrowser(() => server);
    const signIn = await browser.call('POST', '/v1/client/sign_ins', { identifier: email, strategy: 'password', password: PASSWORD });
    const me = (path: string) => `/v1/me${path}?_clerk_session_id=${signIn.body.response.created_session_id}`;
    const added = await browser.call('POST', me('/email_addresses'), { email_address: `rl2-${uniqueTag()}+clerk_test@example.com` });
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      statuses.push((await browser.call('POST', me(`/email_addresses/${added.body.response.id}/prepare_verification`), { strategy: 'email_code' })).status);
      statuses.push((await browser.call('POST', me('/change_password'), { current_password: 'wrong guess', new_password: 'another horse 44' })).status);
    }
    expect(statuses).toContain(429);
    // Reading is not an attempt.
    expect((await browser.call('GET', me('/email_addresses'))).status).toBe(200);
  });
});
