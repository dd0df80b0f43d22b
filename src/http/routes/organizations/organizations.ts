// GET /v1/organizations — the organizations matching the filters, `{data, total_count}` (newest first by default).
// POST /v1/organizations — creates one; `created_by` becomes its first member with the creator role.
// GET /v1/organizations/{id_or_slug} — one organization, by id or slug.
// PATCH /v1/organizations/{id} — changes the supplied fields (metadata only up to API version 2025-11-10).
// DELETE /v1/organizations/{id} — deletes it with its memberships, invitations and logo.
// PATCH /v1/organizations/{id}/metadata — deep merge; null deletes a key.
// PUT /v1/organizations/{id}/metadata — replaces each supplied field; omitted fields stay.
import type { FastifyInstance } from 'fastify';
import { errors } from '../../../lib/error-catalog.js';
import type { RawQuery } from '../../../lib/query-params.js';
import type { RouteContext } from '../../route-context.js';
import { createOrganizationBody, organizationMetadataBody, updateOrganizationBody } from './schemas.js';
import { toDeletedOrganizationJSON, toOrganizationJSON, toPageJSON } from './serialize.js';
import { versionRules } from '../../api-version.js';

type Params = { organization_id: string };
type Body = Record<string, any>;

const METADATA_FIELDS = ['public_metadata', 'private_metadata'] as const;
const USE_METADATA_ENDPOINTS =
  ' Since API version 2026-05-12, use PATCH /v1/organizations/{organization_id}/metadata to merge metadata or PUT /v1/organizations/{organization_id}/metadata to replace it.';

export function registerOrganizationCrudRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.get<{ Querystring: RawQuery }>('/v1/organizations', async (request) => {
    const context = ctx.serializeContext(request);
    return toPageJSON(await ctx.organizations.list(request.query), (record) => toOrganizationJSON(record, context));
  });

  app.post<{ Body: Body }>('/v1/organizations', { schema: { body: createOrganizationBody } }, async (request) => {
    const body = request.body;
    const record = await ctx.organizations.create({
      name: body.name,
      slug: body.slug,
      createdBy: body.created_by,
      maxAllowedMemberships: body.max_allowed_memberships,
      publicMetadata: body.public_metadata,
      privateMetadata: body.private_metadata,
      createdAt: body.created_at,
      roleSetKey: body.role_set_key,
    });
    return toOrganizationJSON(record, ctx.serializeContext(request));
  });

  app.get<{ Params: Params; Querystring: RawQuery }>('/v1/organizations/:organization_id', async (request) =>
    toOrganizationJSON(await ctx.organizations.get(request.params.organization_id, request.query), ctx.serializeContext(request)),
  );

  app.patch<{ Params: Params; Body: Body }>('/v1/organizations/:organization_id', { schema: { body: updateOrganizationBody } }, async (request) => {
    const body = request.body;
    if (versionRules.rejectsMetadataInOrganizationUpdate(request.apiVersion)) {
      const field = METADATA_FIELDS.find((name) => body[name] !== undefined);
      if (field) throw errors.paramUnknown(field, USE_METADATA_ENDPOINTS);
    }
    const record = await ctx.organizations.update(request.params.organization_id, {
      name: body.name,
      slug: body.slug,
      maxAllowedMemberships: body.max_allowed_memberships,
      adminDeleteEnabled: body.admin_delete_enabled,
      createdAt: body.created_at,
      roleSetKey: body.role_set_key,
      publicMetadata: body.public_metadata,
      privateMetadata: body.private_metadata,
    });
    return toOrganizationJSON(record, ctx.serializeContext(request));
  });

  app.delete<{ Params: Params }>('/v1/organizations/:organization_id', async (request) =>
    toDeletedOrganizationJSON(await ctx.organizations.delete(request.params.organization_id)),
  );

  type MetadataBody = { public_metadata?: Record<string, unknown>; private_metadata?: Record<string, unknown> };
  const toInput = (body: MetadataBody) => ({ publicMetadata: body.public_metadata, privateMetadata: body.private_metadata });
  app.patch<{ Params: Params; Body: MetadataBody }>(
    '/v1/organizations/:organization_id/metadata',
    { schema: { body: organizationMetadataBody } },
    async (request) =>
      toOrganizationJSON(await ctx.organizations.mergeMetadata(request.params.organization_id, toInput(request.body)), ctx.serializeContext(request)),
  );
  app.put<{ Params: Params; Body: MetadataBody }>(
    '/v1/organizations/:organization_id/metadata',
    { schema: { body: organizationMetadataBody } },
    async (request) =>
      toOrganizationJSON(await ctx.organizations.replaceMetadata(request.params.organization_id, toInput(request.body)), ctx.serializeContext(request)),
  );
}
