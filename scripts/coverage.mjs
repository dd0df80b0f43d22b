// Rewrites the coverage section of README.md (<!-- coverage:start --> … <!-- coverage:end -->) from the
// committed list of Clerk's operations (src/http/clerk-operations.ts) and the routes Roster registers. It
// runs the README test in write mode, so the table is computed by the very code that checks it.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const vitest = fileURLToPath(new URL('../node_modules/vitest/vitest.mjs', import.meta.url));
const result = spawnSync(process.execPath, [vitest, 'run', 'test/readme-coverage.test.ts'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, ROSTER_WRITE_COVERAGE: '1' },
});
process.exit(result.status ?? 1);
