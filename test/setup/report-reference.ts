import fs from 'node:fs';

/**
 * Runs once per `vitest run`: says plainly when Clerk's reference files are absent (a user's fresh
 * clone), since the tests that need them then skip rather than fail.
 */
export default function reportReference(): void {
  const folder = new URL('../../../shared/reference/', import.meta.url);
  if (!fs.existsSync(folder)) {
    console.warn(
      `\n../shared/reference is absent: spec validation, the error-index check and other reference-based tests are skipped.\n`,
    );
  }
}
