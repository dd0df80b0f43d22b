// The Frontend API's rate limits: per client IP, apart from the Backend API's instance budget.
import { describe, expect, it } from 'vitest';
import { fapiBrowser, PAGE_ORIGIN } from '../../helpers/fapi-client.js';
import { raw } from '../../helpers/fapi-raw-http.js';
import { uniqueEmail } from '../../helpers/fixtures.js';
import { useTestServer } from '../../helpers/test-server.js';

describe('Frontend API rate limits', () => {
  const server = useTestServer({
    ROSTER_RATE_LIMITS: 'on',
    ROSTER_RATE_LIMIT_BAPI: '5/10s',
    ROSTER_RATE_LIMIT_FAPI: '30/10s',
    ROSTER_RATE_LIMIT_FAPI_ATTEMPTS: '3/10s',
  });

  it('browsers never spend the Backend API budget, and sign-in attempts have their own', async () => {
    const browser = fapiBrowser(() => server);
    for (let i = 0; i < 10; i++) expect((await browser.call('GET', '/v1/environment')).status).toBe(200);
    // Paths the Frontend API does not serve are browsers' too: they never count against the Backend API.
    for (let i = 0; i < 6; i++) expect((await raw(server.baseUrl, 'GET', '/fapi/v1/no_such_thing', { headers: { origin: PAGE_ORIGIN } })).status).toBe(404);
    // Ten FAPI requests later the Backend API still has its whole budget of 5.
    for (let i = 0; i < 5; i++) expect((await server.api('GET', '/v1/users?limit=1')).status).toBe(200);
    expect((await server.api('GET', '/v1/users?limit=1')).status).toBe(429);

    const attempts: number[] = [];
    for (let i = 0; i < 4; i++) attempts.push((await browser.call('POST', '/v1/client/sign_ins', { identifier: uniqueEmail('nobody') })).status);
    expect(attempts).toEqual([422, 422, 422, 429]);
    const refused = await browser.call('POST', '/v1/client/sign_ins', { identifier: uniqueEmail('nobody') });
    expect(refused.body.errors[0].code).toBe('too_many_requests');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // Reading is not an attempt: the general Frontend API rule still lets the page load.
    expect((await browser.call('GET', '/v1/client')).status).toBe(200);

    const general: number[] = [];
    for (let i = 0; i < 25; i++) general.push((await browser.call('GET', '/v1/environment')).status);
    expect(general).toContain(429);
  });
});
