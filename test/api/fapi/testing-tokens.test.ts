// Testing tokens: POST /v1/testing_tokens on a development instance; a valid `__clerk_testing_token` lets an
// end-to-end suite's Frontend API requests past the per-IP rate limits, an invalid or expired one does not.
import { describe, expect, it } from 'vitest';
import { fapiBrowser } from '../../helpers/fapi-client.js';
import { uniqueEmail } from '../../helpers/fixtures.js';
import { useTestServer } from '../../helpers/test-server.js';

const LIVE_KEY = `sk_live_${'R0sterLiveKey'.repeat(3)}`;

describe('testing tokens on a development instance', () => {
  const server = useTestServer({ ROSTER_RATE_LIMITS: 'on', ROSTER_RATE_LIMIT_FAPI_ATTEMPTS: '2/10s' });

  const attempts = async (query: string) => {
    const browser = fapiBrowser(() => server);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await browser.call('POST', `/v1/client/sign_ins${query}`, { identifier: uniqueEmail('nobody') })).status);
    return statuses;
  };

  it('issues an hour-long token that lets Frontend API requests past the rate limits', async () => {
    const testingToken = await server.clerk.testingTokens.createTestingToken();
    // @clerk/backend 3.25 has no deserializer for `testing_token`: it hands the JSON back as it came.
    const { expires_at: expiresAt } = testingToken as unknown as { expires_at: number };
    expect(expiresAt - Math.floor(server.clock.nowMs() / 1000)).toBe(3600);
    expect(testingToken.token).toMatch(/^\d+-[A-Za-z0-9_-]{43}$/);

    expect(await attempts(`?__clerk_testing_token=${encodeURIComponent(testingToken.token)}`)).toEqual([422, 422, 422, 422]);
    const forged = testingToken.token.replace(/.$/, (last) => (last === 'A' ? 'B' : 'A'));
    expect(await attempts(`?__clerk_testing_token=${encodeURIComponent(forged)}`)).toContain(429);

    server.clock.advanceMs(3601_000);
    expect(await attempts(`?__clerk_testing_token=${encodeURIComponent(testingToken.token)}`)).toContain(429);
  });
});

describe('testing tokens on a production instance', () => {
  const server = useTestServer({ ROSTER_SECRET_KEYS: LIVE_KEY, ROSTER_PUBLIC_URL: 'https://roster.example.com', ROSTER_SMTP_URL: 'smtp://127.0.0.1:9' });

  it('are refused', async () => {
    const response = await server.api('POST', '/v1/testing_tokens', undefined, { authorization: `Bearer ${LIVE_KEY}` });
    expect(response.status).toBe(400);
    expect(response.body.errors[0].code).toBe('request_invalid_for_environment');
  });
});
