import { bcryptKeyIsWhole, bcryptMatches, parseBcrypt, safely, utf8 } from './slow-shared.js';
/** The bcrypt hash is 60 characters; the pepper follows after a `$`. */
const BCRYPT_LENGTH = 60;
function parse(digest) {
    if (digest.length < BCRYPT_LENGTH + 2 || digest[BCRYPT_LENGTH] !== '$')
        return null;
    const bcrypt = parseBcrypt(digest.slice(0, BCRYPT_LENGTH));
    return bcrypt ? { bcrypt, pepper: digest.slice(BCRYPT_LENGTH + 1) } : null;
}
/**
 * `bcrypt_peppered`: Devise's bcrypt with a pepper, `$<2a|2b|2y>$<cost>$<salt & hash>$<pepper>`. Devise
 * (lib/devise/encryptor.rb) hashes `"#{password}#{pepper}"`: the password followed by the pepper, as UTF-8 bytes,
 * with bcrypt-ruby (`$2a$`). Since the bcrypt hash has a fixed 60 characters, the pepper is everything after the
 * 61st character and may itself hold `$`; it must not be empty (an unpeppered hash is `bcrypt`).
 *
 * bcrypt reads the first 72 bytes of password+pepper, exactly as in Devise: a password of 72 bytes or more makes the
 * pepper irrelevant, and a shorter one only uses the pepper's first 72−n bytes. Only when password+pepper is under 72
 * bytes does the digest accept that one password alone (`acceptsOnly`); otherwise every password agreeing on the first
 * 72 bytes of password+pepper verifies, and the digest is kept. Devise's generated pepper (128 hex characters) is
 * always past that, so its digests are never re-hashed.
 */
export const bcryptPepperedHasher = {
    name: 'bcrypt_peppered',
    isValidDigest: (digest) => parse(digest) !== null,
    verify(digest, password) {
        return safely(async () => {
            const parsed = parse(digest);
            return parsed !== null && (await bcryptMatches(parsed.bcrypt, utf8(password + parsed.pepper)));
        });
    },
    acceptsOnly(digest, password) {
        const parsed = parse(digest);
        return parsed !== null && bcryptKeyIsWhole(utf8(password + parsed.pepper));
    },
};
//# sourceMappingURL=bcrypt-peppered.js.map