import { fromHex, parsePositiveInteger } from '../digest-encoding.js';
import type { PasswordHasher } from '../password-hasher.js';
import { parsePbkdf2Iterations, pbkdf2Matches, safely, utf8 } from './slow-shared.js';

/** Clerk: "Optionally accepts the key length as the last parameter (defaults to 32)". */
const DEFAULT_KEY_LENGTH = 32;

function parse(digest: string): { iterations: number; salt: Buffer; hash: Buffer } | null {
  const parts = digest.split('$');
  if ((parts.length !== 4 && parts.length !== 5) || parts[0] !== 'pbkdf2_sha1') return null;
  const [, iterationsText, saltText, hashText, keyLengthText] = parts as [string, string, string, string, string | undefined];
  if (saltText === '') return null;
  const hash = fromHex(hashText);
  const keyLength = keyLengthText === undefined ? DEFAULT_KEY_LENGTH : parsePositiveInteger(keyLengthText);
  if (hash === null || keyLength === null || hash.length !== keyLength) return null;
  const iterations = parsePbkdf2Iterations(iterationsText, 'sha1', keyLength);
  if (iterations === null) return null;
  return { iterations, salt: fromHex(saltText) ?? utf8(saltText), hash };
}

/**
 * `pbkdf2_sha1`, Clerk's form: `pbkdf2_sha1$<iterations>$<salt>$<hash-as-hex>` or
 * `pbkdf2_sha1$<iterations>$<salt>$<hash-as-hex>$<key-length>`; PBKDF2-HMAC-SHA1 of the password's UTF-8 bytes.
 * As Clerk documents: the salt is hex-decoded when it is valid hex (an even number of hex digits, either case),
 * otherwise its UTF-8 bytes are used (so a text salt that happens to look like hex, e.g. `deadbeef`, is decoded —
 * Clerk's rule, not a guess); the key length defaults to 32 bytes.
 *
 * Clerk does not say what happens when the hash's length differs from the key length; here they must agree (a
 * 20-byte SHA-1-sized hash needs an explicit `$20`), otherwise the digest is invalid rather than never matching.
 *
 * Caps (slow-shared.ts): key length 16–128 bytes, iterations × ceil(key length / 20) ≤ 10,000,000.
 */
export const pbkdf2Sha1Hasher: PasswordHasher = {
  name: 'pbkdf2_sha1',
  isValidDigest: (digest) => parse(digest) !== null,
  verify(digest, password) {
    return safely(async () => {
      const parsed = parse(digest);
      return parsed !== null && (await pbkdf2Matches(password, parsed.salt, parsed.iterations, 'sha1', parsed.hash));
    });
  },
};
