// POST /v1/me/profile_image — the signed-in user's profile image (multipart `file`), through the Backend API's
// image pipeline and limits (10 MB, re-encoded, type from the bytes).
// DELETE /v1/me/profile_image — back to the default avatar.
import type { FastifyInstance } from 'fastify';
import type { UserRecord } from '../../../users/user-record.js';
import { readImageUpload, registerImageUploadRoutes } from '../../image-upload.js';
import { userImageUrl } from '../../routes/images.js';
import { envelope, type FapiContext } from '../fapi-context.js';
import { requireMeSession } from '../me-session.js';
import { FAPI_ROUTE } from '../route-options.js';

export async function registerMeProfileImageRoutes(app: FastifyInstance, ctx: FapiContext, options: { bodyLimitInBytes: number }): Promise<void> {
  await registerImageUploadRoutes(app, options, (scope) => {
    scope.post('/fapi/v1/me/profile_image', FAPI_ROUTE, async (request, reply) => {
      const me = await requireMeSession(ctx, request);
      const { file } = readImageUpload(request);
      const record: UserRecord = await ctx.profileImages.set(me.user.user.id, file);
      const imageId = record.user.imageId!;
      const { baseUrl } = ctx.serializeContext(request);
      const publicUrl = userImageUrl(baseUrl, {
        id: record.user.id,
        image_id: imageId,
        first_name: record.user.firstName,
        last_name: record.user.lastName,
        username: record.user.username,
      });
      return envelope(ctx, request, reply, { object: 'image', id: imageId, name: imageId, public_url: publicUrl });
    });
  });

  app.delete('/fapi/v1/me/profile_image', FAPI_ROUTE, async (request, reply) => {
    const me = await requireMeSession(ctx, request);
    // The image read with the session is the one removed (a concurrent change makes this delete a 404 or a no-op).
    const previousImageId = me.user.user.imageId;
    await ctx.profileImages.delete(me.user.user.id);
    return envelope(ctx, request, reply, { object: 'image', id: previousImageId ?? '', deleted: true });
  });
}
