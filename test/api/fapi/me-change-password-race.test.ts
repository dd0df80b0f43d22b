// Regression (issue 12 review): POST /v1/me/change_password checks the current password (account-service.ts
// checkCurrentPassword) outside the transaction that writes the new digest, and the write neither re-checks that the
// digest is still the one verified nor that the session is still active. Concurrent changes made with the same
// current password all succeed (last write wins): someone holding the old password and a session can race the
// owner's own change (made with sign_out_of_other_sessions) and end up with a password of their choosing.
import { describe, expect, it } from 'vitest';
import { fapiBrowser } from '../../helpers/fapi-client.js';
import { uniqueTag } from '../../helpers/fixtures.js';
import { useTestServer } from '../../helpers/test-server.js';

const PASSWORD = 'correct horse battery 42';

describe('change_password is one check-and-set', () => {
  const server = useTestServer();

  it('of two concurrent changes made with the same current password, only one succeeds', async () => {
    const email = `race-${uniqueTag()}+clerk_test@example.com`;
    await server.clerk.users.createUser({ emailAddress: [email], password: PASSWORD });
    const signIn = async () => {
      const browser = fapiBrowser(() => server);
      const answer = await browser.call('POST', '/v1/client/sign_ins', { identifier: email, strategy: 'password', password: PASSWORD });
      return { browser, me: (path: string) => `/v1/me${path}?_clerk_session_id=${answer.body.response.created_session_id}` };
    };
    const owner = await signIn();
    const intruder = await signIn();

    const [ownerAnswer, intruderAnswer] = await Promise.all([
      owner.browser.call('POST', owner.me('/change_password'), { current_password: PASSWORD, new_password: 'owner took it back 71', sign_out_of_other_sessions: 'true' }),
      intruder.browser.call('POST', intruder.me('/change_password'), { current_password: PASSWORD, new_password: 'intruder keeps it 93' }),
    ]);
    const succeeded = [ownerAnswer, intruderAnswer].filter((answer) => answer.status === 200);
    expect(succeeded, `statuses ${ownerAnswer.status} / ${intruderAnswer.status}`).toHaveLength(1);
    const loser = ownerAnswer.status === 200 ? intruderAnswer : ownerAnswer;
    expect(loser.body.errors[0].code).toBe('form_password_validation_failed');
  });
});
