import { describe, expect, it } from 'vitest';
import { UserCountQuery, UserListQuery } from './routes/users/list-schemas.js';
import { compileQueryParser } from './query-schema.js';

const parseList = compileQueryParser(UserListQuery);
const parseCount = compileQueryParser(UserCountQuery);

/** The parsed query, or the catalogue error the parser answers with. */
function parsed(parse: typeof parseList, query: Record<string, string | string[]>) {
  const result = parse(query);
  if ('error' in result) throw result.error;
  return result.value;
}
function refused(parse: typeof parseList, query: Record<string, string | string[]>) {
  const result = parse(query);
  if (!('error' in result)) throw new Error(`expected a refusal, got ${JSON.stringify(result.value)}`);
  return result.error;
}

const values = (count: number) => Array.from({ length: count }, (_, i) => `v${i}`);

describe('query strings parsed by their schema', () => {
  it('an empty query is the defaults', () => {
    expect(parsed(parseList, {})).toEqual({ limit: 10, offset: 0, order_by: '-created_at' });
    expect(parsed(parseCount, {})).toEqual({});
  });

  it('treats a single value and a one-element array alike, and drops empty values', () => {
    expect(parsed(parseList, { user_id: 'user_a' }).user_id).toEqual(['user_a']);
    expect(parsed(parseList, { user_id: ['', 'user_a'] }).user_id).toEqual(['user_a']);
    expect(parsed(parseList, { email_address: '' }).email_address).toBeUndefined();
  });

  it('uses the first non-empty value of a repeated scalar', () => {
    expect(parsed(parseList, { order_by: ['-username', '+created_at'] }).order_by).toBe('-username');
    expect(parsed(parseList, { limit: ['', '5'] }).limit).toBe(5);
  });

  it('parses booleans and integers', () => {
    expect(parsed(parseList, { banned: 'true', created_at_after: '0', limit: '500' })).toMatchObject({ banned: true, created_at_after: 0, limit: 500 });
    expect(parsed(parseList, { banned: 'false' }).banned).toBe(false);
  });

  it('accepts __clerk_api_version anywhere, and the pagination parameters on /count (ignored)', () => {
    expect(parsed(parseCount, { limit: '5', offset: '1', order_by: '-created_at', starting_after: 'user_x', __clerk_api_version: '2025-11-10' })).not.toHaveProperty(
      '__clerk_api_version',
    );
  });

  describe('422 rules', () => {
    it('rejects an unknown parameter with form_param_unknown naming it', () => {
      expect(refused(parseList, { emailAddress: 'a@example.com' })).toMatchObject({ status: 422, code: 'form_param_unknown', meta: { param_name: 'emailAddress' } });
    });

    it.each(['email_address', 'phone_number', 'external_id', 'username', 'web3_wallet', 'user_id', 'organization_id'])(
      'accepts %s with 100 values and rejects 101 with form_param_array_size_exceeded',
      (name) => {
        expect(parseList({ [name]: values(100) })).toHaveProperty('value');
        expect(refused(parseList, { [name]: values(101) })).toMatchObject({ status: 422, code: 'form_param_array_size_exceeded', meta: { param_name: name } });
      },
    );

    it.each(['yes', '1', 'TRUE'])('rejects banned=%j with form_param_type_invalid', (value) => {
      expect(refused(parseList, { banned: value })).toMatchObject({ status: 422, code: 'form_param_type_invalid', meta: { param_name: 'banned' } });
    });

    it.each(['soon', '1.5', '1e3', ' 5', '0x10'])('rejects the time filter %j with form_param_type_invalid', (value) => {
      expect(refused(parseList, { created_at_after: value })).toMatchObject({ status: 422, code: 'form_param_type_invalid', meta: { param_name: 'created_at_after' } });
    });

    it('rejects a negative time filter with form_param_value_invalid', () => {
      expect(refused(parseList, { last_sign_in_at_before: '-1' })).toMatchObject({ status: 422, code: 'form_param_value_invalid', meta: { param_name: 'last_sign_in_at_before' } });
    });

    it.each(['0', '501', '-1'])('rejects limit=%s with form_param_value_invalid', (limit) => {
      expect(refused(parseList, { limit })).toMatchObject({ status: 422, code: 'form_param_value_invalid', meta: { param_name: 'limit' } });
    });

    it.each(['ten', '1.5', '10abc'])('rejects limit=%s with form_param_type_invalid', (limit) => {
      expect(refused(parseList, { limit })).toMatchObject({ status: 422, code: 'form_param_type_invalid', meta: { param_name: 'limit' } });
    });

    it('rejects a negative offset with form_param_value_invalid', () => {
      expect(refused(parseList, { offset: '-1' })).toMatchObject({ status: 422, code: 'form_param_value_invalid', meta: { param_name: 'offset' } });
    });
  });
});
