// Found in review: a production instance whose ROSTER_REQUIRED_IDENTIFIERS lacks email_address starts without
// SMTP (assertEmailDeliveryConfigured allows it), but the Frontend API's sign-up always requires and verifies
// an email address: every prepare_verification answers 500 internal_clerk_error, so no one can sign up.
import { describe, expect, it } from 'vitest';
import { fapiBrowser } from '../../helpers/fapi-client.js';
import { uniqueTag } from '../../helpers/fixtures.js';
import { useTestServer } from '../../helpers/test-server.js';

const LIVE_KEY = `sk_live_${'R0sterLiveKey'.repeat(3)}`;

describe('a production instance without SMTP', () => {
  const server = useTestServer({
    ROSTER_SECRET_KEYS: LIVE_KEY,
    ROSTER_PUBLIC_URL: 'https://roster.example.com',
    ROSTER_ALLOWED_ORIGINS: 'https://app.example.com',
    ROSTER_REQUIRED_IDENTIFIERS: 'username',
  });

  it('never answers a sign-up step with 500', async () => {
    const browser = fapiBrowser(() => server, 'https://app.example.com');
    const created = await browser.call('POST', '/v1/client/sign_ups', {
      email_address: `jane-${uniqueTag()}@example.com`,
      password: 'correct horse battery 42',
      username: `jane${uniqueTag()}`.replace(/[^a-z0-9]/gi, ''),
    });
    expect(created.status).toBe(200);
    const prepared = await browser.call('POST', `/v1/client/sign_ups/${created.body.response.id}/prepare_verification`, { strategy: 'email_code' });
    expect(prepared.status).not.toBe(500);
  });
});
