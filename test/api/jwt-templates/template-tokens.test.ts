// POST /v1/sessions/{session_id}/tokens/{template_name}: @clerk/backend's getToken(sessionId, template) returns a
// JWT with the template's rendered claims that jose verifies with the template's key (the instance JWKS, an
// HMAC secret, an RSA key), with the template's lifetime and clock skew; unknown templates and dead sessions.
// verifyToken and jose check iat/nbf/exp against the real clock: tokens are minted with the manual clock at real time.
import { generateKeyPairSync } from 'node:crypto';
import { verifyToken } from '@clerk/backend';
import { createRemoteJWKSet, decodeJwt, decodeProtectedHeader, importSPKI, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectClerkError, expectSdkError } from '../../helpers/assertions.js';
import { uniqueEmail, uniqueTag } from '../../helpers/fixtures.js';
import { makePNG } from '../../helpers/images.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';

const HMAC_SECRET = 'super-secret-jwt-token-with-at-least-32-characters-long';

describe('tokens from JWT templates', () => {
  let server: TestServer;
  const logLines: string[] = [];
  beforeAll(async () => {
    server = await startTestServer({}, { logLines });
  });
  afterAll(async () => server.close());
  const realTime = () => server.clock.setMs(Date.now());

  async function createUser(body: Record<string, unknown> = {}): Promise<any> {
    const response = await server.api('POST', '/v1/users', { email_address: [uniqueEmail('tpl')], ...body });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body;
  }
  async function createSession(userId: string, body: Record<string, unknown> = {}): Promise<any> {
    const response = await server.api('POST', '/v1/sessions', { user_id: userId, ...body });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body;
  }
  async function createTemplate(body: Record<string, unknown>): Promise<any> {
    const response = await server.api('POST', '/v1/jwt_templates', { name: `t_${uniqueTag()}`, claims: {}, ...body });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body;
  }

  it('renders the claims (typed values, nulls, interpolation, metadata, organization) and signs with the instance key', async () => {
    realTime();
    const user = await createUser({ first_name: 'Ada', last_name: 'Lovelace', public_metadata: { plan: 'pro', seats: 3 } });
    const slug = `acme-${uniqueTag()}`;
    const organization = await server.clerk.organizations.createOrganization({ name: 'Acme', slug, createdBy: user.id, publicMetadata: { tier: 'gold' } });
    const session = await createSession(user.id, { active_organization_id: organization.id });
    const template = await createTemplate({
      claims: {
        user_id: '{{user.id}}',
        email: '{{user.primary_email_address}}',
        email_verified: '{{user.email_verified}}',
        name: '{{user.full_name}}',
        greeting: 'Hello {{user.first_name}} {{user.username}}!',
        plan: '{{user.public_metadata.plan}}',
        seats: '{{user.public_metadata.seats}}',
        missing: '{{user.public_metadata.nothing}}',
        phone: '{{user.primary_phone_number}}',
        org: { id: '{{org.id}}', slug: '{{org.slug}}', role: '{{org.role}}', tier: '{{org.public_metadata.tier}}', permissions: '{{org.membership_permissions}}' },
        roles: ['authenticated', '{{org.role}}'],
        static: 42,
      },
    });
    const now = server.clock.nowMs();
    const { jwt } = await server.clerk.sessions.getToken(session.id, template.name);
    const iat = Math.floor(now / 1000);
    const { keys } = (await server.api('GET', '/v1/jwks')).body;
    expect(decodeProtectedHeader(jwt)).toEqual({ alg: 'RS256', kid: keys[0].kid, typ: 'JWT' });
    const claims = decodeJwt(jwt);
    expect(claims).toEqual({
      user_id: user.id,
      email: user.email_addresses[0].email_address,
      email_verified: true,
      name: 'Ada Lovelace',
      greeting: 'Hello Ada !',
      plan: 'pro',
      seats: 3,
      missing: null,
      phone: null,
      org: { id: organization.id, slug, role: 'org:admin', tier: 'gold', permissions: expect.arrayContaining(['org:sys_memberships:manage']) },
      roles: ['authenticated', 'org:admin'],
      static: 42,
      sub: user.id,
      sid: session.id,
      iss: server.baseUrl,
      iat,
      nbf: iat - 5,
      exp: iat + 60,
      jti: expect.stringMatching(/^[0-9a-f]{20}$/),
    });
    // Verifies against the JWKS, with jose and with @clerk/backend's verifyToken.
    const jwks = createRemoteJWKSet(new URL(`${server.baseUrl}/v1/jwks`), { headers: { authorization: `Bearer ${server.secretKey}` } });
    const { payload } = await jwtVerify(jwt, jwks, { issuer: server.baseUrl });
    expect(payload).toEqual(claims);
    expect(await verifyToken(jwt, { secretKey: server.secretKey, apiUrl: server.baseUrl })).toEqual(claims);
  });

  it('renders user.image_url and user.has_image from an uploaded profile image', async () => {
    realTime();
    const user = await createUser();
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(await makePNG())], { type: 'image/png' }), 'a.png');
    const uploaded = await fetch(`${server.baseUrl}/v1/users/${user.id}/profile_image`, { method: 'POST', headers: { authorization: `Bearer ${server.secretKey}` }, body: form });
    const withImage = await uploaded.json();
    expect(withImage.has_image).toBe(true);
    const template = await createTemplate({ claims: { picture: '{{user.image_url}}', has: '{{user.has_image}}' } });
    const session = await createSession(user.id);
    const { jwt } = await server.clerk.sessions.getToken(session.id, template.name);
    expect(decodeJwt(jwt)).toMatchObject({ picture: withImage.image_url, has: true });
  });

  it('signs with a custom HS256 secret that jose verifies (Supabase-style), without a kid', async () => {
    realTime();
    const user = await createUser();
    const session = await createSession(user.id);
    const template = await createTemplate({
      claims: { role: 'authenticated', aud: 'authenticated', email: '{{user.primary_email_address}}' },
      custom_signing_key: true,
      signing_algorithm: 'HS256',
      signing_key: HMAC_SECRET,
    });
    const { jwt } = await server.clerk.sessions.getToken(session.id, template.name);
    expect(decodeProtectedHeader(jwt)).toEqual({ alg: 'HS256', typ: 'JWT' });
    const { payload } = await jwtVerify(jwt, new TextEncoder().encode(HMAC_SECRET), { audience: 'authenticated', algorithms: ['HS256'] });
    expect(payload).toMatchObject({ sub: user.id, sid: session.id, role: 'authenticated', email: user.email_addresses[0].email_address });
    await expect(jwtVerify(jwt, new TextEncoder().encode(`${HMAC_SECRET}x`))).rejects.toThrow();

    // HS512 after an update that keeps the stored secret.
    await server.api('PATCH', `/v1/jwt_templates/${template.id}`, { name: template.name, claims: { role: 'authenticated' }, signing_algorithm: 'HS512' });
    const second = await server.clerk.sessions.getToken(session.id, template.name);
    expect(decodeProtectedHeader(second.jwt).alg).toBe('HS512');
    await jwtVerify(second.jwt, new TextEncoder().encode(HMAC_SECRET), { algorithms: ['HS512'] });
  });

  it('signs with a custom RS256 PEM that its public key verifies', async () => {
    realTime();
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const user = await createUser();
    const session = await createSession(user.id);
    const template = await createTemplate({
      claims: { 'https://hasura.io/jwt/claims': { 'x-hasura-user-id': '{{user.id}}', 'x-hasura-default-role': 'user' } },
      custom_signing_key: true,
      signing_algorithm: 'RS256',
      signing_key: privateKey.export({ format: 'pem', type: 'pkcs1' }).toString(),
    });
    const { jwt } = await server.clerk.sessions.getToken(session.id, template.name);
    const spki = await importSPKI(publicKey.export({ format: 'pem', type: 'spki' }).toString(), 'RS256');
    const { payload, protectedHeader } = await jwtVerify(jwt, spki, { issuer: server.baseUrl });
    expect(protectedHeader).toEqual({ alg: 'RS256', typ: 'JWT' });
    expect(payload['https://hasura.io/jwt/claims']).toEqual({ 'x-hasura-user-id': user.id, 'x-hasura-default-role': 'user' });
    // Not signed with the instance key.
    expect(await verifyToken(jwt, { secretKey: server.secretKey, apiUrl: server.baseUrl }).then(() => 'accepted', () => 'refused')).toBe('refused');
  });

  it('sets exp from lifetime (or expires_in_seconds) and nbf from allowed_clock_skew', async () => {
    realTime();
    const user = await createUser();
    const session = await createSession(user.id);
    const template = await createTemplate({ lifetime: 3600, allowed_clock_skew: 120 });
    const iat = Math.floor(server.clock.nowMs() / 1000);
    const claims = decodeJwt((await server.clerk.sessions.getToken(session.id, template.name)).jwt);
    expect({ iat: claims.iat, nbf: claims.nbf, exp: claims.exp }).toEqual({ iat, nbf: iat - 120, exp: iat + 3600 });
    const overridden = decodeJwt((await server.clerk.sessions.getToken(session.id, template.name, 45)).jwt);
    expect(overridden.exp).toBe(iat + 45);
    const raw = await server.api('POST', `/v1/sessions/${session.id}/tokens/${template.name}`, { expires_in_seconds: 600 });
    expect(raw.body).toEqual({ object: 'token', jwt: expect.any(String) });
    expect(decodeJwt(raw.body.jwt).exp).toBe(iat + 600);
    expectClerkError(await server.api('POST', `/v1/sessions/${session.id}/tokens/${template.name}`, { expires_in_seconds: 10 }), 422, 'form_param_value_invalid', 'expires_in_seconds');

    server.clock.advanceMs(30_000);
    const later = decodeJwt((await server.clerk.sessions.getToken(session.id, template.name)).jwt);
    expect(later.iat).toBe(iat + 30);
    expect(later.nbf).toBe(iat + 30 - 120);
  });

  it('records activity like the tokens route', async () => {
    realTime();
    const user = await createUser();
    const session = await createSession(user.id);
    const template = await createTemplate({});
    server.clock.advanceMs(60_000);
    await server.clerk.sessions.getToken(session.id, template.name);
    expect((await server.clerk.sessions.getSession(session.id)).lastActiveAt).toBe(server.clock.nowMs());
  });

  it('answers 404 for an unknown template, and for a revoked or missing session as the tokens route does', async () => {
    realTime();
    const user = await createUser();
    const session = await createSession(user.id);
    const template = await createTemplate({});
    const unknown = await server.api('POST', `/v1/sessions/${session.id}/tokens/no_such_template`);
    expectClerkError(unknown, 404, 'resource_not_found');
    expect(unknown.body.errors[0].long_message).toBe('No JWT template exists with name: no_such_template');
    await expectSdkError(server.clerk.sessions.getToken(session.id, 'no_such_template'), 404, 'resource_not_found');

    await server.clerk.sessions.revokeSession(session.id);
    const plain = await server.api('POST', `/v1/sessions/${session.id}/tokens`);
    const templated = await server.api('POST', `/v1/sessions/${session.id}/tokens/${template.name}`);
    expectClerkError(templated, plain.status, plain.body.errors[0].code);
    expect(templated.body.errors[0].long_message).toBe(plain.body.errors[0].long_message);

    const missingPlain = await server.api('POST', '/v1/sessions/sess_missing/tokens');
    const missing = await server.api('POST', `/v1/sessions/sess_missing/tokens/${template.name}`);
    expectClerkError(missing, missingPlain.status, missingPlain.body.errors[0].code);
    expect(missing.body.errors[0].long_message).toBe(missingPlain.body.errors[0].long_message);
  });

  it('keeps the template from overriding standard claims even inside rendered values, and logs no key', async () => {
    realTime();
    const user = await createUser({ public_metadata: { sub: 'evil' } });
    const session = await createSession(user.id);
    const template = await createTemplate({ claims: { meta: '{{user.public_metadata}}' }, custom_signing_key: true, signing_algorithm: 'HS256', signing_key: HMAC_SECRET });
    const claims = decodeJwt((await server.clerk.sessions.getToken(session.id, template.name)).jwt);
    expect(claims.sub).toBe(user.id);
    expect(claims.meta).toEqual({ sub: 'evil' });
    expect(logLines.join('\n')).not.toContain(HMAC_SECRET);
  });
});
