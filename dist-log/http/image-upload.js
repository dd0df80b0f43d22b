import { MAX_IMAGE_BYTES } from '../images/image-pipeline.js';
import { errors } from '../lib/error-catalog.js';
import { createErrorHandler } from './errors.js';
import { boundaryOf, MultipartError, parseMultipart } from './multipart.js';
/** Room for the multipart framing and the other fields around a maximal image. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;
/**
 * Registers `routes` in a scope that reads multipart bodies of up to 10 MB plus framing. A larger body is
 * Clerk's 413 `image_too_large` (not the generic `request_body_too_large`), answered after Node has read
 * and dropped the rest, as the global handler does for JSON.
 */
export async function registerImageUploadRoutes(app, options, routes) {
    const handleError = createErrorHandler(options.bodyLimitInBytes);
    await app.register(async (scope) => {
        scope.addContentTypeParser('multipart/form-data', { parseAs: 'buffer', bodyLimit: MAX_IMAGE_BYTES + MULTIPART_OVERHEAD_BYTES }, (_request, body, done) => done(null, body));
        scope.setErrorHandler((error, request, reply) => {
            if (error.code !== 'FST_ERR_CTP_BODY_TOO_LARGE')
                return handleError(error, request, reply);
            // Keep the connection so the client still sending its body receives this answer (see errors.ts).
            reply.removeHeader('connection');
            return handleError(errors.imageTooLarge(), request, reply);
        });
        routes(scope);
    });
}
/** The upload's `file` and other fields; Clerk's errors for a missing file or a malformed body. */
export function readImageUpload(request) {
    const contentType = request.headers['content-type'] ?? '';
    const body = request.body;
    if (!Buffer.isBuffer(body) || !/^multipart\/form-data/i.test(contentType))
        throw errors.imageMissing();
    const boundary = boundaryOf(contentType);
    if (!boundary)
        throw errors.requestBodyInvalid('The multipart body has no boundary.');
    let parts;
    try {
        parts = parseMultipart(body, boundary);
    }
    catch (error) {
        if (error instanceof MultipartError)
            throw errors.requestBodyInvalid(`The multipart body is malformed: ${error.message}.`);
        throw error;
    }
    const file = parts.find((part) => part.name === 'file');
    if (!file)
        throw errors.imageMissing();
    // One file per upload: with several, a proxy or scanner in front may look at another part than Roster.
    if (parts.filter((part) => part.name === 'file').length > 1)
        throw errors.requestBodyInvalid('Send exactly one `file` part.');
    const fields = new Map(parts.filter((part) => part !== file).map((part) => [part.name, part.data.toString('utf8')]));
    return { file: file.data, fields };
}
//# sourceMappingURL=image-upload.js.map