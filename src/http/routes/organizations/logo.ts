// PUT /v1/organizations/{id}/logo — uploads the logo (multipart/form-data: `file`, optional `uploader_user_id`).
// DELETE /v1/organizations/{id}/logo — removes it; `image_url` goes back to the default image.
// GET /roster/organization-logos/{image_id} — Roster extension: serves an uploaded logo (public, like Clerk's image CDN).
import type { FastifyInstance } from 'fastify';
import { errors } from '../../../lib/error-catalog.js';
import { readImageUpload, registerImageUploadRoutes } from '../../image-upload.js';
import type { RouteContext } from '../../route-context.js';
import { sendImage } from '../images.js';
import { LOGO_PATH_PREFIX, toOrganizationJSON, toOrganizationWithLogoJSON } from './serialize.js';

type Params = { organization_id: string };

export async function registerLogoRoutes(app: FastifyInstance, ctx: RouteContext, options: { bodyLimitInBytes: number }): Promise<void> {
  // Logos go through the same pipeline as profile images: checked by their bytes, re-encoded, stored in the database.
  await registerImageUploadRoutes(app, options, (scope) => {
    scope.put<{ Params: Params }>('/v1/organizations/:organization_id/logo', async (request) => {
      const { file, fields } = readImageUpload(request);
      const uploader = fields.get('uploader_user_id')?.trim();
      const record = await ctx.organizations.setLogo(request.params.organization_id, { bytes: file, uploaderUserId: uploader || undefined });
      return toOrganizationWithLogoJSON(record, ctx.serializeContext(request));
    });
  });

  app.delete<{ Params: Params }>('/v1/organizations/:organization_id/logo', async (request) =>
    toOrganizationJSON(await ctx.organizations.deleteLogo(request.params.organization_id), ctx.serializeContext(request)),
  );

  app.get<{ Params: { image_id: string } }>(`${LOGO_PATH_PREFIX}/:image_id`, { config: { auth: 'public' } }, async (request, reply) => {
    const logo = await ctx.organizations.findLogo(request.params.image_id);
    if (!logo) throw errors.imageNotFound();
    return sendImage(request, reply, logo);
  });
}
