/** Errors of image uploads (profile images, organization logos); the wording is Clerk's (`images.go` in its error index). */
import { catalogError as make, param } from './catalog.js';
export const imageErrors = {
    imageNotFound: () => make('imageNotFound', 'Image not found'),
    imageMissing: () => make('imageMissing', 'There was no image file present in the request', param('file')),
    imageTooLarge: () => make('imageTooLarge', 'The image being uploaded is more than 10MB. Please choose a smaller one.', param('file')),
    /** The bytes are not a JPEG, PNG, GIF or WebP, whatever the upload declared. */
    unsupportedImageType: (imageType) => make('unsupportedImageType', `'${imageType}' images are not currently supported. Please consult the API documentation for more information.`, param('file')),
    /** Truncated, corrupt, or beyond the pixel limit (a decompression bomb). */
    imageDecodeFailed: () => make('imageDecodeFailed', 'The image could not be decoded. Please ensure the image is valid and try again.', param('file')),
};
//# sourceMappingURL=image-errors.js.map