import type { createHash as CreateHash } from 'node:crypto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { phpassEncode64 } from './fast-shared.js';
import { md5PhpassHasher } from './md5-phpass.js';
import { phpassHasher } from './phpass.js';
import { sha512SymfonyHasher } from './sha512-symfony.js';
import { hashBlocks, STRETCH_BUDGET_BLOCKS, withinStretchBudget } from './stretch.js';
import { countTurnsDuring } from '../../../test/helpers/event-loop.js';

// Every createHash call the hashers make is counted, so a test can show that a refused verification
// computed nothing (speed itself is measured by scripts/measure-verify-costs.mjs, never here).
const hashCalls = vi.hoisted(() => ({ count: 0 }));
vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:crypto')>();
  const counted: typeof CreateHash = (...args) => {
    hashCalls.count++;
    return actual.createHash(...args);
  };
  return { ...actual, createHash: counted };
});
const { createHash } = await import('node:crypto');

beforeEach(() => {
  hashCalls.count = 0;
});

const ITOA64 = './0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const SALT = 'saltsalt';

/** A well-formed phpass digest at count 2^log2 whose checksum matches no password. */
const phpassWithCount = (log2: number, prefix = '$P$'): string => `${prefix}${ITOA64[log2]}${SALT}${phpassEncode64(Buffer.alloc(16))}`;

/** phpass `crypt_private`, written out here as a reference, for a digest that does match `password`. */
function phpassDigest(password: string, log2: number): string {
  let hash = createHash('md5').update(SALT + password).digest();
  for (let i = 0; i < 2 ** log2; i++) hash = createHash('md5').update(hash).update(password).digest();
  return `$P$${ITOA64[log2]}${SALT}${phpassEncode64(hash)}`;
}

const SHA512_ZERO_B64 = Buffer.alloc(64).toString('base64');
const symfony = (iterations: number, salt: string): string => `sha512_symfony$${iterations}$${salt}$${SHA512_ZERO_B64}`;

describe('the stretch budget', () => {
  it('counts md5 and sha512 blocks with their padding', () => {
    expect([55, 56, 119, 120].map((bytes) => hashBlocks('md5', bytes))).toEqual([1, 2, 2, 3]);
    expect([111, 112, 239, 240].map((bytes) => hashBlocks('sha512', bytes))).toEqual([1, 2, 2, 3]);
  });

  it('phpass: passwords up to 64·2^(20−k) − 25 bytes at count 2^k, so every password up to 4096 bytes at 2^13', () => {
    expect(STRETCH_BUDGET_BLOCKS.md5).toBe(2 ** 20);
    for (let log2 = 14; log2 <= 19; log2++) {
      const longest = 64 * 2 ** (20 - log2) - 25;
      expect(withinStretchBudget('md5', 2 ** log2, longest)).toBe(true);
      expect(withinStretchBudget('md5', 2 ** log2, longest + 1)).toBe(false);
    }
    // passlib's default count 2^19 with passwords of up to 103 bytes; WordPress's 2^13 with 4096.
    expect(withinStretchBudget('md5', 2 ** 19, 103)).toBe(true);
    expect(withinStretchBudget('md5', 2 ** 19, 104)).toBe(false);
    expect(withinStretchBudget('md5', 2 ** 13, 4096)).toBe(true);
    expect(withinStretchBudget('md5', 2 ** 14, 4096)).toBe(false);
  });

  it('sha512_symfony: password{salt} of up to 5,167 bytes at 100,000 iterations, 107,311 at 5,000', () => {
    expect(withinStretchBudget('sha512', 99_999, 5167)).toBe(true);
    expect(withinStretchBudget('sha512', 99_999, 5168)).toBe(false);
    expect(withinStretchBudget('sha512', 4999, 107_311)).toBe(true);
    expect(withinStretchBudget('sha512', 4999, 107_312)).toBe(false);
  });
});

describe('phpass over the budget', () => {
  it('refuses a 4096-byte password against a count-2^19 digest without computing a hash', async () => {
    const long = 'x'.repeat(4096);
    expect(phpassHasher.isValidDigest(phpassWithCount(19))).toBe(true);
    expect(await phpassHasher.verify(phpassWithCount(19), long)).toBe(false);
    expect(await md5PhpassHasher.verify(phpassWithCount(19, '$H$'), long)).toBe(false);
    expect(await phpassHasher.verify(phpassWithCount(19), 'x'.repeat(104))).toBe(false);
    expect(hashCalls.count).toBe(0);
  });

  it('computes a password within the budget: 2^19 md5 rounds (plus the first hash) for 103 bytes', async () => {
    expect(await phpassHasher.verify(phpassWithCount(19), 'x'.repeat(103))).toBe(false);
    expect(hashCalls.count).toBe(2 ** 19 + 1);
    hashCalls.count = 0;
    expect(await phpassHasher.verify(phpassWithCount(19), 'x'.repeat(104))).toBe(false);
    expect(hashCalls.count).toBe(0);
  });

  it('verifies the right 4096-byte password at count 2^13, refuses the right 4072-byte one at 2^14 uncomputed', async () => {
    const atWordPressCount = 'w'.repeat(4096);
    expect(await phpassHasher.verify(phpassDigest(atWordPressCount, 13), atWordPressCount)).toBe(true);
    expect(await phpassHasher.verify(phpassDigest('v'.repeat(4071), 14), 'v'.repeat(4071))).toBe(true);
    const overBudget = 'u'.repeat(4072);
    const digest = phpassDigest(overBudget, 14);
    hashCalls.count = 0;
    expect(await phpassHasher.verify(digest, overBudget)).toBe(false);
    expect(await md5PhpassHasher.verify(digest, overBudget)).toBe(false);
    expect(hashCalls.count).toBe(0);
  });

  it('yields to the event loop by work done, not by iterations: a long password at 2^13 yields often', async () => {
    const { result, turns } = await countTurnsDuring(() => phpassHasher.verify(phpassWithCount(13), 'x'.repeat(4096)));
    expect(result).toBe(false);
    // 2^13 rounds of 65 md5 blocks each, in slices of about 16,384 blocks (252 rounds): 32 yields.
    expect(turns).toBeGreaterThanOrEqual(30);
  });
});

describe('sha512_symfony over the budget', () => {
  it('refuses a 4096-byte password whose password{salt} is over the budget at 100,000 iterations, uncomputed', async () => {
    const digest = symfony(100_000, 's'.repeat(1070));
    expect(sha512SymfonyHasher.isValidDigest(digest)).toBe(true);
    expect(await sha512SymfonyHasher.verify(digest, 'x'.repeat(4096))).toBe(false);
    expect(hashCalls.count).toBe(0);
    // The same password with a salt one byte shorter is computed: 100,000 sha512 hashes.
    expect(await sha512SymfonyHasher.verify(symfony(100_000, 's'.repeat(1069)), 'x'.repeat(4096))).toBe(false);
    expect(hashCalls.count).toBe(100_000);
  });

  it('holds a digest invalid when its salt alone is over the budget, and never computes it', async () => {
    const longSalt = 's'.repeat(1024 * 1024);
    for (const digest of [symfony(100_000, 's'.repeat(5166)), symfony(5000, 's'.repeat(107_310)), symfony(1000, longSalt)]) {
      expect(sha512SymfonyHasher.isValidDigest(digest)).toBe(false);
      expect(await sha512SymfonyHasher.verify(digest, '')).toBe(false);
    }
    expect(hashCalls.count).toBe(0);
    // One iteration hashes password{salt} once: no stretching, no limit on the salt.
    expect(sha512SymfonyHasher.isValidDigest(symfony(1, longSalt))).toBe(true);
    expect(sha512SymfonyHasher.isValidDigest(symfony(100_000, 's'.repeat(5165)))).toBe(true);
  });
});
