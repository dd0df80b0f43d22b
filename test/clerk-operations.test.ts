// src/http/clerk-operations.ts is generated from Clerk's spec, which is not part of Roster: where the spec is
// at hand (../shared/reference), regenerating it must give the committed file byte for byte.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const specPath = fileURLToPath(new URL('../../shared/reference/clerk-bapi-2026-05-12.yml', import.meta.url));
const specAvailable = fs.existsSync(specPath);
const title = specAvailable
  ? 'src/http/clerk-operations.ts against the spec'
  : `src/http/clerk-operations.ts against the spec — SKIPPED: ${specPath} not found (it lives in ../shared/reference)`;

describe.skipIf(!specAvailable)(title, () => {
  it('is what scripts/generate-clerk-operations.mjs writes (run `npm run generate:clerk-operations`)', () => {
    const script = fileURLToPath(new URL('../scripts/generate-clerk-operations.mjs', import.meta.url));
    const regenerated = execFileSync(process.execPath, [script, specPath, '--stdout'], { encoding: 'utf8' });
    const committed = fs.readFileSync(fileURLToPath(new URL('../src/http/clerk-operations.ts', import.meta.url)), 'utf8');
    expect(committed === regenerated, 'src/http/clerk-operations.ts is stale: run `npm run generate:clerk-operations`').toBe(true);
  });
});
