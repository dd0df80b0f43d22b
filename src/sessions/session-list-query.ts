import { errors } from '../lib/error-catalog.js';
import type { SessionListFilter, SessionListPage, SessionStatusFilter } from '../storage/repositories/sessions-repository.js';

/** A query string as the HTTP layer hands it over: repeated keys become arrays. */
export type RawQuery = Record<string, string | string[] | undefined>;

/** The statuses `GET /v1/sessions` filters by (the spec's enum). */
const LISTED_STATUSES: readonly string[] = ['abandoned', 'active', 'ended', 'expired', 'removed', 'replaced', 'revoked'];
const DEFAULT_LIMIT = 10;
const MAX_LIMIT = 500;
const KNOWN = new Set(['user_id', 'client_id', 'status', 'paginated', 'limit', 'offset', '__clerk_api_version']);

export interface SessionListQuery {
  filter: SessionListFilter;
  page: SessionListPage;
  /** `paginated=true`: answer `{ data, total_count }` (what @clerk/backend asks for) instead of the bare array. */
  paginated: boolean;
}

const first = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

function parseInteger(raw: string | undefined, paramName: string, min: number, max: number): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (!/^-?\d+$/.test(raw)) throw errors.paramTypeInvalid(paramName, 'integer');
  const value = Number(raw);
  if (value < min || value > max) throw errors.paramValueInvalid(paramName, `${paramName} must be between ${min} and ${max}.`);
  return value;
}

/** Parses `GET /v1/sessions`: filters `user_id`, `client_id`, `status`; `limit`/`offset`; `paginated`. */
export function parseSessionListQuery(query: RawQuery): SessionListQuery {
  for (const key of Object.keys(query)) if (!KNOWN.has(key)) throw errors.paramUnknown(key);
  const filter: SessionListFilter = {};
  const userId = first(query.user_id);
  if (userId) filter.userId = userId;
  const clientId = first(query.client_id);
  if (clientId) filter.clientId = clientId;
  const status = first(query.status);
  if (status) {
    if (!LISTED_STATUSES.includes(status)) throw errors.paramValueNotAllowed('status', status, LISTED_STATUSES);
    filter.status = status as SessionStatusFilter;
  }
  const paginated = first(query.paginated);
  if (paginated !== undefined && paginated !== 'true' && paginated !== 'false') throw errors.paramTypeInvalid('paginated', 'boolean');
  return {
    filter,
    page: {
      limit: parseInteger(first(query.limit), 'limit', 1, MAX_LIMIT) ?? DEFAULT_LIMIT,
      offset: parseInteger(first(query.offset), 'offset', 0, Number.MAX_SAFE_INTEGER) ?? 0,
    },
    paginated: paginated === 'true',
  };
}
