import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMIT } from '../domain/page-limits.js';
import { toSessionListQuery } from './session-list-query.js';

describe('toSessionListQuery', () => {
  it('filters by nothing and takes the first page of ten by default', () => {
    expect(toSessionListQuery({})).toEqual({ filter: {}, page: { limit: DEFAULT_LIMIT, offset: 0 } });
  });

  it('passes the filters and the page through, and drops empty filters', () => {
    expect(toSessionListQuery({ userId: 'user_1', clientId: '', status: 'revoked', limit: 2, offset: 4, withTotalCount: true })).toEqual({
      filter: { userId: 'user_1', status: 'revoked' },
      page: { limit: 2, offset: 4 },
    });
  });
});
