// GET /v1/users/{user_id}/organization_memberships — the user's memberships, newest first, `{data, total_count}`.
// GET /v1/users/{user_id}/organization_invitations — invitations to the user's verified email addresses (`status` filter).
import type { FastifyInstance } from 'fastify';
import type { RawQuery } from '../../../lib/query-params.js';
import type { RouteContext } from '../../route-context.js';
import { toInvitationJSON, toMembershipJSON, toPageJSON } from '../organizations/serialize.js';

type Params = { user_id: string };

export function registerUserOrganizationRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.get<{ Params: Params; Querystring: RawQuery }>('/v1/users/:user_id/organization_memberships', async (request) => {
    const context = ctx.serializeContext(request);
    const page = await ctx.memberships.listForUser(request.params.user_id, request.query);
    return toPageJSON(page, (record) => toMembershipJSON(record, context));
  });

  app.get<{ Params: Params; Querystring: RawQuery }>('/v1/users/:user_id/organization_invitations', async (request) => {
    const context = ctx.serializeContext(request);
    const page = await ctx.invitations.listForUser(request.params.user_id, request.query);
    return toPageJSON(page, (record) => toInvitationJSON(record, context));
  });
}
