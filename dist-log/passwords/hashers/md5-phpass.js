import { phpassPortableHasher } from './fast-shared.js';
/**
 * Clerk `md5_phpass`: the MD5-based phpass portable hash, `$H$<count><salt><checksum>` as phpBB3
 * stores it, or `$P$<count><salt><checksum>` as phpass and WordPress store it. Both prefixes name the
 * same algorithm with identical checksums: phpass's own `crypt_private` accepts both ("We use $P$,
 * phpBB3 uses $H$ for the same thing"), as do Drupal 7's `_password_crypt('md5', …)` and passlib.
 *
 * Clerk lists `md5_phpass` without documenting its digest. Roster reads the name as "phpass's
 * MD5-based portable hash" (as opposed to Drupal 7's SHA-512 `$S$` variant) and accepts both
 * prefixes; the parts are as for `phpass`: one count character (log2 of the iteration count), 8 salt
 * characters and a 22-character checksum, all from `./0-9A-Za-z`.
 *
 * hash = md5(salt ‖ password), then 2^count times hash = md5(hash ‖ password). Passwords longer than
 * 4096 UTF-8 bytes never verify. Cost: log2 counts 7..19 (phpass allows up to 30), computed in slices
 * that yield to the event loop. phpBB3 writes 11 (`9`). As for `phpass`, a password over the work
 * budget for the digest's count (stretch.ts; at 2^19, over 103 bytes) never verifies and costs nothing.
 */
export const md5PhpassHasher = phpassPortableHasher('md5_phpass', ['$H$', '$P$']);
//# sourceMappingURL=md5-phpass.js.map