/** Logo uploads: 10 MB at most, and only the four image types Clerk accepts, recognised by their bytes. */
export const MAX_LOGO_BYTES = 10 * 1024 * 1024;

export type LogoContentType = 'image/jpeg' | 'image/png' | 'image/gif' | 'image/webp';

/** The image type the bytes really are (the declared type is not trusted), or null. */
export function sniffImageType(bytes: Buffer): LogoContentType | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  const head = bytes.subarray(0, 6).toString('latin1');
  if (head === 'GIF87a' || head === 'GIF89a') return 'image/gif';
  if (bytes.length >= 12 && bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP') return 'image/webp';
  return null;
}
