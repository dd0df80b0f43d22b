// Review: a sign-in's passkey challenge is replaced by each prepare. clerk-js can prepare twice at once (the
// passkey button and autofill, a remount); on PostgreSQL, a delete-then-insert of the challenge let the second
// insert hit the primary key and answer 500. Run with TEST_DATABASE_URL to see the race.
import { describe, expect, it } from 'vitest';
import { fapiBrowser } from '../../helpers/fapi-client.js';
import { userWithPasskey } from '../../helpers/passkey-helpers.js';
import { useTestServer } from '../../helpers/test-server.js';

describe('Frontend API: concurrent passkey prepares of one sign-in', () => {
  const server = useTestServer();

  const prepareAll = (browser: ReturnType<typeof fapiBrowser>, signInId: string, count: number) =>
    Promise.all(Array.from({ length: count }, () => browser.call('POST', `/v1/client/sign_ins/${signInId}/prepare_first_factor`, { strategy: 'passkey' })));

  it('answers every prepare of a discoverable sign-in, and the last one issued signs in', async () => {
    const { authenticator, browser } = await userWithPasskey(server);
    const started = await browser.call('POST', '/v1/client/sign_ins', { strategy: 'passkey' });
    const id: string = started.body.response.id;
    const answers = await prepareAll(browser, id, 12);
    expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => 200));

    const last = await browser.call('POST', `/v1/client/sign_ins/${id}/prepare_first_factor`, { strategy: 'passkey' });
    const request = JSON.parse(last.body.response.first_factor_verification.nonce);
    const signedIn = await browser.call('POST', `/v1/client/sign_ins/${id}/attempt_first_factor`, { strategy: 'passkey', public_key_credential: authenticator.assert(request) });
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.response.status).toBe('complete');
  });

  it('answers every prepare of an identified sign-in', async () => {
    const { email, browser } = await userWithPasskey(server);
    const created = await browser.call('POST', '/v1/client/sign_ins', { identifier: email });
    const answers = await prepareAll(browser, created.body.response.id, 12);
    expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => 200));
  });
});
