// The same right email code sent many times at once signs the browser in once, and a reset code resets once.
import { describe, expect, it } from 'vitest';
import { fapiBrowser } from '../../helpers/fapi-client.js';
import { uniqueTag } from '../../helpers/fixtures.js';
import { useTestServer } from '../../helpers/test-server.js';

const PASSWORD = 'correct horse battery 42';

describe('email codes at sign-in under concurrent attempts', () => {
  const server = useTestServer();

  it('one session from ten concurrent right codes, one reset from ten concurrent resets', async () => {
    const email = `race-${uniqueTag()}+clerk_test@example.com`;
    const user = await server.clerk.users.createUser({ emailAddress: [email], password: PASSWORD });
    const browser = fapiBrowser(() => server);
    const created = await browser.call('POST', '/v1/client/sign_ins', { identifier: email, strategy: 'email_code' });
    const id = created.body.response.id;
    const attempts = await Promise.all(
      Array.from({ length: 10 }, () => browser.call('POST', `/v1/client/sign_ins/${id}/attempt_first_factor`, { strategy: 'email_code', code: '424242' })),
    );
    expect(attempts.filter((attempt) => attempt.status === 200)).toHaveLength(1);
    expect((await server.clerk.sessions.getSessionList({ userId: user.id })).data).toHaveLength(1);

    const other = fapiBrowser(() => server);
    const reset = await other.call('POST', '/v1/client/sign_ins', { identifier: email, strategy: 'reset_password_email_code' });
    const resetId = reset.body.response.id;
    await other.call('POST', `/v1/client/sign_ins/${resetId}/attempt_first_factor`, { strategy: 'reset_password_email_code', code: '424242' });
    const resets = await Promise.all(
      Array.from({ length: 10 }, (_, i) => other.call('POST', `/v1/client/sign_ins/${resetId}/reset_password`, { password: `a brand new horse ${i}0` })),
    );
    const winners = resets.flatMap((answer, i) => (answer.status === 200 ? [i] : []));
    expect(winners).toHaveLength(1);
    // The password that answered 200 is the one stored.
    expect((await server.clerk.users.verifyPassword({ userId: user.id, password: `a brand new horse ${winners[0]}0` })).verified).toBe(true);
    expect((await server.clerk.sessions.getSessionList({ userId: user.id, status: 'active' })).data).toHaveLength(2);
  });
});
