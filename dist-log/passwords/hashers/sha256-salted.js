import { saltedHexHasher } from './fast-shared.js';
/**
 * Clerk `sha256_salted` (insecure): `salt$hash`, where salt is the literal salt string (non-empty,
 * no `$`) and hash is 64 hex characters (either case).
 *
 * hash = hex(sha256(utf8(password) ‖ utf8(salt))) — password first, then salt.
 *
 * Clerk's documentation gives only the `salt$hash` shape, not the concatenation order, and no
 * public Clerk source or discussion states it. Roster uses password-then-salt, the same order as
 * `md5_salted` and the most common legacy convention (PHP's `hash('sha256', $password . $salt)`,
 * hashcat mode 1410 `sha256($pass.$salt)`). A digest made as sha256(salt ‖ password) does not verify.
 */
export const sha256SaltedHasher = saltedHexHasher('sha256_salted', 'sha256', 64);
//# sourceMappingURL=sha256-salted.js.map