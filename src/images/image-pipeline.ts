/**
 * The one way an uploaded image becomes a stored one (profile images and organization logos): checked by
 * its bytes, decoded by a real image library under a pixel limit, and re-encoded in its own format. The
 * re-encoding drops everything but pixels (EXIF, GPS, comments, XMP) and bounds the dimensions, so what
 * Roster serves is never the uploader's file.
 */
import { createHash } from 'node:crypto';
import type { OutputInfo, Sharp } from 'sharp';
import { errors } from '../lib/error-catalog.js';
import { createVerificationPool } from '../passwords/verification-pool.js';

/** Largest accepted upload (Clerk's limit). @default 10 MB */
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
/** Longest side of a stored image; larger ones are scaled down to fit, keeping their aspect. */
export const MAX_IMAGE_SIDE_PX = 2048;
/**
 * Most pixels an upload may declare (about 7000 × 7000, above today's phone cameras). Checked from the
 * header before decoding, so a tiny file declaring 50000 × 50000 is refused without allocating its pixels.
 */
export const MAX_INPUT_PIXELS = 50_000_000;
/** A decode that takes longer than this is abandoned (libvips checks between tiles). */
const PROCESSING_TIMEOUT_SECONDS = 10;

export type ImageContentType = 'image/jpeg' | 'image/png' | 'image/gif' | 'image/webp';

export interface ProcessedImage {
  contentType: ImageContentType;
  bytes: Buffer;
  widthPx: number;
  heightPx: number;
  /** Hex SHA-256 of `bytes`: the served `ETag`. */
  sha256: string;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The image type the bytes really are (a declared type or file name is never trusted), or null. */
export function sniffImageType(bytes: Buffer): ImageContentType | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return 'image/png';
  const head = bytes.subarray(0, 6).toString('latin1');
  if (head === 'GIF87a' || head === 'GIF89a') return 'image/gif';
  if (bytes.length >= 12 && bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP') return 'image/webp';
  return null;
}

/** A short, log-safe name for what the bytes look like, for the "unsupported image type" message. */
function describeUnknownType(bytes: Buffer): string {
  const head = bytes.subarray(0, 64).toString('latin1').trimStart();
  if (head.startsWith('<svg') || head.startsWith('<?xml')) return 'svg';
  if (head.startsWith('%PDF')) return 'pdf';
  if (bytes.length >= 12 && bytes.subarray(4, 8).toString('latin1') === 'ftyp') return 'heif';
  if (head.startsWith('II*') || head.startsWith('MM\u0000*')) return 'tiff';
  if (head.startsWith('BM')) return 'bmp';
  return 'unknown';
}

function encoderFor(type: ImageContentType, image: Sharp): Sharp {
  switch (type) {
    case 'image/jpeg':
      return image.jpeg({ quality: 90 });
    case 'image/png':
      return image.png();
    case 'image/gif':
      return image.gif();
    case 'image/webp':
      return image.webp({ quality: 90 });
  }
}

/**
 * Checks, decodes and re-encodes an upload. Throws Clerk's errors: `form_param_missing` (empty),
 * `image_too_large` (over 10 MB), `request_body_invalid` (not a JPEG/PNG/GIF/WebP, or not decodable:
 * truncated, corrupt, or declaring more than {@link MAX_INPUT_PIXELS}). Animated GIF/WebP keep their first frame.
 */
export async function processImage(bytes: Buffer): Promise<ProcessedImage> {
  if (bytes.length === 0) throw errors.imageMissing();
  if (bytes.length > MAX_IMAGE_BYTES) throw errors.imageTooLarge();
  const contentType = sniffImageType(bytes);
  if (!contentType) throw errors.unsupportedImageType(describeUnknownType(bytes));
  // At most two decodes at once per process (each up to MAX_INPUT_PIXELS), the rest queued (429 past 16):
  // memory stays bounded however many uploads arrive together.
  return decodeSlots.run(() => reencode(bytes, contentType));
}

/** Process-wide like the threads it guards: sharp decodes on libvips' own pool. */
const decodeSlots = createVerificationPool({ maxConcurrent: 2, maxQueued: 16 });

type SharpConstructor = typeof import('sharp').default;
let sharpModule: Promise<SharpConstructor> | undefined;

/** sharp (and libvips with it) loads on the first upload: a server that never receives one starts faster. */
async function loadSharp(): Promise<SharpConstructor> {
  sharpModule ??= import('sharp').then(({ default: sharp }) => {
    // libvips' operation cache kept decoded images alive after each upload (hundreds of MB per large
    // progressive JPEG, never returned): every upload is decoded once, so nothing is worth caching.
    sharp.cache(false);
    return sharp;
  });
  return sharpModule;
}

/**
 * The most memory one decode may need, in bytes of decoded pixels: 50 megapixels at 8-bit RGBA. A 16-bit
 * or interlaced image of the same size needs twice that or more (an interlaced PNG or progressive JPEG
 * cannot be read as a stream), so the budget is on bytes, not pixels.
 */
export const MAX_DECODED_BYTES = MAX_INPUT_PIXELS * 4;

const BYTES_PER_SAMPLE: Record<string, number> = { uchar: 1, char: 1, ushort: 2, short: 2, uint: 4, int: 4, float: 4, complex: 8, double: 8, dpcomplex: 16 };

/** Whether decoding an image with these header facts stays within {@link MAX_DECODED_BYTES}. */
export function fitsDecodeBudget(info: { width?: number; height?: number; channels?: number; depth?: string; isProgressive?: boolean }): boolean {
  if (!info.width || !info.height) return false;
  const sampleBytes = BYTES_PER_SAMPLE[info.depth ?? 'uchar'] ?? 8;
  // A progressive or interlaced image is held whole while it decodes, on top of the resized output.
  const factor = info.isProgressive ? 2 : 1;
  return info.width * info.height * Math.max(info.channels ?? 4, 1) * sampleBytes * factor <= MAX_DECODED_BYTES;
}

async function reencode(bytes: Buffer, contentType: ImageContentType): Promise<ProcessedImage> {
  let output: { data: Buffer; info: OutputInfo };
  const sharp = await loadSharp();
  try {
    // The header alone (no pixels decoded) says how much decoding will take.
    const header = await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, animated: false }).metadata();
    if (!fitsDecodeBudget(header)) throw new Error('over the decode budget');
    const decoded = sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'truncated', sequentialRead: true, animated: false })
      // The orientation lives in the EXIF that re-encoding drops: apply it to the pixels first.
      .autoOrient()
      .resize({ width: MAX_IMAGE_SIDE_PX, height: MAX_IMAGE_SIDE_PX, fit: 'inside', withoutEnlargement: true })
      .timeout({ seconds: PROCESSING_TIMEOUT_SECONDS });
    // sharp writes no metadata unless asked (`keepMetadata`/`withMetadata`): the output is pixels only.
    output = await encoderFor(contentType, decoded).toBuffer({ resolveWithObject: true });
  } catch {
    // Every failure here is the input's (libvips reports corrupt, truncated and over-limit images alike).
    throw errors.imageDecodeFailed();
  }
  return {
    contentType,
    bytes: output.data,
    widthPx: output.info.width,
    heightPx: output.info.height,
    sha256: createHash('sha256').update(output.data).digest('hex'),
  };
}
