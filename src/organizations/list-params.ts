import { DEFAULT_LIMIT } from '../domain/page-limits.js';
import { errors } from '../lib/error-catalog.js';

/** At most this many values per repeatable filter (`user_id`, `role`, `status`, …). */
export const MAX_FILTER_VALUES = 100;

/** Which page of an organization list, as the route's schema parsed it: `orderBy` is `[+|-]field` as the API spells it. */
export interface ListPageInput {
  /** @default 10 */
  limit?: number;
  /** @default 0 */
  offset?: number;
  orderBy?: string;
}

export interface ListPage<T extends string> {
  orderBy: T;
  direction: 'asc' | 'desc';
  limit: number;
  offset: number;
}

/** Resolves the page: `orderBy` (`+` implied, `fallback` when absent) maps to a column; limit and offset get their defaults. */
export function parseListPage<T extends string>(input: ListPageInput, columns: Record<string, T>, fallback: string): ListPage<T> {
  const raw = input.orderBy || fallback;
  const direction = raw.startsWith('-') ? 'desc' : 'asc';
  const field = raw.replace(/^[+-]/, '');
  // Own keys only: `constructor` or `__proto__` are not columns.
  const orderBy = Object.hasOwn(columns, field) ? columns[field] : undefined;
  if (!orderBy) throw errors.paramValueNotAllowed('order_by', raw, Object.keys(columns));
  return { orderBy, direction, limit: input.limit ?? DEFAULT_LIMIT, offset: input.offset ?? 0 };
}

/** Trimmed text; blank is absent. */
export const trimmedText = (text: string | undefined): string | undefined => text?.trim() || undefined;
