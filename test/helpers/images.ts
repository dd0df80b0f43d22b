// Real images made in the test with sharp, and the hostile ones: a photo carrying EXIF GPS, a truncated
// PNG, and a decompression bomb (a few kilobytes declaring 50000 × 50000 pixels).
import { deflateSync } from 'node:zlib';
import sharp from 'sharp';

const solid = (widthPx: number, heightPx: number, background: string) =>
  sharp({ create: { width: widthPx, height: heightPx, channels: 3, background } });

export const makePNG = (widthPx = 40, heightPx = 30) => solid(widthPx, heightPx, '#d33').png().toBuffer();
export const makeGIF = () => solid(12, 12, '#33d').gif().toBuffer();
export const makeWebP = () => solid(16, 10, '#3d3').webp().toBuffer();

/** A JPEG carrying camera EXIF with a GPS position (Paris), as phones write them. */
export const makeJPEGWithGPS = (widthPx = 64, heightPx = 48) =>
  solid(widthPx, heightPx, '#888')
    .jpeg()
    .withExif({
      IFD0: { Make: 'RosterCam', Model: 'GPS-1', Copyright: 'secret-owner' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '48/1 51/1 24/1', GPSLongitudeRef: 'E', GPSLongitude: '2/1 21/1 3/1' },
    })
    .toBuffer();

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    let c = (crc ^ byte) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** A valid-looking greyscale PNG declaring `sidePx` × `sidePx` whose compressed data is a few kilobytes. */
export function makePNGBomb(sidePx = 50_000): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(sidePx, 0);
  header.writeUInt32BE(sidePx, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  // Zeros compress about 1000:1: the first rows only, the rest is never needed to refuse the file.
  const rows = deflateSync(Buffer.alloc((sidePx + 1) * 64));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', rows),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A real PNG cut short in the middle of its pixel data. */
export async function makeTruncatedPNG(): Promise<Buffer> {
  // Noise does not compress, so the pixel data is long enough to cut in its middle.
  const noise = Buffer.from(Array.from({ length: 64 * 64 * 3 }, (_, index) => (index * 7919) % 251));
  const png = await sharp(noise, { raw: { width: 64, height: 64, channels: 3 } }).png().toBuffer();
  return png.subarray(0, Math.floor(png.length / 2));
}
