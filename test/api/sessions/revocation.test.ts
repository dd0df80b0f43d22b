// The Users API's promises about sessions: ban and bulk ban revoke them; a new password with
// sign_out_of_other_sessions, remove_password with sign_out_of_other_sessions and set_compromised with
// revoke_all_sessions revoke them; deleting a user ends them. And GET /v1/users's last_sign_in_at /
// last_active_at filters now see real sign-ins and activity.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectClerkError } from '../../helpers/assertions.js';
import { uniqueEmail } from '../../helpers/fixtures.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const PASSWORD = 'correct-horse-battery-staple-42';

describe('sessions revoked by the Users API', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server.close());

  async function createUser(body: Record<string, unknown> = {}): Promise<any> {
    const response = await server.api('POST', '/v1/users', { email_address: [uniqueEmail('rev')], ...body });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body;
  }
  async function createSession(userId: string): Promise<string> {
    const response = await server.api('POST', '/v1/sessions', { user_id: userId });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body.id;
  }
  /** Statuses of the user's sessions, newest first. */
  async function statuses(userId: string): Promise<string[]> {
    const response = await server.api('GET', `/v1/sessions?user_id=${userId}`);
    expect(response.status).toBe(200);
    return response.body.map((session: any) => session.status);
  }
  /** A user with two active sessions, and a bystander with one. */
  async function usersWithSessions(body: Record<string, unknown> = {}) {
    const user = await createUser(body);
    await createSession(user.id);
    const sessionId = await createSession(user.id);
    const bystander = await createUser();
    await createSession(bystander.id);
    expect(await statuses(user.id)).toEqual(['active', 'active']);
    return { user, sessionId, bystander };
  }

  describe('ban', () => {
    it('POST /v1/users/{id}/ban revokes every active session of the user, and only theirs', async () => {
      const { user, sessionId, bystander } = await usersWithSessions();
      await server.clerk.users.banUser(user.id);
      expect(await statuses(user.id)).toEqual(['revoked', 'revoked']);
      expect(await statuses(bystander.id)).toEqual(['active']);
      expectClerkError(await server.api('POST', `/v1/sessions/${sessionId}/tokens`), 404, 'resource_not_found');
    });

    it('unbanning does not bring the sessions back', async () => {
      const { user } = await usersWithSessions();
      await server.clerk.users.banUser(user.id);
      await server.clerk.users.unbanUser(user.id);
      expect(await statuses(user.id)).toEqual(['revoked', 'revoked']);
    });

    it('an expired or already revoked session keeps its status', async () => {
      const user = await createUser();
      const old = await createSession(user.id);
      server.clock.advanceMs(4 * DAY_MS);
      const revoked = await createSession(user.id);
      await server.api('POST', `/v1/sessions/${revoked}/revoke`);
      const before = (await server.api('GET', `/v1/sessions/${revoked}`)).body;
      server.clock.advanceMs(3 * DAY_MS + HOUR_MS);
      await createSession(user.id);
      await server.clerk.users.banUser(user.id);
      expect(await statuses(user.id)).toEqual(['revoked', 'revoked', 'expired']);
      expect((await server.api('GET', `/v1/sessions/${revoked}`)).body).toEqual(before);
      expect((await server.api('GET', `/v1/sessions/${old}`)).body.status).toBe('expired');
      server.clock.advanceMs(-(7 * DAY_MS + HOUR_MS));
    });

    it('POST /v1/users/ban (bulk) revokes the sessions of every banned user in one go', async () => {
      const first = await usersWithSessions();
      const second = await usersWithSessions();
      const response = await server.api('POST', '/v1/users/ban', { user_ids: [first.user.id, second.user.id] });
      expect(response.status).toBe(200);
      expect(await statuses(first.user.id)).toEqual(['revoked', 'revoked']);
      expect(await statuses(second.user.id)).toEqual(['revoked', 'revoked']);
      expect(await statuses(first.bystander.id)).toEqual(['active']);
      expect(await statuses(second.bystander.id)).toEqual(['active']);
    });
  });

  describe('password changes', () => {
    it('PATCH /v1/users/{id} with a new password and sign_out_of_other_sessions revokes every session', async () => {
      const { user, bystander } = await usersWithSessions({ password: PASSWORD });
      await server.clerk.users.updateUser(user.id, { password: `${PASSWORD}-new`, signOutOfOtherSessions: true });
      expect(await statuses(user.id)).toEqual(['revoked', 'revoked']);
      expect(await statuses(bystander.id)).toEqual(['active']);
    });

    it('a new password without sign_out_of_other_sessions, or the flag without a password, leaves sessions active', async () => {
      const { user } = await usersWithSessions({ password: PASSWORD });
      await server.clerk.users.updateUser(user.id, { password: `${PASSWORD}-new` });
      expect(await statuses(user.id)).toEqual(['active', 'active']);
      const response = await server.api('PATCH', `/v1/users/${user.id}`, { first_name: 'Ada', sign_out_of_other_sessions: true });
      expect(response.status).toBe(200);
      expect(await statuses(user.id)).toEqual(['active', 'active']);
    });

    it('POST /v1/users/{id}/remove_password with sign_out_of_other_sessions revokes every session', async () => {
      const { user, bystander } = await usersWithSessions({ password: PASSWORD });
      const response = await server.api('POST', `/v1/users/${user.id}/remove_password`, { sign_out_of_other_sessions: true });
      expect(response.status).toBe(200);
      expect(await statuses(user.id)).toEqual(['revoked', 'revoked']);
      expect(await statuses(bystander.id)).toEqual(['active']);
    });

    it('remove_password without sign_out_of_other_sessions leaves sessions active', async () => {
      const { user } = await usersWithSessions({ password: PASSWORD });
      expect((await server.api('POST', `/v1/users/${user.id}/remove_password`, {})).status).toBe(200);
      expect(await statuses(user.id)).toEqual(['active', 'active']);
    });

    it('POST /v1/users/{id}/password/set_compromised with revoke_all_sessions revokes every session', async () => {
      const { user, bystander } = await usersWithSessions({ password: PASSWORD });
      const response = await server.api('POST', `/v1/users/${user.id}/password/set_compromised`, { revoke_all_sessions: true });
      expect(response.status).toBe(200);
      expect(await statuses(user.id)).toEqual(['revoked', 'revoked']);
      expect(await statuses(bystander.id)).toEqual(['active']);
    });

    it('set_compromised without revoke_all_sessions leaves sessions active', async () => {
      const { user } = await usersWithSessions({ password: PASSWORD });
      expect((await server.api('POST', `/v1/users/${user.id}/password/set_compromised`, {})).status).toBe(200);
      expect(await statuses(user.id)).toEqual(['active', 'active']);
    });

    it('removing a password the user does not have changes nothing, sessions included', async () => {
      const { user } = await usersWithSessions();
      // The 2026-05-12 spec: "the user is returned unchanged".
      const response = await server.api('POST', `/v1/users/${user.id}/remove_password`, { sign_out_of_other_sessions: true });
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      expect(await statuses(user.id)).toEqual(['active', 'active']);
    });
  });

  describe('DELETE /v1/users/{id}', () => {
    it('ends the user\'s sessions: they stay readable as ended and get no token', async () => {
      const { user, sessionId, bystander } = await usersWithSessions();
      await server.clerk.users.deleteUser(user.id);
      expect(await statuses(user.id)).toEqual(['ended', 'ended']);
      const session = await server.clerk.sessions.getSession(sessionId);
      expect(session.status).toBe('ended');
      expectClerkError(await server.api('POST', `/v1/sessions/${sessionId}/tokens`), 404, 'resource_not_found');
      expect(await statuses(bystander.id)).toEqual(['active']);
    });
  });
});

describe('GET /v1/users sign-in and activity filters', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server.close());

  async function createUser(): Promise<string> {
    const response = await server.api('POST', '/v1/users', { email_address: [uniqueEmail('act')] });
    expect(response.status).toBe(200);
    return response.body.id;
  }

  it('last_sign_in_at_* and last_active_at_* see the sign-ins and token activity of sessions', async () => {
    const start = server.clock.nowMs();
    const [early, late, never] = [await createUser(), await createUser(), await createUser()];
    await server.api('POST', '/v1/sessions', { user_id: early });
    const signInOfEarly = server.clock.nowMs();
    server.clock.advanceMs(2 * DAY_MS);
    const lateSession = await server.api('POST', '/v1/sessions', { user_id: late });
    const signInOfLate = server.clock.nowMs();
    server.clock.advanceMs(HOUR_MS);
    expect((await server.api('POST', `/v1/sessions/${lateSession.body.id}/tokens`)).status).toBe(200);

    const ids = (list: { id: string }[]) => list.map((user) => user.id).sort();
    const only = [early, late, never];
    const query = async (params: Record<string, unknown>) => ids((await server.clerk.users.getUserList({ userId: only, ...params })).data);

    expect(await query({ lastSignInAtAfter: signInOfEarly })).toEqual([late]);
    expect(await query({ lastSignInAtBefore: signInOfLate })).toEqual([early]);
    expect(await query({ lastSignInAtAfter: start - 1 })).toEqual([early, late].sort());
    const dayOfEarly = Math.floor(signInOfEarly / DAY_MS) * DAY_MS;
    expect(await query({ lastActiveAtAfter: dayOfEarly })).toEqual([late]);
    expect(await query({ lastActiveAtBefore: dayOfEarly + DAY_MS })).toEqual([early]);

    const ordered = await server.clerk.users.getUserList({ userId: only, orderBy: '-last_sign_in_at' });
    expect(ordered.data.slice(0, 2).map((user) => user.id)).toEqual([late, early]);
    const raw = await server.api('GET', `/v1/users/count?user_id=${early}&user_id=${late}&user_id=${never}&last_sign_in_at_after=${start - 1}`);
    expect(raw.body).toEqual({ object: 'total_count', total_count: 2 });
  });
});
