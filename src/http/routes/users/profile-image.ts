// POST /v1/users/{user_id}/profile_image — sets the profile image (multipart/form-data `file`, as @clerk/backend's updateUserProfileImage sends it).
// DELETE /v1/users/{user_id}/profile_image — removes it; `image_url` goes back to the default avatar.
// GET /roster/images/{image_id} — the public image behind `image_url` (see ../images.ts).
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { createProfileImageService } from '../../../users/profile-image-service.js';
import { readImageUpload, registerImageUploadRoutes } from '../../image-upload.js';
import type { ModuleContext } from '../../module-context.js';
import type { RosterApp } from '../../roster-app.js';
import { registerImageRoutes } from '../images.js';
import { UserJSON, UserParams } from './schemas.js';
import { toUserJSON } from './serialize.js';

export async function registerProfileImageRoutes(app: RosterApp, moduleContext: ModuleContext): Promise<void> {
  const profileImages = createProfileImageService(moduleContext.deps);
  const { serializeContext } = moduleContext;
  registerImageRoutes(app, moduleContext);

  await registerImageUploadRoutes(app, { bodyLimitInBytes: moduleContext.deps.config.bodyLimitInBytes }, (scope) => {
    // The multipart body is read by readImageUpload (a raw buffer: no body schema to declare).
    scope
      .withTypeProvider<TypeBoxTypeProvider>()
      .post('/v1/users/:user_id/profile_image', { schema: { params: UserParams, response: { 200: UserJSON } } }, async (request) => {
        const { file } = readImageUpload(request);
        return toUserJSON(await profileImages.set(request.params.user_id, file), serializeContext(request));
      });
  });

  app.delete('/v1/users/:user_id/profile_image', { schema: { params: UserParams, response: { 200: UserJSON } } }, async (request) =>
    toUserJSON(await profileImages.delete(request.params.user_id), serializeContext(request)),
  );
}
