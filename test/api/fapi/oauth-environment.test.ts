// OAuth providers in the Frontend API environment (`user_settings.social`, as Clerk answers it) and the logos
// Roster serves for them, so that a browser showing the sign-in buttons needs no host but Roster.
import { describe, expect, it } from 'vitest';
import { fapiBrowser } from '../../helpers/fapi-client.js';
import { rawRequest } from '../../helpers/raw-http.js';
import { useTestServer } from '../../helpers/test-server.js';

const SECRET = 'oauth-environment-client-secret-never-shown';
const PROVIDERS = [
  { provider: 'google', client_id: 'google-client', client_secret: SECRET },
  { provider: 'custom_mock', name: 'Acme <SSO>', issuer: 'http://127.0.0.1:9/issuer', client_id: 'acme-client', client_secret: SECRET },
];

const social = (strategy: string, name: string, logoUrl: string) => ({
  enabled: true,
  required: false,
  authenticatable: true,
  block_email_subaddresses: false,
  strategy,
  not_selectable: false,
  deprecated: false,
  name,
  logo_url: logoUrl,
});

describe('OAuth providers in the environment', () => {
  const server = useTestServer({ ROSTER_OAUTH_PROVIDERS: JSON.stringify(PROVIDERS) });
  const port = () => Number(new URL(server.baseUrl).port);
  const fapiUrl = () => server.app.frontendInstance.url();

  it('lists each configured provider under user_settings.social, keyed by strategy, with a logo served by Roster', async () => {
    const environment = await fapiBrowser(() => server).call('GET', '/v1/environment');
    expect(environment.status).toBe(200);
    expect(environment.body.user_settings.social).toEqual({
      oauth_google: social('oauth_google', 'Google', `${fapiUrl()}/v1/oauth_providers/oauth_google/logo.svg`),
      oauth_custom_mock: social('oauth_custom_mock', 'Acme <SSO>', `${fapiUrl()}/v1/oauth_providers/oauth_custom_mock/logo.svg`),
    });
    expect(new URL(environment.body.user_settings.social.oauth_google.logo_url).origin).toBe(new URL(server.baseUrl.replace('127.0.0.1', 'localhost')).origin);
    expect(environment.body.auth_config.first_factors).toEqual(expect.arrayContaining(['password', 'oauth_google', 'oauth_custom_mock']));
    expect(JSON.stringify(environment.body)).not.toContain(SECRET);
    // Development clients PATCH the environment: the same settings.
    const patched = await fapiBrowser(() => server).call('PATCH', '/v1/environment');
    expect(patched.body.user_settings.social).toEqual(environment.body.user_settings.social);
  });

  it('serves each logo as an inert SVG drawn by Roster, with the provider initial', async () => {
    const environment = await fapiBrowser(() => server).call('GET', '/v1/environment');
    for (const [strategy, initial] of [['oauth_google', 'G'], ['oauth_custom_mock', 'A']] as const) {
      const response = await fetch(environment.body.user_settings.social[strategy].logo_url);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/svg+xml');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; style-src 'unsafe-inline'");
      expect(response.headers.get('cache-control')).toMatch(/^public, max-age=\d{5,}/);
      const svg = await response.text();
      expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
      expect(svg).toContain(`>${initial}</text>`);
      expect(svg).not.toMatch(/<script|href=|<foreignObject/i);
    }
    // The operator's name is text in the SVG, never markup.
    const custom = await (await fetch(environment.body.user_settings.social.oauth_custom_mock.logo_url)).text();
    expect(custom).toContain('aria-label="Acme &lt;SSO&gt;"');
  });

  it('answers 404 resource_not_found for a strategy that is not configured', async () => {
    for (const strategy of ['oauth_github', 'oauth_custom_other', 'google', '%3Csvg%3E']) {
      const response = await rawRequest(port(), { method: 'GET', target: `/fapi/v1/oauth_providers/${strategy}/logo.svg` });
      expect([strategy, response.status]).toEqual([strategy, 404]);
      expect(response.json?.errors?.[0]?.code).toBe('resource_not_found');
      expect(response.headers['content-type']).toMatch(/^application\/json/);
    }
  });

  it('is a Frontend API route: a page of a foreign origin is refused', async () => {
    const response = await rawRequest(port(), {
      method: 'GET',
      target: '/fapi/v1/oauth_providers/oauth_google/logo.svg',
      headers: { origin: 'https://evil.example' },
    });
    expect(response.status).toBe(400);
    expect(response.json?.errors?.[0]?.code).toBe('origin_invalid');
  });
});

describe('without OAuth providers', () => {
  const server = useTestServer();

  it('the environment lists no social connection and no OAuth first factor', async () => {
    const environment = await fapiBrowser(() => server).call('GET', '/v1/environment');
    expect(environment.status).toBe(200);
    expect(environment.body.user_settings.social).toEqual({});
    expect(environment.body.auth_config.first_factors.filter((factor: string) => factor.startsWith('oauth_'))).toEqual([]);
    const logo = await rawRequest(Number(new URL(server.baseUrl).port), { method: 'GET', target: '/fapi/v1/oauth_providers/oauth_google/logo.svg' });
    expect(logo.status).toBe(404);
  });
});
