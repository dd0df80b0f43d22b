import { Type } from 'typebox';
import { errors } from '../../lib/error-catalog.js';
import { avatarUrl } from './avatars.js';
export const IMAGE_PATH_PREFIX = '/roster/images';
/** What the image pipeline stores: the type is set from the bytes, never from the upload. */
const IMAGE_CONTENT_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp'];
/** A user's `image_url`: the uploaded profile image, or the default avatar. */
export function userImageUrl(baseUrl, user) {
    return user.image_id ? `${baseUrl}${IMAGE_PATH_PREFIX}/${encodeURIComponent(user.image_id)}` : avatarUrl(baseUrl, user);
}
/** `"<sha256>"` matches an `If-None-Match` list holding it (weak or strong) or `*`. */
function matchesETag(header, etag) {
    if (!header)
        return false;
    return header.split(',').some((candidate) => {
        const tag = candidate.trim().replace(/^W\//, '');
        return tag === '*' || tag === etag;
    });
}
/**
 * Sends a stored image with its exact type, a content-hash `ETag` and a day of public caching (a new upload
 * gets a new id; a deleted one must not outlive its deletion in shared caches for long); `304` when the
 * client already holds it.
 */
export function sendImage(request, reply, image) {
    const etag = `"${image.sha256}"`;
    // A day, then revalidated by ETag: a deleted or replaced image leaves shared caches within a day.
    reply.header('etag', etag).header('cache-control', 'public, max-age=86400');
    if (matchesETag(request.headers['if-none-match'], etag))
        return reply.code(304).send();
    // The type is one of the four the pipeline produces, set from the bytes, never from the upload.
    return reply.type(image.contentType).send(image.bytes);
}
/**
 * The answers of a public image route (sendImage): the image in its own type, or `304` when the client holds it.
 * They are not JSON: no serializer reads this; it is what Roster's OpenAPI document says.
 */
export const IMAGE_RESPONSES = {
    200: {
        description: 'The image',
        content: Object.fromEntries(IMAGE_CONTENT_TYPES.map((type) => [type, { schema: { type: 'string', format: 'binary' } }])),
    },
    304: { description: 'Not modified (`If-None-Match` holds its `ETag`)', type: 'null' },
};
const ImageParams = Type.Object({ image_id: Type.String() });
export function registerImageRoutes(app, ctx) {
    app.get(`${IMAGE_PATH_PREFIX}/:image_id`, { config: { auth: 'public' }, schema: { params: ImageParams, response: IMAGE_RESPONSES } }, async (request, reply) => {
        // Ids are short; anything else is not worth a query.
        if (request.params.image_id.length > 64)
            throw errors.resourceNotFound();
        const image = await ctx.images.find(request.params.image_id);
        if (!image)
            throw errors.imageNotFound();
        return sendImage(request, reply, image);
    });
}
//# sourceMappingURL=images.js.map