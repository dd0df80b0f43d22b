// ROSTER_SMS_WEBHOOK_*: validated at start, errors naming the variable and never repeating the URL or the secret.
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/config-error.js';
import { loadSmsConfig } from '../../src/config/sms-config.js';
import { isClerkTestPhoneNumber } from '../../src/verification/clerk-test-phone.js';
import { createWebhookSmsSender, signSmsWebhook } from '../../src/sms/webhook-sms-sender.js';

const SECRET = 'a-webhook-secret-of-some-length';

describe('loadSmsConfig', () => {
  it('is off without a URL', () => {
    expect(loadSmsConfig({}).webhook).toBeNull();
  });

  it('reads the URL, secret and timeout; only the origin may be logged (paths and queries often hold tokens)', () => {
    const { webhook } = loadSmsConfig({
      ROSTER_SMS_WEBHOOK_URL: 'https://user:pw@sms.example.com/hook?token=abc',
      ROSTER_SMS_WEBHOOK_SECRET: SECRET,
      ROSTER_SMS_WEBHOOK_TIMEOUT_MS: '2500',
    });
    expect(webhook).toMatchObject({ url: 'https://user:pw@sms.example.com/hook?token=abc', redactedUrl: 'https://sms.example.com', secret: SECRET, timeoutInMs: 2500 });
    expect(loadSmsConfig({ ROSTER_SMS_WEBHOOK_URL: 'http://127.0.0.1:9/x', ROSTER_SMS_WEBHOOK_SECRET: SECRET }).webhook?.timeoutInMs).toBe(5000);
  });

  it.each([
    [{ ROSTER_SMS_WEBHOOK_URL: 'https://sms.example.com/hook' }, /ROSTER_SMS_WEBHOOK_SECRET must be set/],
    [{ ROSTER_SMS_WEBHOOK_URL: 'https://sms.example.com/hook', ROSTER_SMS_WEBHOOK_SECRET: 'short' }, /at least 16/],
    [{ ROSTER_SMS_WEBHOOK_URL: 'ftp://sms.example.com/hook', ROSTER_SMS_WEBHOOK_SECRET: SECRET }, /must start with https/],
    [{ ROSTER_SMS_WEBHOOK_URL: 'not a url secret-in-url', ROSTER_SMS_WEBHOOK_SECRET: SECRET }, /is not a URL/],
    [{ ROSTER_SMS_WEBHOOK_URL: 'https://sms.example.com/hook', ROSTER_SMS_WEBHOOK_SECRET: SECRET, ROSTER_SMS_WEBHOOK_TIMEOUT_MS: '0' }, /TIMEOUT_MS/],
    [{ ROSTER_SMS_WEBHOOK_SECRET: SECRET }, /ROSTER_SMS_WEBHOOK_URL is not/],
  ])('refuses %j', (env, pattern) => {
    expect(() => loadSmsConfig(env)).toThrow(ConfigError);
    expect(() => loadSmsConfig(env)).toThrow(pattern);
    try {
      loadSmsConfig(env);
    } catch (error) {
      expect(String(error)).not.toContain('secret-in-url');
      expect(String(error)).not.toContain(SECRET);
    }
  });
});

describe("Clerk's test phone numbers", () => {
  it('are +1 XXX 555-0100 to 0199 and nothing else', () => {
    expect(isClerkTestPhoneNumber('+12015550100')).toBe(true);
    expect(isClerkTestPhoneNumber('+14155550199')).toBe(true);
    expect(isClerkTestPhoneNumber('+14155550200')).toBe(false);
    expect(isClerkTestPhoneNumber('+14155550099')).toBe(false);
    expect(isClerkTestPhoneNumber('+442015550100')).toBe(false);
  });
});

describe('the webhook signature', () => {
  it('is v1 and the base64 HMAC-SHA256 of id.timestamp.body (known answer)', () => {
    expect(signSmsWebhook('secret', 'sms_1', 1700000000, '{}')).toBe('v1,Tfy0kpbf+CvixC7LF1e/2OIxoQQVHvM1N+E+6y/2ibc=');
  });
});

describe('the webhook sender', () => {
  const config = (url: string) => loadSmsConfig({ ROSTER_SMS_WEBHOOK_URL: url, ROSTER_SMS_WEBHOOK_SECRET: SECRET }).webhook!;

  it('moves credentials in the URL to HTTP Basic authentication, and signs the body', async () => {
    const seen: { url: string; headers: Record<string, string>; body: string }[] = [];
    const fetchStub = (async (url: string, init: RequestInit) => {
      seen.push({ url, headers: init.headers as Record<string, string>, body: String(init.body) });
      return new Response(null, { status: 204 });
    }) as unknown as typeof fetch;
    await createWebhookSmsSender(config('https://us%40er:p%3Ass@sms.example.com/hook?x=1'), fetchStub).send({ to: '+14155550123', message: 'hello' });
    expect(seen[0]!.url).toBe('https://sms.example.com/hook?x=1');
    expect(seen[0]!.headers.authorization).toBe(`Basic ${Buffer.from('us@er:p:ss').toString('base64')}`);
    const headers = seen[0]!.headers;
    expect(headers['roster-signature']).toBe(signSmsWebhook(SECRET, headers['roster-id']!, Number(headers['roster-timestamp']), seen[0]!.body));
    expect(JSON.parse(seen[0]!.body)).toMatchObject({ to: '+14155550123', message: 'hello' });
  });

  it('rejects on a non-2xx answer or a network error, naming neither the message nor credentials', async () => {
    const failing = (async () => new Response(null, { status: 502 })) as unknown as typeof fetch;
    const sender = createWebhookSmsSender(config('https://u:secretpw@sms.example.com/hook'), failing);
    await expect(sender.send({ to: '+14155550123', message: '123456 is your code' })).rejects.toThrow(/answered 502/);
    const broken = (async () => {
      throw new TypeError('fetch failed');
    }) as unknown as typeof fetch;
    const error = await createWebhookSmsSender(config('https://u:secretpw@sms.example.com/hook'), broken)
      .send({ to: '+14155550123', message: '123456 is your code' })
      .catch((caught: unknown) => caught as Error);
    expect(String(error)).not.toMatch(/secretpw|123456/);
  });
});
