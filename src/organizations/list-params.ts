import { errors } from '../lib/error-catalog.js';
import { asArray, parseInteger, type RawQuery } from '../lib/query-params.js';

export { assertKnownParams, includeExclude } from '../lib/query-params.js';

export const DEFAULT_LIMIT = 10;
export const MAX_LIMIT = 500;
export const MAX_FILTER_VALUES = 100;

/** Organization lists skip empty values: `?limit=&limit=5` reads as 5. */
const nonEmpty = (value: string | string[] | undefined): string[] => asArray(value).filter((item) => item !== '');
export const first = (value: string | string[] | undefined): string | undefined => nonEmpty(value)[0];

export interface Pagination {
  limit: number;
  offset: number;
}

/** `limit` (1–500, default 10) and `offset` (≥ 0, default 0). */
export function parsePagination(query: RawQuery): Pagination {
  return {
    limit: parseInteger(first(query.limit), 'limit', 1, MAX_LIMIT) ?? DEFAULT_LIMIT,
    offset: parseInteger(first(query.offset), 'offset', 0) ?? 0,
  };
}

/** `true` / `false` query flags; anything else is a type error. */
export function parseBooleanParam(query: RawQuery, name: string): boolean | undefined {
  const raw = first(query[name]);
  if (raw === undefined) return undefined;
  if (raw !== 'true' && raw !== 'false') throw errors.paramTypeInvalid(name, 'boolean');
  return raw === 'true';
}

/** `order_by` as `[+|-]field`, `+` implied; the field maps to a column. */
export function parseOrderBy<T extends string>(query: RawQuery, columns: Record<string, T>, fallback: string): { orderBy: T; direction: 'asc' | 'desc' } {
  const raw = first(query.order_by) || fallback;
  const direction = raw.startsWith('-') ? 'desc' : 'asc';
  const orderBy = columns[raw.replace(/^[+-]/, '')];
  if (!orderBy) throw errors.paramValueNotAllowed('order_by', raw, Object.keys(columns));
  return { orderBy, direction };
}

/** A repeated filter with at most 100 values. */
export function parseArrayParam(query: RawQuery, name: string): string[] | undefined {
  const values = nonEmpty(query[name]);
  if (values.length > MAX_FILTER_VALUES) throw errors.paramArraySizeExceeded(name, MAX_FILTER_VALUES);
  return values.length ? values : undefined;
}
