import { fromBase64 } from '../digest-encoding.js';
import type { PasswordHasher } from '../password-hasher.js';
import { parsePbkdf2Iterations, pbkdf2Matches, safely } from './slow-shared.js';

function parse(digest: string): { iterations: number; salt: Buffer; hash: Buffer } | null {
  const parts = digest.split('$');
  if (parts.length !== 4 || parts[0] !== 'pbkdf2_sha256') return null;
  const [, iterationsText, saltText, hashText] = parts as [string, string, string, string];
  const salt = fromBase64(saltText);
  const hash = fromBase64(hashText);
  if (salt === null || hash === null || salt.length === 0) return null;
  const iterations = parsePbkdf2Iterations(iterationsText, 'sha256', hash.length);
  return iterations === null ? null : { iterations, salt, hash };
}

/**
 * `pbkdf2_sha256`, Clerk's generic form: `pbkdf2_sha256$<iterations>$<salt>$<hash>`, where "both the salt and the
 * hash are expected to be base64-encoded" (standard alphabet, `=` padding optional). The salt is used decoded — that
 * is what sets this format apart from `pbkdf2_sha256_django`, whose digests look the same but whose salt is used as
 * its text. PBKDF2-HMAC-SHA256 of the password's UTF-8 bytes, as many bytes as the hash decodes to.
 *
 * A Django digest imported under this name is read this way too: a 22-character Django salt is valid base64, so
 * it decodes and the digest never matches; import those as `pbkdf2_sha256_django`.
 *
 * The key length is the hash's own (Clerk documents none), so a hash cut at a byte boundary is the same password's
 * shorter PBKDF2 key and still verifies that password (and no other); the 16-byte floor bounds how short.
 *
 * Caps (slow-shared.ts): hash 16–128 bytes, iterations × ceil(hash length / 32) ≤ 10,000,000.
 */
export const pbkdf2Sha256Hasher: PasswordHasher = {
  name: 'pbkdf2_sha256',
  isValidDigest: (digest) => parse(digest) !== null,
  verify(digest, password) {
    return safely(async () => {
      const parsed = parse(digest);
      return parsed !== null && (await pbkdf2Matches(password, parsed.salt, parsed.iterations, 'sha256', parsed.hash));
    });
  },
};
