import { describe, expect, it } from 'vitest';
import { thrownBy } from '../../test/helpers/assertions.js';
import { DEFAULT_LIMIT, MAX_FILTER_VALUES, MAX_LIMIT, parseUserListFilter, parseUserListPage } from './list-query.js';

const values = (count: number, make: (i: number) => string) => Array.from({ length: count }, (_, i) => make(i));

describe('parseUserListFilter', () => {
  it('an empty query filters nothing', () => {
    expect(parseUserListFilter({})).toEqual({});
  });

  describe('include/exclude with + and -', () => {
    it('splits user_id values by prefix; no prefix means include', () => {
      const filter = parseUserListFilter({ user_id: ['+user_a', '-user_b', 'user_c', '-user_d'] });
      expect(filter.userIds).toEqual({ include: ['user_a', 'user_c'], exclude: ['user_b', 'user_d'] });
    });

    it('splits external_id values by prefix', () => {
      expect(parseUserListFilter({ external_id: '-ext_1' }).externalIds).toEqual({ include: [], exclude: ['ext_1'] });
      expect(parseUserListFilter({ external_id: ['+ext_1', 'ext_2'] }).externalIds).toEqual({ include: ['ext_1', 'ext_2'], exclude: [] });
    });

    it('treats a single value and a one-element array alike', () => {
      expect(parseUserListFilter({ user_id: 'user_a' })).toEqual(parseUserListFilter({ user_id: ['user_a'] }));
    });

    it('ignores empty values', () => {
      expect(parseUserListFilter({ user_id: ['', 'user_a'] }).userIds).toEqual({ include: ['user_a'], exclude: [] });
      expect(parseUserListFilter({ email_address: '' }).emailAddresses).toBeUndefined();
    });

    it('organization_id becomes an include/exclude filter', () => {
      expect(parseUserListFilter({ organization_id: ['org_1', '+org_2', '-org_3'] }).organizationIds).toEqual({
        include: ['org_1', 'org_2'],
        exclude: ['org_3'],
      });
      expect(parseUserListFilter({ organization_id: '-org_1' }).matchNothing).toBeUndefined();
    });

    it('provider filters match nobody until external accounts exist', () => {
      expect(parseUserListFilter({ provider: 'oauth_google' }).matchNothing).toBe(true);
      expect(parseUserListFilter({ provider_user_id: 'abc' }).matchNothing).toBe(true);
    });
  });

  describe('identifier normalisation', () => {
    it('normalises emails, phones, wallets and usernames, dropping values that cannot match', () => {
      const filter = parseUserListFilter({
        email_address: ['Ann@Example.COM', 'not-an-email'],
        phone_number: ['+1 (415) 555-2671', '12'],
        web3_wallet: ['0x52908400098527886E0F7030069857D2E4169EE7', '0x12'],
        username: [' Ann_Lee '],
      });
      expect(filter.emailAddresses).toEqual(['ann@example.com']);
      expect(filter.phoneNumbers).toEqual(['+14155552671']);
      expect(filter.web3Wallets).toEqual(['0x52908400098527886e0f7030069857d2e4169ee7']);
      expect(filter.usernames).toEqual(['ann_lee']);
    });

    it('keeps an empty list when no email normalises (matches nobody rather than everybody)', () => {
      expect(parseUserListFilter({ email_address: 'nope' }).emailAddresses).toEqual([]);
    });
  });

  it('trims text queries and drops blank ones', () => {
    const filter = parseUserListFilter({ query: '  ann ', name_query: '   ', email_address_query: 'exam', phone_number_query: '415', username_query: 'lee' });
    expect(filter).toEqual({ query: 'ann', emailAddressQuery: 'exam', phoneNumberQuery: '415', usernameQuery: 'lee' });
    expect(filter.nameQuery).toBeUndefined();
  });

  it('parses banned as true or false', () => {
    expect(parseUserListFilter({ banned: 'true' }).banned).toBe(true);
    expect(parseUserListFilter({ banned: 'false' }).banned).toBe(false);
  });

  it('parses time filters as integers', () => {
    const filter = parseUserListFilter({
      created_at_before: '1700000000000',
      created_at_after: '0',
      last_active_at_since: '1690000000000',
      last_active_at_before: '5',
      last_active_at_after: '6',
      last_sign_in_at_before: '7',
      last_sign_in_at_after: '8',
    });
    expect(filter).toEqual({
      createdAtBefore: 1_700_000_000_000,
      createdAtAfter: 0,
      lastActiveAtSince: 1_690_000_000_000,
      lastActiveAtBefore: 5,
      lastActiveAtAfter: 6,
      lastSignInAtBefore: 7,
      lastSignInAtAfter: 8,
    });
  });

  it('accepts the pagination parameters and __clerk_api_version (so /count can share the query)', () => {
    expect(parseUserListFilter({ limit: '5', offset: '1', order_by: '-created_at', starting_after: 'user_x', __clerk_api_version: '2025-11-10' })).toEqual({});
  });

  describe('422 rules', () => {
    it('rejects an unknown parameter with form_param_unknown naming it', () => {
      const error = thrownBy(() => parseUserListFilter({ emailAddress: 'a@example.com' }));
      expect(error).toMatchObject({ status: 422, code: 'form_param_unknown', meta: { param_name: 'emailAddress' } });
    });

    it.each(['email_address', 'phone_number', 'external_id', 'username', 'web3_wallet', 'user_id', 'organization_id'])(
      'accepts %s with 100 values and rejects 101 with form_param_array_size_exceeded',
      (name) => {
        expect(() => parseUserListFilter({ [name]: values(MAX_FILTER_VALUES, (i) => `v${i}`) })).not.toThrow();
        const error = thrownBy(() => parseUserListFilter({ [name]: values(MAX_FILTER_VALUES + 1, (i) => `v${i}`) }));
        expect(error).toMatchObject({ status: 422, code: 'form_param_array_size_exceeded', meta: { param_name: name } });
      },
    );

    it.each(['yes', '1', 'TRUE'])('rejects banned=%j with form_param_type_invalid', (value) => {
      const error = thrownBy(() => parseUserListFilter({ banned: value }));
      expect(error).toMatchObject({ status: 422, code: 'form_param_type_invalid', meta: { param_name: 'banned' } });
    });

    it('rejects a non-integer time filter with form_param_type_invalid', () => {
      for (const value of ['soon', '1.5', '1e3']) {
        const error = thrownBy(() => parseUserListFilter({ created_at_after: value }));
        expect(error).toMatchObject({ status: 422, code: 'form_param_type_invalid', meta: { param_name: 'created_at_after' } });
      }
    });

    it('rejects a negative time filter with form_param_value_invalid', () => {
      const error = thrownBy(() => parseUserListFilter({ last_sign_in_at_before: '-1' }));
      expect(error).toMatchObject({ status: 422, code: 'form_param_value_invalid', meta: { param_name: 'last_sign_in_at_before' } });
    });
  });
});

describe('parseUserListPage', () => {
  it('defaults to the newest first, 10 per page, from the start', () => {
    expect(parseUserListPage({})).toEqual({ orderBy: 'created_at', direction: 'desc', limit: DEFAULT_LIMIT, offset: 0 });
    expect(DEFAULT_LIMIT).toBe(10);
  });

  it.each([
    ['created_at', 'created_at', 'asc'],
    ['+created_at', 'created_at', 'asc'],
    ['-created_at', 'created_at', 'desc'],
    ['-updated_at', 'updated_at', 'desc'],
    ['+email_address', 'primary_email_address', 'asc'],
    ['-web3wallet', 'primary_web3_wallet', 'desc'],
    ['first_name', 'first_name', 'asc'],
    ['-last_name', 'last_name', 'desc'],
    ['+phone_number', 'primary_phone_number', 'asc'],
    ['-username', 'username_normalized', 'desc'],
    ['+last_active_at', 'last_active_at', 'asc'],
    ['-last_sign_in_at', 'last_sign_in_at', 'desc'],
  ])('order_by=%s sorts by %s %s', (orderBy, column, direction) => {
    expect(parseUserListPage({ order_by: orderBy })).toMatchObject({ orderBy: column, direction });
  });

  it('uses only the first order_by', () => {
    expect(parseUserListPage({ order_by: ['-username', '+created_at'] })).toMatchObject({ orderBy: 'username_normalized', direction: 'desc' });
  });

  it('parses limit and offset', () => {
    expect(parseUserListPage({ limit: '1', offset: '0' })).toMatchObject({ limit: 1, offset: 0 });
    expect(parseUserListPage({ limit: String(MAX_LIMIT), offset: '1000' })).toMatchObject({ limit: 500, offset: 1000 });
  });

  it('keeps starting_after with the default ordering', () => {
    expect(parseUserListPage({ starting_after: 'user_abc' })).toEqual({
      orderBy: 'created_at',
      direction: 'desc',
      limit: 10,
      offset: 0,
      startingAfter: 'user_abc',
    });
    expect(parseUserListPage({ starting_after: 'user_abc', order_by: '+created_at', offset: '0' })).toMatchObject({
      direction: 'asc',
      startingAfter: 'user_abc',
    });
  });

  describe('422 rules', () => {
    it.each(['0', '501', '-1'])('rejects limit=%s with form_param_value_invalid', (limit) => {
      const error = thrownBy(() => parseUserListPage({ limit }));
      expect(error).toMatchObject({ status: 422, code: 'form_param_value_invalid', meta: { param_name: 'limit' } });
    });

    it.each(['ten', '1.5', '10abc'])('rejects limit=%s with form_param_type_invalid', (limit) => {
      const error = thrownBy(() => parseUserListPage({ limit }));
      expect(error).toMatchObject({ status: 422, code: 'form_param_type_invalid', meta: { param_name: 'limit' } });
    });

    it('rejects a negative offset with form_param_value_invalid', () => {
      const error = thrownBy(() => parseUserListPage({ offset: '-1' }));
      expect(error).toMatchObject({ status: 422, code: 'form_param_value_invalid', meta: { param_name: 'offset' } });
    });

    it('rejects an unknown order_by field with form_param_value_invalid', () => {
      for (const orderBy of ['password', '-id', '+', 'created']) {
        const error = thrownBy(() => parseUserListPage({ order_by: orderBy }));
        expect(error).toMatchObject({ status: 422, code: 'form_param_value_invalid', meta: { param_name: 'order_by' } });
      }
    });

    it('rejects starting_after with an ordering other than created_at', () => {
      const error = thrownBy(() => parseUserListPage({ starting_after: 'user_abc', order_by: '-username' }));
      expect(error).toMatchObject({ status: 422, code: 'form_param_value_invalid', meta: { param_name: 'starting_after' } });
    });

    it('rejects starting_after with a non-zero offset', () => {
      const error = thrownBy(() => parseUserListPage({ starting_after: 'user_abc', offset: '5' }));
      expect(error).toMatchObject({ status: 422, code: 'form_param_value_invalid', meta: { param_name: 'starting_after' } });
    });
  });
});
