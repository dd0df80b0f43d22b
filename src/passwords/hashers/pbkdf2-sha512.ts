import { fromHex } from '../digest-encoding.js';
import type { PasswordHasher } from '../password-hasher.js';
import { parsePbkdf2Iterations, pbkdf2Matches, safely, utf8 } from './slow-shared.js';

function parse(digest: string): { iterations: number; salt: string; hash: Buffer } | null {
  const parts = digest.split('$');
  if (parts.length !== 4 || parts[0] !== 'pbkdf2_sha512') return null;
  const [, iterationsText, salt, hashText] = parts as [string, string, string, string];
  const hash = fromHex(hashText);
  if (salt === '' || hash === null) return null;
  const iterations = parsePbkdf2Iterations(iterationsText, 'sha512', hash.length);
  return iterations === null ? null : { iterations, salt, hash };
}

/**
 * `pbkdf2_sha512`, Clerk's form: `pbkdf2_sha512$<iterations>$<salt>$<hash>`, where "the salt is expected to be an
 * unencoded string literal, and the hash should be hex-encoded": PBKDF2-HMAC-SHA512 of the password's UTF-8 bytes
 * with the salt's UTF-8 text (never decoded, even when it looks like hex — that is `pbkdf2_sha512_hex`), as many
 * bytes as the hash decodes to (usually 64).
 *
 * The key length is the hash's own (Clerk documents none), so a hash cut at a byte boundary is the same password's
 * shorter PBKDF2 key and still verifies that password (and no other); the 16-byte floor bounds how short.
 *
 * Caps (slow-shared.ts): hash 16–128 bytes, iterations × ceil(hash length / 64) ≤ 10,000,000.
 */
export const pbkdf2Sha512Hasher: PasswordHasher = {
  name: 'pbkdf2_sha512',
  isValidDigest: (digest) => parse(digest) !== null,
  verify(digest, password) {
    return safely(async () => {
      const parsed = parse(digest);
      return parsed !== null && (await pbkdf2Matches(password, utf8(parsed.salt), parsed.iterations, 'sha512', parsed.hash));
    });
  },
};
