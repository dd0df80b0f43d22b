// Regression (issue 12 review): the lockout counts wrong current passwords of POST /v1/me/change_password, but a
// right email code for an address the caller just added (email-verification-service.ts attemptOwn →
// `attempt.succeeded()` → settleSuccessfulAttempt) sets the user's failed attempts back to 0. A right code for the
// caller's own new mailbox proves nothing about the password, yet it buys another full round of password guesses:
// with a stolen session, "add address, verify it, guess 9 passwords" repeats without ever locking the account.
import { describe, expect, it } from 'vitest';
import { fapiBrowser } from '../../helpers/fapi-client.js';
import { uniqueTag } from '../../helpers/fixtures.js';
import { useTestServer } from '../../helpers/test-server.js';

const PASSWORD = 'correct horse battery 42';
const TEST_CODE = '424242';

describe('own email codes do not refill the password guesses of change_password', () => {
  // The default policy: 10 failed verifications lock the user.
  const server = useTestServer();

  it('locks the user after 10 wrong current passwords, however many addresses are verified in between', async () => {
    const email = `brute-${uniqueTag()}+clerk_test@example.com`;
    const user = await server.clerk.users.createUser({ emailAddress: [email], password: PASSWORD });
    const browser = fapiBrowser(() => server);
    const signIn = await browser.call('POST', '/v1/client/sign_ins', { identifier: email, strategy: 'password', password: PASSWORD });
    const me = (path = '') => `/v1/me${path}?_clerk_session_id=${signIn.body.response.created_session_id}`;

    const wrongGuessesChecked: number[] = [];
    for (let round = 0; round < 3; round++) {
      let checked = 0;
      for (let i = 0; i < 9; i++) {
        const guess = await browser.call('POST', me('/change_password'), { current_password: `guess ${round}-${i}`, new_password: 'attacker password 77' });
        if (guess.body.errors?.[0]?.code === 'form_password_validation_failed') checked++;
      }
      wrongGuessesChecked.push(checked);
      // A mailbox of the attacker's own (here a Clerk test address: its code is 424242, nothing is sent).
      const added = await browser.call('POST', me('/email_addresses'), { email_address: `mine-${uniqueTag()}+clerk_test@example.com` });
      if (added.status !== 200) break;
      await browser.call('POST', me(`/email_addresses/${added.body.response.id}/prepare_verification`), { strategy: 'email_code' });
      await browser.call('POST', me(`/email_addresses/${added.body.response.id}/attempt_verification`), { code: TEST_CODE });
    }
    const total = wrongGuessesChecked.reduce((sum, count) => sum + count, 0);
    const state = (await server.api('GET', `/v1/users/${user.id}`)).body;
    expect(total, `wrong passwords checked per round: ${wrongGuessesChecked.join(', ')}; locked=${state.locked}`).toBeLessThanOrEqual(10);
    expect(state.locked).toBe(true);
  });
});
