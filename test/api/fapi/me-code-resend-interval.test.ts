// Issue 12: prepare_verification on the user's own new email addresses and phone numbers sends at most one code per
// address per 30 s (Clerk's 429 `too_many_requests` with Retry-After), also under concurrent requests, so a profile
// cannot be used to flood a mailbox or a phone that may not be the user's.
import { describe, expect, it } from 'vitest';
import { fapiBrowser } from '../../helpers/fapi-client.js';
import { uniqueTag } from '../../helpers/fixtures.js';
import { useTestServer } from '../../helpers/test-server.js';

const PASSWORD = 'correct horse battery 42';

describe('Frontend API: one self-verification code per address per interval', () => {
  const server = useTestServer();

  const signedIn = async () => {
    const email = `resend-${uniqueTag()}+clerk_test@example.com`;
    await server.clerk.users.createUser({ emailAddress: [email], password: PASSWORD });
    const browser = fapiBrowser(() => server);
    const signIn = await browser.call('POST', '/v1/client/sign_ins', { identifier: email, strategy: 'password', password: PASSWORD });
    expect(signIn.status).toBe(200);
    return browser;
  };

  it('refuses a second email code within 30 s with a Retry-After, per address, then sends again', async () => {
    const browser = await signedIn();
    const add = async () => (await browser.call('POST', '/v1/me/email_addresses', { email_address: `r-${uniqueTag()}+clerk_test@example.com` })).body.response.id as string;
    const [first, second] = [await add(), await add()];
    const prepare = (id: string) => browser.call('POST', `/v1/me/email_addresses/${id}/prepare_verification`, { strategy: 'email_code' });

    // Concurrent requests for the same address: exactly one code is issued.
    const answers = await Promise.all(Array.from({ length: 5 }, () => prepare(first)));
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 429, 429, 429, 429]);
    const refused = answers.find((answer) => answer.status === 429)!;
    expect(refused.body.errors[0].code).toBe('too_many_requests');
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(30);

    // Another address is not held back.
    expect((await prepare(second)).status).toBe(200);

    server.clock.advanceMs(29_000);
    expect((await prepare(first)).status).toBe(429);
    server.clock.advanceMs(1_000);
    expect((await prepare(first)).status).toBe(200);
    // The code sent last verifies the address.
    expect((await browser.call('POST', `/v1/me/email_addresses/${first}/attempt_verification`, { code: '424242' })).status).toBe(200);
  });

  it('refuses a second phone code within 30 s', async () => {
    const browser = await signedIn();
    // A Clerk test number: nothing is texted on a development instance, but the code is issued all the same.
    const number = `+120155501${String(Math.floor(Math.random() * 100)).padStart(2, '0')}`;
    const created = await browser.call('POST', '/v1/me/phone_numbers', { phone_number: number });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    const id = created.body.response.id as string;
    const prepare = () => browser.call('POST', `/v1/me/phone_numbers/${id}/prepare_verification`, { strategy: 'phone_code' });
    expect((await prepare()).status).toBe(200);
    const again = await prepare();
    expect(again.status).toBe(429);
    expect(again.body.errors[0].code).toBe('too_many_requests');
    server.clock.advanceMs(30_000);
    expect((await prepare()).status).toBe(200);
  });
});
