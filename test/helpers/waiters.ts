// Waiting for something a test server or receiver records as it arrives: every recorder keeps a set of waiters it
// wakes on each arrival; `waitForRecorded` resolves with the first match, or rejects after the timeout.

/** The waiters of one recorder: `wake()` after each arrival. */
export function createWaiters() {
  const waiters = new Set<() => void>();
  return {
    wake: () => waiters.forEach((check) => check()),
    /** Resolves with `find()`'s first non-undefined answer, checked now and on every wake; rejects after `timeoutMs`. */
    waitFor<T>(find: () => T | undefined, timeoutMs: number, describeMiss: () => string): Promise<T> {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = find();
          if (found === undefined) return;
          cleanup();
          resolve(found);
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(describeMiss()));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
  };
}
