import { describe, expect, it } from 'vitest';
import { thrownBy } from '../../test/helpers/assertions.js';
import { DEFAULT_LIMIT } from '../domain/page-limits.js';
import { parseListPage, trimmedText } from './list-params.js';

const COLUMNS = { created_at: 'created_at', name: 'name', members_count: 'members_count' } as const;

describe('parseListPage', () => {
  it('defaults to the fallback order, 10 per page, from the start', () => {
    expect(parseListPage({}, COLUMNS, '-created_at')).toEqual({ orderBy: 'created_at', direction: 'desc', limit: DEFAULT_LIMIT, offset: 0 });
    expect(parseListPage({ orderBy: '' }, COLUMNS, '-created_at')).toMatchObject({ orderBy: 'created_at', direction: 'desc' });
  });

  it.each([
    ['name', 'name', 'asc'],
    ['+name', 'name', 'asc'],
    ['-members_count', 'members_count', 'desc'],
  ] as const)('%s orders by %s, %s', (orderBy, column, direction) => {
    expect(parseListPage({ orderBy }, COLUMNS, '-created_at')).toMatchObject({ orderBy: column, direction });
  });

  it('keeps the limit and offset the route parsed', () => {
    expect(parseListPage({ limit: 500, offset: 20 }, COLUMNS, '-created_at')).toMatchObject({ limit: 500, offset: 20 });
  });

  it('refuses a field it cannot order by, naming the allowed ones', () => {
    const error = thrownBy(() => parseListPage({ orderBy: '-slug' }, COLUMNS, '-created_at'));
    expect(error).toMatchObject({ status: 422, code: 'form_param_value_invalid', meta: { param_name: 'order_by' } });
    expect(error.longMessage).toBe('-slug does not match the allowed values for parameter order_by. Allowed values: created_at, name, members_count');
  });

  it.each(['constructor', '-__proto__', '+toString', 'valueOf'])('refuses the inherited object key %s like any other unknown field', (orderBy) => {
    expect(thrownBy(() => parseListPage({ orderBy }, COLUMNS, '-created_at'))).toMatchObject({ status: 422, code: 'form_param_value_invalid' });
  });
});

describe('trimmedText', () => {
  it('trims, and blank is absent', () => {
    expect(trimmedText('  acme ')).toBe('acme');
    expect(trimmedText('   ')).toBeUndefined();
    expect(trimmedText(undefined)).toBeUndefined();
  });
});
