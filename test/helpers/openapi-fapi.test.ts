import { describe, expect, it } from 'vitest';
import {
  expectFapiSpec,
  fapiSpecAvailable,
  fapiSpecSkipReason,
  resolveFapiOperation,
  toFapiSpecRequest,
  validateFapiResponse,
  validateFapiSchema,
} from './openapi.js';

function errorsOf(result: { ok: true } | { ok: false; errors: string }): string {
  return result.ok ? '' : result.errors;
}

describe('openapi helper (Frontend API): requests in the spec’s terms', () => {
  it('drops the /fapi prefix and keeps /v1, which the FAPI spec’s paths carry', () => {
    expect(toFapiSpecRequest('GET', '/fapi/v1/client?__clerk_api_version=2025-11-10')).toEqual({ method: 'GET', path: '/v1/client' });
    expect(toFapiSpecRequest('GET', 'http://127.0.0.1:4000/fapi/v1/environment')).toEqual({ method: 'GET', path: '/v1/environment' });
    expect(toFapiSpecRequest('GET', '/v1/client')).toEqual({ method: 'GET', path: '/v1/client' });
  });

  it('reads POST ?_method=PATCH|PUT|DELETE as that method, and nothing else', () => {
    expect(toFapiSpecRequest('POST', '/fapi/v1/environment?_method=PATCH&_clerk_js_version=6.40.0')).toEqual({ method: 'PATCH', path: '/v1/environment' });
    expect(toFapiSpecRequest('post', '/fapi/v1/client/sessions?_method=delete').method).toBe('DELETE');
    expect(toFapiSpecRequest('POST', '/fapi/v1/client?_method=PUT').method).toBe('PUT');
    expect(toFapiSpecRequest('GET', '/fapi/v1/client?_method=DELETE').method).toBe('GET');
    expect(toFapiSpecRequest('POST', '/fapi/v1/client?_method=GET').method).toBe('POST');
  });

  it('has a readable skip reason', () => {
    expect(typeof fapiSpecAvailable).toBe('boolean');
    expect(fapiSpecSkipReason).toMatch(/shared\/reference.*absent/);
  });
});

describe.skipIf(!fapiSpecAvailable)('openapi helper (Frontend API): validation against clerk-fapi-2026-05-12.yml', () => {
  it('resolves operations under /fapi, with _method overrides', () => {
    expect(resolveFapiOperation('GET', '/fapi/v1/client')?.operationId).toBe('getClient');
    expect(resolveFapiOperation('POST', '/fapi/v1/client?_method=DELETE')?.operationId).toBe('deleteClientSessions');
    expect(resolveFapiOperation('POST', '/fapi/v1/environment?_method=PATCH')?.operationId).toBe('updateEnvironment');
    expect(resolveFapiOperation('GET', '/fapi/v1/environment')?.operationId).toBe('getEnvironment');
    const signIn = resolveFapiOperation('POST', '/fapi/v1/client/sign_ins/sia_1/attempt_first_factor');
    expect(signIn?.template).toBe('/v1/client/sign_ins/{sign_in_id}/attempt_first_factor');
    expect(signIn?.params).toEqual({ sign_in_id: 'sia_1' });
    // A Backend API path is not a Frontend API operation.
    expect(resolveFapiOperation('GET', '/fapi/v1/users')).toBeUndefined();
  });

  it('accepts a valid body and rejects an invalid one', () => {
    expect(errorsOf(validateFapiResponse('GET', '/fapi/v1/client', 200, { response: null, client: null }))).toBe('');
    const missingClient = validateFapiResponse('GET', '/fapi/v1/client', 200, { response: null });
    expect(missingClient.ok).toBe(false);
    expect(errorsOf(missingClient)).toMatch(/missing required properties: 'client'/);
    const extra = validateFapiResponse('GET', '/fapi/v1/client', 200, { response: null, client: null, session: 1 });
    expect(errorsOf(extra)).toMatch(/additional properties.*'session'/);
    expect(() => expectFapiSpec('GET', '/fapi/v1/client', 200, { response: 'x', client: null })).toThrow(/OpenAPI mismatch for GET \/fapi\/v1\/client -> 200/);
    expect(() => expectFapiSpec('GET', '/fapi/v1/client', 200, { response: null, client: null })).not.toThrow();
  });

  it('validates an overridden request against the overridden method’s operation', () => {
    // DELETE /v1/client answers Client.DeleteSession, whose `client` is any object; POST /v1/client would not accept `{}`.
    expect(errorsOf(validateFapiResponse('POST', '/fapi/v1/client?_method=DELETE', 200, { response: null, client: {} }))).toBe('');
    expect(validateFapiResponse('POST', '/fapi/v1/client', 200, { response: null, client: {} }).ok).toBe(false);
  });

  it('holds error statuses to the ClerkErrors shape', () => {
    const error = { errors: [{ code: 'form_identifier_not_found', message: 'm', long_message: 'l', meta: {} }] };
    expect(errorsOf(validateFapiResponse('POST', '/fapi/v1/client/sign_ins', 422, error))).toBe('');
    expect(errorsOf(validateFapiResponse('GET', '/fapi/v1/environment', 429, error))).toBe('');
    expect(validateFapiResponse('POST', '/fapi/v1/client/sign_ins', 422, { errors: [{ code: 'x' }] }).ok).toBe(false);
  });

  it('validates a value against a component schema by name', () => {
    const publicUserData = { first_name: null, last_name: null, identifier: 'ada@example.com', has_image: false, image_url: 'https://img/x', user_id: 'user_1' };
    expect(errorsOf(validateFapiSchema('Client.PublicUserData', publicUserData))).toBe('');
    expect(errorsOf(validateFapiSchema('Client.PublicUserData', { ...publicUserData, private_metadata: {} }))).toMatch(/private_metadata/);
  });
});
