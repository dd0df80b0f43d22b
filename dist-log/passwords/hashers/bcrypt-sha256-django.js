import { createHash } from 'node:crypto';
import { bcryptMatches, parseBcrypt, safely, utf8 } from './slow-shared.js';
const PREFIX = 'bcrypt_sha256$';
/**
 * `bcrypt_sha256_django`: Django's BCryptSHA256PasswordHasher, `bcrypt_sha256$<bcrypt hash>`, e.g.
 * `bcrypt_sha256$$2b$12$<22-char salt><31-char checksum>` (the `$$` is the algorithm's `$` separator followed by
 * the bcrypt hash's own leading `$`). As in django/contrib/auth/hashers.py, bcrypt is fed
 * `hexlify(sha256(password.encode()))`: 64 lowercase hex characters, so no 72-byte truncation of the password.
 * The embedded hash follows the `bcrypt` rules (2a/2b/2y, cost 4–13, canonical salt).
 */
export const bcryptSha256DjangoHasher = {
    name: 'bcrypt_sha256_django',
    isValidDigest: (digest) => digest.startsWith(PREFIX) && parseBcrypt(digest.slice(PREFIX.length)) !== null,
    verify(digest, password) {
        return safely(async () => {
            if (!digest.startsWith(PREFIX))
                return false;
            const parsed = parseBcrypt(digest.slice(PREFIX.length));
            if (parsed === null)
                return false;
            const prehashed = createHash('sha256').update(utf8(password)).digest('hex');
            return bcryptMatches(parsed, Buffer.from(prehashed, 'latin1'));
        });
    },
};
//# sourceMappingURL=bcrypt-sha256-django.js.map