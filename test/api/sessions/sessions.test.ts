// POST /v1/sessions (testing only), GET /v1/sessions (filters, pagination), GET /v1/sessions/{session_id},
// POST /v1/sessions/{session_id}/revoke; lifetimes and the inactivity timeout read against the clock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectClerkError, expectSdkError } from '../../helpers/assertions.js';
import { uniqueEmail, uniqueTag } from '../../helpers/fixtures.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';

const SECOND_MS = 1000;
const DAY_MS = 86_400_000;

/** Helpers bound to one server. */
function helpers(server: () => TestServer) {
  return {
    async createUser(body: Record<string, unknown> = {}): Promise<any> {
      const response = await server().api('POST', '/v1/users', { email_address: [uniqueEmail('sess')], ...body });
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      return response.body;
    },
    async createSession(userId: string, body: Record<string, unknown> = {}): Promise<any> {
      const response = await server().api('POST', '/v1/sessions', { user_id: userId, ...body });
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      return response.body;
    },
    async getSession(id: string): Promise<any> {
      const response = await server().api('GET', `/v1/sessions/${id}`);
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      return response.body;
    },
  };
}

describe('sessions', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server.close());
  const { createUser, createSession, getSession } = helpers(() => server);

  describe('POST /v1/sessions', () => {
    it('creates an active session with the configured 7-day lifetime, through @clerk/backend', async () => {
      const user = await createUser();
      const now = server.clock.nowMs();
      const session = await server.clerk.sessions.createSession({ userId: user.id });
      expect(session).toMatchObject({
        userId: user.id,
        status: 'active',
        lastActiveAt: now,
        expireAt: now + 7 * DAY_MS,
        createdAt: now,
        updatedAt: now,
        lastActiveOrganizationId: null,
        actor: null,
      });
      expect(session.id).toMatch(/^sess_[0-9A-Za-z]{27}$/);
      expect(session.clientId).toMatch(/^client_[0-9A-Za-z]{27}$/);
      expect(session.abandonAt).toBeGreaterThanOrEqual(session.expireAt);
    });

    it('answers Clerk\'s Session object over raw HTTP, with last_active_organization_id from active_organization_id', async () => {
      const user = await createUser();
      const organization = await server.clerk.organizations.createOrganization({ name: 'Sessions Inc', createdBy: user.id });
      const organizationId = organization.id;
      const session = await createSession(user.id, { active_organization_id: organizationId });
      expect(session).toEqual({
        object: 'session',
        id: expect.stringMatching(/^sess_/),
        user_id: user.id,
        client_id: expect.stringMatching(/^client_/),
        actor: null,
        status: 'active',
        last_active_organization_id: organizationId,
        last_active_at: server.clock.nowMs(),
        latest_activity: null,
        expire_at: server.clock.nowMs() + 7 * DAY_MS,
        abandon_at: expect.any(Number),
        updated_at: server.clock.nowMs(),
        created_at: server.clock.nowMs(),
        tasks: null,
      });
    });

    it('is a sign-in: the user gets last_sign_in_at now and last_active_at at day precision', async () => {
      const user = await createUser();
      expect(user.last_sign_in_at).toBeNull();
      expect(user.last_active_at).toBeNull();
      server.clock.advanceMs(SECOND_MS);
      const now = server.clock.nowMs();
      await createSession(user.id);
      const after = await server.clerk.users.getUser(user.id);
      expect(after.lastSignInAt).toBe(now);
      expect(after.lastActiveAt).toBe(Math.floor(now / DAY_MS) * DAY_MS);
    });

    it('answers 404 resource_not_found for an unknown user', async () => {
      expectClerkError(await server.api('POST', '/v1/sessions', { user_id: `user_unknown${uniqueTag()}` }), 404, 'resource_not_found');
    });

    it('answers 403 user_banned for a banned user, and creates nothing', async () => {
      const user = await createUser();
      await server.clerk.users.banUser(user.id);
      await expectSdkError(server.clerk.sessions.createSession({ userId: user.id }), 403, 'user_banned');
      expect((await server.api('GET', `/v1/sessions?user_id=${user.id}`)).body).toEqual([]);
      expect((await server.clerk.users.getUser(user.id)).lastSignInAt).toBeNull();
    });

    it('answers 403 user_locked for a locked user, and works again once unlocked', async () => {
      const user = await createUser();
      await server.clerk.users.lockUser(user.id);
      expectClerkError(await server.api('POST', '/v1/sessions', { user_id: user.id }), 403, 'user_locked');
      await server.clerk.users.unlockUser(user.id);
      expect((await createSession(user.id)).status).toBe('active');
    });

    it('answers 422 form_param_missing (user_id) without a user_id, and form_param_unknown for unknown fields', async () => {
      expectClerkError(await server.api('POST', '/v1/sessions', {}), 422, 'form_param_missing', 'user_id');
      const user = await createUser();
      expectClerkError(await server.api('POST', '/v1/sessions', { user_id: user.id, client_id: 'x' }), 422, 'form_param_unknown', 'client_id');
    });
  });

  describe('GET /v1/sessions/{session_id}', () => {
    it('returns the session through @clerk/backend', async () => {
      const user = await createUser();
      const created = await createSession(user.id);
      const session = await server.clerk.sessions.getSession(created.id);
      expect(session).toMatchObject({ id: created.id, userId: user.id, clientId: created.client_id, status: 'active' });
    });

    it('answers 404 resource_not_found for an unknown session', async () => {
      const response = await server.api('GET', `/v1/sessions/sess_unknown${uniqueTag()}`);
      expectClerkError(response, 404, 'resource_not_found');
      expect(response.body.errors[0].message).toBe('Session not found');
    });

    it('reads as expired once the lifetime has run out (the injected clock decides)', async () => {
      const user = await createUser();
      const created = await createSession(user.id);
      server.clock.advanceMs(7 * DAY_MS - 1);
      expect((await getSession(created.id)).status).toBe('active');
      server.clock.advanceMs(1);
      const expired = await getSession(created.id);
      expect(expired).toMatchObject({ status: 'expired', expire_at: created.expire_at, updated_at: created.updated_at });
      server.clock.advanceMs(-7 * DAY_MS);
    });
  });

  describe('POST /v1/sessions/{session_id}/revoke', () => {
    it('revokes an active session through @clerk/backend; the status stays revoked', async () => {
      const user = await createUser();
      const created = await createSession(user.id);
      server.clock.advanceMs(SECOND_MS);
      const revoked = await server.clerk.sessions.revokeSession(created.id);
      expect(revoked).toMatchObject({ id: created.id, status: 'revoked', updatedAt: server.clock.nowMs() });
      expect((await getSession(created.id)).status).toBe('revoked');
    });

    it('revoking twice answers the revoked session again and changes nothing', async () => {
      const user = await createUser();
      const created = await createSession(user.id);
      const first = await server.api('POST', `/v1/sessions/${created.id}/revoke`);
      server.clock.advanceMs(SECOND_MS);
      const second = await server.api('POST', `/v1/sessions/${created.id}/revoke`);
      expect(second.status).toBe(200);
      expect(second.body).toEqual(first.body);
    });

    it('answers 400 invalid_action_for_session for an expired session, which stays expired', async () => {
      const user = await createUser();
      const created = await createSession(user.id);
      server.clock.advanceMs(7 * DAY_MS);
      expectClerkError(await server.api('POST', `/v1/sessions/${created.id}/revoke`), 400, 'invalid_action_for_session');
      expect((await getSession(created.id)).status).toBe('expired');
      server.clock.advanceMs(-7 * DAY_MS);
    });

    it('answers 404 resource_not_found for an unknown session', async () => {
      await expectSdkError(server.clerk.sessions.revokeSession(`sess_unknown${uniqueTag()}`), 404, 'resource_not_found');
    });
  });

  describe('GET /v1/sessions', () => {
    it('lists a user\'s sessions newest first; @clerk/backend gets { data, totalCount }', async () => {
      const user = await createUser();
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) {
        ids.push((await createSession(user.id)).id);
        server.clock.advanceMs(SECOND_MS);
      }
      const list = await server.clerk.sessions.getSessionList({ userId: user.id });
      expect(list.totalCount).toBe(3);
      expect(list.data.map((session) => session.id)).toEqual([...ids].reverse());
    });

    it('answers the spec\'s bare array without paginated=true', async () => {
      const user = await createUser();
      const session = await createSession(user.id);
      const response = await server.api('GET', `/v1/sessions?user_id=${user.id}`);
      expect(response.status).toBe(200);
      expect(response.body).toEqual([session]);
    });

    it('filters by client_id', async () => {
      const user = await createUser();
      const first = await createSession(user.id);
      await createSession(user.id);
      const response = await server.api('GET', `/v1/sessions?client_id=${first.client_id}`);
      expect(response.body.map((session: any) => session.id)).toEqual([first.id]);
    });

    it('filters by status, with expiry read against the clock', async () => {
      const user = await createUser();
      const old = await createSession(user.id);
      server.clock.advanceMs(4 * DAY_MS);
      const revoked = await createSession(user.id);
      await server.api('POST', `/v1/sessions/${revoked.id}/revoke`);
      const live = await createSession(user.id);
      server.clock.advanceMs(3 * DAY_MS);
      const byStatus = async (status: string) => {
        const list = await server.clerk.sessions.getSessionList({ userId: user.id, status: status as any });
        return { ids: list.data.map((session) => session.id), total: list.totalCount, statuses: list.data.map((s) => s.status) };
      };
      expect(await byStatus('active')).toEqual({ ids: [live.id], total: 1, statuses: ['active'] });
      expect(await byStatus('expired')).toEqual({ ids: [old.id], total: 1, statuses: ['expired'] });
      expect(await byStatus('revoked')).toEqual({ ids: [revoked.id], total: 1, statuses: ['revoked'] });
      expect(await byStatus('ended')).toEqual({ ids: [], total: 0, statuses: [] });
      server.clock.advanceMs(-7 * DAY_MS);
    });

    it('pages with limit and offset; total_count counts every match', async () => {
      const user = await createUser();
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) {
        ids.push((await createSession(user.id)).id);
        server.clock.advanceMs(SECOND_MS);
      }
      const newestFirst = [...ids].reverse();
      const page = await server.clerk.sessions.getSessionList({ userId: user.id, limit: 2, offset: 1 });
      expect(page.data.map((session) => session.id)).toEqual(newestFirst.slice(1, 3));
      expect(page.totalCount).toBe(5);
      const raw = await server.api('GET', `/v1/sessions?user_id=${user.id}&limit=2&offset=4`);
      expect(raw.body.map((session: any) => session.id)).toEqual(newestFirst.slice(4));
      const defaults = await server.api('GET', `/v1/sessions?user_id=${user.id}`);
      expect(defaults.body).toHaveLength(5);
    });

    it('answers 422 for a bad limit, offset or status, and for unknown parameters', async () => {
      expectClerkError(await server.api('GET', '/v1/sessions?limit=0'), 422, 'form_param_value_invalid', 'limit');
      expectClerkError(await server.api('GET', '/v1/sessions?limit=501'), 422, 'form_param_value_invalid', 'limit');
      expectClerkError(await server.api('GET', '/v1/sessions?offset=-1'), 422, 'form_param_value_invalid', 'offset');
      expectClerkError(await server.api('GET', '/v1/sessions?limit=ten'), 422, 'form_param_type_invalid', 'limit');
      expectClerkError(await server.api('GET', '/v1/sessions?status=sleeping'), 422, 'form_param_value_invalid', 'status');
      expectClerkError(await server.api('GET', '/v1/sessions?colour=red'), 422, 'form_param_unknown', 'colour');
    });

    it('an unknown user has no sessions', async () => {
      const list = await server.clerk.sessions.getSessionList({ userId: `user_unknown${uniqueTag()}` });
      expect(list).toEqual({ data: [], totalCount: 0 });
    });
  });
});

describe('sessions with an inactivity timeout', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ ROSTER_SESSION_LIFETIME_SECONDS: '3600', ROSTER_SESSION_INACTIVITY_TIMEOUT_SECONDS: '600' });
  });
  afterAll(async () => server.close());
  const { createUser, createSession, getSession } = helpers(() => server);

  it('expires after the timeout without activity; each token pushes the expiry, never past the lifetime', async () => {
    const user = await createUser();
    const start = server.clock.nowMs();
    const session = await createSession(user.id);
    expect(session.expire_at).toBe(start + 600 * SECOND_MS);
    for (let minute = 9; minute <= 54; minute += 9) {
      server.clock.setMs(start + minute * 60 * SECOND_MS);
      expect((await server.api('POST', `/v1/sessions/${session.id}/tokens`)).status).toBe(200);
    }
    // Last activity at minute 54: the lifetime (60 minutes) caps the expiry before the timeout would.
    expect((await getSession(session.id)).expire_at).toBe(start + 3600 * SECOND_MS);
    server.clock.setMs(start + 3600 * SECOND_MS);
    expect((await getSession(session.id)).status).toBe('expired');
  });

  it('an idle session reads as expired after the timeout', async () => {
    const user = await createUser();
    const session = await createSession(user.id);
    server.clock.advanceMs(600 * SECOND_MS);
    expect((await getSession(session.id)).status).toBe('expired');
    expectClerkError(await server.api('POST', `/v1/sessions/${session.id}/tokens`), 404, 'resource_not_found');
  });
});

describe('sessions on an instance that is not in test mode', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ ROSTER_TEST_MODE: 'false' });
  });
  afterAll(async () => server.close());

  it('refuses POST /v1/sessions with 400 request_invalid_for_environment', async () => {
    const user = await server.api('POST', '/v1/users', { email_address: [uniqueEmail('prod')] });
    await expectSdkError(server.clerk.sessions.createSession({ userId: user.body.id }), 400, 'request_invalid_for_environment');
  });
});
