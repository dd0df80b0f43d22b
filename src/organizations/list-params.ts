import { errors } from '../lib/error-catalog.js';
import type { RawQuery } from '../users/list-query.js';

export const DEFAULT_LIMIT = 10;
export const MAX_LIMIT = 500;
export const MAX_FILTER_VALUES = 100;

export const asArray = (value: string | string[] | undefined): string[] =>
  (value === undefined ? [] : [value].flat()).filter((item) => item !== '');
export const first = (value: string | string[] | undefined): string | undefined => asArray(value)[0];

/** Refuses query parameters the endpoint does not know (the API version parameter is always allowed). */
export function assertKnownParams(query: RawQuery, known: readonly string[]): void {
  for (const key of Object.keys(query)) {
    if (key !== '__clerk_api_version' && !known.includes(key)) throw errors.paramUnknown(key);
  }
}

function parseInteger(raw: string | undefined, paramName: string, min: number, max: number): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (!/^-?\d+$/.test(raw)) throw errors.paramTypeInvalid(paramName, 'integer');
  const value = Number(raw);
  if (value < min || value > max) throw errors.paramValueInvalid(paramName, `${paramName} must be between ${min} and ${max}.`);
  return value;
}

export interface Pagination {
  limit: number;
  offset: number;
}

/** `limit` (1–500, default 10) and `offset` (≥ 0, default 0). */
export function parsePagination(query: RawQuery): Pagination {
  return {
    limit: parseInteger(first(query.limit), 'limit', 1, MAX_LIMIT) ?? DEFAULT_LIMIT,
    offset: parseInteger(first(query.offset), 'offset', 0, Number.MAX_SAFE_INTEGER) ?? 0,
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
  const values = asArray(query[name]);
  if (values.length > MAX_FILTER_VALUES) throw errors.paramArraySizeExceeded(name, MAX_FILTER_VALUES);
  return values.length ? values : undefined;
}

/** Values prefixed with `-` are excluded, `+` (or nothing) included. */
export function includeExclude(values: readonly string[]): { include: string[]; exclude: string[] } {
  const include: string[] = [];
  const exclude: string[] = [];
  for (const value of values) {
    if (value.startsWith('-')) exclude.push(value.slice(1));
    else include.push(value.startsWith('+') ? value.slice(1) : value);
  }
  return { include, exclude };
}
