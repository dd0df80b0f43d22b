// The README's coverage table (between <!-- coverage:start --> and <!-- coverage:end -->) is what
// `npm run coverage` writes: computed from the committed list of Clerk's operations and Fastify's own route
// table, so it runs on a fresh clone too (no ../shared/reference needed). With ROSTER_WRITE_COVERAGE=1
// (what `npm run coverage` sets) the test writes the section instead of failing.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLERK_OPERATIONS, CLERK_SPEC_VERSION } from '../src/http/clerk-operations.js';
import { readCoverageSection, renderCoverageSection, replaceCoverageSection } from './helpers/coverage-table.js';
import { routeTable } from './helpers/route-table.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';

const readmePath = fileURLToPath(new URL('../README.md', import.meta.url));
const write = process.env.ROSTER_WRITE_COVERAGE === '1';

describe("README coverage of Clerk's Backend API", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('matches the routes Roster registers (run `npm run coverage` to rewrite it)', () => {
    const expected = renderCoverageSection(CLERK_OPERATIONS, routeTable(server.app), CLERK_SPEC_VERSION);
    const readme = fs.readFileSync(readmePath, 'utf8');
    if (write) {
      fs.writeFileSync(readmePath, replaceCoverageSection(readme, expected));
      return;
    }
    expect(readCoverageSection(readme), 'README.md coverage section is stale: run `npm run coverage`').toBe(expected);
  });
});
