import { pbkdf2Format, utf8 } from './slow-shared.js';
/** SHA-256's size: Django's PBKDF2PasswordHasher derives exactly this many bytes. */
const KEY_LENGTH = 32;
/** Django compares its own base64 (padded, standard alphabet) of the 32 bytes: nothing else can match. */
function decodeHash(text) {
    const hash = Buffer.from(text, 'base64');
    return hash.length === KEY_LENGTH && hash.toString('base64') === text ? hash : null;
}
/**
 * `pbkdf2_sha256_django`: Django's PBKDF2PasswordHasher, `pbkdf2_sha256$<iterations>$<salt>$<hash>` exactly as
 * django/contrib/auth/hashers.py encodes it: PBKDF2-HMAC-SHA256 of the password's UTF-8 bytes with the salt's UTF-8
 * text (never decoded, even when it looks like base64; it may hold any character but `$`), 32 bytes, written as
 * padded standard base64 (44 characters). Django's verify re-encodes and compares the whole string, so only that
 * canonical base64 is valid.
 *
 * Caps (slow-shared.ts): iterations ≤ 3,000,000 (Django 3.2 uses 260,000, 5.x 870,000–1,000,000, 6.0 1,200,000).
 */
export const pbkdf2Sha256DjangoHasher = pbkdf2Format({
    name: 'pbkdf2_sha256_django',
    prefix: 'pbkdf2_sha256',
    digest: 'sha256',
    decodeSalt: utf8,
    decodeHash,
});
//# sourceMappingURL=pbkdf2-sha256-django.js.map