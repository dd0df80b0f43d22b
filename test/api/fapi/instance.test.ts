import { describe, expect, it } from 'vitest';
import { cookieSuffixOf, isAllowedOrigin, publishableKeyFor } from '../../../src/frontend/instance.js';
import { fapiBrowser } from '../../helpers/fapi-client.js';
import { uniqueEmail } from '../../helpers/fixtures.js';
import { rawRequest } from '../../helpers/raw-http.js';
import { useTestServer } from '../../helpers/test-server.js';

const LIVE_KEY = `sk_live_${'R0sterLiveKey'.repeat(3)}`;
const PASSWORD = 'correct horse battery 42';

describe('publishable keys and origins', () => {
  it('names the Frontend API host and path, with Clerk’s prefix for a dotless host', () => {
    const decode = (key: string) => Buffer.from(key.split('_')[2]!, 'base64').toString();
    expect(publishableKeyFor('http://localhost:3000/fapi', 'development')).toMatch(/^pk_test_/);
    expect(decode(publishableKeyFor('http://localhost:3000/fapi', 'development'))).toBe('clerk.localhost:3000/fapi$');
    expect(decode(publishableKeyFor('https://clerk.example.com', 'production'))).toBe('clerk.example.com$');
    expect(publishableKeyFor('https://clerk.example.com', 'production')).toMatch(/^pk_live_/);
    expect(cookieSuffixOf('pk_test_Y2xlcmsuZXhhbXBsZS5jb20k')).toHaveLength(8);
  });

  it('accepts only bare origins: configured ones, its own, and loopback pages in development', () => {
    const rules = { instanceType: 'development' as const, allowedOrigins: ['https://app.example.com'], frontendApiOrigin: 'http://localhost:3000' };
    expect(isAllowedOrigin('http://localhost:5173', rules)).toBe(true);
    expect(isAllowedOrigin('http://app.localhost:5173', rules)).toBe(true);
    expect(isAllowedOrigin('https://app.example.com', rules)).toBe(true);
    for (const origin of ['null', 'https://app.example.com.evil.example', 'https://app.example.com/', 'http://localhost.evil.example', 'file://', 'https://user@app.example.com', 'HTTPS://APP.EXAMPLE.COM']) {
      expect([origin, isAllowedOrigin(origin, rules)]).toEqual([origin, false]);
    }
    expect(isAllowedOrigin('http://localhost:5173', { ...rules, instanceType: 'production' })).toBe(false);
  });
});

describe('ROSTER_COOKIE_DOMAIN', () => {
  it('must be a domain the Frontend API is on', async () => {
    const { loadConfig } = await import('../../../src/config/config.js');
    const base = { ROSTER_FRONTEND_API_URL: 'https://clerk.example.com' };
    expect(loadConfig({ ...base, ROSTER_COOKIE_DOMAIN: '.Example.com' }).fapi.cookieDomain).toBe('example.com');
    for (const bad of ['example', 'other.com', 'exa mple.com', 'https://example.com']) {
      expect(() => loadConfig({ ...base, ROSTER_COOKIE_DOMAIN: bad })).toThrow(/ROSTER_COOKIE_DOMAIN/);
    }
  });
});

describe('a production instance', () => {
  const server = useTestServer({
    ROSTER_SECRET_KEYS: LIVE_KEY,
    ROSTER_PUBLIC_URL: 'https://roster.example.com',
    ROSTER_FRONTEND_API_URL: 'https://clerk.example.com',
    ROSTER_ALLOWED_ORIGINS: 'https://app.example.com',
    ROSTER_COOKIE_DOMAIN: 'example.com',
    ROSTER_SMTP_URL: 'smtp://127.0.0.1:9',
  });
  const api = (method: string, url: string, body?: unknown) => server.api(method, url, body, { authorization: `Bearer ${LIVE_KEY}` });

  it('refuses localhost pages and serves its configured origin, with Secure cookies and __client_uat', async () => {
    const local = await fapiBrowser(() => server, 'http://localhost:5173').call('GET', '/v1/environment');
    expect(local.status).toBe(400);
    expect(local.body.errors[0].code).toBe('origin_invalid');

    const email = uniqueEmail('live');
    expect((await api('POST', '/v1/users', { email_address: [email], password: PASSWORD })).status).toBe(200);
    const browser = fapiBrowser(() => server, 'https://app.example.com');
    const environment = await browser.call('GET', '/v1/environment');
    expect(environment.status).toBe(200);
    expect(environment.body.display_config.instance_environment_type).toBe('production');
    const signIn = await browser.call('POST', '/v1/client/sign_ins', { identifier: email, strategy: 'password', password: PASSWORD });
    expect(signIn.status).toBe(200);
    expect(signIn.body.response.status).toBe('complete');
    const cookies = signIn.headers.getSetCookie();
    const client = cookies.find((line) => line.startsWith('__client='))!;
    expect(client).toMatch(/HttpOnly/i);
    expect(client).toMatch(/SameSite=Lax/i);
    expect(client).toMatch(/Secure/i);
    const uat = cookies.filter((line) => line.startsWith('__client_uat'));
    expect(uat.map((line) => line.split('=')[0]).sort()).toEqual(['__client_uat', `__client_uat_${server.app.frontendInstance.cookieSuffix()}`]);
    expect(Number(uat[0]!.split('=')[1]!.split(';')[0])).toBeGreaterThan(0);
    // The app's server (app.example.com) reads __client_uat: it is set on the shared domain; __client stays on the FAPI's host.
    for (const line of uat) expect(line).toMatch(/Domain=example\.com/i);
    expect(client).not.toMatch(/Domain=/i);
    expect(server.app.frontendInstance.publishableKey()).toMatch(/^pk_live_/);
  });
});

describe('the Frontend API’s wire rules stay on the Frontend API', () => {
  const server = useTestServer();

  it('does not tunnel methods or accept form bodies on the Backend API', async () => {
    const email = uniqueEmail('tunnel');
    const created = await server.api('POST', '/v1/users', { email_address: [email] });
    const port = Number(new URL(server.baseUrl).port);
    const tunnelled = await rawRequest(port, {
      method: 'POST',
      target: `/v1/users/${created.body.id}?_method=DELETE`,
      headers: { authorization: `Bearer ${server.secretKey}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(tunnelled.status).toBe(404);
    expect((await server.api('GET', `/v1/users/${created.body.id}`)).status).toBe(200);
    const form = await server.api('POST', '/v1/users', `email_address=${encodeURIComponent(uniqueEmail('form'))}`, {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(form.status).toBe(422);
  });

  it('answers a sign-in of another client as not found, and a tunnelled verb only when it names one', async () => {
    const alice = fapiBrowser(() => server);
    const mallory = fapiBrowser(() => server);
    const email = uniqueEmail('own');
    await server.api('POST', '/v1/users', { email_address: [email], password: PASSWORD });
    const signIn = await alice.call('POST', '/v1/client/sign_ins', { identifier: email });
    await mallory.call('PUT', '/v1/client');
    const stolen = await mallory.call('POST', `/v1/client/sign_ins/${signIn.body.response.id}/attempt_first_factor`, { strategy: 'password', password: PASSWORD });
    expect(stolen.status).toBe(404);
    const anonymous = await fapiBrowser(() => server).call('POST', `/v1/client/sign_ins/${signIn.body.response.id}/attempt_first_factor`, {
      strategy: 'password',
      password: PASSWORD,
    });
    expect(anonymous.status).toBe(400);
    expect(anonymous.body.errors[0].code).toBe('client_not_found');
  });

  it('makes one session when the same password attempt races', async () => {
    const browser = fapiBrowser(() => server);
    const email = uniqueEmail('race');
    const user = await server.api('POST', '/v1/users', { email_address: [email], password: PASSWORD });
    const signIn = await browser.call('POST', '/v1/client/sign_ins', { identifier: email });
    const attempts = await Promise.all(
      Array.from({ length: 8 }, () =>
        browser.call('POST', `/v1/client/sign_ins/${signIn.body.response.id}/attempt_first_factor`, { strategy: 'password', password: PASSWORD }),
      ),
    );
    expect(attempts.filter((attempt) => attempt.status === 200)).toHaveLength(1);
    const sessions = await server.clerk.sessions.getSessionList({ userId: user.body.id });
    expect(sessions.data).toHaveLength(1);
  });
});
