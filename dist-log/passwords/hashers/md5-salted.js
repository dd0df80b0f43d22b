import { saltedHexHasher } from './fast-shared.js';
/**
 * Clerk `md5_salted` (insecure): `salt$hash`, where salt is the literal salt string (non-empty, no
 * `$`) and hash is 32 hex characters (either case).
 *
 * hash = hex(md5(utf8(password) ‖ utf8(salt))) — password first, then salt.
 *
 * Clerk's documentation gives only the `salt$hash` shape, not the concatenation order, and no
 * public Clerk source or discussion states it. Roster uses password-then-salt, the most common
 * legacy convention: PHP's `md5($password . $salt)`, hashcat mode 10 `md5($pass.$salt)`,
 * Joomla < 2.5.18. A digest made as md5(salt ‖ password) does not verify.
 */
export const md5SaltedHasher = saltedHexHasher('md5_salted', 'md5', 32);
//# sourceMappingURL=md5-salted.js.map