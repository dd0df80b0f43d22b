import type { PasswordHasher } from '../password-hasher.js';
import { parsePbkdf2Iterations, pbkdf2Matches, safely, utf8 } from './slow-shared.js';

/** SHA-256's size: Django's PBKDF2PasswordHasher derives exactly this many bytes. */
const KEY_LENGTH = 32;

function parse(digest: string): { iterations: number; salt: string; hash: Buffer } | null {
  const parts = digest.split('$');
  if (parts.length !== 4 || parts[0] !== 'pbkdf2_sha256') return null;
  const [, iterationsText, salt, hashText] = parts as [string, string, string, string];
  if (salt === '') return null;
  // Django compares its own base64 (padded, standard alphabet) of the 32 bytes: nothing else can match.
  const hash = Buffer.from(hashText, 'base64');
  if (hash.length !== KEY_LENGTH || hash.toString('base64') !== hashText) return null;
  const iterations = parsePbkdf2Iterations(iterationsText, 'sha256', KEY_LENGTH);
  return iterations === null ? null : { iterations, salt, hash };
}

/**
 * `pbkdf2_sha256_django`: Django's PBKDF2PasswordHasher, `pbkdf2_sha256$<iterations>$<salt>$<hash>` exactly as
 * django/contrib/auth/hashers.py encodes it: PBKDF2-HMAC-SHA256 of the password's UTF-8 bytes with the salt's UTF-8
 * text (never decoded, even when it looks like base64; it may hold any character but `$`), 32 bytes, written as
 * padded standard base64 (44 characters). Django's verify re-encodes and compares the whole string, so only that
 * canonical base64 is valid.
 *
 * Caps (slow-shared.ts): iterations ≤ 10,000,000 (Django 3.2 uses 260,000, 5.x 870,000–1,000,000).
 */
export const pbkdf2Sha256DjangoHasher: PasswordHasher = {
  name: 'pbkdf2_sha256_django',
  isValidDigest: (digest) => parse(digest) !== null,
  verify(digest, password) {
    return safely(async () => {
      const parsed = parse(digest);
      return parsed !== null && (await pbkdf2Matches(password, utf8(parsed.salt), parsed.iterations, 'sha256', parsed.hash));
    });
  },
};
