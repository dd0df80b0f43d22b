import { hash, verify } from '@node-rs/bcrypt';

/** bcrypt cost for stored backup codes: slow enough to resist guessing a leaked table, fast enough to try ten. */
const BACKUP_CODE_COST = 10;
/** Imported digests above this cost are refused: each verify_totp tries every code. */
export const MAX_IMPORTED_BACKUP_CODE_COST = 12;
const BCRYPT_DIGEST = /^\$2[aby]\$(\d{2})\$[./A-Za-z0-9]{53}$/;

export function isBcryptDigest(value: string): boolean {
  return BCRYPT_DIGEST.test(value);
}

/** A bcrypt digest whose cost is within what Roster accepts for backup codes. */
export function isAcceptableBackupCodeDigest(value: string): boolean {
  const cost = BCRYPT_DIGEST.exec(value)?.[1];
  return cost !== undefined && Number(cost) >= 4 && Number(cost) <= MAX_IMPORTED_BACKUP_CODE_COST;
}

/** Backup codes arrive plain or already as bcrypt digests (Clerk accepts both); both are stored as digests. */
export async function toBackupCodeDigest(code: string): Promise<string> {
  return isBcryptDigest(code) ? code : hash(normalizeBackupCode(code), BACKUP_CODE_COST);
}

/** Codes are compared without surrounding spaces. */
export function normalizeBackupCode(code: string): string {
  return code.trim();
}

/** Index of the digest that matches `code`, or -1. Runs the bcrypt checks in parallel on the thread pool. */
export async function findMatchingBackupCode(digests: readonly string[], code: string): Promise<number> {
  const candidate = normalizeBackupCode(code);
  if (candidate === '') return -1;
  const results = await Promise.all(digests.map((digest) => verify(candidate, digest).catch(() => false)));
  return results.indexOf(true);
}
