// The organization module's error entries (src/organizations/errors.ts) against Clerk's error index,
// as test/error-catalog.test.ts checks the shared catalogue.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { organizationCatalog, type OrganizationCatalogEntry } from '../../../src/organizations/errors.js';

interface IndexEntry {
  code: string;
  status: string;
  usage?: { fapi?: boolean; bapi?: boolean };
}

const indexPath = fileURLToPath(new URL('../../../../shared/reference/clerk-api-errors.json', import.meta.url));
const indexAvailable = fs.existsSync(indexPath);
const entries = Object.entries(organizationCatalog) as [string, OrganizationCatalogEntry][];

describe.skipIf(!indexAvailable)(indexAvailable ? "organization errors against Clerk's error index" : `organization errors — SKIPPED: ${indexPath} not found`, () => {
  const index = indexAvailable ? (JSON.parse(fs.readFileSync(indexPath, 'utf8')) as IndexEntry[]) : [];

  it.each(entries)('%s: a code of Clerk, with its status, used by the Backend API unless marked', (_name, entry) => {
    const withCode = index.filter((candidate) => candidate.code === entry.code);
    expect(withCode, `code "${entry.code}" is not in Clerk's error index`).not.toEqual([]);
    expect(withCode.map((candidate) => Number(candidate.status))).toContain(entry.status);
    if (!entry.frontendApiCode) expect(withCode.some((candidate) => candidate.usage?.bapi === true)).toBe(true);
  });
});
