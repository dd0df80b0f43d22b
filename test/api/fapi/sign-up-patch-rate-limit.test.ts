// Found in review: `PATCH /v1/client/sign_ups/{id}` (clerk-js: `POST …?_method=PATCH`) checks whether an email
// address or username is taken (form_identifier_exists) and hashes a password (argon2), yet it is not one of
// the `fapi_attempts` steps (20 per 10 s per IP): only the general 300 per 10 s applies. An anonymous caller
// probes 15x more addresses per window than through POST /v1/client/sign_ups, and can make the server hash
// a password 30 times a second.
import { describe, expect, it } from 'vitest';
import { fapiBrowser } from '../../helpers/fapi-client.js';
import { uniqueTag } from '../../helpers/fixtures.js';
import { useTestServer } from '../../helpers/test-server.js';

describe('the sign-up PATCH and the attempts rate limit', () => {
  const server = useTestServer({ ROSTER_RATE_LIMITS: 'on' });

  it('counts address probes through PATCH toward fapi_attempts (20 per 10 s)', async () => {
    const browser = fapiBrowser(() => server);
    const created = await browser.call('POST', '/v1/client/sign_ups', {});
    expect(created.status).toBe(200);
    const id = created.body.response.id as string;
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) {
      const probe = await browser.call('PATCH', `/v1/client/sign_ups/${id}`, { email_address: `probe-${uniqueTag()}-${i}@example.com` });
      statuses.push(probe.status);
    }
    // The 21st step within the window must be refused, as it would be through POST /v1/client/sign_ups.
    expect(statuses).toContain(429);
  });
});
