/** Source of the current time; injected wherever time matters so tests can move it. */
export interface Clock {
  nowMs(): number;
}

export const systemClock: Clock = { nowMs: () => Date.now() };

/** A clock tests can set and advance. */
export function createManualClock(startMs: number): Clock & { advanceMs(ms: number): void; setMs(ms: number): void } {
  let now = startMs;
  return {
    nowMs: () => now,
    advanceMs: (ms) => {
      now += ms;
    },
    setMs: (ms) => {
      now = ms;
    },
  };
}
