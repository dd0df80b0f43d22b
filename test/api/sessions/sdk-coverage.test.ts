// Issue 4 review: the session promises that existing tests prove only over raw HTTP (or not at all),
// proven here through @clerk/backend: remove_password / set_compromised revoking sessions, ban and
// delete seen through sessions.getSessionList / getToken, the client_id filter, the `o` claim once the
// active organization is deleted, verifyToken refusing foreign signatures and `alg: none`, JWKS
// never carrying private key members, and test mode following the configured keys.
// verifyToken checks iat/nbf/exp against the real clock: the manual clock is put back at real time first.
import { generateKeyPairSync } from 'node:crypto';
import { verifyToken } from '@clerk/backend';
import { decodeJwt, decodeProtectedHeader, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSecretBox } from '../../../src/lib/secret-box.js';
import { createSigningKeyStore } from '../../../src/sessions/signing-keys.js';
import { expectClerkError, expectSdkError } from '../../helpers/assertions.js';
import { uniqueEmail, uniqueTag } from '../../helpers/fixtures.js';
import { startTestServer, TEST_SECRET_KEY, type TestServer } from '../../helpers/test-server.js';

const PASSWORD = 'correct-horse-battery-staple-42';

describe('sessions through @clerk/backend (issue 4 coverage)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server.close());

  const realTime = () => server.clock.setMs(Date.now());

  async function createUser(body: Record<string, unknown> = {}): Promise<string> {
    const user = await server.clerk.users.createUser({ emailAddress: [uniqueEmail('sdkcov')], ...body });
    return user.id;
  }
  async function createSession(userId: string, activeOrganizationId?: string): Promise<string> {
    const response = await server.api('POST', '/v1/sessions', { user_id: userId, ...(activeOrganizationId ? { active_organization_id: activeOrganizationId } : {}) });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body.id;
  }
  /** Statuses of the user's sessions, newest first, through the SDK. */
  async function statuses(userId: string): Promise<string[]> {
    const list = await server.clerk.sessions.getSessionList({ userId });
    expect(list.totalCount).toBe(list.data.length);
    return list.data.map((session) => session.status);
  }
  /** A user (with a password) holding two active sessions, and a bystander holding one. */
  async function userWithSessions() {
    const userId = await createUser({ password: PASSWORD });
    await createSession(userId);
    const sessionId = await createSession(userId);
    const bystanderId = await createUser();
    await createSession(bystanderId);
    expect(await statuses(userId)).toEqual(['active', 'active']);
    return { userId, sessionId, bystanderId };
  }
  const verify = (token: string) => verifyToken(token, { secretKey: server.secretKey, apiUrl: server.baseUrl });
  async function rejection(token: string): Promise<string> {
    const outcome = await verify(token).then(
      () => null,
      (error: unknown) => error as { reason: string },
    );
    if (!outcome) throw new Error('verifyToken accepted the token');
    return outcome.reason;
  }

  describe('revocation promises of the Users API, through the SDK', () => {
    it('users.removePassword with signOutOfOtherSessions revokes every session of the user, and only theirs', async () => {
      const { userId, sessionId, bystanderId } = await userWithSessions();
      const user = await server.clerk.users.removePassword(userId, { signOutOfOtherSessions: true });
      expect(user.passwordEnabled).toBe(false);
      expect(await statuses(userId)).toEqual(['revoked', 'revoked']);
      expect(await statuses(bystanderId)).toEqual(['active']);
      await expectSdkError(server.clerk.sessions.getToken(sessionId), 404, 'resource_not_found');
    });

    it('users.setPasswordCompromised with revokeAllSessions revokes every session of the user, and only theirs', async () => {
      const { userId, sessionId, bystanderId } = await userWithSessions();
      await server.clerk.users.setPasswordCompromised(userId, { revokeAllSessions: true });
      expect(await statuses(userId)).toEqual(['revoked', 'revoked']);
      expect(await statuses(bystanderId)).toEqual(['active']);
      expect((await server.clerk.sessions.getSession(sessionId)).status).toBe('revoked');
    });

    it('users.setPasswordCompromised without revokeAllSessions leaves the sessions active', async () => {
      const { userId } = await userWithSessions();
      await server.clerk.users.setPasswordCompromised(userId);
      expect(await statuses(userId)).toEqual(['active', 'active']);
    });

    it('users.banUser: getSessionList by status sees the revoked sessions, getToken refuses them', async () => {
      const { userId, sessionId } = await userWithSessions();
      await server.clerk.users.banUser(userId);
      const revoked = await server.clerk.sessions.getSessionList({ userId, status: 'revoked' });
      expect(revoked.totalCount).toBe(2);
      expect(revoked.data.map((session) => session.status)).toEqual(['revoked', 'revoked']);
      expect(await server.clerk.sessions.getSessionList({ userId, status: 'active' })).toEqual({ data: [], totalCount: 0 });
      await expectSdkError(server.clerk.sessions.getToken(sessionId), 404, 'resource_not_found');
      // A banned user cannot sign in again either.
      await expectSdkError(server.clerk.sessions.createSession({ userId }), 403, 'user_banned');
    });

    it('users.deleteUser ends the sessions; an ended session cannot be revoked or get a token', async () => {
      const { userId, sessionId } = await userWithSessions();
      await server.clerk.users.deleteUser(userId);
      const ended = await server.clerk.sessions.getSessionList({ userId, status: 'ended' });
      expect(ended.totalCount).toBe(2);
      await expectSdkError(server.clerk.sessions.revokeSession(sessionId), 400, 'invalid_action_for_session');
      await expectSdkError(server.clerk.sessions.getToken(sessionId), 404, 'resource_not_found');
      expect((await server.clerk.sessions.getSession(sessionId)).status).toBe('ended');
    });
  });

  describe('sessions.getSessionList', () => {
    it('filters by clientId and pages with limit/offset', async () => {
      const userId = await createUser();
      const first = await createSession(userId);
      server.clock.advanceMs(1000);
      const second = await createSession(userId);
      const clientId = (await server.clerk.sessions.getSession(first)).clientId;
      const byClient = await server.clerk.sessions.getSessionList({ clientId });
      expect(byClient.totalCount).toBe(1);
      expect(byClient.data.map((session) => session.id)).toEqual([first]);
      const paged = await server.clerk.sessions.getSessionList({ userId, limit: 1, offset: 1 });
      expect(paged.totalCount).toBe(2);
      expect(paged.data.map((session) => session.id)).toEqual([first]);
      expect((await server.clerk.sessions.getSessionList({ userId, limit: 1 })).data.map((session) => session.id)).toEqual([second]);
    });
  });

  describe('session tokens and verifyToken', () => {
    it('the o claim follows the active organization: present while it exists, gone once it is deleted', async () => {
      realTime();
      const userId = await createUser();
      const slug = `sdkcov-${uniqueTag()}`;
      const organization = await server.clerk.organizations.createOrganization({ name: 'Token Org', slug, createdBy: userId });
      const sessionId = await createSession(userId, organization.id);
      const before = await verify((await server.clerk.sessions.getToken(sessionId)).jwt);
      expect(before.o).toEqual({ id: organization.id, slg: slug, rol: 'admin' });
      await server.clerk.organizations.deleteOrganization(organization.id);
      const after = await verify((await server.clerk.sessions.getToken(sessionId)).jwt);
      expect(after.o).toBeUndefined();
      expect(after).toMatchObject({ sub: userId, sid: sessionId, v: 2, sts: 'active' });
    });

    it('verifyToken refuses a token signed by a foreign key that carries Roster\'s kid', async () => {
      realTime();
      const sessionId = await createSession(await createUser());
      const genuine = (await server.clerk.sessions.getToken(sessionId)).jwt;
      const { kid } = decodeProtectedHeader(genuine);
      const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
      const forged = await new SignJWT(decodeJwt(genuine)).setProtectedHeader({ alg: 'RS256', kid: kid!, typ: 'JWT' }).sign(privateKey);
      expect(await rejection(forged)).toBe('token-invalid-signature');
      expect(await verify(genuine)).toMatchObject({ sid: sessionId });
    });

    it('verifyToken refuses an unsigned (alg: none) copy of a genuine token', async () => {
      realTime();
      const sessionId = await createSession(await createUser());
      const genuine = (await server.clerk.sessions.getToken(sessionId)).jwt;
      const { kid } = decodeProtectedHeader(genuine);
      const [, payload] = genuine.split('.') as [string, string, string];
      const header = Buffer.from(JSON.stringify({ alg: 'none', kid, typ: 'JWT' })).toString('base64url');
      expect(await rejection(`${header}.${payload}.`)).toBe('token-invalid-algorithm');
    });
  });

  describe('GET /v1/jwks', () => {
    it('never publishes private key members, also with retired keys listed', async () => {
      realTime();
      const sessionId = await createSession(await createUser());
      // A token signed with the current key keeps it published after a rotation (done as another node would).
      const token = (await server.clerk.sessions.getToken(sessionId, undefined, 600)).jwt;
      const oldKid = decodeProtectedHeader(token).kid;
      const store = createSigningKeyStore({
        database: server.database,
        clock: server.clock,
        secretBox: createSecretBox(server.config.instanceKey!),
        config: server.config.sessions,
      });
      const newKid = await store.rotate();
      const response = await server.api('GET', '/v1/jwks');
      expect(response.status).toBe(200);
      const kids = response.body.keys.map((key: any) => key.kid);
      expect(kids[0]).toBe(newKid);
      expect(kids).toContain(oldKid);
      for (const key of response.body.keys) {
        expect(Object.keys(key).sort()).toEqual(['alg', 'e', 'kid', 'kty', 'n', 'use']);
      }
      expect(JSON.stringify(response.body)).not.toMatch(/"(d|p|q|dp|dq|qi)"\s*:/);
      expect(await verify(token)).toMatchObject({ sid: sessionId });
    });
  });
});

describe('test mode follows the configured secret keys (issue 4 coverage)', () => {
  let server: TestServer;
  beforeAll(async () => {
    // No ROSTER_TEST_MODE: one sk_live_ key among the configured keys makes this a production instance.
    // A production instance needs ROSTER_PUBLIC_URL (it never builds URLs from the Host header).
    server = await startTestServer({
      ROSTER_SECRET_KEYS: `${TEST_SECRET_KEY},sk_live_${'Pr0ductionKey'.repeat(2)}`,
      ROSTER_PUBLIC_URL: 'https://auth.example.com',
    });
  });
  afterAll(async () => server.close());

  it('refuses POST /v1/sessions with 400 request_invalid_for_environment, and creates nothing', async () => {
    const user = await server.clerk.users.createUser({ emailAddress: [uniqueEmail('live')] });
    await expectSdkError(server.clerk.sessions.createSession({ userId: user.id }), 400, 'request_invalid_for_environment');
    expectClerkError(await server.api('POST', '/v1/sessions', { user_id: user.id }), 400, 'request_invalid_for_environment');
    expect(await server.clerk.sessions.getSessionList({ userId: user.id })).toEqual({ data: [], totalCount: 0 });
    expect((await server.clerk.users.getUser(user.id)).lastSignInAt).toBeNull();
  });
});
