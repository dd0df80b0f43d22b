import { bcryptKeyIsWhole, bcryptMatches, parseBcrypt, safely, utf8 } from './slow-shared.js';
/**
 * `bcrypt`: a modular-crypt bcrypt hash, `$<2a|2b|2y>$<cost>$<22-char salt><31-char checksum>` (60 characters),
 * as PHP's password_hash (`$2y$`), Python's bcrypt (`$2b$`) and Ruby's bcrypt-ruby / OpenBSD (`$2a$`) write it.
 * The three prefixes are one algorithm for these purposes; `$2x$` (crypt_blowfish's marker for its old
 * sign-extension bug) and `$2$` are refused.
 *
 * The password's UTF-8 bytes are hashed, of which bcrypt reads the first 72, like every original ecosystem (a
 * password differing only after byte 72 verifies). A password of 72 bytes or more therefore stands for all that share
 * its first 72, and its digest is kept rather than re-hashed (`acceptsOnly`). A NUL byte is hashed as a byte: C implementations (PHP, Ruby)
 * would stop at it, Python's bcrypt refuses it; a password with NUL in it is not something a sign-in form sends.
 *
 * Cost must lie in 4–13 (BCRYPT_MAX_COST in slow-shared.ts); a digest outside it is invalid.
 */
export const bcryptHasher = {
    name: 'bcrypt',
    isValidDigest: (digest) => parseBcrypt(digest) !== null,
    verify(digest, password) {
        return safely(async () => {
            const parsed = parseBcrypt(digest);
            return parsed !== null && (await bcryptMatches(parsed, utf8(password)));
        });
    },
    acceptsOnly: (_digest, password) => bcryptKeyIsWhole(utf8(password)),
};
//# sourceMappingURL=bcrypt.js.map