import { DEFAULT_LIMIT } from '../domain/page-limits.js';
import type { SessionListFilter, SessionListPage } from '../storage/repositories/sessions-repository.js';

/** The statuses `GET /v1/sessions` filters by (the spec's enum). */
export const LISTED_SESSION_STATUSES = ['abandoned', 'active', 'ended', 'expired', 'removed', 'replaced', 'revoked'] as const;
export type ListedSessionStatus = (typeof LISTED_SESSION_STATUSES)[number];

/** `GET /v1/sessions`, as the route maps it from the query string. */
export interface SessionListInput {
  userId?: string | undefined;
  clientId?: string | undefined;
  status?: ListedSessionStatus | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
  /** Count every session the filters match too (for `{ data, total_count }`). */
  withTotalCount?: boolean | undefined;
}

/** The repository's filter and page for a list input (empty filters are no filters). */
export function toSessionListQuery(input: SessionListInput): { filter: SessionListFilter; page: SessionListPage } {
  const filter: SessionListFilter = {};
  if (input.userId) filter.userId = input.userId;
  if (input.clientId) filter.clientId = input.clientId;
  if (input.status) filter.status = input.status;
  return { filter, page: { limit: input.limit ?? DEFAULT_LIMIT, offset: input.offset ?? 0 } };
}
