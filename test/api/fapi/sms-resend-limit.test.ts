// SMS pumping: a resend loop from the profile (prepare_verification of /v1/me/phone_numbers/{id}) or from one
// sign-in (prepare_second_factor) texts a number at most once per 30 s, not as often as the per-IP limit allows.
import { describe, expect, it } from 'vitest';
import { fapiBrowser } from '../../helpers/fapi-client.js';
import { uniquePhone, uniqueTag } from '../../helpers/fixtures.js';
import { smsEnv, useSmsInbox } from '../../helpers/sms-inbox.js';
import { useTestServer } from '../../helpers/test-server.js';

const PASSWORD = 'correct horse battery 42';
const MAX_TEXTS_PER_NUMBER_PER_MINUTE = 5;

describe('SMS sends are limited per number, not only per IP', () => {
  const inbox = useSmsInbox();
  // Clerk's default rate limits on, as in production.
  const server = useTestServer(() => ({ ...smsEnv(inbox), ROSTER_RATE_LIMITS: 'on' }));

  it('does not text one number 10 times in a few seconds from the profile', async () => {
    const email = `pump-${uniqueTag()}@example.com`;
    await server.clerk.users.createUser({ emailAddress: [email], password: PASSWORD });
    const browser = fapiBrowser(() => server);
    expect((await browser.call('POST', '/v1/client/sign_ins', { identifier: email, strategy: 'password', password: PASSWORD })).body.response.status).toBe('complete');
    const number = uniquePhone();
    const added = await browser.call('POST', '/v1/me/phone_numbers', { phone_number: number });
    expect(added.status).toBe(200);
    for (let i = 0; i < 10; i++) {
      await browser.call('POST', `/v1/me/phone_numbers/${added.body.response.id}/prepare_verification`, { strategy: 'phone_code' });
    }
    expect(inbox.messages.filter((message) => message.to === number).length).toBeLessThanOrEqual(MAX_TEXTS_PER_NUMBER_PER_MINUTE);
  });

  it('texts a second-factor phone once however often one sign-in prepares within 30 s', async () => {
    const email = `pump2fa-${uniqueTag()}@example.com`;
    const number = uniquePhone();
    const user = await server.clerk.users.createUser({ emailAddress: [email], password: PASSWORD });
    await server.clerk.phoneNumbers.createPhoneNumber({ userId: user.id, phoneNumber: number, verified: true, reservedForSecondFactor: true });
    const browser = fapiBrowser(() => server, 'http://localhost:5173');
    const started = await browser.call('POST', '/v1/client/sign_ins', { identifier: email, strategy: 'password', password: PASSWORD });
    expect(started.body.response.status).toBe('needs_second_factor');
    // Five, so that with the profile test's requests this file stays inside the per-IP attempt limit (20 per 10 s).
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      statuses.push((await browser.call('POST', `/v1/client/sign_ins/${started.body.response.id}/prepare_second_factor`, { strategy: 'phone_code' })).status);
    }
    // A page that prepares again (clerk-js does on every load of the factor-two page) is answered as the first time,
    // and the code already texted stays the one to type: one text, and it signs in.
    expect(statuses).toEqual(Array(5).fill(200));
    const texts = inbox.messages.filter((message) => message.to === number);
    expect(texts).toHaveLength(1);
    const done = await browser.call('POST', `/v1/client/sign_ins/${started.body.response.id}/attempt_second_factor`, {
      strategy: 'phone_code',
      code: inbox.lastCodeTo(number),
    });
    expect(done.body.response.status).toBe('complete');
  });
});
