import { unsaltedHexHasher } from './fast-shared.js';
/**
 * Clerk `md5` (insecure): the digest is the 32-character hex MD5 of the password's UTF-8 bytes,
 * e.g. `5f4dcc3b5aa765d61d8327deb882cf99` for `password` (Clerk's own example). Either hex letter
 * case is accepted; anything else — a prefix, a salt, another length — is not an `md5` digest.
 */
export const md5Hasher = unsaltedHexHasher('md5', 'md5', 32);
//# sourceMappingURL=md5.js.map