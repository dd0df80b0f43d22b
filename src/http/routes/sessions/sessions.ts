// POST /v1/sessions — create an active session for a user (testing only: test-mode instances).
// GET /v1/sessions — sessions by user_id / client_id / status, newest first; `{data, total_count}` when paginated=true.
// GET /v1/sessions/{session_id} — one session, its status read against the clock.
// POST /v1/sessions/{session_id}/revoke — active → revoked.
import type { FastifyInstance } from 'fastify';
import type { RawQuery } from '../../../sessions/session-list-query.js';
import type { RouteContext } from '../../route-context.js';
import { createSessionBody } from './schemas.js';
import { toSessionJSON } from './serialize.js';

type Params = { session_id: string };

export function registerSessionCrudRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.post<{ Body: { user_id: string; active_organization_id?: string | null } }>(
    '/v1/sessions',
    { schema: { body: createSessionBody } },
    async (request) =>
      toSessionJSON(await ctx.sessions.create({ userId: request.body.user_id, activeOrganizationId: request.body.active_organization_id })),
  );

  app.get<{ Querystring: RawQuery }>('/v1/sessions', async (request) => {
    const { sessions: rows, totalCount, paginated } = await ctx.sessions.list(request.query);
    const data = rows.map(toSessionJSON);
    // The spec shows the bare array; @clerk/backend sends paginated=true and reads { data, total_count }.
    return paginated ? { data, total_count: totalCount } : data;
  });

  app.get<{ Params: Params }>('/v1/sessions/:session_id', async (request) => toSessionJSON(await ctx.sessions.get(request.params.session_id)));

  app.post<{ Params: Params }>('/v1/sessions/:session_id/revoke', async (request) =>
    toSessionJSON(await ctx.sessions.revoke(request.params.session_id)),
  );
}
