import { fromHex } from '../digest-encoding.js';
import type { PasswordHasher } from '../password-hasher.js';
import { parsePbkdf2Iterations, pbkdf2Matches, safely } from './slow-shared.js';

function parse(digest: string): { iterations: number; salt: Buffer; hash: Buffer } | null {
  const parts = digest.split('$');
  if (parts.length !== 4 || parts[0] !== 'pbkdf2_sha512_hex') return null;
  const [, iterationsText, saltText, hashText] = parts as [string, string, string, string];
  const salt = fromHex(saltText);
  const hash = fromHex(hashText);
  if (salt === null || hash === null) return null;
  const iterations = parsePbkdf2Iterations(iterationsText, 'sha512', hash.length);
  return iterations === null ? null : { iterations, salt, hash };
}

/**
 * `pbkdf2_sha512_hex`, Clerk's form: `pbkdf2_sha512_hex$<iterations>$<salt>$<hash>`, "both the salt and the hash
 * are expected to be hex-encoded" (either case): PBKDF2-HMAC-SHA512 of the password's UTF-8 bytes with the decoded
 * salt, as many bytes as the hash decodes to (usually 64).
 *
 * The key length is the hash's own (Clerk documents none), so a hash cut at a byte boundary is the same password's
 * shorter PBKDF2 key and still verifies that password (and no other); the 16-byte floor bounds how short.
 *
 * Caps (slow-shared.ts): hash 16–128 bytes, iterations × ceil(hash length / 64) ≤ 10,000,000.
 */
export const pbkdf2Sha512HexHasher: PasswordHasher = {
  name: 'pbkdf2_sha512_hex',
  isValidDigest: (digest) => parse(digest) !== null,
  verify(digest, password) {
    return safely(async () => {
      const parsed = parse(digest);
      return parsed !== null && (await pbkdf2Matches(password, parsed.salt, parsed.iterations, 'sha512', parsed.hash));
    });
  },
};
