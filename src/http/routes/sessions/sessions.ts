// POST /v1/sessions — create an active session for a user (testing only: test-mode instances).
// GET /v1/sessions — sessions by user_id / client_id / status, newest first; `{data, total_count}` when paginated=true.
// GET /v1/sessions/{session_id} — one session, its status read against the clock.
// POST /v1/sessions/{session_id}/revoke — active → revoked.
import type { SessionListInput } from '../../../sessions/session-list-query.js';
import type { RosterApp } from '../../roster-app.js';
import type { RouteContext } from '../../route-context.js';
import { IdParams } from '../../schemas/common.js';
import { CreateSessionBody, Session, SessionList, SessionListQuery } from './schemas.js';
import { toSessionJSON } from './serialize.js';

const SessionParams = IdParams('session_id');

/** The wire's list parameters → the list's domain input. */
const toListInput = (query: SessionListQuery): SessionListInput => ({
  userId: query.user_id,
  clientId: query.client_id,
  status: query.status,
  limit: query.limit,
  offset: query.offset,
  withTotalCount: query.paginated === true,
});

export function registerSessionCrudRoutes(app: RosterApp, ctx: RouteContext): void {
  const { sessions } = ctx;
  app.post('/v1/sessions', { schema: { body: CreateSessionBody, response: { 200: Session } } }, async (request) =>
    toSessionJSON(await sessions.create({ userId: request.body.user_id, activeOrganizationId: request.body.active_organization_id })),
  );

  app.get('/v1/sessions', { schema: { querystring: SessionListQuery, response: { 200: SessionList } } }, async (request) => {
    const { sessions: records, totalCount } = await sessions.list(toListInput(request.query));
    const data = records.map(toSessionJSON);
    // The spec shows the bare array; @clerk/backend sends paginated=true and reads { data, total_count }.
    return request.query.paginated ? { data, total_count: totalCount } : data;
  });

  app.get('/v1/sessions/:session_id', { schema: { params: SessionParams, response: { 200: Session } } }, async (request) =>
    toSessionJSON(await sessions.get(request.params.session_id)),
  );

  app.post('/v1/sessions/:session_id/revoke', { schema: { params: SessionParams, response: { 200: Session } } }, async (request) =>
    toSessionJSON(await sessions.revoke(request.params.session_id)),
  );
}
