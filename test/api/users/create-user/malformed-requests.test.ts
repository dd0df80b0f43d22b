// POST /v1/users with malformed requests: unknown parameters, wrong types, bad or non-object JSON, and bodies over
// the size limit.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { expectClerkError } from '../../../helpers/assertions.js';
import { createUserHelpers } from '../../../helpers/create-user-helpers.js';
import { uniqueEmail } from '../../../helpers/fixtures.js';
import { startTestServer, useTestServer } from '../../../helpers/test-server.js';

const server = useTestServer();
const { createRaw, userCount, expectNoTrace, expectRejected } = createUserHelpers(() => server);

describe('POST /v1/users: malformed requests', () => {
  it('refuses an unknown body parameter with form_param_unknown', async () => {
    await expectRejected({ email_address: [uniqueEmail()], favourite_colour: 'teal' }, 422, 'form_param_unknown', 'favourite_colour');
  });

  const wrongTypes: [string, unknown][] = [
    ['first_name', 5],
    ['last_name', { a: 1 }],
    ['email_address', 'x'],
    ['phone_number', [14155550100]],
    ['banned', 'yes'],
    ['locked', 1],
    ['create_organizations_limit', 'many'],
    ['create_organizations_limit', 1.5],
    ['public_metadata', []],
    ['public_metadata', 'x'],
    ['private_metadata', 7],
    ['unsafe_metadata', true],
    ['email_address_identification_status', 'verified'],
  ];
  it.each(wrongTypes)('refuses %s = %j with form_param_type_invalid', async (param, value) => {
    const address = uniqueEmail();
    const body = param === 'email_address' ? { email_address: value } : { email_address: [address], [param]: value };
    const before = await userCount();
    const res = await createRaw(body);
    expectClerkError(res, 422, 'form_param_type_invalid', param);
    if (param === 'email_address') expect(await userCount()).toBe(before);
    else await expectNoTrace(before, address);
  });

  it('refuses malformed JSON with 400 request_body_invalid', async () => {
    const before = await userCount();
    const res = await createRaw('{"email_address": [');
    expectClerkError(res, 400, 'request_body_invalid');
    expect(await userCount()).toBe(before);
  });

  it.each(['[]', `[{"email_address":["array-${randomBytes(3).toString('hex')}@example.com"]}]`, '"user"', '42', 'true'])(
    'answers a non-object JSON body (%s) with a Clerk error, not a 500',
    async (raw) => {
      const before = await userCount();
      const res = await createRaw(raw);
      expect([400, 422]).toContain(res.status);
      expect(typeof res.body.errors?.[0]?.code).toBe('string');
      expect(await userCount()).toBe(before);
    },
  );

  it('refuses a body over 1 MiB with 413 request_body_too_large', async () => {
    const address = uniqueEmail('huge');
    const before = await userCount();
    const res = await createRaw({ email_address: [address], public_metadata: { blob: 'x'.repeat(1_100_000) } });
    expectClerkError(res, 413, 'request_body_too_large');
    await expectNoTrace(before, address);
  });

  it('honours ROSTER_BODY_LIMIT_BYTES', async () => {
    const small = await startTestServer({ ROSTER_BODY_LIMIT_BYTES: '2048' });
    try {
      const address = uniqueEmail('limit');
      const tooBig = await small.api('POST', '/v1/users', { email_address: [address], public_metadata: { blob: 'x'.repeat(3000) } });
      expectClerkError(tooBig, 413, 'request_body_too_large');
      const count = await small.api('GET', '/v1/users/count');
      expect(count.body.total_count).toBe(0);
      const fits = await small.api('POST', '/v1/users', { email_address: [address], public_metadata: { blob: 'x'.repeat(1000) } });
      expect(fits.status).toBe(200);
    } finally {
      await small.close();
    }
  });

  it('answers an empty JSON body as an empty object (the instance requirement applies)', async () => {
    const before = await userCount();
    const res = await server.api('POST', '/v1/users', undefined, { 'content-type': 'application/json' });
    expectClerkError(res, 422, 'form_data_missing', 'email_address');
    expect(await userCount()).toBe(before);
  });
});
