// PUT /v1/organizations/{id}/logo — uploads the logo (multipart/form-data: `file`, optional `uploader_user_id`).
// DELETE /v1/organizations/{id}/logo — removes it; `image_url` goes back to the default image.
// GET /roster/organization-logos/{image_id} — Roster extension: serves an uploaded logo (public, like Clerk's image CDN).
import type { FastifyInstance } from 'fastify';
import { errors } from '../../../lib/error-catalog.js';
import { orgErrors } from '../../../organizations/errors.js';
import { MAX_LOGO_BYTES } from '../../../organizations/logo.js';
import type { OrganizationRouteContext } from './context.js';
import { boundaryOf, MultipartError, parseMultipart } from './multipart.js';
import { LOGO_PATH_PREFIX, toOrganizationJSON, toOrganizationWithLogoJSON } from './serialize.js';

type Params = { organization_id: string };
/** Room for the multipart framing and the other fields around a maximal image. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

export async function registerLogoRoutes(app: FastifyInstance, ctx: OrganizationRouteContext): Promise<void> {
  // The multipart parser lives in its own scope: every other route keeps accepting JSON only.
  await app.register(async (scope) => {
    scope.addContentTypeParser('multipart/form-data', { parseAs: 'buffer', bodyLimit: MAX_LOGO_BYTES + MULTIPART_OVERHEAD_BYTES }, (_request, body, done) =>
      done(null, body),
    );
    scope.put<{ Params: Params }>('/v1/organizations/:organization_id/logo', async (request) => {
      const contentType = request.headers['content-type'] ?? '';
      const body = request.body;
      if (!Buffer.isBuffer(body) || !/^multipart\/form-data/i.test(contentType)) throw orgErrors.imageMissing();
      const boundary = boundaryOf(contentType);
      if (!boundary) throw errors.requestBodyInvalid('The multipart body has no boundary.');
      let parts;
      try {
        parts = parseMultipart(body, boundary);
      } catch (error) {
        if (error instanceof MultipartError) throw errors.requestBodyInvalid(`The multipart body is malformed: ${error.message}.`);
        throw error;
      }
      const file = parts.find((part) => part.name === 'file');
      if (!file) throw orgErrors.imageMissing();
      const uploader = parts.find((part) => part.name === 'uploader_user_id')?.data.toString('utf8').trim();
      const record = await ctx.organizations.setLogo(request.params.organization_id, { bytes: file.data, uploaderUserId: uploader || undefined });
      return toOrganizationWithLogoJSON(record, ctx.serializeContext(request));
    });
  });

  app.delete<{ Params: Params }>('/v1/organizations/:organization_id/logo', async (request) =>
    toOrganizationJSON(await ctx.organizations.deleteLogo(request.params.organization_id), ctx.serializeContext(request)),
  );

  app.get<{ Params: { image_id: string } }>(`${LOGO_PATH_PREFIX}/:image_id`, { config: { auth: 'public' } }, async (request, reply) => {
    const logo = await ctx.organizations.findLogo(request.params.image_id);
    if (!logo) throw orgErrors.imageNotFound();
    // A new upload gets a new id, so a logo's bytes never change under its URL.
    return reply
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('x-content-type-options', 'nosniff')
      .type(logo.contentType)
      .send(logo.bytes);
  });
}
