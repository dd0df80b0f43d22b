// GET /v1/organizations — the organizations matching the filters, `{data, total_count}` (newest first by default).
// POST /v1/organizations — creates one; `created_by` becomes its first member with the creator role.
// GET /v1/organizations/{id_or_slug} — one organization, by id or slug.
// PATCH /v1/organizations/{id} — changes the supplied fields (metadata only up to API version 2025-11-10).
// DELETE /v1/organizations/{id} — deletes it with its memberships, invitations and logo.
// PATCH /v1/organizations/{id}/metadata — deep merge; null deletes a key.
// PUT /v1/organizations/{id}/metadata — replaces each supplied field; omitted fields stay.
import { errors } from '../../../lib/error-catalog.js';
import { versionRules } from '../../api-version.js';
import { DeletedObject, IdParams } from '../../schemas/common.js';
import { OrganizationListQuery, OrganizationQuery } from './list-schemas.js';
import { CreateOrganizationBody, MetadataBody, Organization, Organizations, UpdateOrganizationBody, } from './schemas.js';
import { toDeletedOrganizationJSON, toOrganizationJSON, toPageJSON } from './serialize.js';
const Params = IdParams('organization_id');
const METADATA_FIELDS = ['public_metadata', 'private_metadata'];
const USE_METADATA_ENDPOINTS = ' Since API version 2026-05-12, use PATCH /v1/organizations/{organization_id}/metadata to merge metadata or PUT /v1/organizations/{organization_id}/metadata to replace it.';
const toCreateInput = (body) => ({
    name: body.name,
    slug: body.slug,
    createdBy: body.created_by,
    maxAllowedMemberships: body.max_allowed_memberships,
    publicMetadata: body.public_metadata,
    privateMetadata: body.private_metadata,
    createdAt: body.created_at,
    roleSetKey: body.role_set_key,
});
const toUpdateInput = (body) => ({
    name: body.name,
    slug: body.slug,
    maxAllowedMemberships: body.max_allowed_memberships,
    adminDeleteEnabled: body.admin_delete_enabled,
    createdAt: body.created_at,
    roleSetKey: body.role_set_key,
    publicMetadata: body.public_metadata,
    privateMetadata: body.private_metadata,
});
const toMetadataInput = (body) => ({ publicMetadata: body.public_metadata, privateMetadata: body.private_metadata });
const toViewOptions = (query) => ({
    includeMembersCount: query.include_members_count,
    includeMissingMemberWithElevatedPermissions: query.include_missing_member_with_elevated_permissions,
});
export function registerOrganizationCrudRoutes(app, ctx) {
    app.get('/v1/organizations', { schema: { querystring: OrganizationListQuery, response: { 200: Organizations } } }, async (request) => {
        const { query } = request;
        const input = { ...toViewOptions(query), query: query.query, userIds: query.user_id, organizationIds: query.organization_id };
        const page = { limit: query.limit, offset: query.offset, orderBy: query.order_by };
        const context = ctx.serializeContext(request);
        return toPageJSON(await ctx.organizations.list(input, page), (record) => toOrganizationJSON(record, context));
    });
    app.post('/v1/organizations', { schema: { body: CreateOrganizationBody, response: { 200: Organization } } }, async (request) => toOrganizationJSON(await ctx.organizations.create(toCreateInput(request.body)), ctx.serializeContext(request)));
    app.get('/v1/organizations/:organization_id', { schema: { params: Params, querystring: OrganizationQuery, response: { 200: Organization } } }, async (request) => toOrganizationJSON(await ctx.organizations.get(request.params.organization_id, toViewOptions(request.query)), ctx.serializeContext(request)));
    app.patch('/v1/organizations/:organization_id', { schema: { params: Params, body: UpdateOrganizationBody, response: { 200: Organization } } }, async (request) => {
        const { body } = request;
        if (versionRules.rejectsMetadataInOrganizationUpdate(request.apiVersion)) {
            const field = METADATA_FIELDS.find((name) => body[name] !== undefined);
            if (field)
                throw errors.paramUnknown(field, USE_METADATA_ENDPOINTS);
        }
        const record = await ctx.organizations.update(request.params.organization_id, toUpdateInput(body));
        return toOrganizationJSON(record, ctx.serializeContext(request));
    });
    app.delete('/v1/organizations/:organization_id', { schema: { params: Params, response: { 200: DeletedObject } } }, async (request) => toDeletedOrganizationJSON(await ctx.organizations.delete(request.params.organization_id)));
    // A fresh options object per route: the OpenAPI hook writes each route's operationId into its schema.
    const metadataRoute = () => ({ schema: { params: Params, body: MetadataBody, response: { 200: Organization } } });
    app.patch('/v1/organizations/:organization_id/metadata', metadataRoute(), async (request) => toOrganizationJSON(await ctx.organizations.mergeMetadata(request.params.organization_id, toMetadataInput(request.body)), ctx.serializeContext(request)));
    app.put('/v1/organizations/:organization_id/metadata', metadataRoute(), async (request) => toOrganizationJSON(await ctx.organizations.replaceMetadata(request.params.organization_id, toMetadataInput(request.body)), ctx.serializeContext(request)));
}
//# sourceMappingURL=organizations.js.map