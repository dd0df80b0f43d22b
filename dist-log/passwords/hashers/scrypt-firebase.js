import { createCipheriv } from 'node:crypto';
import { bytesEqual, fromBase64, parsePositiveInteger } from '../digest-encoding.js';
import { hmacKeyIsOnlyOne, safely, scrypt, scryptParametersAllowed, utf8 } from './slow-shared.js';
/** Firebase's scrypt derives 64 bytes, of which the first 32 are the AES-256 key. */
const DERIVED_KEY_BYTES = 64;
/** mem_cost is log2(N); N ≤ 2^18 (slow-shared.ts). Firebase itself uses 14. */
const MAX_MEMORY_COST = 18;
function parse(digest) {
    const parts = digest.split('$');
    if (parts.length !== 6)
        return null;
    const [hashText, saltText, signerKeyText, separatorText, roundsText, memoryCostText] = parts;
    const hash = fromBase64(hashText);
    const salt = fromBase64(saltText);
    const signerKey = fromBase64(signerKeyText);
    // Firebase projects have a separator (usually `Bw==`); an empty one is concatenated as nothing.
    const saltSeparator = separatorText === '' ? Buffer.alloc(0) : fromBase64(separatorText);
    const rounds = parsePositiveInteger(roundsText);
    const memoryCost = parsePositiveInteger(memoryCostText);
    if (!hash || !salt || !signerKey || !saltSeparator || rounds === null || memoryCost === null)
        return null;
    if (hash.length === 0 || salt.length === 0 || signerKey.length === 0)
        return null;
    // AES-CTR keeps the length: the hash is the signer key, encrypted.
    if (hash.length !== signerKey.length)
        return null;
    if (memoryCost > MAX_MEMORY_COST || !scryptParametersAllowed(2 ** memoryCost, rounds, 1))
        return null;
    return { hash, salt, signerKey, saltSeparator, rounds, memoryCost };
}
/**
 * `scrypt_firebase`: Firebase Authentication's modified scrypt, in Clerk's form
 * `<hash>$<salt>$<signer key>$<salt separator>$<rounds>$<memory cost>`: the user's exported password hash and salt,
 * then the project's base64_signer_key, base64_salt_separator, rounds and mem_cost (all base64 standard alphabet,
 * padding optional; the separator may be empty). As in firebase/scrypt: key = scrypt(password, salt ‖ separator,
 * N = 2^mem_cost, r = rounds, p = 1, 64 bytes), and the hash is the signer key encrypted with AES-256-CTR under the
 * key's first 32 bytes and an all-zero counter block. The scrypt runs on the thread pool; the AES step is one block
 * or four and is done inline.
 *
 * Caps: mem_cost ≤ 18 and the scrypt caps of slow-shared.ts (128·N·rounds ≤ 64 MiB, N·rounds ≤ 2^20; Firebase's
 * own mem_cost 14, rounds 8 needs 16 MiB). The hash must be as long as the signer key.
 */
export const scryptFirebaseHasher = {
    name: 'scrypt_firebase',
    isValidDigest: (digest) => parse(digest) !== null,
    verify(digest, password) {
        return safely(async () => {
            const parsed = parse(digest);
            if (parsed === null)
                return false;
            const key = await scrypt(utf8(password), Buffer.concat([parsed.salt, parsed.saltSeparator]), DERIVED_KEY_BYTES, 2 ** parsed.memoryCost, parsed.rounds, 1);
            const cipher = createCipheriv('aes-256-ctr', key.subarray(0, 32), Buffer.alloc(16));
            return bytesEqual(Buffer.concat([cipher.update(parsed.signerKey), cipher.final()]), parsed.hash);
        });
    },
    // scrypt's first and last steps are PBKDF2-HMAC-SHA256 keyed with the password.
    acceptsOnly: (_digest, password) => hmacKeyIsOnlyOne(password, 'sha256'),
};
//# sourceMappingURL=scrypt-firebase.js.map