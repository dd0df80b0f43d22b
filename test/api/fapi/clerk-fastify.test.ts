// @clerk/fastify's plugin, configured as the README says, against Roster: a browser session made through the
// Frontend API is seen by getAuth, and a visitor without cookies is sent to Roster's handshake.
import { clerkPlugin, getAuth } from '@clerk/fastify';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { fapiBrowser, PAGE_ORIGIN } from '../../helpers/fapi-client.js';
import { uniqueEmail } from '../../helpers/fixtures.js';
import { useTestServer } from '../../helpers/test-server.js';

const PASSWORD = 'correct horse battery 42';

describe('@clerk/fastify against Roster', () => {
  // The plugin checks tokens against the real clock, so this server's clock never moves.
  const server = useTestServer();
  let app: FastifyInstance | undefined;
  afterAll(async () => app?.close());

  async function appWithPlugin(): Promise<FastifyInstance> {
    const instance = server.app.frontendInstance;
    const fastify = Fastify();
    await fastify.register(clerkPlugin, {
      secretKey: server.secretKey,
      publishableKey: instance.publishableKey(),
      apiUrl: server.baseUrl,
      proxyUrl: instance.url(),
    });
    fastify.get('/api/me', async (request) => ({ userId: getAuth(request).userId }));
    fastify.get('/page', async () => 'a page');
    return fastify;
  }

  it('getAuth sees the user of a session token Roster minted for the page', async () => {
    app = await appWithPlugin();
    const email = uniqueEmail('fastify');
    const user = await server.clerk.users.createUser({ emailAddress: [email], password: PASSWORD });
    const browser = fapiBrowser(() => server);
    const signIn = await browser.call('POST', '/v1/client/sign_ins', { identifier: email, strategy: 'password', password: PASSWORD });
    const jwt = signIn.body.client.sessions[0].last_active_token.jwt as string;
    const clientUat = Math.floor(signIn.body.client.sessions[0].created_at / 1000);
    const cookie = `__session=${jwt}; __client_uat=${clientUat}; __clerk_db_jwt=dvb_test`;
    const me = await app.inject({ method: 'GET', url: '/api/me', headers: { cookie, origin: PAGE_ORIGIN, host: 'localhost:5173' } });
    expect(me.json()).toEqual({ userId: user.id });

    const anonymous = await app.inject({ method: 'GET', url: '/api/me', headers: { host: 'localhost:5173' } });
    expect(anonymous.json()).toEqual({ userId: null });
  });

  it('sends a document request without cookies to the handshake under the Frontend API URL', async () => {
    app ??= await appWithPlugin();
    const page = await app.inject({ method: 'GET', url: '/page', headers: { host: 'localhost:5173', accept: 'text/html', 'sec-fetch-dest': 'document' } });
    expect(page.statusCode).toBe(307);
    const location = new URL(page.headers.location as string);
    expect(`${location.origin}${location.pathname}`).toBe(`${server.app.frontendInstance.url()}/v1/client/handshake`);
    expect(location.searchParams.get('format')).toBe('nonce');
  });
});
