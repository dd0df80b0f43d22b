import { IdParams } from '../../schemas/common.js';
import { PageQuery, UserInvitationListQuery } from '../organizations/list-schemas.js';
import { OrganizationInvitationsWithPublicOrganizationData, OrganizationMemberships } from '../organizations/schemas.js';
import { toInvitationJSON, toMembershipJSON, toPageJSON } from '../organizations/serialize.js';
const Params = IdParams('user_id');
export function registerUserOrganizationRoutes(app, ctx) {
    app.get('/v1/users/:user_id/organization_memberships', { schema: { params: Params, querystring: PageQuery, response: { 200: OrganizationMemberships } } }, async (request) => {
        const context = ctx.serializeContext(request);
        const memberships = await ctx.memberships.listForUser(request.params.user_id, request.query);
        return toPageJSON(memberships, (record) => toMembershipJSON(record, context));
    });
    app.get('/v1/users/:user_id/organization_invitations', { schema: { params: Params, querystring: UserInvitationListQuery, response: { 200: OrganizationInvitationsWithPublicOrganizationData } } }, async (request) => {
        const { query } = request;
        const context = ctx.serializeContext(request);
        const invitations = await ctx.invitations.listForUser(request.params.user_id, { statuses: query.status }, { limit: query.limit, offset: query.offset });
        return toPageJSON(invitations, (record) => toInvitationJSON(record, context));
    });
}
//# sourceMappingURL=organization-memberships.js.map