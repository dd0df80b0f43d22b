import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
export function createSecretBox(key) {
    if (key.length !== 32)
        throw new Error('the instance key must be 32 bytes');
    return {
        seal(plaintext) {
            const iv = randomBytes(IV_BYTES);
            const cipher = createCipheriv('aes-256-gcm', key, iv);
            const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
            return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
        },
        open(sealed) {
            const [version, payload] = sealed.split('.', 2);
            if (version !== VERSION || !payload)
                throw new Error('unknown sealed-secret format');
            const bytes = Buffer.from(payload, 'base64');
            const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES));
            decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
            return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
        },
    };
}
//# sourceMappingURL=secret-box.js.map