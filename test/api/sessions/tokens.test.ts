// POST /v1/sessions/{session_id}/tokens and GET /v1/jwks: v2 session tokens verified by @clerk/backend's
// verifyToken against Roster's JWKS, activity, signing keys stored sealed and shared, rotation.
// verifyToken checks iat/nbf/exp against the real clock: tokens are minted with the manual clock near real time.
import { verifyToken } from '@clerk/backend';
import { signedInAuthObject } from '@clerk/backend/internal';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSecretBox } from '../../../src/lib/secret-box.js';
import { createSigningKeyStore } from '../../../src/sessions/signing-keys.js';
import { expectClerkError, expectSdkError } from '../../helpers/assertions.js';
import { uniqueEmail, uniqueTag } from '../../helpers/fixtures.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';

const SECOND_MS = 1000;
const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/**
 * verifyToken caches JWKS keys per (apiUrl, secret key) and only ever adds to that cache; a different
 * spelling of the same apiUrl (a trailing slash) starts from an empty cache, like a fresh process.
 */
type VerifyOptions = { skipJwksCache?: boolean; apiUrl?: string };

function helpers(server: () => TestServer) {
  const self = {
    async createUser(): Promise<any> {
      const response = await server().api('POST', '/v1/users', { email_address: [uniqueEmail('tok')] });
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      return response.body;
    },
    async createSession(body: Record<string, unknown> = {}): Promise<any> {
      const user = await self.createUser();
      const response = await server().api('POST', '/v1/sessions', { user_id: user.id, ...body });
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      return response.body;
    },
    async mint(sessionId: string, body?: Record<string, unknown>): Promise<string> {
      const response = await server().api('POST', `/v1/sessions/${sessionId}/tokens`, body);
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      return response.body.jwt;
    },
    verify: (token: string, options: VerifyOptions = {}) =>
      verifyToken(token, { secretKey: server().secretKey, apiUrl: server().baseUrl, ...options }),
    /** What verifyToken throws (a TokenVerificationError), or fails the test when it accepts the token. */
    async rejection(token: string, options: VerifyOptions = {}): Promise<{ reason: string }> {
      const outcome = await self.verify(token, options).then(
        () => null,
        (error: unknown) => error as { reason: string },
      );
      if (!outcome) throw new Error('verifyToken accepted the token');
      return outcome;
    },
    async jwks(): Promise<any> {
      const response = await server().api('GET', '/v1/jwks');
      expect(response.status).toBe(200);
      return response.body;
    },
    /** Another Roster node on the same database and instance key. */
    otherNode: () =>
      createSigningKeyStore({
        database: server().database,
        clock: server().clock,
        secretBox: createSecretBox(server().config.instanceKey!),
        config: server().config.sessions,
      }),
  };
  return self;
}

describe('session tokens', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server.close());
  const { createUser, createSession, mint, verify, rejection, jwks, otherNode } = helpers(() => server);
  /** Puts the manual clock back at the real time, where verifyToken expects fresh tokens. */
  const realTime = () => server.clock.setMs(Date.now());

  describe('POST /v1/sessions/{session_id}/tokens', () => {
    it('mints an RS256 JWT with Clerk\'s v2 claims that verifyToken accepts (through @clerk/backend getToken)', async () => {
      realTime();
      const session = await createSession();
      const now = server.clock.nowMs();
      const token = await server.clerk.sessions.getToken(session.id);
      expect(token.jwt.split('.')).toHaveLength(3);
      const header = decodeProtectedHeader(token.jwt);
      const { keys } = await jwks();
      expect(header).toEqual({ alg: 'RS256', kid: keys[0].kid, typ: 'JWT' });
      const iat = Math.floor(now / 1000);
      const claims = decodeJwt(token.jwt);
      expect(claims).toEqual({
        sub: session.user_id,
        sid: session.id,
        iss: server.baseUrl,
        iat,
        nbf: iat - 10,
        exp: iat + 60,
        jti: expect.stringMatching(/^[0-9a-f]{20}$/),
        v: 2,
        fva: [0, -1],
        sts: 'active',
      });
      expect(await verify(token.jwt)).toEqual(claims);
    });

    it('answers { object: "token", jwt } over raw HTTP; every token has its own jti', async () => {
      realTime();
      const session = await createSession();
      const first = await server.api('POST', `/v1/sessions/${session.id}/tokens`);
      expect(first.status).toBe(200);
      expect(first.body).toEqual({ object: 'token', jwt: expect.any(String) });
      const second = await mint(session.id);
      expect(decodeJwt(second).jti).not.toBe(decodeJwt(first.body.jwt).jti);
    });

    it('honours expires_in_seconds (raw, and through getToken\'s third argument)', async () => {
      realTime();
      const session = await createSession();
      const raw = decodeJwt(await mint(session.id, { expires_in_seconds: 3600 }));
      expect(raw.exp! - raw.iat!).toBe(3600);
      const viaSdk = await server.clerk.sessions.getToken(session.id, undefined, 120);
      const claims = decodeJwt(viaSdk.jwt);
      expect(claims.exp! - claims.iat!).toBe(120);
      expect(await verify(viaSdk.jwt)).toMatchObject({ sid: session.id });
    });

    it('answers 422 form_param_value_invalid (expires_in_seconds) below 30 seconds, and a type error for a string', async () => {
      const session = await createSession();
      expectClerkError(await server.api('POST', `/v1/sessions/${session.id}/tokens`, { expires_in_seconds: 29 }), 422, 'form_param_value_invalid', 'expires_in_seconds');
      expectClerkError(await server.api('POST', `/v1/sessions/${session.id}/tokens`, { expires_in_seconds: '60' }), 422, 'form_param_type_invalid', 'expires_in_seconds');
    });

    it('carries o: { id, slg, rol } for the active organization; Clerk\'s auth object reads it back', async () => {
      realTime();
      const user = await createUser();
      const slug = `acme-${uniqueTag()}`;
      const organization = await server.clerk.organizations.createOrganization({ name: 'Acme', slug, createdBy: user.id });
      const session = await server.clerk.sessions.createSession({ userId: user.id, activeOrganizationId: organization.id } as any);
      expect(session.lastActiveOrganizationId).toBe(organization.id);
      const token = await mint(session.id);
      const claims = await verify(token);
      // org:admin holds only system permissions, which Clerk leaves out of session tokens.
      expect(claims.o).toEqual({ id: organization.id, slg: slug, rol: 'admin' });
      expect(claims.fea).toBeUndefined();
      const auth = signedInAuthObject({}, token, claims);
      expect({ orgId: auth.orgId, orgSlug: auth.orgSlug, orgRole: auth.orgRole }).toEqual({ orgId: organization.id, orgSlug: slug, orgRole: 'org:admin' });
      expect(auth.has({ role: 'org:admin' })).toBe(true);
    });

    it('leaves o out once the user is no longer a member of the active organization', async () => {
      realTime();
      const owner = await createUser();
      const member = await createUser();
      const organization = await server.clerk.organizations.createOrganization({ name: 'Gone', createdBy: owner.id });
      await server.clerk.organizations.createOrganizationMembership({ organizationId: organization.id, userId: member.id, role: 'org:member' });
      const session = (await server.api('POST', '/v1/sessions', { user_id: member.id, active_organization_id: organization.id })).body;
      expect(decodeJwt(await mint(session.id)).o).toMatchObject({ id: organization.id, rol: 'member' });
      await server.clerk.organizations.deleteOrganizationMembership({ organizationId: organization.id, userId: member.id });
      expect(decodeJwt(await mint(session.id)).o).toBeUndefined();
    });

    it('POST /v1/sessions refuses an active organization the user does not belong to: 422 form_resource_not_found', async () => {
      const owner = await createUser();
      const stranger = await createUser();
      const organization = await server.clerk.organizations.createOrganization({ name: 'Closed', createdBy: owner.id });
      const body = { user_id: stranger.id, active_organization_id: organization.id };
      expectClerkError(await server.api('POST', '/v1/sessions', body), 422, 'form_resource_not_found', 'active_organization_id');
      expectClerkError(
        await server.api('POST', '/v1/sessions', { ...body, active_organization_id: `org_unknown${uniqueTag()}` }),
        422,
        'form_resource_not_found',
        'active_organization_id',
      );
    });

    it('fva counts whole minutes since the sign-in; the second factor is -1', async () => {
      realTime();
      const session = await createSession();
      server.clock.advanceMs(5 * MINUTE_MS + 59 * SECOND_MS);
      expect(decodeJwt(await mint(session.id)).fva).toEqual([5, -1]);
      realTime();
    });

    it('iss is ROSTER_PUBLIC_URL when configured', async () => {
      const other = await startTestServer({ ROSTER_PUBLIC_URL: 'https://auth.example.com/' });
      try {
        const user = await other.api('POST', '/v1/users', { email_address: [uniqueEmail('iss')] });
        const session = await other.api('POST', '/v1/sessions', { user_id: user.body.id });
        const token = await other.api('POST', `/v1/sessions/${session.body.id}/tokens`);
        expect(decodeJwt(token.body.jwt).iss).toBe('https://auth.example.com');
      } finally {
        await other.close();
      }
    });

    it('minting is activity: the session\'s last_active_at moves, the user\'s moves with day precision', async () => {
      realTime();
      const session = await createSession();
      server.clock.advanceMs(DAY_MS);
      const now = server.clock.nowMs();
      await mint(session.id);
      const after = await server.api('GET', `/v1/sessions/${session.id}`);
      expect(after.body).toMatchObject({ last_active_at: now, updated_at: now, expire_at: session.expire_at });
      const user = await server.clerk.users.getUser(session.user_id);
      expect(user.lastActiveAt).toBe(Math.floor(now / DAY_MS) * DAY_MS);
      expect(user.lastSignInAt).toBe(session.created_at);
      realTime();
    });

    it('a revoked session gets no token: 404 resource_not_found, raw and through getToken', async () => {
      const session = await createSession();
      await server.clerk.sessions.revokeSession(session.id);
      const response = await server.api('POST', `/v1/sessions/${session.id}/tokens`);
      expectClerkError(response, 404, 'resource_not_found');
      expect(response.body.errors[0].long_message).toContain('revoked');
      await expectSdkError(server.clerk.sessions.getToken(session.id), 404, 'resource_not_found');
    });

    it('an expired session gets no token, and minting does not revive it', async () => {
      const session = await createSession();
      server.clock.advanceMs(7 * DAY_MS);
      expectClerkError(await server.api('POST', `/v1/sessions/${session.id}/tokens`), 404, 'resource_not_found');
      expect((await server.api('GET', `/v1/sessions/${session.id}`)).body.status).toBe('expired');
      realTime();
    });

    it('answers 404 resource_not_found for an unknown session', async () => {
      expectClerkError(await server.api('POST', `/v1/sessions/sess_unknown${uniqueTag()}/tokens`), 404, 'resource_not_found');
    });
  });

  describe('verifyToken refuses what Roster did not sign as is', () => {
    it('a token whose payload was changed fails the signature check', async () => {
      realTime();
      const session = await createSession();
      const other = await createUser();
      const token = await mint(session.id);
      const [header, payload, signature] = token.split('.') as [string, string, string];
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
      const forged = Buffer.from(JSON.stringify({ ...claims, sub: other.id })).toString('base64url');
      expect((await rejection(`${header}.${forged}.${signature}`)).reason).toBe('token-invalid-signature');
      const flipped = `${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`;
      expect((await rejection(`${header}.${payload}.${flipped}`)).reason).toBe('token-invalid-signature');
    });

    it('an expired token fails', async () => {
      // Minted ten minutes ago (by the manual clock) with the default 60-second lifetime.
      server.clock.setMs(Date.now() - 10 * MINUTE_MS);
      const session = await createSession();
      const token = await mint(session.id);
      realTime();
      expect((await rejection(token)).reason).toBe('token-expired');
    });
  });

  describe('GET /v1/jwks', () => {
    it('publishes the signing key with kid, alg RS256 and use sig', async () => {
      const body = await jwks();
      expect(body.keys[0]).toEqual({
        kid: expect.stringMatching(/^ins_[A-Za-z0-9_-]{43}$/),
        alg: 'RS256',
        use: 'sig',
        kty: 'RSA',
        n: expect.stringMatching(/^[A-Za-z0-9_-]{342}$/),
        e: 'AQAB',
      });
    });

    it('answers 401 without the secret key', async () => {
      const response = await fetch(`${server.baseUrl}/v1/jwks`);
      expect(response.status).toBe(401);
    });

    it('stores the private key sealed in the database, so every node signs with the same key', async () => {
      const rows = await server.database.db.selectFrom('signing_keys').selectAll().where('is_current', '=', 1).execute();
      expect(rows).toHaveLength(1);
      expect(rows[0]!.private_key).toMatch(/^v1\./);
      expect(rows[0]!.private_key).not.toContain('PRIVATE KEY');
      const node = otherNode();
      const current = await node.current();
      expect(current.kid).toBe(rows[0]!.kid);
      expect((await jwks()).keys[0].kid).toBe(current.kid);
    });

    it('rotation keeps the previous key published until its last token expires', async () => {
      realTime();
      // A key of its own, so tokens minted by earlier tests (some live an hour) do not keep it published.
      const oldKid = await otherNode().rotate();
      const session = await createSession();
      const before = await mint(session.id, { expires_in_seconds: 120 });
      expect(decodeProtectedHeader(before).kid).toBe(oldKid);
      expect(await verify(before)).toMatchObject({ sid: session.id });

      const newKid = await otherNode().rotate();
      expect(newKid).not.toBe(oldKid);
      expect((await jwks()).keys.map((key: any) => key.kid).slice(0, 2)).toEqual([newKid, oldKid]);
      const after = await mint(session.id);
      expect(decodeProtectedHeader(after).kid).toBe(newKid);
      expect(await verify(after)).toMatchObject({ sid: session.id });
      expect(await verify(before, { skipJwksCache: true })).toMatchObject({ sid: session.id });

      // Once the old key's last token has expired (its expiry is kept rounded up to five minutes, so
      // minting rarely writes), the key leaves the JWKS.
      server.clock.advanceMs(120 * SECOND_MS + 5 * 60 * SECOND_MS);
      const kids = (await jwks()).keys.map((key: any) => key.kid);
      expect(kids[0]).toBe(newKid);
      expect(kids).not.toContain(oldKid);
      // A verifier that loads the JWKS now cannot verify the old token (by the real clock it has not expired).
      expect((await rejection(before, { apiUrl: `${server.baseUrl}/` })).reason).toBe('jwk-kid-mismatch');
      expect(await verify(after, { apiUrl: `${server.baseUrl}/` })).toMatchObject({ sid: session.id });
      realTime();
    });

    it('a retired key that signed nothing leaves the JWKS at once', async () => {
      const node = otherNode();
      const unused = await node.rotate();
      const next = await node.rotate();
      const kids = (await jwks()).keys.map((key: any) => key.kid);
      expect(kids[0]).toBe(next);
      expect(kids).not.toContain(unused);
    });
  });
});

describe('signing keys with a maximum age', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ ROSTER_SIGNING_KEY_MAX_AGE_SECONDS: '3600' });
  });
  afterAll(async () => server.close());
  const { createSession, mint, jwks } = helpers(() => server);

  it('the first token after the key has aged out is signed by a new key', async () => {
    const session = await createSession();
    const firstKid = decodeProtectedHeader(await mint(session.id)).kid;
    server.clock.advanceMs(3600 * SECOND_MS);
    const secondKid = decodeProtectedHeader(await mint(session.id)).kid;
    expect(secondKid).not.toBe(firstKid);
    // The first key's only token expired long ago: the JWKS holds just the new key.
    expect((await jwks()).keys.map((key: any) => key.kid)).toEqual([secondKid]);
  });
});

describe('session tokens with custom organization permissions', () => {
  let server: TestServer;
  const roles = [
    {
      key: 'org:billing',
      name: 'Billing',
      description: 'Invoices and reports',
      permissions: ['org:invoices:create', 'org:invoices:read', 'org:reports:read', 'org:sys_memberships:read'],
    },
  ];
  beforeAll(async () => {
    server = await startTestServer({ ROSTER_ORGANIZATION_ROLES: JSON.stringify(roles) });
  });
  afterAll(async () => server.close());
  const { createUser, mint, verify } = helpers(() => server);

  it('encodes the role\'s permissions as fea / per / fpm, which Clerk\'s has() decodes', async () => {
    server.clock.setMs(Date.now());
    const owner = await createUser();
    const member = await createUser();
    const organization = await server.clerk.organizations.createOrganization({ name: 'Billing Co', createdBy: owner.id });
    await server.clerk.organizations.createOrganizationMembership({ organizationId: organization.id, userId: member.id, role: 'org:billing' });
    const session = (await server.api('POST', '/v1/sessions', { user_id: member.id, active_organization_id: organization.id })).body;
    const token = await mint(session.id);
    const claims = await verify(token);
    expect(claims.fea).toBe('o:invoices,o:reports');
    expect(claims.o).toEqual({ id: organization.id, slg: organization.slug, rol: 'billing', per: 'create,read', fpm: '3,2' });
    const auth = signedInAuthObject({}, token, claims);
    expect(auth.orgRole).toBe('org:billing');
    expect(auth.orgPermissions).toEqual(['org:invoices:create', 'org:invoices:read', 'org:reports:read']);
    expect(auth.has({ permission: 'org:invoices:create' })).toBe(true);
    expect(auth.has({ permission: 'org:reports:read' })).toBe(true);
    expect(auth.has({ permission: 'org:reports:create' })).toBe(false);
  });
});
