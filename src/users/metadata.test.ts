import { describe, expect, it } from 'vitest';
import { assertMetadataSize, deepMergeMetadata, MAX_METADATA_BYTES, parseStoredMetadata } from '../domain/metadata.js';
import { ClerkError } from '../lib/error-catalog.js';

describe('deepMergeMetadata', () => {
  it('adds new keys and keeps untouched ones', () => {
    expect(deepMergeMetadata({ a: 1, b: 'two' }, { c: true })).toEqual({ a: 1, b: 'two', c: true });
  });

  it('merges nested objects at every depth', () => {
    const target = { plan: { tier: 'pro', limits: { seats: 5, storage: 10 } }, role: 'admin' };
    const patch = { plan: { limits: { seats: 8 }, trial: false } };
    expect(deepMergeMetadata(target, patch)).toEqual({
      plan: { tier: 'pro', limits: { seats: 8, storage: 10 }, trial: false },
      role: 'admin',
    });
  });

  it('deletes a top-level key set to null', () => {
    expect(deepMergeMetadata({ a: 1, b: 2 }, { a: null })).toEqual({ b: 2 });
  });

  it('deletes a nested key set to null at any depth', () => {
    const target = { a: { b: { c: 1, d: 2 }, e: 3 } };
    expect(deepMergeMetadata(target, { a: { b: { c: null } } })).toEqual({ a: { b: { d: 2 }, e: 3 } });
  });

  it('ignores null for a key that does not exist', () => {
    expect(deepMergeMetadata({ a: 1 }, { missing: null })).toEqual({ a: 1 });
  });

  it('replaces arrays rather than merging them', () => {
    expect(deepMergeMetadata({ tags: ['a', 'b', 'c'] }, { tags: ['z'] })).toEqual({ tags: ['z'] });
    expect(deepMergeMetadata({ list: [{ x: 1 }] }, { list: [{ y: 2 }] })).toEqual({ list: [{ y: 2 }] });
  });

  it('replaces an object with a scalar and a scalar with an object', () => {
    expect(deepMergeMetadata({ a: { b: 1 } }, { a: 'flat' })).toEqual({ a: 'flat' });
    expect(deepMergeMetadata({ a: 'flat' }, { a: { b: 1 } })).toEqual({ a: { b: 1 } });
    expect(deepMergeMetadata({ a: [1, 2] }, { a: { b: 1 } })).toEqual({ a: { b: 1 } });
  });

  it('drops a null inside a brand-new nested object', () => {
    expect(deepMergeMetadata({}, { fresh: { keep: 1, drop: null, deeper: { gone: null, here: 'yes' } } })).toEqual({
      fresh: { keep: 1, deeper: { here: 'yes' } },
    });
  });

  it('keeps falsy non-null values', () => {
    expect(deepMergeMetadata({ a: 1, b: 1, c: 1 }, { a: 0, b: '', c: false })).toEqual({ a: 0, b: '', c: false });
  });

  it('an empty patch changes nothing', () => {
    expect(deepMergeMetadata({ a: { b: 1 } }, {})).toEqual({ a: { b: 1 } });
  });

  it('does not mutate its inputs', () => {
    const target = { a: { b: { c: 1 } }, list: [1, 2], gone: 'x' };
    const patch = { a: { b: { d: 2 } }, list: [3], gone: null, fresh: { x: null, y: 1 } };
    const targetCopy = structuredClone(target);
    const patchCopy = structuredClone(patch);
    const result = deepMergeMetadata(target, patch);
    expect(target).toEqual(targetCopy);
    expect(patch).toEqual(patchCopy);
    expect(result).toEqual({ a: { b: { c: 1, d: 2 } }, list: [3], fresh: { y: 1 } });
  });

  it('returns objects that do not alias nested objects of the patch', () => {
    const patch = { fresh: { y: 1 } };
    const result = deepMergeMetadata({}, patch);
    (result.fresh as Record<string, unknown>).y = 2;
    expect(patch.fresh.y).toBe(1);
  });
});

describe('parseStoredMetadata', () => {
  it('parses an object and treats anything else as empty', () => {
    expect(parseStoredMetadata('{"a":{"b":[1]}}')).toEqual({ a: { b: [1] } });
    expect(parseStoredMetadata('null')).toEqual({});
    expect(parseStoredMetadata('[1,2]')).toEqual({});
    expect(parseStoredMetadata('"text"')).toEqual({});
  });
});

describe('assertMetadataSize', () => {
  it('accepts exactly 8 KiB and rejects one byte more with form_param_exceeds_allowed_size', () => {
    // {"k":"…"} is 8 bytes of framing.
    const atLimit = { k: 'x'.repeat(MAX_METADATA_BYTES - 8) };
    expect(() => assertMetadataSize(atLimit, 'public_metadata')).not.toThrow();
    const overLimit = { k: 'x'.repeat(MAX_METADATA_BYTES - 7) };
    let thrown: unknown;
    try {
      assertMetadataSize(overLimit, 'public_metadata');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ClerkError);
    expect(thrown).toMatchObject({ status: 422, code: 'form_param_exceeds_allowed_size', meta: { param_name: 'public_metadata' } });
  });
});
