import { createHash } from 'node:crypto';
import { bytesEqual } from '../digest-encoding.js';
import { fromCanonicalBase64, neverThrows, utf8 } from './fast-shared.js';
const SHA1_BYTES = 20;
/** Salt bytes accepted after the SHA-1: OpenLDAP's slappasswd writes 4, passlib 4–16, others 8. */
const MIN_SALT_BYTES = 1;
const MAX_SALT_BYTES = 64;
function parse(digest) {
    // RFC 2307 scheme names are case-insensitive ({SSHA} and {ssha} are the same scheme).
    if (digest.slice(0, 6).toUpperCase() !== '{SSHA}')
        return null;
    const decoded = fromCanonicalBase64(digest.slice(6));
    if (decoded === null)
        return null;
    const saltBytes = decoded.length - SHA1_BYTES;
    if (saltBytes < MIN_SALT_BYTES || saltBytes > MAX_SALT_BYTES)
        return null;
    return { hash: decoded.subarray(0, SHA1_BYTES), salt: decoded.subarray(SHA1_BYTES) };
}
/**
 * Clerk `ldap_ssha`: the RFC 2307 / OpenLDAP salted SHA-1 `userPassword` value,
 * `{SSHA}` + base64(sha1(password ‖ salt) ‖ salt) — standard padded base64 of the 20-byte SHA-1
 * followed by the raw salt (1 to 64 bytes; slappasswd uses 4). The `{SSHA}` label is matched
 * case-insensitively, as OpenLDAP does. Clerk names the format (linking OpenLDAP's FAQ) without
 * describing it further; this is the form slappasswd and passlib's `ldap_salted_sha1` write.
 */
export const ldapSshaHasher = {
    name: 'ldap_ssha',
    isValidDigest: (digest) => parse(digest) !== null,
    verify: (digest, password) => neverThrows(() => {
        const parsed = parse(digest);
        if (parsed === null)
            return false;
        return bytesEqual(createHash('sha1').update(utf8(password)).update(parsed.salt).digest(), parsed.hash);
    }),
};
//# sourceMappingURL=ldap-ssha.js.map