// Every route in Fastify's own table, spelled every way a router or proxy might read differently, without a
// key, with a wrong key and with an empty bearer: only 401 or 404, and nothing changes.
import { createHash, randomBytes } from 'node:crypto';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FRONTEND_API_PREFIX, installRouteAuth, PUBLIC_ROUTES } from '../../src/http/route-auth.js';
import { insertPasskey } from '../../src/storage/repositories/passkeys-repository.js';
import { uniqueEmail, uniquePhone } from '../helpers/fixtures.js';
import { rawRequest, type RawResponse } from '../helpers/raw-http.js';
import { routeTable, type RouteEntry } from '../helpers/route-table.js';
import { startTestServer, TEST_SECRET_KEY, type TestServer } from '../helpers/test-server.js';

const CREDENTIALS: Record<string, Record<string, string>> = {
  'no key': {},
  'a wrong key': { authorization: `Bearer sk_test_${'Wr0ngKey'.repeat(4)}` },
  'an empty bearer': { authorization: 'Bearer ' },
  'a bare scheme': { authorization: 'Bearer' },
};

/** Percent-encodes the first letter or digit of `segment` (`v1` → `%761`), or null when it has none. */
function encodeFirst(segment: string, kind: RegExp): string | null {
  const at = segment.search(kind);
  if (at === -1) return null;
  const hex = segment.charCodeAt(at).toString(16).toUpperCase();
  return `${segment.slice(0, at)}%${hex}${segment.slice(at + 1)}`;
}

/**
 * The other spellings of `path`: percent-encoded letters and digits in each segment, `%2F` for each slash,
 * absolute-form with this and another host, upper case, doubled slashes, `.` and `..` segments, `;params`.
 */
function spellingsOf(path: string, port: number): string[] {
  const segments = path.split('/').slice(1);
  const join = (parts: string[]) => `/${parts.join('/')}`;
  const spellings = new Set<string>();
  segments.forEach((segment, index) => {
    for (const kind of [/[A-Za-z]/, /[0-9]/]) {
      const encoded = encodeFirst(segment, kind);
      if (encoded) spellings.add(join(segments.map((s, i) => (i === index ? encoded : s))));
    }
    if (index > 0) spellings.add(`${join(segments.slice(0, index))}%2F${segments.slice(index).join('/')}`);
    spellings.add(join(segments.map((s, i) => (i === index ? `${s};x=1` : s))));
    spellings.add(`${join(segments.slice(0, index))}/./${segments.slice(index).join('/')}`);
    spellings.add(`${join(segments.slice(0, index))}/x/../${segments.slice(index).join('/')}`);
    spellings.add(`${join(segments.slice(0, index))}//${segments.slice(index).join('/')}`);
  });
  spellings.add(`http://127.0.0.1:${port}${path}`);
  spellings.add(`http://evil.example${path}`);
  spellings.add(path.toUpperCase());
  spellings.add(`/${path}`);
  spellings.delete(path);
  return [...spellings].map((spelling) => spelling.replace(/^\/\/\//, '//'));
}

/**
 * The webhook outbox and what the dispatcher makes of it change in the background, after the request: a change a
 * request made shows in the tables it changed.
 */
const BACKGROUND_TABLES = new Set(['webhook_changes', 'webhook_events', 'webhook_deliveries', 'webhook_attempts']);

/** A digest of every row of every Roster table: equal digests, nothing changed. */
async function databaseDigest(server: TestServer): Promise<string> {
  const { db, schema } = server.database;
  const tables = (await db.introspection.getTables()).filter((table) => (!schema || table.schema === schema) && !BACKGROUND_TABLES.has(table.name));
  const hash = createHash('sha256');
  for (const table of tables.sort((a, b) => a.name.localeCompare(b.name))) {
    const rows = await db.selectFrom(table.name as never).selectAll().execute();
    const lines = rows.map((row) => JSON.stringify(row, (_key, value) => (Buffer.isBuffer(value) ? value.toString('base64') : value))).sort();
    hash.update(`${table.name}\n${lines.join('\n')}\n`);
  }
  return hash.digest('hex');
}

const isPublic = (route: RouteEntry) =>
  PUBLIC_ROUTES.some((listed) => listed.url === route.url && (route.method === listed.method || (route.method === 'HEAD' && listed.method === 'GET')));

/** Frontend API routes (browsers: no secret key; the page's Origin and the client cookie instead). */
const isFrontend = (route: RouteEntry) => !isPublic(route) && route.url.startsWith(FRONTEND_API_PREFIX);

describe('authentication is decided by the route that runs', () => {
  let server: TestServer;
  let port: number;
  let routes: RouteEntry[];
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    server = await startTestServer();
    port = Number(new URL(server.baseUrl).port);
    routes = routeTable(server.app);
    const user = await server.api('POST', '/v1/users', {
      email_address: [uniqueEmail('route-auth')],
      phone_number: [uniquePhone()],
      web3_wallet: [`0x${randomBytes(20).toString('hex')}`],
      password: 'route-auth-Pa55word!',
    });
    expect(user.status).toBe(200);
    const organization = await server.api('POST', '/v1/organizations', { name: 'Route Auth', created_by: user.body.id });
    expect(organization.status).toBe(200);
    const invitation = await server.api('POST', `/v1/organizations/${organization.body.id}/invitations`, {
      email_address: uniqueEmail('invitee'),
      role: 'org:member',
    });
    expect(invitation.status).toBe(200);
    const session = await server.api('POST', '/v1/sessions', { user_id: user.body.id });
    expect(session.status).toBe(200);
    const template = await server.api('POST', '/v1/jwt_templates', { name: 'route-auth', claims: {} });
    expect(template.status).toBe(200);
    const signInToken = await server.api('POST', '/v1/sign_in_tokens', { user_id: user.body.id });
    expect(signInToken.status).toBe(200);
    const actorToken = await server.api('POST', '/v1/actor_tokens', { user_id: user.body.id, actor: { sub: 'user_route_auth' } });
    expect(actorToken.status).toBe(200);
    // A registered passkey, so a deletion that ran without the key would show in the digest.
    const passkeyId = 'idn_route_auth_passkey';
    await insertPasskey(server.database.db, {
      id: passkeyId,
      user_id: user.body.id,
      name: 'Route auth key',
      credential_id: 'route-auth-credential',
      public_key: 'pQECAyYgASFYIA',
      counter: 0,
      transports: '[]',
      backed_up: 0,
      verification_status: 'verified',
      last_used_at: null,
      created_at: Date.now(),
      updated_at: Date.now(),
    });
    // A webhook endpoint, so a change or deletion that ran without the key would show in the digest.
    // Disabled: the dispatcher leaves it alone.
    const endpoint = await server.api('POST', '/v1/roster/webhook_endpoints', { url: 'http://127.0.0.1:9/route-auth' });
    expect(endpoint.status).toBe(200);
    expect((await server.api('PATCH', `/v1/roster/webhook_endpoints/${endpoint.body.id}`, { disabled: true })).status).toBe(200);
    Object.assign(ids, {
      endpoint_id: endpoint.body.id,
      user_id: user.body.id,
      organization_id: organization.body.id,
      invitation_id: invitation.body.id,
      session_id: session.body.id,
      client_id: session.body.client_id,
      template_id: template.body.id,
      template_name: template.body.name,
      email_address_id: user.body.email_addresses[0].id,
      email_id: user.body.email_addresses[0].id,
      phone_number_id: user.body.phone_numbers[0].id,
      web3_wallet_identification_id: user.body.web3_wallets[0].id,
      sign_in_id: 'sia_0000000000000000000000000000',
      sign_up_id: 'sua_0000000000000000000000000000',
      sign_in_token_id: signInToken.body.id,
      actor_token_id: actorToken.body.id,
      identifier_id: 'alid_0000000000000000000000000000',
      strategy: 'oauth_google',
      external_account_id: 'eac_0000000000000000000000000000',
      passkey_id: 'idn_0000000000000000000000000000',
      provider: 'oauth_google',
      passkey_identification_id: passkeyId,
    });
  });
  afterAll(() => server?.close());

  /** The route's path with its parameters filled by real ids, so a handler that ran would act on real data. */
  function concretePath(route: RouteEntry): string {
    return route.url.replace(/:([a-z0-9_]+)/g, (_match, name: string) => {
      const id = ids[name];
      if (!id) throw new Error(`route-auth.test: no fixture id for :${name} in ${route.url}; add one`);
      return id;
    });
  }

  async function send(method: string, target: string, headers: Record<string, string>): Promise<RawResponse> {
    const hasBody = ['POST', 'PUT', 'PATCH'].includes(method);
    return rawRequest(port, {
      method,
      target,
      headers: hasBody ? { ...headers, 'content-type': 'application/json' } : headers,
      ...(hasBody ? { body: '{}' } : {}),
    });
  }

  it('reads a route table that holds the whole Backend API', () => {
    expect(routes.length).toBeGreaterThan(80);
    expect(routes).toContainEqual({ method: 'DELETE', url: '/v1/users/:user_id' });
    expect(routes).toContainEqual({ method: 'POST', url: '/v1/sessions/:session_id/tokens' });
  });

  it('serves without a key only the routes on the public list', async () => {
    const open: string[] = [];
    for (const route of routes) {
      if (isPublic(route) || isFrontend(route)) continue;
      const response = await send(route.method, concretePath(route), {});
      if (response.status !== 401) open.push(`${route.method} ${route.url} → ${response.status}`);
      else if (route.method !== 'HEAD') expect(response.json?.errors?.[0]?.code).toBe('authentication_invalid');
    }
    expect(open).toEqual([]);
    const publicRoutes = routes.filter(isPublic).map((route) => `${route.method} ${route.url}`);
    expect(publicRoutes.sort()).toEqual(PUBLIC_ROUTES.flatMap((route) => (route.method === 'GET' ? [`GET ${route.url}`, `HEAD ${route.url}`] : [`${route.method} ${route.url}`])).sort());
  });

  it('answers every spelling of every route, with no key, a wrong key or an empty bearer, with 401 or 404 and changes nothing', async () => {
    const before = await databaseDigest(server);
    const served: string[] = [];
    for (const route of routes) {
      if (isPublic(route) || isFrontend(route)) continue;
      const path = concretePath(route);
      const targets = [path, ...spellingsOf(path, port)];
      for (const [label, headers] of Object.entries(CREDENTIALS)) {
        const responses = await Promise.all(targets.map(async (target) => ({ target, response: await send(route.method, target, headers) })));
        for (const { target, response } of responses) {
          const clerkShaped = route.method === 'HEAD' || typeof response.json?.errors?.[0]?.code === 'string';
          if (![401, 404].includes(response.status) || !clerkShaped) served.push(`${route.method} ${target} with ${label} → ${response.status} ${response.body.slice(0, 80)}`);
        }
      }
    }
    expect(served).toEqual([]);
    expect(await databaseDigest(server)).toBe(before);
  });

  it('refuses other spellings with 404 even with the right key, so every layer sees one path', async () => {
    const before = await databaseDigest(server);
    const served: string[] = [];
    for (const route of routes) {
      if (isPublic(route)) continue;
      const path = concretePath(route);
      const responses = await Promise.all(
        spellingsOf(path, port).map(async (target) => ({ target, response: await send(route.method, target, { authorization: `Bearer ${TEST_SECRET_KEY}` }) })),
      );
      for (const { target, response } of responses) {
        if (response.status !== 404) served.push(`${route.method} ${target} → ${response.status}`);
      }
    }
    expect(served).toEqual([]);
    expect(await databaseDigest(server)).toBe(before);
  });

  it('answers every Frontend API route, in every spelling, from a page of another origin with origin_invalid or 404, and changes nothing', async () => {
    const frontend = routes.filter(isFrontend);
    expect(frontend.length).toBeGreaterThan(15);
    const before = await databaseDigest(server);
    const served: string[] = [];
    for (const route of frontend) {
      const path = concretePath(route);
      const headers = { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' };
      const exact = await rawRequest(port, { method: route.method, target: path, headers, body: 'identifier=a' });
      if (exact.status !== 400 || exact.json?.errors?.[0]?.code !== 'origin_invalid') {
        if (!(route.method === 'HEAD' && exact.status === 400)) served.push(`${route.method} ${path} → ${exact.status}`);
      }
      if (exact.headers['access-control-allow-origin']) served.push(`${route.method} ${path} allowed CORS for a foreign origin`);
      for (const target of spellingsOf(path, port)) {
        const response = await rawRequest(port, { method: route.method, target, headers, body: 'identifier=a' });
        // Refused: a foreign origin (400), no such route (404), or an unrouted spelling outside /fapi/ that needs the key (401).
        if (![400, 401, 404].includes(response.status)) served.push(`${route.method} ${target} → ${response.status}`);
      }
    }
    expect(served).toEqual([]);
    expect(await databaseDigest(server)).toBe(before);
  });

  it('answers a path no route serves with 401 before reading its body, whatever the body holds', async () => {
    for (const path of ['/v1/nothing-here', '/v1/waitlist_entries', '/roster/nothing']) {
      for (const body of ['{bad json', JSON.stringify({ a: 'x'.repeat(2 * 1024 * 1024) })]) {
        const response = await rawRequest(port, { method: 'POST', target: path, headers: { 'content-type': 'application/json' }, body });
        expect([path, response.status, response.json?.errors?.[0]?.code]).toEqual([path, 401, 'authentication_invalid']);
      }
    }
  });

  it('still serves the canonical spelling with the right key', async () => {
    const response = await send('GET', `/v1/users/${ids.user_id}`, { authorization: `Bearer ${TEST_SECRET_KEY}` });
    expect(response.status).toBe(200);
    expect(response.json.id).toBe(ids.user_id);
  });
});

describe('route auth declarations', () => {
  it('puts the key check on a route that declares nothing', async () => {
    const app = Fastify();
    installRouteAuth(app, { secretKeys: [TEST_SECRET_KEY], defaultApiVersion: '2025-11-10' });
    app.get('/anything/new', async () => ({ served: true }));
    const without = await app.inject({ method: 'GET', url: '/anything/new' });
    expect(without.statusCode).toBe(401);
    const withKey = await app.inject({ method: 'GET', url: '/anything/new', headers: { authorization: `Bearer ${TEST_SECRET_KEY}` } });
    expect(withKey.json()).toEqual({ served: true });
    await app.close();
  });

  it('refuses to start when a route declares itself public without being on the public list', async () => {
    const app = Fastify();
    installRouteAuth(app, { secretKeys: [TEST_SECRET_KEY], defaultApiVersion: '2025-11-10' });
    expect(() => app.get('/v1/users/export', { config: { auth: 'public' } }, async () => ({}))).toThrow(/PUBLIC_ROUTES/);
    await app.close();
  });
});
