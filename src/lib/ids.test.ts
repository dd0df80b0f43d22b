import { describe, expect, it } from 'vitest';
import { newId, type IdPrefix } from './ids.js';

const BODY = /^[0-9A-Za-z]{27}$/;
/** 2014-05-13T16:53:20Z, the KSUID epoch. */
const KSUID_EPOCH_MS = 1_400_000_000_000;

describe('newId', () => {
  it.each<IdPrefix>(['user', 'idn', 'eac', 'org', 'orgmem', 'orginv', 'sess', 'img'])('starts with "%s_" and a 27-character base62 body', (prefix) => {
    const id = newId(prefix);
    expect(id.startsWith(`${prefix}_`)).toBe(true);
    expect(id.slice(prefix.length + 1)).toMatch(BODY);
  });

  it('keeps the 27-character body at the KSUID epoch and far in the future', () => {
    expect(newId('user', KSUID_EPOCH_MS).slice(5)).toMatch(BODY);
    expect(newId('user', 0).slice(5)).toMatch(BODY);
    expect(newId('user', Date.UTC(2100, 0, 1)).slice(5)).toMatch(BODY);
  });

  it('puts the seconds in front: at the KSUID epoch (or before it) the body starts with five zeros', () => {
    // A zero timestamp leaves a 128-bit random value, which needs at most 22 base62 digits (62^22 > 2^128).
    expect(newId('user', KSUID_EPOCH_MS + 999).slice(5, 10)).toBe('00000');
    expect(newId('user', 0).slice(5, 10)).toBe('00000');
    expect(newId('user', Date.UTC(2026, 0, 1)).slice(5, 10)).not.toBe('00000');
  });

  it('is unique over 10,000 ids made in the same millisecond', () => {
    const nowMs = Date.UTC(2026, 0, 1);
    const ids = new Set(Array.from({ length: 10_000 }, () => newId('user', nowMs)));
    expect(ids.size).toBe(10_000);
  });

  it('sorts by creation second, whatever the random part', () => {
    const seconds = [0, 1, 2, 60, 3600, 86_400, 31_536_000, 1_000_000_000];
    for (let round = 0; round < 20; round++) {
      const ids = seconds.map((s) => newId('user', KSUID_EPOCH_MS + s * 1000));
      const sorted = [...ids].sort();
      expect(sorted).toEqual(ids);
    }
  });

  it('sorts ids one second apart in creation order with byte-wise string comparison', () => {
    const base = Date.UTC(2026, 4, 12, 10, 0, 0);
    for (let i = 0; i < 200; i++) {
      const earlier = newId('user', base + i * 1000);
      const later = newId('user', base + (i + 1) * 1000);
      expect(earlier < later).toBe(true);
    }
  });
});
