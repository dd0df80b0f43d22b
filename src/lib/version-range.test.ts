import { describe, expect, it } from 'vitest';
import { isExactVersion, satisfiesVersionRequest } from './version-range.js';

describe('satisfiesVersionRequest', () => {
  const cases: [installed: string, requested: string, satisfied: boolean][] = [
    ['6.40.0', '6.40.0', true],
    ['6.40.0', 'v6.40.0', true],
    ['6.40.0', '6.40.1', false],
    ['6.40.0', '6.39.0', false],
    ['6.40.0', '6', true],
    ['6.40.0', '5', false],
    ['6.40.0', '7', false],
    ['6.40.0', '6.40', true],
    ['6.40.0', '6.41', false],
    ['6.40.0', '6.x', true],
    ['6.40.0', '6.X', true],
    ['6.40.0', '6.*', true],
    ['6.40.0', '6.40.x', true],
    ['6.40.0', '6.39.x', false],
    ['6.40.0', 'latest', true],
    ['6.40.0', '*', true],
    ['6.40.0', '^6.40.0', true],
    ['6.40.0', '^6.0.0', true],
    ['6.40.0', '^6.41.0', false],
    ['6.40.0', '^5.0.0', false],
    ['6.40.0', '^6', true],
    ['6.40.0', '~6.40.0', true],
    ['6.40.0', '~6.39.0', false],
    ['6.40.0', '~6', true],
    ['6.40.0', '>=6.0.0', true],
    ['6.40.0', '>=7', false],
    ['0.3.5', '^0.3.1', true],
    ['0.4.0', '^0.3.1', false],
    ['0.0.3', '^0.0.3', true],
    ['0.0.4', '^0.0.3', false],
    ['0.0.9', '^0.0', true],
    ['6.40.0', 'beta', false],
    ['6.40.0', 'snapshot', false],
    ['6.40.0', 'canary', false],
    ['6.40.0', '6.40.0-beta.1', false],
    ['6.40.0', '6 || 7', false],
    ['6.40.0', '06', false],
    ['6.40.0', '', false],
    ['6.40.0', '..', false],
    ['6.40.0-beta.1', '6.40.0-beta.1', true],
    ['6.40.0-beta.1', '6', false],
  ];
  it.each(cases)('%s satisfies %j: %s', (installed, requested, satisfied) => {
    expect(satisfiesVersionRequest(installed, requested)).toBe(satisfied);
  });
});

describe('isExactVersion', () => {
  it('is true for a fully specified version only', () => {
    expect(['6.40.0', 'v1.36.0'].map(isExactVersion)).toEqual([true, true]);
    expect(['6', '6.40', '^6.40.0', 'latest', '6.40.x'].map(isExactVersion)).toEqual([false, false, false, false, false]);
  });
});
