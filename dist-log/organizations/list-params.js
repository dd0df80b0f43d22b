import { DEFAULT_LIMIT } from '../domain/page-limits.js';
import { errors } from '../lib/error-catalog.js';
/** At most this many values per repeatable filter (`user_id`, `role`, `status`, …). */
export const MAX_FILTER_VALUES = 100;
/** Resolves the page: `orderBy` (`+` implied, `fallback` when absent) maps to a column; limit and offset get their defaults. */
export function parseListPage(input, columns, fallback) {
    const raw = input.orderBy || fallback;
    const direction = raw.startsWith('-') ? 'desc' : 'asc';
    const field = raw.replace(/^[+-]/, '');
    // Own keys only: `constructor` or `__proto__` are not columns.
    const orderBy = Object.hasOwn(columns, field) ? columns[field] : undefined;
    if (!orderBy)
        throw errors.paramValueNotAllowed('order_by', raw, Object.keys(columns));
    return { orderBy, direction, limit: input.limit ?? DEFAULT_LIMIT, offset: input.offset ?? 0 };
}
/** Trimmed text; blank is absent. */
export const trimmedText = (text) => text?.trim() || undefined;
//# sourceMappingURL=list-params.js.map