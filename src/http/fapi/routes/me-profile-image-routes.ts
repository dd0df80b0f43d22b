// POST /v1/me/profile_image — the signed-in user's profile image (multipart `file`, or clerk-js's string form: a
// base64 body, optionally a data: URL, as application/octet-stream), through the Backend API's image pipeline and
// limits (10 MB, re-encoded, type from the bytes).
// DELETE /v1/me/profile_image — back to the default avatar.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { MAX_IMAGE_BYTES } from '../../../images/image-pipeline.js';
import { errors } from '../../../lib/error-catalog.js';
import type { UserRecord } from '../../../users/user-record.js';
import { readImageUpload, registerImageUploadRoutes } from '../../image-upload.js';
import { userImageUrl } from '../../routes/images.js';
import { envelope, type FapiContext } from '../fapi-context.js';
import { requireMeSession } from '../me-session.js';
import { FAPI_ROUTE } from '../route-options.js';

/** A base64 image of at most 10 MB, with room for a data: URL prefix. */
const BASE64_BODY_LIMIT_BYTES = Math.ceil((MAX_IMAGE_BYTES * 4) / 3) + 1024;
/** A data: URL header (`data:image/png;base64,`); matched on the bounded text before the first comma only. */
const DATA_URL_HEADER = /^data:[a-z0-9.+/-]*(?:;[a-z0-9=-]+)*;base64$/i;
const MAX_DATA_URL_HEADER_CHARS = 256;

/** The base64 text of the body, without its data: URL header; a header that is too long or malformed is a 400. */
function stripDataUrlHeader(text: string): string {
  if (!/^data:/i.test(text)) return text;
  // Bounded before any regex runs: a body of millions of `;a` parameters must not backtrack through megabytes.
  const comma = text.slice(0, MAX_DATA_URL_HEADER_CHARS + 1).indexOf(',');
  if (comma < 0 || comma > MAX_DATA_URL_HEADER_CHARS || !DATA_URL_HEADER.test(text.slice(0, comma))) {
    throw errors.requestBodyInvalid('The body must be a base64-encoded image or a base64 data: URL.');
  }
  return text.slice(comma + 1);
}

/** The uploaded bytes: the multipart `file`, or the base64 text of an octet-stream body (`user.setProfileImage({ file: string })`). */
function uploadedBytes(request: FastifyRequest): Buffer {
  if (!/^application\/octet-stream/i.test(request.headers['content-type'] ?? '')) return readImageUpload(request).file;
  const text = Buffer.isBuffer(request.body) ? stripDataUrlHeader(request.body.toString('latin1').trim()) : '';
  if (text === '') throw errors.imageMissing();
  if (!/^[A-Za-z0-9+/\r\n]*={0,2}$/.test(text)) throw errors.requestBodyInvalid('The body must be a base64-encoded image.');
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length > MAX_IMAGE_BYTES) throw errors.imageTooLarge();
  return bytes;
}

export async function registerMeProfileImageRoutes(app: FastifyInstance, ctx: FapiContext, options: { bodyLimitInBytes: number }): Promise<void> {
  await registerImageUploadRoutes(app, options, (scope) => {
    scope.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: BASE64_BODY_LIMIT_BYTES }, (_request, body, done) => done(null, body));
    scope.post('/fapi/v1/me/profile_image', FAPI_ROUTE, async (request, reply) => {
      const me = await requireMeSession(ctx, request);
      const record: UserRecord = await ctx.profileImages.set(me.user.user.id, uploadedBytes(request));
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
