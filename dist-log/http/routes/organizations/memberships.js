import { IdParams } from '../../schemas/common.js';
import { toFilterInput } from '../users/list-users.js';
import { InstanceMembershipListQuery, MembershipListQuery } from './list-schemas.js';
import { CreateMembershipBody, MetadataBody, OrganizationMembership, OrganizationMemberships, UpdateMembershipBody } from './schemas.js';
import { toMembershipJSON, toPageJSON } from './serialize.js';
const Params = IdParams('organization_id');
const MemberParams = IdParams('organization_id', 'user_id');
export function registerMembershipRoutes(app, ctx) {
    app.post('/v1/organizations/:organization_id/memberships', { schema: { params: Params, body: CreateMembershipBody, response: { 200: OrganizationMembership } } }, async (request) => {
        const { body } = request;
        const record = await ctx.memberships.create(request.params.organization_id, {
            userId: body.user_id,
            role: body.role,
            publicMetadata: body.public_metadata,
            privateMetadata: body.private_metadata,
        });
        return toMembershipJSON(record, ctx.serializeContext(request));
    });
    app.get('/v1/organizations/:organization_id/memberships', { schema: { params: Params, querystring: MembershipListQuery, response: { 200: OrganizationMemberships } } }, async (request) => {
        const { query } = request;
        const input = { roles: query.role, users: toFilterInput(query) };
        const page = { limit: query.limit, offset: query.offset, orderBy: query.order_by };
        const context = ctx.serializeContext(request);
        const memberships = await ctx.memberships.listForOrganization(request.params.organization_id, input, page);
        return toPageJSON(memberships, (record) => toMembershipJSON(record, context));
    });
    app.patch('/v1/organizations/:organization_id/memberships/:user_id', { schema: { params: MemberParams, body: UpdateMembershipBody, response: { 200: OrganizationMembership } } }, async (request) => {
        const { organization_id, user_id } = request.params;
        return toMembershipJSON(await ctx.memberships.updateRole(organization_id, user_id, request.body.role), ctx.serializeContext(request));
    });
    app.delete('/v1/organizations/:organization_id/memberships/:user_id', { schema: { params: MemberParams, response: { 200: OrganizationMembership } } }, async (request) => {
        const { organization_id, user_id } = request.params;
        return toMembershipJSON(await ctx.memberships.delete(organization_id, user_id), ctx.serializeContext(request));
    });
    app.patch('/v1/organizations/:organization_id/memberships/:user_id/metadata', { schema: { params: MemberParams, body: MetadataBody, response: { 200: OrganizationMembership } } }, async (request) => {
        const { organization_id, user_id } = request.params;
        const record = await ctx.memberships.mergeMetadata(organization_id, user_id, {
            publicMetadata: request.body.public_metadata,
            privateMetadata: request.body.private_metadata,
        });
        return toMembershipJSON(record, ctx.serializeContext(request));
    });
    app.get('/v1/organization_memberships', { schema: { querystring: InstanceMembershipListQuery, response: { 200: OrganizationMemberships } } }, async (request) => {
        const { query } = request;
        const context = ctx.serializeContext(request);
        const memberships = await ctx.memberships.listInstance({ limit: query.limit, offset: query.offset, orderBy: query.order_by });
        return toPageJSON(memberships, (record) => toMembershipJSON(record, context));
    });
}
//# sourceMappingURL=memberships.js.map