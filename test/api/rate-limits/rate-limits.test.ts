// Clerk's Backend API rate limits on one node (counters in memory): 429 too_many_requests with Retry-After once
// the instance has used its budget, counted by the route that runs; CreateUser's own rule, the per-user rule on
// user updates and the hourly invitation rules; public routes and requests without a valid key are never counted;
// ROSTER_RATE_LIMITS=off turns it all off. Windows are an hour long unless a test waits for one to end, so no
// window can end in the middle of a test.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { expectClerkError } from '../../helpers/assertions.js';
import { uniqueEmail } from '../../helpers/fixtures.js';
import { expectClerkRefusal, expectRateLimited, firstRefusal, statuses, times, withRateLimitedServer } from './helpers.js';

const LIVE_KEY = `sk_live_${'Pr0ductionKey'.repeat(2)}`;

describe('rate limits on one node', () => {
  describe('the general Backend API limit', () => {
    it('answers 429 too_many_requests with Retry-After on every route once the instance has made its requests', () =>
      withRateLimitedServer({ ROSTER_RATE_LIMIT_BAPI: '3/1h' }, async (server) => {
        expect(await statuses(1, () => server.api('GET', '/v1/users'))).toEqual([200]);
        expect(await statuses(1, () => server.api('GET', '/v1/organizations'))).toEqual([200]);
        expect(await statuses(1, () => server.api('GET', '/v1/users/count'))).toEqual([200]);
        // The budget is the instance's, not a route's.
        const seconds = expectRateLimited(await server.api('GET', '/v1/users'));
        expect(seconds).toBeGreaterThan(3500);
        expect(seconds).toBeLessThanOrEqual(3600);
        expectRateLimited(await server.api('GET', '/v1/organizations'));
        // A request for an operation Roster does not serve is a Backend API request too.
        expectRateLimited(await server.api('GET', '/v1/waitlist_entries'));
      }));

    it('counts requests that match no route, once their key is valid', () =>
      withRateLimitedServer({ ROSTER_RATE_LIMIT_BAPI: '2/1h' }, async (server) => {
        expectClerkError(await server.api('GET', '/v1/waitlist_entries'), 403, 'feature_not_implemented');
        // (In-process: Clerk's spec, which the suite checks every fetched /v1 answer against, has no such path.)
        const unknown = await server.app.inject({ method: 'GET', url: '/v1/no_such_thing', headers: { authorization: `Bearer ${server.secretKey}` } });
        expect(unknown.statusCode).toBe(404);
        expectRateLimited(await server.api('GET', '/v1/users'));
      }));

    it('never limits GET /v1/jwks (Clerk: "no rate limit")', () =>
      withRateLimitedServer({ ROSTER_RATE_LIMIT_BAPI: '1/1h' }, async (server) => {
        expect(await statuses(5, () => server.api('GET', '/v1/jwks'))).toEqual(times(5, 200));
        expect((await server.api('GET', '/v1/users')).status).toBe(200);
        expectRateLimited(await server.api('GET', '/v1/users'));
        expect((await server.api('GET', '/v1/jwks')).status).toBe(200);
      }));

    it('does not count public routes', () =>
      withRateLimitedServer({ ROSTER_RATE_LIMIT_BAPI: '2/1h' }, async (server) => {
        for (const path of ['/healthz', '/v1/openapi.json', '/roster/docs', '/roster/avatars/abc']) {
          expect(await statuses(3, () => server.api('GET', path, undefined, { authorization: '' })), path).toEqual(times(3, 200));
        }
        expect(await statuses(2, () => server.api('GET', '/v1/users'))).toEqual([200, 200]);
        expectRateLimited(await server.api('GET', '/v1/users'));
        // Nor limit them once the budget is spent.
        expect((await server.api('GET', '/healthz')).status).toBe(200);
      }));

    it('does not count requests without a valid key, so no one without it can spend the instance budget', () =>
      withRateLimitedServer({ ROSTER_RATE_LIMIT_BAPI: '2/1h' }, async (server) => {
        const credentials = [{ authorization: '' }, { authorization: 'Bearer sk_test_wrongwrongwrongwrong' }, { authorization: 'Basic abc' }];
        for (const headers of credentials) {
          expect(await statuses(3, () => server.api('GET', '/v1/users', undefined, headers))).toEqual(times(3, 401));
          expect(await statuses(2, () => server.api('POST', '/v1/users', { email_address: [uniqueEmail()] }, headers))).toEqual([401, 401]);
          expect((await server.api('GET', '/v1/waitlist_entries', undefined, headers)).status).toBe(401);
        }
        expect(await statuses(2, () => server.api('GET', '/v1/users'))).toEqual([200, 200]);
        expectRateLimited(await server.api('GET', '/v1/users'));
        // Once it is spent, a request without the key is still told about its key, not about the limit.
        expectClerkError(await server.api('GET', '/v1/users', undefined, { authorization: '' }), 401, 'authentication_invalid');
      }));

    it('reaches @clerk/backend as a ClerkAPIResponseError with status 429 and retryAfter', () =>
      withRateLimitedServer({ ROSTER_RATE_LIMIT_BAPI: '1/1h' }, async (server) => {
        // getCount is one request (getUserList is two: the page and the count).
        expect(await server.clerk.users.getCount()).toBe(0);
        const error = await expectClerkRefusal(server.clerk);
        expect(error.clerkTraceId).toMatch(/\S/);
      }));

    it('lets requests through again once the window that refused them has ended (Retry-After)', () =>
      withRateLimitedServer({ ROSTER_RATE_LIMIT_BAPI: '1/1s' }, async (server) => {
        const refused = await firstRefusal(() => server.api('GET', '/v1/users'));
        const seconds = expectRateLimited(refused);
        expect(seconds).toBe(1);
        // Retry-After promises the window is over after that many seconds.
        await new Promise((resolve) => setTimeout(resolve, seconds * 1000 + 50));
        expect((await server.api('GET', '/v1/users')).status).toBe(200);
      }));
  });

  describe("CreateUser's own rule", () => {
    it('counts POST /v1/users on its own: creating is refused past it while other requests pass, and creating spends nothing of the general limit', () =>
      withRateLimitedServer({ ROSTER_RATE_LIMIT_BAPI: '3/1h', ROSTER_RATE_LIMIT_CREATE_USER: '2/1h' }, async (server) => {
        expect((await server.api('POST', '/v1/users', { email_address: [uniqueEmail()] })).status).toBe(200);
        // Another spelling of the same route is the same route: ignoreTrailingSlash serves it.
        expect((await server.api('POST', '/v1/users/', { email_address: [uniqueEmail()] })).status).toBe(200);
        const refused = uniqueEmail('refused');
        expectRateLimited(await server.api('POST', '/v1/users', { email_address: [refused] }));
        expectRateLimited(await server.api('POST', '/v1/users/', { email_address: [refused] }));
        // A spelling the router would decode to the same route is refused before any route runs.
        expectClerkError(await server.api('POST', '/%761/users', { email_address: [refused] }), 404, 'resource_not_found');
        expect(await statuses(3, () => server.api('GET', '/v1/users'))).toEqual(times(3, 200));
        expectRateLimited(await server.api('GET', '/v1/users/count'));
        // Nothing refused was created.
        const spent = await server.database.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
        expect(Number(spent.count)).toBe(2);
      }));

    it('is refused by its own rule even while the general limit has room, and the general limit does not refuse it', () =>
      withRateLimitedServer({ ROSTER_RATE_LIMIT_BAPI: '1/1h', ROSTER_RATE_LIMIT_CREATE_USER: '3/1h' }, async (server) => {
        expect((await server.api('GET', '/v1/users')).status).toBe(200);
        expectRateLimited(await server.api('GET', '/v1/users'));
        expect(await statuses(3, () => server.api('POST', '/v1/users', { email_address: [uniqueEmail()] }))).toEqual(times(3, 200));
        expectRateLimited(await server.api('POST', '/v1/users', { email_address: [uniqueEmail()] }));
      }));
  });

  describe('updates to one user', () => {
    it('limits PATCH /v1/users/{id} and PATCH/PUT …/metadata per user, on top of the general limit', () =>
      withRateLimitedServer({ ROSTER_RATE_LIMIT_BAPI: '8/1h', ROSTER_RATE_LIMIT_UPDATE_USER: '3/1h' }, async (server) => {
        const ada = (await server.api('POST', '/v1/users', { email_address: [uniqueEmail('ada')] })).body;
        const bob = (await server.api('POST', '/v1/users', { email_address: [uniqueEmail('bob')] })).body;
        expect((await server.api('PATCH', `/v1/users/${ada.id}`, { first_name: 'Ada' })).status).toBe(200);
        expect((await server.api('PATCH', `/v1/users/${ada.id}/metadata`, { public_metadata: { a: 1 } })).status).toBe(200);
        expect((await server.api('PUT', `/v1/users/${ada.id}/metadata`, { public_metadata: { a: 2 } })).status).toBe(200);
        expectRateLimited(await server.api('PATCH', `/v1/users/${ada.id}`, { first_name: 'Ada' }));
        expectRateLimited(await server.api('PUT', `/v1/users/${ada.id}/metadata`, { public_metadata: { a: 3 } }));
        // Another user has a budget of its own; reading the first is not an update.
        expect((await server.api('PATCH', `/v1/users/${bob.id}`, { first_name: 'Bob' })).status).toBe(200);
        expect((await server.api('GET', `/v1/users/${ada.id}`)).status).toBe(200);
        expect((await server.api('GET', `/v1/users/${ada.id}`)).body.public_metadata).toEqual({ a: 2 });
        // The eight requests since the creations, refused ones included, have spent the general limit.
        expectRateLimited(await server.api('PATCH', `/v1/users/${bob.id}`, { first_name: 'Bobby' }));
      }));
  });

  describe('organization invitations', () => {
    it('limits POST …/invitations and …/invitations/bulk by their hourly rules, each its own', () =>
      withRateLimitedServer({ ROSTER_RATE_LIMIT_ORGANIZATION_INVITATIONS: '2/1h', ROSTER_RATE_LIMIT_ORGANIZATION_INVITATIONS_BULK: '1/1h' }, async (server) => {
        const org = (await server.api('POST', '/v1/organizations', { name: 'Limited' })).body;
        const invite = () => server.api('POST', `/v1/organizations/${org.id}/invitations`, { email_address: uniqueEmail('invitee'), role: 'org:member' });
        const inviteBulk = () => server.api('POST', `/v1/organizations/${org.id}/invitations/bulk`, [{ email_address: uniqueEmail('bulk'), role: 'org:member' }]);
        expect(await statuses(2, invite)).toEqual([200, 200]);
        expectRateLimited(await invite());
        expect((await inviteBulk()).status).toBe(200);
        expectRateLimited(await inviteBulk());
        const listed = await server.api('GET', `/v1/organizations/${org.id}/invitations`);
        expect(listed.body.total_count).toBe(3);
      }));
  });

  describe("Clerk's numbers for the instance's kind", () => {
    // Fixed windows end with the clock: frozen here, so however slow the machine, every request falls in the
    // window of the first and the counts are exact. (Only Date is faked; timers run.)
    afterEach(() => {
      vi.useRealTimers();
    });

    it('a development instance (sk_test_ keys) may make 100 requests per 10 s, and 10 updates per user', () =>
      withRateLimitedServer({}, async (server) => {
        vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
        const user = (await server.api('POST', '/v1/users', { email_address: [uniqueEmail()] })).body;
        const update = () => server.app.inject({ method: 'PATCH', url: `/v1/users/${user.id}/metadata`, headers: { authorization: `Bearer ${server.secretKey}` }, payload: { public_metadata: {} } });
        const codes = [];
        for (let i = 0; i < 11; i++) codes.push((await update()).statusCode);
        expect(codes).toEqual([...times(10, 200), 429]);
        const list = () => server.app.inject({ method: 'GET', url: '/v1/jwt_templates', headers: { authorization: `Bearer ${server.secretKey}` } });
        const passed = [];
        for (let i = 0; i < 89; i++) passed.push((await list()).statusCode);
        expect(passed).toEqual(times(89, 200));
        const refused = await server.api('GET', '/v1/jwt_templates');
        expect(expectRateLimited(refused)).toBe(10);
      }));

    it('a production instance (an sk_live_ key) may make 1000 requests per 10 s', () =>
      withRateLimitedServer({ ROSTER_SECRET_KEYS: LIVE_KEY, ROSTER_PUBLIC_URL: 'https://auth.example.com' }, async (server) => {
        vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
        const headers = { authorization: `Bearer ${LIVE_KEY}` };
        const codes = new Map<number, number>();
        for (let i = 0; i < 1000; i++) {
          const { statusCode } = await server.app.inject({ method: 'GET', url: '/v1/jwt_templates', headers });
          codes.set(statusCode, (codes.get(statusCode) ?? 0) + 1);
        }
        expect(Object.fromEntries(codes)).toEqual({ 200: 1000 });
        const refused = await server.api('GET', '/v1/jwt_templates', undefined, headers);
        expect(expectRateLimited(refused)).toBe(10);
      }));
  });

  it('ROSTER_RATE_LIMITS=off turns every limit off', () =>
    withRateLimitedServer({ ROSTER_RATE_LIMITS: 'off', ROSTER_RATE_LIMIT_BAPI: '1/1h', ROSTER_RATE_LIMIT_CREATE_USER: '1/1h' }, async (server) => {
      expect(await statuses(5, () => server.api('GET', '/v1/users'))).toEqual(times(5, 200));
      expect(await statuses(3, () => server.api('POST', '/v1/users', { email_address: [uniqueEmail()] }))).toEqual(times(3, 200));
    }));

  it('ROSTER_RATE_LIMIT_<RULE>=off turns that rule off and leaves the others', () =>
    withRateLimitedServer({ ROSTER_RATE_LIMIT_BAPI: 'off', ROSTER_RATE_LIMIT_CREATE_USER: '1/1h' }, async (server) => {
      expect(await statuses(5, () => server.api('GET', '/v1/users'))).toEqual(times(5, 200));
      expect((await server.api('POST', '/v1/users', { email_address: [uniqueEmail()] })).status).toBe(200);
      expectRateLimited(await server.api('POST', '/v1/users', { email_address: [uniqueEmail()] }));
    }));
});
