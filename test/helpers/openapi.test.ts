import { describe, expect, it } from 'vitest';
import {
  expectSpec,
  resolveOperation,
  specAvailable,
  specSkipReason,
  toJsonSchema,
  validateResponse,
} from './openapi.js';

const clerkError = () => ({
  errors: [{ message: 'm', long_message: 'l', code: 'c', meta: {} }],
  clerk_trace_id: 't',
});

/** A minimal but complete User per the spec's `User` schema (all required fields present). */
function makeUser(): Record<string, unknown> {
  return {
    id: 'user_x',
    object: 'user',
    external_id: null,
    primary_email_address_id: 'idn_email1',
    primary_phone_number_id: null,
    primary_web3_wallet_id: null,
    username: null,
    first_name: 'Ada',
    last_name: null,
    has_image: false,
    image_url: 'https://img.example.com/default.png',
    public_metadata: {},
    private_metadata: {},
    unsafe_metadata: {},
    email_addresses: [
      {
        id: 'idn_email1',
        object: 'email_address',
        email_address: 'ada@example.com',
        reserved: false,
        verification: {
          object: 'verification_admin',
          status: 'verified',
          strategy: 'admin',
          attempts: null,
          expire_at: null,
        },
        linked_to: [],
        created_at: 1_700_000_000_000,
        updated_at: 1_700_000_000_000,
      },
    ],
    phone_numbers: [],
    web3_wallets: [],
    passkeys: [],
    external_accounts: [],
    saml_accounts: [],
    enterprise_accounts: [],
    password_enabled: false,
    two_factor_enabled: false,
    totp_enabled: false,
    backup_code_enabled: false,
    mfa_enabled_at: null,
    mfa_disabled_at: null,
    password_last_updated_at: null,
    last_sign_in_at: null,
    banned: false,
    locked: false,
    lockout_expires_in_seconds: null,
    verification_attempts_remaining: 100,
    created_at: 1_700_000_000_000,
    updated_at: 1_700_000_000_000,
    delete_self_enabled: true,
    create_organization_enabled: true,
    last_active_at: null,
    legal_accepted_at: null,
  };
}

function errorsOf(result: ReturnType<typeof validateResponse>): string {
  return result.ok ? '' : result.errors;
}

describe('openapi helper: availability', () => {
  it('exposes a boolean and a readable skip reason', () => {
    expect(typeof specAvailable).toBe('boolean');
    expect(specSkipReason).toMatch(/shared\/reference.*absent/);
  });
});

describe('openapi helper: OpenAPI 3.0 -> JSON Schema conversion', () => {
  it('turns nullable into null-permitting schemas and drops OpenAPI-only keywords', () => {
    expect(toJsonSchema({ type: 'string', nullable: true, example: 'x', 'x-foo': 1 })).toEqual({
      type: ['string', 'null'],
    });
    expect(
      toJsonSchema({ nullable: true, allOf: [{ $ref: '#/components/schemas/SCIMUserMetadata' }] }),
    ).toEqual({
      anyOf: [
        { type: 'null' },
        { allOf: [{ $ref: 'https://clerk-bapi.spec.local/components.json#/definitions/SCIMUserMetadata' }] },
      ],
    });
    expect(toJsonSchema({ type: 'string', enum: ['a'], nullable: true })).toEqual({
      type: ['string', 'null'],
      enum: ['a', null],
    });
    // A property literally named "deprecated"/"example" is kept.
    expect(toJsonSchema({ type: 'object', properties: { deprecated: { type: 'boolean', deprecated: true } } })).toEqual({
      type: 'object',
      properties: { deprecated: { type: 'boolean' } },
    });
    expect(toJsonSchema({ type: 'integer', minimum: 0, exclusiveMinimum: true })).toEqual({
      type: 'integer',
      exclusiveMinimum: 0,
    });
  });
});

describe.skipIf(!specAvailable)('openapi helper: validateResponse against the Clerk BAPI spec', () => {
  it('accepts a well-formed Clerk error body for GET /v1/users/{id} 404', () => {
    const r = validateResponse('GET', '/v1/users/user_x', 404, clerkError());
    expect(errorsOf(r)).toBe('');
    expect(r.ok).toBe(true);
  });

  it('rejects an error body missing long_message', () => {
    const body = { errors: [{ message: 'm', code: 'c', meta: {} }], clerk_trace_id: 't' };
    const r = validateResponse('GET', '/v1/users/user_x', 404, body);
    expect(r.ok).toBe(false);
    expect(errorsOf(r)).toContain('long_message');
    expect(errorsOf(r)).toContain('/errors/0');
  });

  it('prefers literal segments: /users/count is the count endpoint, not /users/{user_id}', () => {
    expect(resolveOperation('GET', '/v1/users/count?email_address=a@b.c')?.template).toBe('/users/count');
    expect(validateResponse('GET', '/v1/users/count', 200, { object: 'total_count', total_count: 3 })).toEqual({
      ok: true,
    });
    const extra = validateResponse('GET', '/v1/users/count', 200, { object: 'total_count', total_count: 3, x: 1 });
    expect(extra.ok).toBe(false);
    expect(errorsOf(extra)).toMatch(/additional properties.*'x'/);
  });

  it('POST /v1/users/ban resolves to the bulk-ban operation, /v1/users/{id}/ban to the single ban', () => {
    const bulk = resolveOperation('POST', '/v1/users/ban');
    expect(bulk?.template).toBe('/users/ban');
    expect(bulk?.operationId).toBe('UsersBan');
    const single = resolveOperation('post', '/v1/users/user_abc/ban');
    expect(single?.template).toBe('/users/{user_id}/ban');
    expect(single?.params).toEqual({ user_id: 'user_abc' });
    expect(resolveOperation('GET', '/users/user_abc')?.template).toBe('/users/{user_id}');
  });

  it('accepts a complete User for GET /v1/users/{id} and GET /v1/users (array)', () => {
    const user = makeUser();
    expect(errorsOf(validateResponse('GET', '/v1/users/user_x', 200, user))).toBe('');
    expect(errorsOf(validateResponse('GET', '/v1/users?limit=10&offset=0', 200, [user]))).toBe('');
    expect(validateResponse('GET', '/v1/users', 200, [])).toEqual({ ok: true });
  });

  it('handles nullable fields (including nullable + allOf/$ref and nullable + oneOf)', () => {
    const user = { ...makeUser(), private_metadata: null, scim: null };
    expect(errorsOf(validateResponse('GET', '/v1/users/user_x', 200, user))).toBe('');

    const withNullVerification = makeUser();
    (withNullVerification.email_addresses as Array<Record<string, unknown>>)[0]!.verification = null;
    expect(errorsOf(validateResponse('GET', '/v1/users/user_x', 200, withNullVerification))).toBe('');
  });

  it('rejects wrong types, unknown keys, missing required fields and bad verification objects', () => {
    const badType = validateResponse('GET', '/v1/users/user_x', 200, { ...makeUser(), username: 5 });
    expect(badType.ok).toBe(false);
    expect(errorsOf(badType)).toContain('/username');

    const extraKey = validateResponse('GET', '/v1/users/user_x', 200, { ...makeUser(), favourite_colour: 'red' });
    expect(extraKey.ok).toBe(false);
    expect(errorsOf(extraKey)).toContain('favourite_colour');

    const missing = makeUser();
    delete missing.banned;
    expect(validateResponse('GET', '/v1/users/user_x', 200, missing).ok).toBe(false);

    const badVerification = makeUser();
    (badVerification.email_addresses as Array<Record<string, unknown>>)[0]!.verification = {
      object: 'verification_admin',
      status: 'unverified',
      strategy: 'admin',
      attempts: null,
      expire_at: null,
    };
    expect(validateResponse('GET', '/v1/users/user_x', 200, badVerification).ok).toBe(false);

    // Array endpoint: item errors are reported with their index.
    const inList = validateResponse('GET', '/v1/users', 200, [{ ...makeUser(), username: 5 }]);
    expect(inList.ok).toBe(false);
    expect(errorsOf(inList)).toContain('/0/username');
  });

  it('accepts the DeletedObject for DELETE /v1/users/{id}', () => {
    expect(
      validateResponse('DELETE', '/v1/users/user_x', 200, { object: 'user', id: 'user_x', deleted: true }),
    ).toEqual({ ok: true });
    expect(validateResponse('DELETE', '/v1/users/user_x', 200, { object: 'user', id: 'user_x' }).ok).toBe(false);
  });

  it('reports undocumented statuses, operations and paths as mismatches', () => {
    const teapot = validateResponse('GET', '/v1/users/user_x', 218, {});
    expect(teapot.ok).toBe(false);
    expect(errorsOf(teapot)).toMatch(/status 218 is not documented for GET \/users\/\{user_id\}/);

    // An error status the spec leaves out must still be a ClerkErrors body.
    const clerkError = { errors: [{ message: 'm', long_message: 'l', code: 'c', meta: {} }], clerk_trace_id: 't' };
    expect(validateResponse('GET', '/v1/users/user_x', 422, clerkError)).toEqual({ ok: true });
    expect(validateResponse('GET', '/v1/users/user_x', 418, {}).ok).toBe(false);

    const noOp = validateResponse('PUT', '/v1/users/count', 200, {});
    expect(noOp.ok).toBe(false);
    expect(errorsOf(noOp)).toMatch(/not documented/);

    const noPath = validateResponse('GET', '/v1/definitely/not/a/clerk/path', 200, {});
    expect(noPath.ok).toBe(false);
    expect(errorsOf(noPath)).toMatch(/no path template/);
  });

  it('accepts any body when the documented response has no JSON content', () => {
    // POST /users/{user_id}/verify_password documents 400/404/422 without content.
    expect(validateResponse('POST', '/v1/users/user_x/verify_password', 422, 'whatever')).toEqual({ ok: true });
  });

  it('merges the supplementary TOTP spec (POST /users/{user_id}/totp) without replacing DELETE', () => {
    expect(resolveOperation('POST', '/v1/users/user_x/totp')?.operationId).toBe('CreateUserTOTP');
    expect(resolveOperation('DELETE', '/v1/users/user_x/totp')?.operationId).toBe('DeleteTOTP');
    const totp = { object: 'totp', id: 'totp_1', secret: 'ABC', uri: 'otpauth://totp/x', verified: false, backup_codes: null };
    expect(validateResponse('POST', '/v1/users/user_x/totp', 200, totp)).toEqual({ ok: true });
    expect(validateResponse('POST', '/v1/users/user_x/totp', 200, { ...totp, verified: 'no' }).ok).toBe(false);
  });

  it('expectSpec throws a readable error on mismatch and passes silently otherwise', () => {
    expect(() => expectSpec('GET', '/v1/users/count', 200, { object: 'total_count', total_count: 1 })).not.toThrow();
    let message = '';
    try {
      expectSpec('GET', '/v1/users/user_x', 200, { ...makeUser(), username: 5 });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('GET /v1/users/user_x -> 200');
    expect(message).toContain('/username');
    expect(message).toContain('"username": 5');
  });
});
