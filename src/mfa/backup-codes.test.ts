import { hash as bcryptHash } from '@node-rs/bcrypt';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createKeyedHash, type KeyedHash } from '../lib/keyed-hash.js';
import {
  backupCodeImportProblem,
  createBackupCodes,
  isBcryptDigest,
  KEYED_BACKUP_CODE_PREFIX,
  MAX_IMPORTED_BACKUP_CODE_ROUNDS,
} from './backup-codes.js';

// Counts bcrypt verifications, so the tests can tell a keyed check from a bcrypt one.
const bcryptCalls = vi.hoisted(() => ({ count: 0 }));
vi.mock('@node-rs/bcrypt', async (importOriginal) => {
  const original = await importOriginal<typeof import('@node-rs/bcrypt')>();
  return {
    ...original,
    verify: (...args: Parameters<typeof original.verify>) => {
      bcryptCalls.count++;
      return original.verify(...args);
    },
  };
});

const KEY = Buffer.alloc(32, 5);

/** The instance's keyed hash, counting how often it runs. */
function countingHash(): KeyedHash & { calls: number } {
  const real = createKeyedHash(KEY, 'backup-codes');
  const counted = {
    calls: 0,
    digest(message: string) {
      counted.calls++;
      return real.digest(message);
    },
  };
  return counted;
}

/** A syntactically valid bcrypt digest of the given cost (never computed). */
const bcryptOfCost = (cost: number) => `$2b$${String(cost).padStart(2, '0')}$${'a'.repeat(53)}`;

describe('backup codes', () => {
  beforeEach(() => {
    bcryptCalls.count = 0;
  });

  it('stores a plain code as its keyed hash: the hmac-sha256$ prefix and 43 base64url characters, never bcrypt', () => {
    const codes = createBackupCodes(countingHash());
    const stored = codes.toStored('abcd-1234');
    expect(stored.startsWith(KEYED_BACKUP_CODE_PREFIX)).toBe(true);
    expect(stored).toMatch(/^hmac-sha256\$[A-Za-z0-9_-]{43}$/);
    expect(isBcryptDigest(stored)).toBe(false);
    expect(stored).toBe(`${KEYED_BACKUP_CODE_PREFIX}${createKeyedHash(KEY, 'backup-codes').digest('abcd-1234').toString('base64url')}`);
    // Surrounding spaces are not part of a code.
    expect(codes.toStored('  abcd-1234 ')).toBe(stored);
    // Another instance key stores another value.
    expect(createBackupCodes(createKeyedHash(Buffer.alloc(32, 6), 'backup-codes')).toStored('abcd-1234')).not.toBe(stored);
  });

  it('keeps an imported bcrypt digest as it is', () => {
    const digest = bcryptOfCost(10);
    expect(createBackupCodes(countingHash()).toStored(digest)).toBe(digest);
  });

  it('checks a code with one HMAC, whatever the number of stored codes, and no bcrypt', async () => {
    const hash = countingHash();
    const codes = createBackupCodes(hash);
    const stored = Array.from({ length: 50 }, (_, i) => codes.toStored(`code-${i}`));
    hash.calls = 0;
    expect(await codes.find(stored, 'code-37')).toBe(37);
    expect(hash.calls).toBe(1);
    expect(await codes.find(stored, ' code-0 ')).toBe(0);
    expect(await codes.find(stored, 'code-50')).toBe(-1);
    expect(await codes.find(stored, '')).toBe(-1);
    expect(hash.calls).toBe(3);
    expect(bcryptCalls.count).toBe(0);
    expect(codes.hasBcrypt(stored)).toBe(false);
  });

  it('checks bcrypt forms (imported, or stored before keyed hashes) only when no keyed form matches', async () => {
    const codes = createBackupCodes(countingHash());
    const stored = [codes.toStored('plain-1'), await bcryptHash('legacy-1', 4), await bcryptHash('legacy-2', 4)];
    expect(codes.hasBcrypt(stored)).toBe(true);
    expect(await codes.find(stored, 'plain-1')).toBe(0);
    expect(bcryptCalls.count).toBe(0);
    expect(await codes.find(stored, 'legacy-2')).toBe(2);
    expect(bcryptCalls.count).toBe(2);
    bcryptCalls.count = 0;
    expect(await codes.find(stored, 'wrong')).toBe(-1);
    expect(bcryptCalls.count).toBe(2);
  });

  it('a stored form that is neither keyed nor bcrypt never matches', async () => {
    const codes = createBackupCodes(countingHash());
    const keyed = codes.toStored('code');
    expect(await codes.find([`${keyed}x`, keyed.slice(0, -1), keyed.replace('hmac-sha256$', 'hmac-sha1$'), 'code'], 'code')).toBe(-1);
  });
});

describe('backup-code import limits', () => {
  it('accepts plain codes, however many', () => {
    expect(backupCodeImportProblem(Array.from({ length: 50 }, (_, i) => `code-${i}`))).toBeNull();
  });

  it('accepts bcrypt digests of cost 4 to 12 up to 12·2^10 rounds together: 12 of cost 10, 6 of 11, 3 of 12', () => {
    expect(MAX_IMPORTED_BACKUP_CODE_ROUNDS).toBe(12 * 2 ** 10);
    expect(backupCodeImportProblem(Array(12).fill(bcryptOfCost(10)))).toBeNull();
    expect(backupCodeImportProblem(Array(6).fill(bcryptOfCost(11)))).toBeNull();
    expect(backupCodeImportProblem(Array(3).fill(bcryptOfCost(12)))).toBeNull();
    expect(backupCodeImportProblem([...Array(16).fill(bcryptOfCost(4)), 'plain', ...Array(11).fill(bcryptOfCost(10))])).toBeNull();
  });

  it('refuses a cost outside 4–12, and bcrypt digests that cost more than 12·2^10 rounds together', () => {
    expect(backupCodeImportProblem([bcryptOfCost(13)])).toMatch(/cost between 4 and 12/);
    expect(backupCodeImportProblem([bcryptOfCost(3)])).toMatch(/cost between 4 and 12/);
    expect(backupCodeImportProblem(Array(13).fill(bcryptOfCost(10)))).toMatch(/cost too much together/);
    expect(backupCodeImportProblem(Array(4).fill(bcryptOfCost(12)))).toMatch(/cost too much together/);
    expect(backupCodeImportProblem([...Array(12).fill(bcryptOfCost(10)), bcryptOfCost(4)])).toMatch(/cost too much together/);
    expect(backupCodeImportProblem(Array(50).fill(bcryptOfCost(12)))).toMatch(/cost too much together/);
  });
});
