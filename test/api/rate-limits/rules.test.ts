// The rate-limit rules name routes by method and path template: each must name a route Roster serves, or a renamed
// route would silently fall back to the general limit.
import { describe, expect, it } from 'vitest';
import { ENDPOINT_RULES, rulesForRoute, UNLIMITED_ROUTES } from '../../../src/http/rate-limit-rules.js';
import { routeTable } from '../../helpers/route-table.js';
import { useTestServer } from '../../helpers/test-server.js';

describe('rate-limit rules', () => {
  const server = useTestServer();

  it('name routes Roster serves', () => {
    const served = new Set(routeTable(server.app).map((route) => `${route.method} ${route.url}`));
    for (const { method, url } of [...ENDPOINT_RULES, ...UNLIMITED_ROUTES]) expect(served, `${method} ${url}`).toContain(`${method} ${url}`);
  });

  it('count a route by its own rules, on top of the general limit unless the rule stands instead of it', () => {
    expect(rulesForRoute('GET', '/v1/users')).toEqual(['bapi']);
    expect(rulesForRoute('POST', '/v1/users')).toEqual(['create_user']);
    expect(rulesForRoute('PATCH', '/v1/users/:user_id')).toEqual(['bapi', 'update_user']);
    expect(rulesForRoute('PUT', '/v1/users/:user_id/metadata')).toEqual(['bapi', 'update_user']);
    expect(rulesForRoute('POST', '/v1/organizations/:organization_id/invitations/bulk')).toEqual(['bapi', 'organization_invitations_bulk']);
    expect(rulesForRoute('GET', '/v1/jwks')).toEqual([]);
    expect(rulesForRoute('HEAD', '/v1/jwks')).toEqual([]);
    // A request no route matched.
    expect(rulesForRoute('POST', undefined)).toEqual(['bapi']);
  });

  it("count the profile's code steps (sending an SMS, checking phone and TOTP codes) as Frontend API attempts", () => {
    const attempts = routeTable(server.app).filter((route) => route.method === 'POST' && rulesForRoute('POST', route.url).includes('fapi_attempts'));
    const urls = attempts.map((route) => route.url);
    expect(urls).toEqual(
      expect.arrayContaining([
        '/fapi/v1/me/phone_numbers/:phone_number_id/prepare_verification',
        '/fapi/v1/me/phone_numbers/:phone_number_id/attempt_verification',
        '/fapi/v1/me/totp/attempt_verification',
        '/fapi/v1/client/sign_ins/:sign_in_id/prepare_second_factor',
      ]),
    );
    expect(rulesForRoute('GET', '/fapi/v1/me/phone_numbers')).toEqual(['fapi']);
  });
});
