// Issue 12: the signed-in user's email addresses through the Frontend API — add one (unverified), send it a code,
// verify it (single use, bounded guesses, bound to that address), make it primary, delete one — as clerk-js does.
import { describe, expect, it } from 'vitest';
import { fapiBrowser } from '../../helpers/fapi-client.js';
import { uniqueTag } from '../../helpers/fixtures.js';
import { codeOf, useSmtpInbox } from '../../helpers/smtp-inbox.js';
import { useTestServer, type TestServer } from '../../helpers/test-server.js';

const PASSWORD = 'correct horse battery 42';
const TEST_CODE = '424242';

async function signIn(server: TestServer) {
  const email = `mail-${uniqueTag()}+clerk_test@example.com`;
  const user = await server.clerk.users.createUser({ emailAddress: [email], password: PASSWORD });
  const browser = fapiBrowser(() => server);
  const signedIn = await browser.call('POST', '/v1/client/sign_ins', { identifier: email, strategy: 'password', password: PASSWORD });
  const sessionId = signedIn.body.response.created_session_id as string;
  return { email, user, browser, sessionId, me: (path = '') => `/v1/me${path}?_clerk_session_id=${sessionId}` };
}

describe('Frontend API: /v1/me/email_addresses', () => {
  const server = useTestServer();

  it('adds an unverified address, verifies it with the test code, then makes it primary', async () => {
    const { user, browser, me } = await signIn(server);
    const address = `second-${uniqueTag()}+clerk_test@example.com`;
    const created = await browser.call('POST', me('/email_addresses'), { email_address: address });
    expect(created.status).toBe(200);
    expect(created.body.response).toMatchObject({ object: 'email_address', email_address: address, verification: null });
    const id = created.body.response.id;

    const unverifiedPrimary = await browser.call('PATCH', me(), { primary_email_address_id: id });
    expect(unverifiedPrimary.body.errors[0].code).toBe('form_verification_needed');

    const prepared = await browser.call('POST', me(`/email_addresses/${id}/prepare_verification`), { strategy: 'email_code' });
    expect(prepared.status).toBe(200);
    expect(prepared.body.response.verification).toMatchObject({ object: 'verification_otp', status: 'unverified', strategy: 'email_code', attempts: 0 });
    const read = await browser.call('GET', me(`/email_addresses/${id}`));
    expect(read.body.response.verification.status).toBe('unverified');

    const verified = await browser.call('POST', me(`/email_addresses/${id}/attempt_verification`), { code: TEST_CODE });
    expect(verified.status).toBe(200);
    expect(verified.body.response.verification).toMatchObject({ status: 'verified', strategy: 'email_code' });
    const replayed = await browser.call('POST', me(`/email_addresses/${id}/attempt_verification`), { code: TEST_CODE });
    expect(replayed.status).toBe(400);
    expect(replayed.body.errors[0].code).toBe('verification_already_verified');

    const primary = await browser.call('PATCH', me(), { primary_email_address_id: id });
    expect(primary.status).toBe(200);
    const stored = await server.clerk.users.getUser(user.id);
    expect(stored.primaryEmailAddressId).toBe(id);
    expect(stored.emailAddresses.find((item) => item.id === id)?.verification?.status).toBe('verified');

    const list = await browser.call('GET', me('/email_addresses'));
    expect(list.body.map((item: any) => item.email_address).sort()).toEqual([address, user.emailAddresses[0]!.emailAddress].sort());
  });

  it('counts wrong codes (the code dies after five, the user toward lockout) and binds a code to its address', async () => {
    const { user, browser, me } = await signIn(server);
    const first = (await browser.call('POST', me('/email_addresses'), { email_address: `a-${uniqueTag()}+clerk_test@example.com` })).body.response.id;
    const second = (await browser.call('POST', me('/email_addresses'), { email_address: `b-${uniqueTag()}+clerk_test@example.com` })).body.response.id;
    await browser.call('POST', me(`/email_addresses/${first}/prepare_verification`), { strategy: 'email_code' });
    // No code was sent to the second address: the first one's code does not verify it.
    const unbound = await browser.call('POST', me(`/email_addresses/${second}/attempt_verification`), { code: TEST_CODE });
    expect(unbound.status).toBe(400);
    expect(unbound.body.errors[0].code).toBe('verification_missing');

    for (let i = 0; i < 4; i++) {
      const wrong = await browser.call('POST', me(`/email_addresses/${first}/attempt_verification`), { code: '000000' });
      expect(wrong.status).toBe(422);
      expect(wrong.body.errors[0]).toMatchObject({ code: 'form_code_incorrect', meta: { param_name: 'code' } });
    }
    const fifth = await browser.call('POST', me(`/email_addresses/${first}/attempt_verification`), { code: '000000' });
    expect(fifth.body.errors[0].code).toBe('verification_failed');
    const dead = await browser.call('POST', me(`/email_addresses/${first}/attempt_verification`), { code: TEST_CODE });
    expect(dead.body.errors[0].code).toBe('verification_failed');
    expect((await server.api('GET', `/v1/users/${user.id}`)).body.verification_attempts_remaining).toBe(5);
    expect((await server.clerk.emailAddresses.getEmailAddress(first)).verification).toBeNull();

    // A new code (once the resend interval has passed) starts afresh.
    server.clock.advanceMs(30_000);
    await browser.call('POST', me(`/email_addresses/${first}/prepare_verification`), { strategy: 'email_code' });
    expect((await browser.call('POST', me(`/email_addresses/${first}/attempt_verification`), { code: TEST_CODE })).status).toBe(200);
  });

  it('lets exactly one of concurrent right codes verify the address', async () => {
    const { browser, me } = await signIn(server);
    const id = (await browser.call('POST', me('/email_addresses'), { email_address: `race-${uniqueTag()}+clerk_test@example.com` })).body.response.id;
    await browser.call('POST', me(`/email_addresses/${id}/prepare_verification`), { strategy: 'email_code' });
    const answers = await Promise.all(Array.from({ length: 8 }, () => browser.call('POST', me(`/email_addresses/${id}/attempt_verification`), { code: TEST_CODE })));
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(1);
    for (const answer of answers.filter((item) => item.status !== 200)) expect(answer.body.errors[0].code).toBe('verification_already_verified');
  });

  it("refuses another user's verified address, and another user's address id", async () => {
    const alice = await signIn(server);
    const bob = await signIn(server);
    const taken = await bob.browser.call('POST', bob.me('/email_addresses'), { email_address: alice.email.toUpperCase() });
    expect(taken.status).toBe(422);
    expect(taken.body.errors[0]).toMatchObject({ code: 'form_identifier_exists', meta: { param_name: 'email_address' } });

    const aliceEmailId = alice.user.emailAddresses[0]!.id;
    for (const [method, path, form] of [
      ['GET', `/email_addresses/${aliceEmailId}`, undefined],
      ['DELETE', `/email_addresses/${aliceEmailId}`, undefined],
      ['POST', `/email_addresses/${aliceEmailId}/prepare_verification`, { strategy: 'email_code' }],
      ['POST', `/email_addresses/${aliceEmailId}/attempt_verification`, { code: TEST_CODE }],
    ] as const) {
      const answer = await bob.browser.call(method, bob.me(path), form);
      expect(answer.status, `${method} ${path}`).toBe(404);
    }
    expect((await server.clerk.emailAddresses.getEmailAddress(aliceEmailId)).emailAddress).toBe(alice.email);
  });

  it('an unverified address another user verifies meanwhile cannot be verified any more', async () => {
    const alice = await signIn(server);
    const bob = await signIn(server);
    const contested = `contested-${uniqueTag()}+clerk_test@example.com`;
    const id = (await bob.browser.call('POST', bob.me('/email_addresses'), { email_address: contested })).body.response.id;
    await bob.browser.call('POST', bob.me(`/email_addresses/${id}/prepare_verification`), { strategy: 'email_code' });
    await server.clerk.emailAddresses.createEmailAddress({ userId: alice.user.id, emailAddress: contested, verified: true });
    const refused = await bob.browser.call('POST', bob.me(`/email_addresses/${id}/attempt_verification`), { code: TEST_CODE });
    expect(refused.status).toBe(422);
    expect(refused.body.errors[0].code).toBe('form_identifier_exists');
    const resend = await bob.browser.call('POST', bob.me(`/email_addresses/${id}/prepare_verification`), { strategy: 'email_code' });
    expect(resend.body.errors[0].code).toBe('form_identifier_exists');
  });

  it('refuses other strategies, missing fields, and deletes an address under the last-identification rules', async () => {
    const { user, browser, me } = await signIn(server);
    const id = (await browser.call('POST', me('/email_addresses'), { email_address: `del-${uniqueTag()}@example.com` })).body.response.id;
    const link = await browser.call('POST', me(`/email_addresses/${id}/prepare_verification`), { strategy: 'email_link' });
    expect(link.status).toBe(422);
    expect(link.body.errors[0].meta.param_name).toBe('strategy');
    expect((await browser.call('POST', me('/email_addresses'), {})).body.errors[0].code).toBe('form_param_missing');
    expect((await browser.call('POST', me('/email_addresses'), { email_address: 'not an address' })).status).toBe(422);

    const deleted = await browser.call('DELETE', me(`/email_addresses/${id}`));
    expect(deleted.status).toBe(200);
    expect(deleted.body.response).toEqual({ object: 'email_address', id, deleted: true });
    const last = await browser.call('DELETE', me(`/email_addresses/${user.emailAddresses[0]!.id}`));
    expect(last.status).toBe(400);
    expect(last.body.errors[0].code).toBe('last_required_identification_deletion_failed');
  });
});

describe('Frontend API: /v1/me/email_addresses with real email', () => {
  const inbox = useSmtpInbox();
  const server = useTestServer(() => ({ ROSTER_SMTP_URL: inbox.url, ROSTER_EMAIL_FROM: 'Roster <no-reply@example.com>' }));

  it('sends a code to the new address, which verifies it', async () => {
    const { user, browser, me } = await signIn(server);
    const address = `real-${uniqueTag()}@example.com`;
    const id = (await browser.call('POST', me('/email_addresses'), { email_address: address })).body.response.id;
    expect((await browser.call('POST', me(`/email_addresses/${id}/prepare_verification`), { strategy: 'email_code' })).status).toBe(200);
    const code = codeOf(await inbox.waitForMessage(address));
    expect(code).not.toBe(TEST_CODE);
    const verified = await browser.call('POST', me(`/email_addresses/${id}/attempt_verification`), { code });
    expect(verified.status).toBe(200);
    expect((await server.clerk.users.getUser(user.id)).emailAddresses.find((item) => item.id === id)?.verification?.status).toBe('verified');
  });
});
