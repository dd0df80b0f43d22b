/** Deepest nesting a request body may have: metadata documents need a handful of levels, not thousands. */
export const MAX_JSON_DEPTH = 64;

export type JsonBodyProblem = 'nul' | 'too_deep' | null;

/**
 * What is wrong with a parsed JSON value, walked without recursion (a body nested thousands deep must not
 * overflow the stack here or in anything that walks it later): a string or key holding U+0000, which
 * PostgreSQL cannot store or compare, or nesting deeper than `maxDepth`.
 */
export function findJsonBodyProblem(value: unknown, maxDepth = MAX_JSON_DEPTH): JsonBodyProblem {
  const pending: Array<[unknown, number]> = [[value, 0]];
  while (pending.length > 0) {
    const [current, depth] = pending.pop()!;
    if (typeof current === 'string') {
      if (current.includes('\u0000')) return 'nul';
    } else if (current !== null && typeof current === 'object') {
      if (depth >= maxDepth) return 'too_deep';
      for (const [key, inner] of Object.entries(current)) {
        if (key.includes('\u0000')) return 'nul';
        pending.push([inner, depth + 1]);
      }
    }
  }
  return null;
}
