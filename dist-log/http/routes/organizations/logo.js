import { errors } from '../../../lib/error-catalog.js';
import { readImageUpload, registerImageUploadRoutes } from '../../image-upload.js';
import { IdParams } from '../../schemas/common.js';
import { IMAGE_RESPONSES, sendImage } from '../images.js';
import { Organization, OrganizationWithLogo } from './schemas.js';
import { LOGO_PATH_PREFIX, toOrganizationJSON, toOrganizationWithLogoJSON } from './serialize.js';
const Params = IdParams('organization_id');
export async function registerLogoRoutes(app, ctx, options) {
    // Logos go through the same pipeline as profile images: checked by their bytes, re-encoded, stored in the database.
    await registerImageUploadRoutes(app, options, (scope) => {
        // The multipart body is read by readImageUpload, not by a schema.
        scope
            .withTypeProvider()
            .put('/v1/organizations/:organization_id/logo', { config: { multipartFields: { file: 'file', uploader_user_id: 'text' } }, schema: { params: Params, response: { 200: OrganizationWithLogo } } }, async (request) => {
            const { file, fields } = readImageUpload(request);
            const uploader = fields.get('uploader_user_id')?.trim();
            const record = await ctx.organizations.setLogo(request.params.organization_id, { bytes: file, uploaderUserId: uploader || undefined });
            return toOrganizationWithLogoJSON(record, ctx.serializeContext(request));
        });
    });
    app.delete('/v1/organizations/:organization_id/logo', { schema: { params: Params, response: { 200: Organization } } }, async (request) => toOrganizationJSON(await ctx.organizations.deleteLogo(request.params.organization_id), ctx.serializeContext(request)));
    app.get(`${LOGO_PATH_PREFIX}/:image_id`, { config: { auth: 'public' }, schema: { params: IdParams('image_id'), response: IMAGE_RESPONSES } }, async (request, reply) => {
        const logo = await ctx.organizations.findLogo(request.params.image_id);
        if (!logo)
            throw errors.imageNotFound();
        return sendImage(request, reply, logo);
    });
}
//# sourceMappingURL=logo.js.map