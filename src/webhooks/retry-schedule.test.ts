import { describe, expect, it } from 'vitest';
import { nextAttemptDelayMs } from './retry-schedule.js';

describe('nextAttemptDelayMs', () => {
  const schedule = [5, 300, 1800];

  it('waits the scheduled time before each attempt after the first, spread by ±20 %', () => {
    expect(nextAttemptDelayMs(schedule, 1, () => 0.5)).toBe(5000);
    expect(nextAttemptDelayMs(schedule, 2, () => 0)).toBe(240_000);
    expect(nextAttemptDelayMs(schedule, 3, () => 1)).toBe(2_160_000);
  });

  it('stops after the last scheduled attempt', () => {
    expect(nextAttemptDelayMs(schedule, 4)).toBeNull();
    expect(nextAttemptDelayMs([], 1)).toBeNull();
  });
});
