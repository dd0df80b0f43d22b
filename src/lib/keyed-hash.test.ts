import { createHmac, hkdfSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createKeyedHash } from './keyed-hash.js';

const KEY = Buffer.from('000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f', 'hex');

describe('keyed hash', () => {
  it('is HMAC-SHA256 under HKDF-SHA256(instance key, no salt, "roster keyed-hash <purpose>")', () => {
    const derived = Buffer.from(hkdfSync('sha256', KEY, Buffer.alloc(0), 'roster keyed-hash backup-codes', 32));
    const expected = createHmac('sha256', derived).update('abcd-1234').digest();
    expect(createKeyedHash(KEY, 'backup-codes').digest('abcd-1234')).toEqual(expected);
  });

  it('gives 32 bytes, the same for the same input, and different ones for another purpose or key', () => {
    const hash = createKeyedHash(KEY, 'backup-codes');
    expect(hash.digest('code')).toHaveLength(32);
    expect(hash.digest('code')).toEqual(hash.digest('code'));
    expect(hash.digest('code')).not.toEqual(hash.digest('code '));
    expect(createKeyedHash(KEY, 'other').digest('code')).not.toEqual(hash.digest('code'));
    expect(createKeyedHash(Buffer.alloc(32, 9), 'backup-codes').digest('code')).not.toEqual(hash.digest('code'));
    // The derived key is not the instance key itself.
    expect(hash.digest('code')).not.toEqual(createHmac('sha256', KEY).update('code').digest());
  });

  it('refuses a key that is not 32 bytes and an empty purpose', () => {
    expect(() => createKeyedHash(Buffer.alloc(16), 'backup-codes')).toThrow();
    expect(() => createKeyedHash(KEY, '')).toThrow();
  });
});
