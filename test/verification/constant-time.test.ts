// A code is checked by comparing two keyed hashes of equal length with crypto.timingSafeEqual: the time an
// attempt takes does not depend on how many leading characters of a guess were right.
import { randomBytes } from 'node:crypto';
import * as crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createManualClock } from '../../src/lib/clock.js';
import { createDatabase, type RosterDatabase } from '../../src/storage/database.js';
import { migrateToLatest } from '../../src/storage/migrate.js';
import { createVerificationCodes, sameDigest } from '../../src/verification/verification-codes.js';

vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:crypto')>();
  return { ...actual, timingSafeEqual: vi.fn(actual.timingSafeEqual) };
});

describe('constant-time comparison of codes', () => {
  let database: RosterDatabase;

  beforeAll(async () => {
    database = await createDatabase({ databaseUrl: null, sqliteFile: ':memory:' });
    await migrateToLatest(database);
  });

  afterAll(async () => database?.close());

  it.each([
    ['a right code', (code: string) => code],
    ['a wrong code of the same length', (code: string) => `${code.slice(0, 5)}${code[5] === '0' ? '1' : '0'}`],
    ['a wrong code of another length', (code: string) => `${code}0000`],
  ])('%s is compared as two 32-byte digests with timingSafeEqual', async (_name, guess) => {
    const codes = createVerificationCodes({ database, clock: createManualClock(Date.now()), instanceKey: randomBytes(32) });
    const subject = `test:${randomBytes(4).toString('hex')}`;
    const { code } = await codes.issue(subject);
    const spy = vi.mocked(crypto.timingSafeEqual);
    spy.mockClear();
    await codes.attempt(subject, guess(code));
    expect(spy).toHaveBeenCalledTimes(1);
    const [a, b] = spy.mock.calls[0]!;
    expect((a as Buffer).length).toBe(32);
    expect((b as Buffer).length).toBe(32);
  });

  it('sameDigest is false for digests of different lengths (timingSafeEqual would throw)', () => {
    expect(sameDigest(Buffer.alloc(32), Buffer.alloc(31))).toBe(false);
    expect(sameDigest(Buffer.alloc(32, 1), Buffer.alloc(32, 1))).toBe(true);
    expect(sameDigest(Buffer.alloc(32, 1), Buffer.alloc(32, 2))).toBe(false);
  });
});
