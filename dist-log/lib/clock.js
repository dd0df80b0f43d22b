export const systemClock = { nowMs: () => Date.now() };
/** A clock tests can set and advance. */
export function createManualClock(startMs) {
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
//# sourceMappingURL=clock.js.map