import { errors } from '../lib/error-catalog.js';
import { assertKnownParams, first, parseInteger, type RawQuery } from '../lib/query-params.js';
import type { SessionListFilter, SessionListPage, SessionStatusFilter } from '../storage/repositories/sessions-repository.js';

export type { RawQuery } from '../lib/query-params.js';

/** The statuses `GET /v1/sessions` filters by (the spec's enum). */
const LISTED_STATUSES: readonly string[] = ['abandoned', 'active', 'ended', 'expired', 'removed', 'replaced', 'revoked'];
const DEFAULT_LIMIT = 10;
const MAX_LIMIT = 500;
const KNOWN: readonly string[] = ['user_id', 'client_id', 'status', 'paginated', 'limit', 'offset'];

export interface SessionListQuery {
  filter: SessionListFilter;
  page: SessionListPage;
  /** `paginated=true`: answer `{ data, total_count }` (what @clerk/backend asks for) instead of the bare array. */
  paginated: boolean;
}

/** Parses `GET /v1/sessions`: filters `user_id`, `client_id`, `status`; `limit`/`offset`; `paginated`. */
export function parseSessionListQuery(query: RawQuery): SessionListQuery {
  assertKnownParams(query, KNOWN);
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
      offset: parseInteger(first(query.offset), 'offset', 0) ?? 0,
    },
    paginated: paginated === 'true',
  };
}
