import { readImageUpload, registerImageUploadRoutes } from '../../image-upload.js';
import { registerImageRoutes } from '../images.js';
import { UserJSON, UserParams } from './schemas.js';
import { toUserJSON } from './serialize.js';
export async function registerProfileImageRoutes(app, ctx, options) {
    registerImageRoutes(app, ctx);
    await registerImageUploadRoutes(app, options, (scope) => {
        // The multipart body is read by readImageUpload; `multipartFields` describes it for the OpenAPI document.
        scope
            .withTypeProvider()
            .post('/v1/users/:user_id/profile_image', { config: { multipartFields: { file: 'file' } }, schema: { params: UserParams, response: { 200: UserJSON } } }, async (request) => {
            const { file } = readImageUpload(request);
            return toUserJSON(await ctx.profileImages.set(request.params.user_id, file), ctx.serializeContext(request));
        });
    });
    app.delete('/v1/users/:user_id/profile_image', { schema: { params: UserParams, response: { 200: UserJSON } } }, async (request) => toUserJSON(await ctx.profileImages.delete(request.params.user_id), ctx.serializeContext(request)));
}
//# sourceMappingURL=profile-image.js.map