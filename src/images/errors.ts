/**
 * Errors of image uploads (profile images, organization logos). Their entries live in the one catalogue,
 * `lib/error-catalog.ts`; the wording is Clerk's (`images.go` in its error index).
 */
import { catalog, ClerkError, type CatalogEntry } from '../lib/error-catalog.js';

type EntryName = keyof typeof catalog;

function make(name: EntryName, longMessage: string, message?: string): ClerkError {
  const entry: CatalogEntry = catalog[name];
  return new ClerkError(entry.status, entry.code, message ?? entry.message, longMessage, { param_name: 'file' });
}

export const imageErrors = {
  imageNotFound: () => {
    const entry: CatalogEntry = catalog.imageNotFound;
    return new ClerkError(entry.status, entry.code, entry.message, 'Image not found');
  },
  imageMissing: () => make('imageMissing', 'There was no image file present in the request'),
  imageTooLarge: () => make('imageTooLarge', 'The image being uploaded is more than 10MB. Please choose a smaller one.'),
  /** The bytes are not a JPEG, PNG, GIF or WebP, whatever the upload declared. */
  unsupportedImageType: (imageType: string) =>
    make(
      'requestBodyInvalid',
      `'${imageType}' images are not currently supported. Please consult the API documentation for more information.`,
      'Unsupported image type',
    ),
  /** Truncated, corrupt, or beyond the pixel limit (a decompression bomb). */
  imageDecodeFailed: () =>
    make('requestBodyInvalid', 'The image could not be decoded. Please ensure the image is valid and try again.', 'Image decode error'),
};
