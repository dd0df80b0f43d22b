// Issue 12: POST /v1/phone_numbers/{id}/prepare_verification sends a real code by SMS (the signed webhook), and
// /attempt_verification checks it: outcomes reported through the status, single use under races, wrong codes
// counting toward lockout, Clerk's test numbers only on development instances.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectClerkError } from '../../helpers/assertions.js';
import { uniqueEmail, uniquePhone } from '../../helpers/fixtures.js';
import { smsEnv, startSmsInbox, useSmsInbox, type SmsInbox } from '../../helpers/sms-inbox.js';
import { startTestServer, TEST_SECRET_KEY, useTestServer, type TestServer } from '../../helpers/test-server.js';

const LIVE_KEY = `sk_live_${'R0sterLiveKey'.repeat(3)}`;
/** A production instance that also accepts the test key, so the helpers' clients work against it. */
const PRODUCTION = { ROSTER_SECRET_KEYS: `${LIVE_KEY},${TEST_SECRET_KEY}`, ROSTER_PUBLIC_URL: 'https://roster.example.com' };

function wrongCode(right: string): string {
  return right === '000000' ? '111111' : '000000';
}

describe('Backend API phone verification through the SMS webhook (development instance)', () => {
  const inbox = useSmsInbox();
  const server = useTestServer(() => smsEnv(inbox));

  const newPhone = async (phoneNumber = uniquePhone()) => {
    const user = await server.clerk.users.createUser({ emailAddress: [uniqueEmail()] });
    const phone = await server.clerk.phoneNumbers.createPhoneNumber({ userId: user.id, phoneNumber, verified: false });
    return { user, phone };
  };

  it('texts a signed code, and the right code verifies the number (phone_code) exactly once', async () => {
    const { phone } = await newPhone();
    const prepared = await server.api('POST', `/v1/phone_numbers/${phone.id}/prepare_verification`, {});
    expect(prepared.status).toBe(200);
    expect(prepared.body).toEqual({
      object: 'verification',
      id: expect.stringMatching(/^vcode_/),
      status: 'unverified',
      strategy: 'phone_code',
      attempts: 0,
      expire_at: expect.any(Number),
      channel: 'sms',
    });
    const sms = inbox.messages.filter((item) => item.to === phone.phoneNumber);
    expect(sms).toHaveLength(1);
    expect(sms[0]!.signed).toBe(true);
    const code = inbox.lastCodeTo(phone.phoneNumber);
    expect(JSON.stringify(prepared.body)).not.toContain(code);

    const verified = await server.api('POST', `/v1/phone_numbers/${phone.id}/attempt_verification`, { verification_id: prepared.body.id, code });
    expect(verified.body).toMatchObject({ id: prepared.body.id, status: 'verified', strategy: 'phone_code' });
    const after = await server.clerk.phoneNumbers.getPhoneNumber(phone.id);
    expect(after.verification).toMatchObject({ status: 'verified', strategy: 'phone_code' });

    const again = await server.api('POST', `/v1/phone_numbers/${phone.id}/attempt_verification`, { verification_id: prepared.body.id, code });
    expectClerkError(again, 400, 'verification_already_verified');
  });

  it('reports wrong codes through the status, then failed once the attempts are used up', async () => {
    const { phone } = await newPhone();
    const prepared = await server.api('POST', `/v1/phone_numbers/${phone.id}/prepare_verification`);
    const right = inbox.lastCodeTo(phone.phoneNumber);
    const attempt = (code: string) => server.api('POST', `/v1/phone_numbers/${phone.id}/attempt_verification`, { verification_id: prepared.body.id, code });
    const first = await attempt(wrongCode(right));
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ status: 'unverified', attempts: 1 });
    for (let i = 2; i <= 4; i++) expect((await attempt(wrongCode(right))).body).toMatchObject({ status: 'unverified', attempts: i });
    expect((await attempt(wrongCode(right))).body).toMatchObject({ status: 'failed', attempts: 5 });
    // Dead: even the right code no longer verifies.
    expect((await attempt(right)).body).toMatchObject({ status: 'failed' });
    expect((await server.clerk.phoneNumbers.getPhoneNumber(phone.id)).verification).toBeNull();
  });

  it('wrong codes count toward the user lockout, as wrong passwords do', async () => {
    const { user, phone } = await newPhone();
    const prepared = await server.api('POST', `/v1/phone_numbers/${phone.id}/prepare_verification`);
    const right = inbox.lastCodeTo(phone.phoneNumber);
    await server.api('POST', `/v1/phone_numbers/${phone.id}/attempt_verification`, { verification_id: prepared.body.id, code: wrongCode(right) });
    await server.api('POST', `/v1/phone_numbers/${phone.id}/attempt_verification`, { verification_id: prepared.body.id, code: wrongCode(right) });
    const after = await server.api('GET', `/v1/users/${user.id}`);
    expect(after.body.verification_attempts_remaining).toBe(8);
  });

  it('a verification_id of a replaced code, or of another phone, is not found; the expiry is reported', async () => {
    const { phone } = await newPhone();
    const other = await newPhone();
    const old = await server.api('POST', `/v1/phone_numbers/${phone.id}/prepare_verification`);
    const oldCode = inbox.lastCodeTo(phone.phoneNumber);
    const fresh = await server.api('POST', `/v1/phone_numbers/${phone.id}/prepare_verification`);
    expect(fresh.body.id).not.toBe(old.body.id);
    expectClerkError(await server.api('POST', `/v1/phone_numbers/${phone.id}/attempt_verification`, { verification_id: old.body.id, code: oldCode }), 404, 'resource_not_found');
    const otherPrepared = await server.api('POST', `/v1/phone_numbers/${other.phone.id}/prepare_verification`);
    const otherCode = inbox.lastCodeTo(other.phone.phoneNumber);
    expectClerkError(
      await server.api('POST', `/v1/phone_numbers/${phone.id}/attempt_verification`, { verification_id: otherPrepared.body.id, code: otherCode }),
      404,
      'resource_not_found',
    );
    server.clock.advanceMs(11 * 60 * 1000);
    const expired = await server.api('POST', `/v1/phone_numbers/${phone.id}/attempt_verification`, { verification_id: fresh.body.id, code: inbox.lastCodeTo(phone.phoneNumber) });
    expect(expired.body).toMatchObject({ status: 'expired' });
  });

  it('ten concurrent right answers verify once; the others are refused', async () => {
    const { phone } = await newPhone();
    const prepared = await server.api('POST', `/v1/phone_numbers/${phone.id}/prepare_verification`);
    const code = inbox.lastCodeTo(phone.phoneNumber);
    const results = await Promise.all(
      Array.from({ length: 10 }, () => server.api('POST', `/v1/phone_numbers/${phone.id}/attempt_verification`, { verification_id: prepared.body.id, code })),
    );
    expect(results.filter((result) => result.status === 200 && result.body.status === 'verified')).toHaveLength(1);
    for (const result of results.filter((item) => item.status !== 200)) expect(result.body.errors[0].code).toBe('verification_already_verified');
  });

  it('refuses malformed input and unknown phones without a 500', async () => {
    const { phone } = await newPhone();
    expectClerkError(await server.api('POST', '/v1/phone_numbers/idn_missing/prepare_verification'), 404, 'resource_not_found');
    expect((await server.api('POST', `/v1/phone_numbers/${phone.id}/attempt_verification`, { code: '123456' })).status).toBe(422);
    expect((await server.api('POST', `/v1/phone_numbers/${phone.id}/attempt_verification`, { verification_id: 'x', code: '1'.repeat(100) })).status).toBe(422);
    expect((await server.api('POST', `/v1/phone_numbers/${phone.id}/attempt_verification`, { verification_id: 'x', code: '123456', extra: 1 })).status).toBe(422);
    const noKey = await fetch(`${server.baseUrl}/v1/phone_numbers/${phone.id}/prepare_verification`, { method: 'POST' });
    expect(noKey.status).toBe(401);
  });

  it("Clerk's test numbers get 424242 and no message on a development instance", async () => {
    const { phone } = await newPhone('+12015550142');
    const before = inbox.messages.length;
    const prepared = await server.api('POST', `/v1/phone_numbers/${phone.id}/prepare_verification`);
    expect(inbox.messages.length).toBe(before);
    const verified = await server.api('POST', `/v1/phone_numbers/${phone.id}/attempt_verification`, { verification_id: prepared.body.id, code: '424242' });
    expect(verified.body.status).toBe('verified');
  });

  it('a webhook that fails or hangs answers 503 sms_delivery_unavailable', async () => {
    const { phone } = await newPhone();
    inbox.mode = { kind: 'fail', status: 500 };
    try {
      expectClerkError(await server.api('POST', `/v1/phone_numbers/${phone.id}/prepare_verification`), 503, 'sms_delivery_unavailable');
      inbox.mode = { kind: 'hang' };
      expectClerkError(await server.api('POST', `/v1/phone_numbers/${phone.id}/prepare_verification`), 503, 'sms_delivery_unavailable');
    } finally {
      inbox.mode = { kind: 'accept' };
    }
  });
});

describe('a production instance', () => {
  let inbox: SmsInbox;
  let server: TestServer;
  const logLines: string[] = [];
  beforeAll(async () => {
    inbox = await startSmsInbox();
    server = await startTestServer({ ...smsEnv(inbox), ...PRODUCTION }, { logLines });
  });
  afterAll(async () => {
    await server?.close();
    await inbox?.close();
  });

  it("texts Clerk's test numbers like any other, and 424242 does not verify them", async () => {
    const user = await server.clerk.users.createUser({ emailAddress: [uniqueEmail()] });
    const phone = await server.clerk.phoneNumbers.createPhoneNumber({ userId: user.id, phoneNumber: '+12015550143' });
    const prepared = await server.api('POST', `/v1/phone_numbers/${phone.id}/prepare_verification`);
    const code = inbox.lastCodeTo('+12015550143');
    const probe = code === '424242' ? '424243' : '424242';
    const refused = await server.api('POST', `/v1/phone_numbers/${phone.id}/attempt_verification`, { verification_id: prepared.body.id, code: probe });
    expect(refused.body.status).toBe('unverified');
    expect(logLines.join('\n')).not.toContain(code);
  });
});

describe('a production instance without an SMS webhook', () => {
  let server: TestServer;
  const logLines: string[] = [];
  beforeAll(async () => {
    server = await startTestServer(PRODUCTION, { logLines });
  });
  afterAll(async () => server?.close());

  it('sends nothing, logs no code, and answers 503', async () => {
    const user = await server.clerk.users.createUser({ emailAddress: [uniqueEmail()] });
    const phone = await server.clerk.phoneNumbers.createPhoneNumber({ userId: user.id, phoneNumber: uniquePhone() });
    expectClerkError(await server.api('POST', `/v1/phone_numbers/${phone.id}/prepare_verification`), 503, 'sms_delivery_unavailable');
    expect(logLines.join('\n')).not.toMatch(/is your .* verification code/);
  });
});

describe('a development instance without an SMS webhook', () => {
  let server: TestServer;
  const logLines: string[] = [];
  beforeAll(async () => {
    server = await startTestServer({}, { logLines });
  });
  afterAll(async () => server?.close());

  it('logs the message, code included, instead of sending it', async () => {
    const user = await server.clerk.users.createUser({ emailAddress: [uniqueEmail()] });
    const phone = await server.clerk.phoneNumbers.createPhoneNumber({ userId: user.id, phoneNumber: uniquePhone() });
    const prepared = await server.api('POST', `/v1/phone_numbers/${phone.id}/prepare_verification`);
    const line = logLines.find((item) => item.includes(phone.phoneNumber) && item.includes('verification code'));
    const code = /(\d{6}) is your/.exec(line ?? '')?.[1];
    expect(code, 'the development sender logs the message').toMatch(/^\d{6}$/);
    const verified = await server.api('POST', `/v1/phone_numbers/${phone.id}/attempt_verification`, { verification_id: prepared.body.id, code });
    expect(verified.body.status).toBe('verified');
  });
});
