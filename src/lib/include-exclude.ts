/** Values prefixed with `-` are excluded, `+` (or nothing) included. */
export function includeExclude(values: readonly string[]): { include: string[]; exclude: string[] } {
  const include: string[] = [];
  const exclude: string[] = [];
  for (const value of values) {
    if (value.startsWith('-')) exclude.push(value.slice(1));
    else include.push(value.startsWith('+') ? value.slice(1) : value);
  }
  return { include, exclude };
}
