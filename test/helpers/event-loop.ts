import { setImmediate as nextTurn } from 'node:timers/promises';

/** Runs `work` and counts the event-loop turns other code got while it ran (how often it yielded). */
export async function countTurnsDuring<T>(work: () => Promise<T>): Promise<{ result: T; turns: number }> {
  let turns = 0;
  let done = false;
  const ticking = (async () => {
    while (!done) {
      await nextTurn();
      turns++;
    }
  })();
  try {
    return { result: await work(), turns };
  } finally {
    done = true;
    await ticking;
  }
}
