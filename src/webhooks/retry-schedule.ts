/**
 * The wait before the attempt after attempt number `attemptsMade` (1-based), or null when that was the last one.
 * `scheduleSeconds[i]` is the wait before attempt i + 2; each wait is spread by up to ±20 % (jitter), so the
 * retries of many deliveries that failed together do not arrive together.
 */
export function nextAttemptDelayMs(scheduleSeconds: readonly number[], attemptsMade: number, random: () => number = Math.random): number | null {
  const seconds = scheduleSeconds[attemptsMade - 1];
  if (seconds === undefined) return null;
  return Math.round(seconds * 1000 * (0.8 + 0.4 * random()));
}
