import { argon2idWriter } from './argon2id.js';
import { argon2iHasher } from './hashers/argon2.js';
import { bcryptPepperedHasher } from './hashers/bcrypt-peppered.js';
import { bcryptSha256DjangoHasher } from './hashers/bcrypt-sha256-django.js';
import { bcryptHasher } from './hashers/bcrypt.js';
import { ldapSshaHasher } from './hashers/ldap-ssha.js';
import { md5PhpassHasher } from './hashers/md5-phpass.js';
import { md5SaltedHasher } from './hashers/md5-salted.js';
import { md5Hasher } from './hashers/md5.js';
import { pbkdf2Sha1Hasher } from './hashers/pbkdf2-sha1.js';
import { pbkdf2Sha256DjangoHasher } from './hashers/pbkdf2-sha256-django.js';
import { pbkdf2Sha256Hasher } from './hashers/pbkdf2-sha256.js';
import { pbkdf2Sha512HexHasher } from './hashers/pbkdf2-sha512-hex.js';
import { pbkdf2Sha512Hasher } from './hashers/pbkdf2-sha512.js';
import { phpassHasher } from './hashers/phpass.js';
import { scryptFirebaseHasher } from './hashers/scrypt-firebase.js';
import { scryptWerkzeugHasher } from './hashers/scrypt-werkzeug.js';
import { sha256SaltedHasher } from './hashers/sha256-salted.js';
import { sha256Hasher } from './hashers/sha256.js';
import { sha512SymfonyHasher } from './hashers/sha512-symfony.js';
import { createVerificationPool } from './verification-pool.js';
/** Every format Roster verifies, by Clerk's `password_hasher` name. */
export const ALL_HASHERS = [
    argon2iHasher,
    argon2idWriter,
    bcryptHasher,
    bcryptPepperedHasher,
    bcryptSha256DjangoHasher,
    ldapSshaHasher,
    md5Hasher,
    md5PhpassHasher,
    md5SaltedHasher,
    pbkdf2Sha1Hasher,
    pbkdf2Sha256Hasher,
    pbkdf2Sha256DjangoHasher,
    pbkdf2Sha512Hasher,
    pbkdf2Sha512HexHasher,
    phpassHasher,
    scryptFirebaseHasher,
    scryptWerkzeugHasher,
    sha256Hasher,
    sha256SaltedHasher,
    sha512SymfonyHasher,
];
/**
 * A registry of `hashers`, writing with argon2id. Each registry has its own pool for imported-digest checks
 * (one per app: it is built in the composition root), unless `importedDigestChecks` is given.
 */
export function createHasherRegistry(hashers = ALL_HASHERS, options = {}) {
    const byName = new Map(hashers.map((hasher) => [hasher.name, hasher]));
    return {
        preferred: argon2idWriter,
        get: (name) => byName.get(name),
        names: () => [...byName.keys()].sort(),
        importedDigestChecks: options.importedDigestChecks ?? createVerificationPool(),
    };
}
//# sourceMappingURL=registry.js.map