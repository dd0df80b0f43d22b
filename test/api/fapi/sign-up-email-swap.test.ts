// Found in review: a sign-up's email code is bound to the sign-up, not to the address it was sent to. A PATCH
// that changes the address while prepare_verification is still delivering the first code (SMTP takes a
// round trip) leaves the sign-up `unverified` on the NEW address with the code sent to the OLD one: the
// attacker verifies someone else's address with their own code and owns an account under it.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fapiBrowser } from '../../helpers/fapi-client.js';
import { uniqueTag } from '../../helpers/fixtures.js';
import { parseMime } from '../../helpers/mime.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';

const LIVE_KEY = `sk_live_${'R0sterLiveKey'.repeat(3)}`;
const PAGE = 'https://app.example.com';
const PASSWORD = 'correct horse battery 42';

describe('sign-up email verification and a concurrent address change', () => {
  let smtp: SMTPServer;
  let server: TestServer;
  const inbox: { to: string[]; code: string }[] = [];
  let onMessage: (() => Promise<void>) | null = null;

  beforeAll(async () => {
    smtp = new SMTPServer({
      disabledCommands: ['STARTTLS', 'AUTH'],
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const subject = parseMime(Buffer.concat(chunks).toString('utf8')).headers.get('subject') ?? '';
          inbox.push({ to: session.envelope.rcptTo.map((rcpt) => rcpt.address), code: /^(\d{6})/.exec(subject)?.[1] ?? '' });
          // The SMTP server answers the DATA only after `onMessage` (a slow relay, as real ones can be).
          const hook = onMessage;
          onMessage = null;
          void (hook ? hook() : Promise.resolve()).then(() => callback());
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const port = (smtp.server.address() as AddressInfo).port;
    server = await startTestServer({
      ROSTER_SECRET_KEYS: LIVE_KEY,
      ROSTER_PUBLIC_URL: 'https://roster.example.com',
      ROSTER_FRONTEND_API_URL: 'https://clerk.example.com',
      ROSTER_ALLOWED_ORIGINS: PAGE,
      ROSTER_SMTP_URL: `smtp://127.0.0.1:${port}`,
    });
  });
  afterAll(async () => {
    await server?.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  it('does not verify an address with a code that was sent to another address', async () => {
    const tag = uniqueTag();
    const attackerEmail = `attacker-${tag}@evil.example`;
    const victimEmail = `victim-${tag}@example.com`;
    const browser = fapiBrowser(() => server, PAGE);

    const created = await browser.call('POST', '/v1/client/sign_ups', { email_address: attackerEmail, password: PASSWORD });
    expect(created.status).toBe(200);
    const signUpId = created.body.response.id as string;

    // While the code for the attacker's own address is being delivered, the attacker switches the address.
    let patched: { status: number; body: any } | undefined;
    onMessage = async () => {
      patched = await browser.call('PATCH', `/v1/client/sign_ups/${signUpId}`, { email_address: victimEmail });
    };
    const prepared = await browser.call('POST', `/v1/client/sign_ups/${signUpId}/prepare_verification`, { strategy: 'email_code' });
    // The address changed while its code was on the way: the preparation is refused, not moved to the new address.
    expect(prepared.status).toBe(409);
    expect(patched?.status).toBe(200);
    expect(inbox.map((message) => message.to)).toEqual([[attackerEmail]]);
    const attackerCode = inbox[0]!.code;

    // The victim never received a code; the attacker's code must not verify the victim's address.
    const attempt = await browser.call('POST', `/v1/client/sign_ups/${signUpId}/attempt_verification`, { strategy: 'email_code', code: attackerCode });
    const users = await server.api('GET', `/v1/users?email_address=${encodeURIComponent(victimEmail)}`, undefined, { authorization: `Bearer ${LIVE_KEY}` });
    expect(users.body).toEqual([]);
    expect(attempt.status).not.toBe(200);
  });
});
