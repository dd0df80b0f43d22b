// POST /v1/users/{user_id}/profile_image — sets the profile image (multipart/form-data `file`, as @clerk/backend's updateUserProfileImage sends it).
// DELETE /v1/users/{user_id}/profile_image — removes it; `image_url` goes back to the default avatar.
// GET /roster/images/{image_id} — the public image behind `image_url` (see ../images.ts).
import type { FastifyInstance } from 'fastify';
import { readImageUpload, registerImageUploadRoutes } from '../../image-upload.js';
import type { RouteContext } from '../../route-context.js';
import { registerImageRoutes } from '../images.js';
import { toUserJSON } from './serialize.js';

type Params = { user_id: string };

export async function registerProfileImageRoutes(app: FastifyInstance, ctx: RouteContext, options: { bodyLimitInBytes: number }): Promise<void> {
  registerImageRoutes(app, ctx);

  await registerImageUploadRoutes(app, options, (scope) => {
    scope.post<{ Params: Params }>('/v1/users/:user_id/profile_image', async (request) => {
      const { file } = readImageUpload(request);
      return toUserJSON(await ctx.profileImages.set(request.params.user_id, file), ctx.serializeContext(request));
    });
  });

  app.delete<{ Params: Params }>('/v1/users/:user_id/profile_image', async (request) =>
    toUserJSON(await ctx.profileImages.delete(request.params.user_id), ctx.serializeContext(request)),
  );
}
