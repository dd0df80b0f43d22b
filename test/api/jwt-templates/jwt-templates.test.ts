// GET/POST /v1/jwt_templates and GET/PATCH/DELETE /v1/jwt_templates/{id}: CRUD through @clerk/backend and raw
// HTTP, name uniqueness, reserved claims, shortcode and signing validation; the signing key never comes back.
import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectClerkError, expectSdkError } from '../../helpers/assertions.js';
import { uniqueTag } from '../../helpers/fixtures.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';

const HMAC_SECRET = `super-secret-hmac-${'x'.repeat(24)}`;
const rsaPem = () => generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();

describe('JWT templates', () => {
  let server: TestServer;
  const logLines: string[] = [];
  beforeAll(async () => {
    server = await startTestServer({}, { logLines });
  });
  afterAll(async () => server.close());
  const name = (label = 'tpl') => `${label}_${uniqueTag()}`;

  it('creates, gets, lists, updates and deletes through @clerk/backend', async () => {
    const templateName = name('hasura');
    const created = await server.clerk.jwtTemplates.create({
      name: templateName,
      claims: { 'https://hasura.io/jwt/claims': { 'x-hasura-user-id': '{{user.id}}' } },
    });
    expect(created).toMatchObject({
      id: expect.stringMatching(/^jtmp_[0-9A-Za-z]{27}$/),
      name: templateName,
      claims: { 'https://hasura.io/jwt/claims': { 'x-hasura-user-id': '{{user.id}}' } },
      lifetime: 60,
      allowedClockSkew: 5,
      customSigningKey: false,
      signingAlgorithm: 'RS256',
    });
    expect(created.createdAt).toBe(server.clock.nowMs());
    expect(await server.clerk.jwtTemplates.get(created.id)).toEqual(created);

    const list = await server.clerk.jwtTemplates.list();
    expect(list.data.map((template) => template.id)).toContain(created.id);
    expect(list.totalCount).toBe(list.data.length);

    server.clock.advanceMs(1000);
    const updated = await server.clerk.jwtTemplates.update({ templateId: created.id, name: `${templateName}-2`, claims: { plan: '{{user.public_metadata.plan}}' }, lifetime: 3600 });
    expect(updated).toMatchObject({ id: created.id, name: `${templateName}-2`, claims: { plan: '{{user.public_metadata.plan}}' }, lifetime: 3600, allowedClockSkew: 5 });
    expect(updated.updatedAt).toBe(created.updatedAt + 1000);

    const deleted = await server.clerk.jwtTemplates.delete(created.id);
    expect(deleted).toMatchObject({ id: created.id, deleted: true });
    await expectSdkError(server.clerk.jwtTemplates.get(created.id), 404, 'resource_not_found');
    await expectSdkError(server.clerk.jwtTemplates.delete(created.id), 404, 'resource_not_found');
  });

  it('answers the exact JSON over raw HTTP; the list is a bare array without paginated=true', async () => {
    const templateName = name();
    const created = await server.api('POST', '/v1/jwt_templates', { name: templateName, claims: { a: 1 }, lifetime: 120, allowed_clock_skew: 0 });
    expect(created.status).toBe(200);
    expect(created.body).toEqual({
      object: 'jwt_template',
      id: expect.any(String),
      name: templateName,
      claims: { a: 1 },
      lifetime: 120,
      allowed_clock_skew: 0,
      custom_signing_key: false,
      signing_algorithm: 'RS256',
      created_at: server.clock.nowMs(),
      updated_at: server.clock.nowMs(),
    });
    const list = await server.api('GET', '/v1/jwt_templates?limit=500');
    expect(list.status).toBe(200);
    expect(Array.isArray(list.body)).toBe(true);
    expect(list.body).toContainEqual(created.body);
    const paginated = await server.api('GET', '/v1/jwt_templates?paginated=true&limit=1&offset=0');
    expect(paginated.body).toEqual({ data: [expect.any(Object)], total_count: expect.any(Number) });
    expectClerkError(await server.api('GET', '/v1/jwt_templates?color=red'), 422, 'form_param_unknown', 'color');
    expectClerkError(await server.api('GET', '/v1/jwt_templates/jtmp_missing'), 404, 'resource_not_found');
    expectClerkError(await server.api('PATCH', '/v1/jwt_templates/jtmp_missing', { name: name(), claims: {} }), 404, 'resource_not_found');
  });

  it('keeps names unique (also on rename) and checks their spelling', async () => {
    const templateName = name('unique');
    await server.clerk.jwtTemplates.create({ name: templateName, claims: {} });
    await expectSdkError(server.clerk.jwtTemplates.create({ name: templateName, claims: {} }), 422, 'form_identifier_exists', 'name');
    const other = await server.clerk.jwtTemplates.create({ name: name('other'), claims: {} });
    await expectSdkError(server.clerk.jwtTemplates.update({ templateId: other.id, name: templateName, claims: {} }), 422, 'form_identifier_exists', 'name');
    for (const bad of ['a/b', ' padded', '', '..', 'a?b']) {
      const response = await server.api('POST', '/v1/jwt_templates', { name: bad, claims: {} });
      expect(response.status, bad).toBe(422);
      expect(response.body.errors[0].meta.param_name).toBe('name');
    }
  });

  it('refuses reserved claims with Clerk\'s jwt_template_reserved_claim, naming the claim', async () => {
    for (const claim of ['azp', 'exp', 'iat', 'iss', 'jti', 'nbf', 'sid', 'sub']) {
      const response = await server.api('POST', '/v1/jwt_templates', { name: name(), claims: { [claim]: 'x' } });
      expectClerkError(response, 400, 'jwt_template_reserved_claim', claim);
      expect(response.body.errors[0].long_message).toBe(`You can't use the reserved claim: '${claim}'`);
    }
    const created = await server.clerk.jwtTemplates.create({ name: name(), claims: { nested: { sub: 'allowed inside objects' } } });
    await expectSdkError(server.clerk.jwtTemplates.update({ templateId: created.id, name: created.name, claims: { sub: '{{user.id}}' } }), 400, 'jwt_template_reserved_claim', 'sub');
  });

  it('validates the body: required fields, bounds, unknown fields and unknown shortcodes', async () => {
    expectClerkError(await server.api('POST', '/v1/jwt_templates', { claims: {} }), 422, 'form_param_missing', 'name');
    expectClerkError(await server.api('POST', '/v1/jwt_templates', { name: name() }), 422, 'form_param_missing', 'claims');
    expectClerkError(await server.api('POST', '/v1/jwt_templates', { name: name(), claims: [] }), 422, 'form_param_type_invalid', 'claims');
    expectClerkError(await server.api('POST', '/v1/jwt_templates', { name: name(), claims: {}, lifetime: 29 }), 422, 'form_param_value_invalid', 'lifetime');
    expectClerkError(await server.api('POST', '/v1/jwt_templates', { name: name(), claims: {}, allowed_clock_skew: 301 }), 422, 'form_param_value_invalid', 'allowed_clock_skew');
    expectClerkError(await server.api('POST', '/v1/jwt_templates', { name: name(), claims: {}, colour: 1 }), 422, 'form_param_unknown', 'colour');
    expectClerkError(await server.api('POST', '/v1/jwt_templates', { name: name(), claims: { e: '{{user.emial}}' } }), 422, 'form_param_value_invalid', 'claims');
  });

  it('bounds what a template may hold: names fit the token route, claims 16 KB and 32 shortcodes', async () => {
    expectClerkError(await server.api('POST', '/v1/jwt_templates', { name: 'n'.repeat(101), claims: {} }), 422, 'form_param_value_invalid', 'name');
    expect((await server.api('POST', '/v1/jwt_templates', { name: `${name()}${'n'.repeat(60)}`.slice(0, 100), claims: {} })).status).toBe(200);
    const huge = { a: 'x'.repeat(17 * 1024) };
    expectClerkError(await server.api('POST', '/v1/jwt_templates', { name: name(), claims: huge }), 422, 'form_param_value_invalid', 'claims');
    // Each use of a shortcode can expand to a whole metadata document.
    const amplified = { a: `x${'{{user.public_metadata}}'.repeat(33)}` };
    expectClerkError(await server.api('POST', '/v1/jwt_templates', { name: name(), claims: amplified }), 422, 'form_param_value_invalid', 'claims');
    expect((await server.api('POST', '/v1/jwt_templates', { name: name(), claims: { a: `x${'{{user.public_metadata}}'.repeat(32)}` } })).status).toBe(200);
  });

  it('refuses short shared secrets and PEM keys as HMAC secrets', async () => {
    const post = (signingKey: string) =>
      server.api('POST', '/v1/jwt_templates', { name: name(), claims: {}, custom_signing_key: true, signing_algorithm: 'HS256', signing_key: signingKey });
    expectClerkError(await post('a'), 422, 'form_param_value_invalid', 'signing_key');
    expectClerkError(await post('x'.repeat(31)), 422, 'form_param_value_invalid', 'signing_key');
    const publicPem = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ format: 'pem', type: 'spki' }).toString();
    expectClerkError(await post(publicPem), 422, 'form_param_value_invalid', 'signing_key');
    expect((await post('x'.repeat(32))).status).toBe(200);
  });

  it('validates signing settings: algorithm list, key shape, key only with custom_signing_key', async () => {
    const post = (body: Record<string, unknown>) => server.api('POST', '/v1/jwt_templates', { name: name(), claims: {}, ...body });
    expectClerkError(await post({ custom_signing_key: true, signing_key: HMAC_SECRET }), 422, 'form_param_missing', 'signing_algorithm');
    expectClerkError(await post({ custom_signing_key: true, signing_algorithm: 'HS256' }), 422, 'form_param_missing', 'signing_key');
    expectClerkError(await post({ custom_signing_key: true, signing_algorithm: 'none', signing_key: HMAC_SECRET }), 422, 'form_param_value_invalid', 'signing_algorithm');
    expectClerkError(await post({ custom_signing_key: true, signing_algorithm: 'PS256', signing_key: rsaPem() }), 422, 'form_param_value_invalid', 'signing_algorithm');
    expectClerkError(await post({ custom_signing_key: true, signing_algorithm: 'RS256', signing_key: 'not a pem' }), 422, 'form_param_value_invalid', 'signing_key');
    const small = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    expectClerkError(await post({ custom_signing_key: true, signing_algorithm: 'RS256', signing_key: small }), 422, 'form_param_value_invalid', 'signing_key');
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    expectClerkError(await post({ custom_signing_key: true, signing_algorithm: 'RS256', signing_key: ec }), 422, 'form_param_value_invalid', 'signing_key');
    expect((await post({ custom_signing_key: true, signing_algorithm: 'ES256', signing_key: ec })).status).toBe(200);
    expectClerkError(await post({ signing_key: HMAC_SECRET }), 422, 'form_param_value_invalid', 'signing_key');
    expectClerkError(await post({ custom_signing_key: false, signing_algorithm: 'HS256' }), 422, 'form_param_value_invalid', 'signing_algorithm');
  });

  it('stores custom keys sealed and never answers or logs them', async () => {
    const pem = rsaPem();
    const hs = await server.api('POST', '/v1/jwt_templates', { name: name('supabase'), claims: { role: 'authenticated' }, custom_signing_key: true, signing_algorithm: 'HS256', signing_key: HMAC_SECRET });
    expect(hs.status).toBe(200);
    expect(hs.body).toMatchObject({ custom_signing_key: true, signing_algorithm: 'HS256' });
    const rs = await server.api('POST', '/v1/jwt_templates', { name: name('rsa'), claims: {}, custom_signing_key: true, signing_algorithm: 'RS256', signing_key: pem });
    expect(rs.status).toBe(200);
    // An update may keep the stored key (same family) and change the algorithm.
    const kept = await server.api('PATCH', `/v1/jwt_templates/${hs.body.id}`, { name: hs.body.name, claims: {}, signing_algorithm: 'HS512' });
    expect(kept.status, JSON.stringify(kept.body)).toBe(200);
    expect(kept.body).toMatchObject({ custom_signing_key: true, signing_algorithm: 'HS512' });
    // Switching families needs a new key.
    expectClerkError(await server.api('PATCH', `/v1/jwt_templates/${hs.body.id}`, { name: hs.body.name, claims: {}, signing_algorithm: 'RS256' }), 422, 'form_param_missing', 'signing_key');

    const bodies = [
      JSON.stringify(hs.body),
      JSON.stringify(rs.body),
      JSON.stringify(kept.body),
      JSON.stringify((await server.api('GET', `/v1/jwt_templates/${rs.body.id}`)).body),
      JSON.stringify((await server.api('GET', '/v1/jwt_templates?limit=500')).body),
    ];
    const pemBody = pem.split('\n')[1]!;
    for (const text of [...bodies, logLines.join('\n')]) {
      expect(text).not.toContain(HMAC_SECRET);
      expect(text).not.toContain(pemBody);
      expect(text).not.toContain('"signing_key"');
    }
    const stored = await server.database.db.selectFrom('jwt_templates').select('signing_key').where('id', '=', hs.body.id).executeTakeFirstOrThrow();
    expect(stored.signing_key).toMatch(/^v1\./);
    expect(stored.signing_key).not.toContain(HMAC_SECRET);

    // Turning the custom key off drops it.
    const off = await server.api('PATCH', `/v1/jwt_templates/${hs.body.id}`, { name: hs.body.name, claims: {}, custom_signing_key: false });
    expect(off.body).toMatchObject({ custom_signing_key: false, signing_algorithm: 'RS256' });
    const cleared = await server.database.db.selectFrom('jwt_templates').select('signing_key').where('id', '=', hs.body.id).executeTakeFirstOrThrow();
    expect(cleared.signing_key).toBeNull();
  });

  it('needs the secret key', async () => {
    const response = await fetch(`${server.baseUrl}/v1/jwt_templates`);
    expect(response.status).toBe(401);
  });
});
