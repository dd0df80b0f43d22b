// Review finding (low): a sign-up's email code allows 5 wrong guesses, but prepare_verification issues a new code
// with 5 fresh guesses as often as it is called, and the sign-up's own counter (email_verification_attempts) is
// reset each time and never enforced. Guessing a code sent to someone else's address is bounded only by the
// per-IP fapi_attempts limit (20 per 10 s), which distributed IPs multiply.
import { describe, expect, it } from 'vitest';
import { fapiBrowser } from '../../helpers/fapi-client.js';
import { uniqueTag } from '../../helpers/fixtures.js';
import { useTestServer } from '../../helpers/test-server.js';

describe('guesses per sign-up across re-sent codes', () => {
  const server = useTestServer();

  it('stops taking guesses after a bounded number of wrong codes for one sign-up', async () => {
    const browser = fapiBrowser(() => server);
    const created = await browser.call('POST', '/v1/client/sign_ups', { email_address: `victim-${uniqueTag()}@example.com`, password: 'correct horse battery 42' });
    const id = created.body.response.id as string;
    let incorrect = 0;
    for (let round = 0; round < 6; round++) {
      expect((await browser.call('POST', `/v1/client/sign_ups/${id}/prepare_verification`, { strategy: 'email_code' })).status).toBe(200);
      for (let guess = 0; guess < 5; guess++) {
        const code = String(100000 + round * 10 + guess);
        const answer = await browser.call('POST', `/v1/client/sign_ups/${id}/attempt_verification`, { strategy: 'email_code', code });
        if (answer.body.errors?.[0]?.code === 'form_code_incorrect') incorrect++;
      }
    }
    // 30 guesses at one address's code: a sign-up should have stopped accepting them long before.
    expect(incorrect).toBeLessThanOrEqual(10);
  });
});
