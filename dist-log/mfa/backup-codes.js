import { timingSafeEqual } from 'node:crypto';
import { verify as bcryptVerify } from '@node-rs/bcrypt';
/**
 * How a plain backup code is stored: `hmac-sha256$` and the base64url of its keyed hash (lib/keyed-hash.ts, under
 * the instance key). Backup codes are random, high-entropy values, so one HMAC is enough: a leaked table without
 * the instance key gives nothing to guess against, and checking a code costs one HMAC whatever the number of codes.
 */
export const KEYED_BACKUP_CODE_PREFIX = 'hmac-sha256$';
const KEYED_BACKUP_CODE = /^hmac-sha256\$([A-Za-z0-9_-]{43})$/;
/** The cost range of an imported bcrypt backup code. */
export const MIN_IMPORTED_BACKUP_CODE_COST = 4;
export const MAX_IMPORTED_BACKUP_CODE_COST = 12;
/**
 * The most bcrypt work a user's imported backup codes may hold, in rounds (Σ 2^cost): a wrong code is checked
 * against each of them, one after another, so this bounds its cost below about 1 s of one core. That is 12 codes
 * of cost 10 (Clerk makes 10), 6 of cost 11, or 3 of cost 12.
 */
export const MAX_IMPORTED_BACKUP_CODE_ROUNDS = 12 * 2 ** 10;
const BCRYPT_DIGEST = /^\$2[aby]\$(\d{2})\$[./A-Za-z0-9]{53}$/;
/** Imported codes are either plain or bcrypt digests (Clerk accepts both); this tells them apart. */
export function isBcryptDigest(value) {
    return BCRYPT_DIGEST.test(value);
}
/** Codes are compared without surrounding spaces. */
export function normalizeBackupCode(code) {
    return code.trim();
}
/** Why these imported `backup_codes` cannot be stored (their bcrypt digests cost too much), or null. */
export function backupCodeImportProblem(codes) {
    let rounds = 0;
    for (const code of codes) {
        const cost = BCRYPT_DIGEST.exec(code)?.[1];
        if (cost === undefined)
            continue;
        if (Number(cost) < MIN_IMPORTED_BACKUP_CODE_COST || Number(cost) > MAX_IMPORTED_BACKUP_CODE_COST) {
            return `bcrypt digests in backup_codes must have a cost between ${MIN_IMPORTED_BACKUP_CODE_COST} and ${MAX_IMPORTED_BACKUP_CODE_COST}.`;
        }
        rounds += 2 ** Number(cost);
    }
    return rounds > MAX_IMPORTED_BACKUP_CODE_ROUNDS
        ? `The bcrypt digests in backup_codes cost too much together: at most 12 of cost 10, 6 of cost 11 or 3 of cost 12 (2^cost summed up to ${MAX_IMPORTED_BACKUP_CODE_ROUNDS}). Plain codes have no such limit.`
        : null;
}
export function createBackupCodes(keyedHash) {
    const toKeyed = (code) => `${KEYED_BACKUP_CODE_PREFIX}${keyedHash.digest(normalizeBackupCode(code)).toString('base64url')}`;
    return {
        toStored: (code) => (isBcryptDigest(code) ? code : toKeyed(code)),
        hasBcrypt: (stored) => stored.some(isBcryptDigest),
        async find(stored, code) {
            const candidate = normalizeBackupCode(code);
            if (candidate === '')
                return -1;
            const mac = keyedHash.digest(candidate);
            let found = -1;
            stored.forEach((form, index) => {
                const keyed = KEYED_BACKUP_CODE.exec(form)?.[1];
                // Every keyed form is compared, so the time does not depend on which one matched.
                if (keyed !== undefined && timingSafeEqual(Buffer.from(keyed, 'base64url'), mac) && found < 0)
                    found = index;
            });
            if (found >= 0)
                return found;
            for (const [index, form] of stored.entries()) {
                if (isBcryptDigest(form) && (await bcryptVerify(candidate, form).catch(() => false)))
                    return index;
            }
            return -1;
        },
    };
}
//# sourceMappingURL=backup-codes.js.map