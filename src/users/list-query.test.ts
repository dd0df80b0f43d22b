import { describe, expect, it } from 'vitest';
import { thrownBy } from '../../test/helpers/assertions.js';
import { DEFAULT_LIMIT, MAX_LIMIT } from '../domain/page-limits.js';
import { parseUserListFilter, parseUserListPage } from './list-query.js';

describe('parseUserListFilter', () => {
  it('an empty query filters nothing', () => {
    expect(parseUserListFilter({})).toEqual({});
  });

  describe('include/exclude with + and -', () => {
    it('splits user_id values by prefix; no prefix means include', () => {
      const filter = parseUserListFilter({ userIds: ['+user_a', '-user_b', 'user_c', '-user_d'] });
      expect(filter.userIds).toEqual({ include: ['user_a', 'user_c'], exclude: ['user_b', 'user_d'] });
    });

    it('splits external_id values by prefix', () => {
      expect(parseUserListFilter({ externalIds: ['-ext_1'] }).externalIds).toEqual({ include: [], exclude: ['ext_1'] });
      expect(parseUserListFilter({ externalIds: ['+ext_1', 'ext_2'] }).externalIds).toEqual({ include: ['ext_1', 'ext_2'], exclude: [] });
    });

    it('organization_id becomes an include/exclude filter', () => {
      expect(parseUserListFilter({ organizationIds: ['org_1', '+org_2', '-org_3'] }).organizationIds).toEqual({
        include: ['org_1', 'org_2'],
        exclude: ['org_3'],
      });
      expect(parseUserListFilter({ organizationIds: ['-org_1'] }).matchNothing).toBeUndefined();
    });

    it('provider filters become an external-account filter; a bare provider name is its strategy', () => {
      expect(parseUserListFilter({ provider: 'google', providerUserIds: ['abc'] }).externalAccounts).toEqual({ provider: 'oauth_google', providerUserIds: ['abc'] });
      expect(parseUserListFilter({ provider: 'oauth_google' }).externalAccounts).toEqual({ provider: 'oauth_google' });
      expect(parseUserListFilter({ providerUserIds: ['abc'] }).externalAccounts).toEqual({ providerUserIds: ['abc'] });
      expect(parseUserListFilter({ provider: 'oauth_google' }).matchNothing).toBeUndefined();
      // Only empty ids: nothing can match.
      expect(parseUserListFilter({ provider: 'oauth_google', providerUserIds: [''] }).matchNothing).toBe(true);
    });
  });

  describe('identifier normalisation', () => {
    it('normalises emails, phones, wallets and usernames, dropping values that cannot match', () => {
      const filter = parseUserListFilter({
        emailAddresses: ['Ann@Example.COM', 'not-an-email'],
        phoneNumbers: ['+1 (415) 555-2671', '12'],
        web3Wallets: ['0x52908400098527886E0F7030069857D2E4169EE7', '0x12'],
        usernames: [' Ann_Lee '],
      });
      expect(filter.emailAddresses).toEqual(['ann@example.com']);
      expect(filter.phoneNumbers).toEqual(['+14155552671']);
      expect(filter.web3Wallets).toEqual(['0x52908400098527886e0f7030069857d2e4169ee7']);
      expect(filter.usernames).toEqual(['ann_lee']);
    });

    it('keeps an empty list when no email normalises (matches nobody rather than everybody)', () => {
      expect(parseUserListFilter({ emailAddresses: ['nope'] }).emailAddresses).toEqual([]);
    });
  });

  it('trims text queries and drops blank ones', () => {
    const filter = parseUserListFilter({ query: '  ann ', nameQuery: '   ', emailAddressQuery: 'exam', phoneNumberQuery: '415', usernameQuery: 'lee' });
    expect(filter).toEqual({ query: 'ann', emailAddressQuery: 'exam', phoneNumberQuery: '415', usernameQuery: 'lee' });
    expect(filter.nameQuery).toBeUndefined();
  });

  it('passes banned and the time filters through', () => {
    expect(parseUserListFilter({ banned: true, createdAtBefore: 5, lastSignInAtAfter: 0 })).toMatchObject({ banned: true, createdAtBefore: 5, lastSignInAtAfter: 0 });
    expect(parseUserListFilter({ banned: false }).banned).toBe(false);
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
    expect(parseUserListPage({ orderBy: orderBy })).toMatchObject({ orderBy: column, direction });
  });

  it('parses limit and offset', () => {
    expect(parseUserListPage({ limit: 1, offset: 0 })).toMatchObject({ limit: 1, offset: 0 });
    expect(parseUserListPage({ limit: MAX_LIMIT, offset: 1000 })).toMatchObject({ limit: 500, offset: 1000 });
  });

  it('keeps starting_after with the default ordering', () => {
    expect(parseUserListPage({ startingAfter: 'user_abc' })).toEqual({
      orderBy: 'created_at',
      direction: 'desc',
      limit: 10,
      offset: 0,
      startingAfter: 'user_abc',
    });
    expect(parseUserListPage({ startingAfter: 'user_abc', orderBy: '+created_at', offset: 0 })).toMatchObject({
      direction: 'asc',
      startingAfter: 'user_abc',
    });
  });

  describe('422 rules', () => {
    it('rejects an unknown order_by field with form_param_value_invalid', () => {
      // Inherited object keys are not columns either.
      for (const orderBy of ['password', '-id', '+', 'created', 'constructor', '-__proto__', 'toString', '+hasOwnProperty']) {
        const error = thrownBy(() => parseUserListPage({ orderBy: orderBy }));
        expect(error).toMatchObject({ status: 422, code: 'form_param_value_invalid', meta: { param_name: 'order_by' } });
      }
    });

    it('rejects starting_after with an ordering other than created_at', () => {
      const error = thrownBy(() => parseUserListPage({ startingAfter: 'user_abc', orderBy: '-username' }));
      expect(error).toMatchObject({ status: 422, code: 'form_param_value_invalid', meta: { param_name: 'starting_after' } });
    });

    it('rejects starting_after with a non-zero offset', () => {
      const error = thrownBy(() => parseUserListPage({ startingAfter: 'user_abc', offset: 5 }));
      expect(error).toMatchObject({ status: 422, code: 'form_param_value_invalid', meta: { param_name: 'starting_after' } });
    });
  });
});
