import { DEFAULT_LIMIT } from '../domain/page-limits.js';
/** The statuses `GET /v1/sessions` filters by (the spec's enum). */
export const LISTED_SESSION_STATUSES = ['abandoned', 'active', 'ended', 'expired', 'removed', 'replaced', 'revoked'];
/** The repository's filter and page for a list input (empty filters are no filters). */
export function toSessionListQuery(input) {
    const filter = {};
    if (input.userId)
        filter.userId = input.userId;
    if (input.clientId)
        filter.clientId = input.clientId;
    if (input.status)
        filter.status = input.status;
    return { filter, page: { limit: input.limit ?? DEFAULT_LIMIT, offset: input.offset ?? 0 } };
}
//# sourceMappingURL=session-list-query.js.map