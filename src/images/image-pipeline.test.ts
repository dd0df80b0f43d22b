import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { makeGIF, makeJPEGWithGPS, makePNG, makePNGBomb, makeTruncatedPNG, makeWebP } from '../../test/helpers/images.js';
import { ClerkError } from '../lib/error-catalog.js';
import { fitsDecodeBudget, MAX_IMAGE_BYTES, MAX_IMAGE_SIDE_PX, processImage, sniffImageType } from './image-pipeline.js';

async function refusal(bytes: Buffer): Promise<ClerkError> {
  const error = await processImage(bytes).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ClerkError);
  return error as ClerkError;
}

describe('processImage', () => {
  it('re-encodes each of the four formats in its own format, by the bytes', async () => {
    for (const [bytes, type, format] of [
      [await makePNG(), 'image/png', 'png'],
      [await makeJPEGWithGPS(), 'image/jpeg', 'jpeg'],
      [await makeGIF(), 'image/gif', 'gif'],
      [await makeWebP(), 'image/webp', 'webp'],
    ] as const) {
      const image = await processImage(bytes);
      expect(image.contentType).toBe(type);
      expect(sniffImageType(image.bytes)).toBe(type);
      expect((await sharp(image.bytes).metadata()).format).toBe(format);
      expect(image.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it('drops EXIF (camera, GPS) and keeps the pixels', async () => {
    const photo = await makeJPEGWithGPS(64, 48);
    const before = await sharp(photo).metadata();
    expect(before.exif?.toString('latin1')).toContain('RosterCam');
    const image = await processImage(photo);
    const after = await sharp(image.bytes).metadata();
    expect(after.exif).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(image.bytes.includes(Buffer.from('RosterCam'))).toBe(false);
    expect(image.bytes.includes(Buffer.from('secret-owner'))).toBe(false);
    expect([image.widthPx, image.heightPx]).toEqual([64, 48]);
  });

  it('scales a large image down to fit 2048 px, keeping its aspect, and never enlarges a small one', async () => {
    const wide = await processImage(await makePNG(4096, 1024));
    expect([wide.widthPx, wide.heightPx]).toEqual([MAX_IMAGE_SIDE_PX, 512]);
    const small = await processImage(await makePNG(8, 6));
    expect([small.widthPx, small.heightPx]).toEqual([8, 6]);
  });

  it('refuses what is not a JPEG, PNG, GIF or WebP, whatever it is called', async () => {
    const svg = await refusal(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'));
    expect([svg.status, svg.code, svg.message]).toEqual([400, 'request_body_invalid', 'Unsupported image type']);
    expect(svg.longMessage).toContain("'svg' images are not currently supported");
    expect((await refusal(Buffer.from('just some text in a .png'))).code).toBe('request_body_invalid');
    const empty = await refusal(Buffer.alloc(0));
    expect([empty.status, empty.code]).toEqual([400, 'form_param_missing']);
  });

  it('refuses a truncated PNG and a decompression bomb as decode errors', async () => {
    const truncated = await refusal(await makeTruncatedPNG());
    expect([truncated.status, truncated.code, truncated.message]).toEqual([400, 'request_body_invalid', 'Image decode error']);
    // Refused from the header (2.5 billion pixels are never allocated); its speed is not a test's business.
    const bomb = await refusal(makePNGBomb(50_000));
    expect([bomb.status, bomb.code, bomb.message]).toEqual([400, 'request_body_invalid', 'Image decode error']);
  });

  it('refuses more than 10 MB with image_too_large before decoding', async () => {
    const tooLarge = await refusal(Buffer.concat([await makePNG(), Buffer.alloc(MAX_IMAGE_BYTES)]));
    expect([tooLarge.status, tooLarge.code]).toEqual([413, 'image_too_large']);
  });
});

describe('the decode budget (bytes of decoded pixels, not pixels)', () => {
  it.each([
    [{ width: 7000, height: 7000, channels: 3, depth: 'uchar' }, true],
    [{ width: 7000, height: 7000, channels: 4, depth: 'uchar' }, true],
    [{ width: 7000, height: 7000, channels: 4, depth: 'ushort' }, false],
    [{ width: 7000, height: 7000, channels: 3, depth: 'uchar', isProgressive: true }, false],
    [{ width: 4000, height: 4000, channels: 3, depth: 'uchar', isProgressive: true }, true],
    [{ width: 4000, height: 4000, channels: 4, depth: 'double' }, false],
    [{ channels: 3, depth: 'uchar' }, false],
  ])('%j fits: %s', (header, fits) => {
    expect(fitsDecodeBudget(header)).toBe(fits);
  });

  it('refuses a 16-bit RGBA PNG whose pixels would take over 200 MB to decode, as a decode error', async () => {
    const sixteenBit = await sharp({ create: { width: 5200, height: 5200, channels: 4, background: '#123456' } })
      .toColourspace('rgb16')
      .png({ compressionLevel: 9 })
      .toBuffer();
    expect((await sharp(sixteenBit).metadata()).depth).toBe('ushort');
    const error = await refusal(sixteenBit);
    expect([error.status, error.code]).toEqual([400, 'request_body_invalid']);
  });
});
