import { unsaltedHexHasher } from './fast-shared.js';
/**
 * Clerk `sha256` (insecure): the digest is the 64-character hex SHA-256 of the password's UTF-8
 * bytes, e.g. `9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08` for `test` (Clerk's
 * own example). Either hex letter case is accepted.
 */
export const sha256Hasher = unsaltedHexHasher('sha256', 'sha256', 64);
//# sourceMappingURL=sha256.js.map