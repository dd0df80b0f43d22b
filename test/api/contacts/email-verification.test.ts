// Issue 12: the Backend API's email verification by code — POST /v1/email_addresses/{id}/prepare_verification
// sends a real code, attempt_verification checks it against its verification and reports the outcome as a status.
import { describe, expect, it } from 'vitest';
import { uniqueTag } from '../../helpers/fixtures.js';
import { codeOf, useSmtpInbox } from '../../helpers/smtp-inbox.js';
import { useTestServer, type TestServer } from '../../helpers/test-server.js';

describe('Backend API: email address verification by code', () => {
  const inbox = useSmtpInbox();
  const server = useTestServer(() => ({ ROSTER_SMTP_URL: inbox.url, ROSTER_EMAIL_FROM: 'Roster <no-reply@example.com>' }));

  const newAddress = async (verified: boolean) => {
    const user = await server.clerk.users.createUser({ emailAddress: [`owner-${uniqueTag()}@example.com`], skipPasswordRequirement: true });
    const address = `check-${uniqueTag()}@example.com`;
    const email = await server.clerk.emailAddresses.createEmailAddress({ userId: user.id, emailAddress: address, verified });
    return { user, address, email };
  };

  it('sends a code; a wrong one is a status, the right one verifies the address once', async () => {
    const { address, email } = await newAddress(false);
    const prepared = await server.api('POST', `/v1/email_addresses/${email.id}/prepare_verification`);
    expect(prepared.status).toBe(200);
    expect(prepared.body).toMatchObject({ object: 'verification', status: 'unverified', strategy: 'email_code', attempts: 0 });
    const verificationId = prepared.body.id;
    const code = codeOf(await inbox.waitForMessage(address));

    const wrong = await server.api('POST', `/v1/email_addresses/${email.id}/attempt_verification`, { verification_id: verificationId, code: code === '000000' ? '111111' : '000000' });
    expect(wrong.status).toBe(200);
    expect(wrong.body).toMatchObject({ id: verificationId, status: 'unverified', attempts: 1 });

    const right = await server.api('POST', `/v1/email_addresses/${email.id}/attempt_verification`, { verification_id: verificationId, code });
    expect(right.status).toBe(200);
    expect(right.body).toMatchObject({ id: verificationId, status: 'verified' });
    expect((await server.clerk.emailAddresses.getEmailAddress(email.id)).verification?.status).toBe('verified');

    const replayed = await server.api('POST', `/v1/email_addresses/${email.id}/attempt_verification`, { verification_id: verificationId, code });
    expect(replayed.status).toBe(400);
    expect(replayed.body.errors[0].code).toBe('verification_already_verified');
  });

  it('binds the verification to its address, and refuses unknown ids and bad bodies', async () => {
    const first = await newAddress(true);
    const second = await newAddress(true);
    const prepared = await server.api('POST', `/v1/email_addresses/${first.email.id}/prepare_verification`);
    const code = codeOf(await inbox.waitForMessage(first.address));
    const elsewhere = await server.api('POST', `/v1/email_addresses/${second.email.id}/attempt_verification`, { verification_id: prepared.body.id, code });
    expect(elsewhere.status).toBe(404);
    const unknown = await server.api('POST', `/v1/email_addresses/${first.email.id}/attempt_verification`, { verification_id: 'ver_nope', code });
    expect(unknown.status).toBe(404);
    const missing = await server.api('POST', `/v1/email_addresses/${first.email.id}/attempt_verification`, { code });
    expect(missing.status).toBe(422);
    expect((await server.api('POST', '/v1/email_addresses/idn_missing/prepare_verification')).status).toBe(404);
    // An already verified address can still be checked by the backend; it stays verified.
    const right = await server.api('POST', `/v1/email_addresses/${first.email.id}/attempt_verification`, { verification_id: prepared.body.id, code });
    expect(right.body.status).toBe('verified');
  });

  it('fails a verification after five wrong codes, and lets one of concurrent right codes through', async () => {
    const { address, email } = await newAddress(false);
    const prepared = await server.api('POST', `/v1/email_addresses/${email.id}/prepare_verification`);
    const code = codeOf(await inbox.waitForMessage(address));
    const wrongCode = code === '000000' ? '111111' : '000000';
    let last;
    for (let i = 0; i < 5; i++) last = await server.api('POST', `/v1/email_addresses/${email.id}/attempt_verification`, { verification_id: prepared.body.id, code: wrongCode });
    expect(last!.body).toMatchObject({ status: 'failed', attempts: 5 });
    const dead = await server.api('POST', `/v1/email_addresses/${email.id}/attempt_verification`, { verification_id: prepared.body.id, code });
    expect(dead.body.status).toBe('failed');
    expect((await server.clerk.emailAddresses.getEmailAddress(email.id)).verification).toBeNull();

    const again = await server.api('POST', `/v1/email_addresses/${email.id}/prepare_verification`);
    const messages = () => inbox.messages.filter((message) => message.to.includes(address));
    await expect.poll(() => messages().length).toBe(2);
    const second = codeOf(messages()[1]!);
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => server.api('POST', `/v1/email_addresses/${email.id}/attempt_verification`, { verification_id: again.body.id, code: second })),
    );
    expect(answers.filter((answer) => answer.status === 200 && answer.body.status === 'verified')).toHaveLength(1);
    expect(answers.filter((answer) => answer.status === 400)).toHaveLength(5);
  });
});
