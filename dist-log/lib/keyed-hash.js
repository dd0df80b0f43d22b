import { createHmac, hkdfSync } from 'node:crypto';
const KEY_BYTES = 32;
/**
 * A keyed hash whose key is derived from the instance key with HKDF-SHA256, under `purpose` as HKDF's info
 * (`roster keyed-hash <purpose>`): each purpose gets an independent key, and none is the key that seals secrets
 * (lib/secret-box.ts), so a value hashed for one use cannot be replayed as another.
 */
export function createKeyedHash(instanceKey, purpose) {
    if (instanceKey.length !== 32)
        throw new Error('the instance key must be 32 bytes');
    if (purpose === '')
        throw new Error('a keyed hash needs a purpose');
    const key = Buffer.from(hkdfSync('sha256', instanceKey, Buffer.alloc(0), `roster keyed-hash ${purpose}`, KEY_BYTES));
    return { digest: (message) => createHmac('sha256', key).update(message, 'utf8').digest() };
}
//# sourceMappingURL=keyed-hash.js.map