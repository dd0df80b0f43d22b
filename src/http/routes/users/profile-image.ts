// POST /v1/users/{user_id}/profile_image — sets the profile image (multipart/form-data `file`, as @clerk/backend's updateUserProfileImage sends it).
// DELETE /v1/users/{user_id}/profile_image — removes it; `image_url` goes back to the default avatar.
// GET /roster/images/{image_id} — the public image behind `image_url` (see ../images.ts).
import type { FastifyInstance } from 'fastify';
import { createProfileImageService } from '../../../users/profile-image-service.js';
import { readImageUpload, registerImageUploadRoutes } from '../../image-upload.js';
import type { ModuleContext } from '../../module-context.js';
import { registerImageRoutes } from '../images.js';
import { toUserJSON } from './serialize.js';

type Params = { user_id: string };

export async function registerProfileImageRoutes(app: FastifyInstance, moduleContext: ModuleContext): Promise<void> {
  const profileImages = createProfileImageService(moduleContext.deps);
  const { serializeContext } = moduleContext;
  registerImageRoutes(app, moduleContext);

  await registerImageUploadRoutes(app, { bodyLimitInBytes: moduleContext.deps.config.bodyLimitInBytes }, (scope) => {
    scope.post<{ Params: Params }>('/v1/users/:user_id/profile_image', async (request) => {
      const { file } = readImageUpload(request);
      return toUserJSON(await profileImages.set(request.params.user_id, file), serializeContext(request));
    });
  });

  app.delete<{ Params: Params }>('/v1/users/:user_id/profile_image', async (request) =>
    toUserJSON(await profileImages.delete(request.params.user_id), serializeContext(request)),
  );
}
