// POST /v1/organizations/{id}/memberships — adds a user with a role (within max_allowed_memberships).
// GET /v1/organizations/{id}/memberships — the members, with the users list's filters, `role` and ordering.
// PATCH /v1/organizations/{id}/memberships/{user_id} — changes the role (the last administrator stays one).
// DELETE /v1/organizations/{id}/memberships/{user_id} — removes the member (not the last administrator).
// PATCH /v1/organizations/{id}/memberships/{user_id}/metadata — deep merge; null deletes a key.
// GET /v1/organization_memberships — every membership in the instance.
import type { FastifyInstance } from 'fastify';
import type { RawQuery } from '../../../lib/query-params.js';
import type { RouteContext } from '../../route-context.js';
import { createMembershipBody, membershipMetadataBody, updateMembershipBody } from './schemas.js';
import { toMembershipJSON, toPageJSON } from './serialize.js';

type Params = { organization_id: string };
type MemberParams = { organization_id: string; user_id: string };
type Body = Record<string, any>;

export function registerMembershipRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.post<{ Params: Params; Body: Body }>('/v1/organizations/:organization_id/memberships', { schema: { body: createMembershipBody } }, async (request) => {
    const body = request.body;
    const record = await ctx.memberships.create(request.params.organization_id, {
      userId: body.user_id,
      role: body.role,
      publicMetadata: body.public_metadata,
      privateMetadata: body.private_metadata,
    });
    return toMembershipJSON(record, ctx.serializeContext(request));
  });

  app.get<{ Params: Params; Querystring: RawQuery }>('/v1/organizations/:organization_id/memberships', async (request) => {
    const context = ctx.serializeContext(request);
    const page = await ctx.memberships.listForOrganization(request.params.organization_id, request.query);
    return toPageJSON(page, (record) => toMembershipJSON(record, context));
  });

  app.patch<{ Params: MemberParams; Body: Body }>(
    '/v1/organizations/:organization_id/memberships/:user_id',
    { schema: { body: updateMembershipBody } },
    async (request) => {
      const { organization_id, user_id } = request.params;
      return toMembershipJSON(await ctx.memberships.updateRole(organization_id, user_id, request.body.role), ctx.serializeContext(request));
    },
  );

  app.delete<{ Params: MemberParams }>('/v1/organizations/:organization_id/memberships/:user_id', async (request) => {
    const { organization_id, user_id } = request.params;
    return toMembershipJSON(await ctx.memberships.delete(organization_id, user_id), ctx.serializeContext(request));
  });

  app.patch<{ Params: MemberParams; Body: Body }>(
    '/v1/organizations/:organization_id/memberships/:user_id/metadata',
    { schema: { body: membershipMetadataBody } },
    async (request) => {
      const { organization_id, user_id } = request.params;
      const record = await ctx.memberships.mergeMetadata(organization_id, user_id, {
        publicMetadata: request.body.public_metadata,
        privateMetadata: request.body.private_metadata,
      });
      return toMembershipJSON(record, ctx.serializeContext(request));
    },
  );

  app.get<{ Querystring: RawQuery }>('/v1/organization_memberships', async (request) => {
    const context = ctx.serializeContext(request);
    return toPageJSON(await ctx.memberships.listInstance(request.query), (record) => toMembershipJSON(record, context));
  });
}
