import { phpassPortableHasher } from './fast-shared.js';
/**
 * Clerk `phpass`: the phpass portable hash as WordPress stores it, `$P$<count><salt><checksum>`:
 * - `$P$` prefix (Clerk documents this prefix only; phpBB3's `$H$` is `md5_phpass`);
 * - count: one character of `./0-9A-Za-z` whose index is log2 of the MD5 iteration count;
 * - salt: 8 characters of `./0-9A-Za-z`;
 * - checksum: 22 characters, phpass's base64 of the 16-byte MD5 (the last one of `./01`).
 *
 * hash = md5(salt ‖ password), then 2^count times hash = md5(hash ‖ password) — phpass 0.5
 * `crypt_private`, byte for byte. Passwords longer than 4096 UTF-8 bytes never verify (phpass
 * refuses them too).
 *
 * Cost: phpass allows log2 counts 7..30; Roster accepts 7..19 (a digest outside is invalid) and
 * computes the iterations in slices that yield to the event loop. WordPress writes 13 (`B`). Each
 * iteration rehashes the password, so the work is also held to a budget (stretch.ts): a password
 * over it for the digest's count (at 2^19, over 103 bytes) never verifies and costs nothing.
 */
export const phpassHasher = phpassPortableHasher('phpass', ['$P$']);
//# sourceMappingURL=phpass.js.map