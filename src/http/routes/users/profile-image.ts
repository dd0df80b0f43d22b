// POST /v1/users/{user_id}/profile_image — sets the profile image (multipart/form-data `file`, as @clerk/backend's updateUserProfileImage sends it).
// DELETE /v1/users/{user_id}/profile_image — removes it; `image_url` goes back to the default avatar.
// GET /roster/images/{image_id} — the public image behind `image_url` (see ../images.ts).
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { readImageUpload, registerImageUploadRoutes } from '../../image-upload.js';
import type { RosterApp } from '../../roster-app.js';
import type { RouteContext } from '../../route-context.js';
import { registerImageRoutes } from '../images.js';
import { UserJSON, UserParams } from './schemas.js';
import { toUserJSON } from './serialize.js';

export async function registerProfileImageRoutes(app: RosterApp, ctx: RouteContext, options: { bodyLimitInBytes: number }): Promise<void> {
  registerImageRoutes(app, ctx);

  await registerImageUploadRoutes(app, options, (scope) => {
    // The multipart body is read by readImageUpload; `multipartFields` describes it for the OpenAPI document.
    scope
      .withTypeProvider<TypeBoxTypeProvider>()
      .post(
        '/v1/users/:user_id/profile_image',
        { config: { multipartFields: { file: 'file' } }, schema: { params: UserParams, response: { 200: UserJSON } } },
        async (request) => {
          const { file } = readImageUpload(request);
          return toUserJSON(await ctx.profileImages.set(request.params.user_id, file), ctx.serializeContext(request));
        },
      );
  });

  app.delete('/v1/users/:user_id/profile_image', { schema: { params: UserParams, response: { 200: UserJSON } } }, async (request) =>
    toUserJSON(await ctx.profileImages.delete(request.params.user_id), ctx.serializeContext(request)),
  );
}
