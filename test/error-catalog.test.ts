import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { catalog, ClerkError, errors, type CatalogEntry } from '../src/lib/error-catalog.js';
import { imageErrors } from '../src/lib/errors/image-errors.js';
import { organizationErrors } from '../src/lib/errors/organization-errors.js';
import { requestErrors } from '../src/lib/errors/request-errors.js';
import { sessionErrors } from '../src/lib/errors/session-errors.js';
import { userErrors } from '../src/lib/errors/user-errors.js';
import { verificationErrors } from '../src/lib/errors/verification-errors.js';
import { frontendErrors } from '../src/lib/errors/frontend-errors.js';
import { ticketErrors } from '../src/lib/errors/ticket-errors.js';
import { invitationErrors } from '../src/lib/errors/invitation-errors.js';
import { oauthErrors } from '../src/lib/errors/oauth-errors.js';
import { passkeyErrors } from '../src/lib/errors/passkey-errors.js';
import { webhookErrors } from '../src/lib/errors/webhook-errors.js';

/** One entry of Clerk's error index (`reference/clerk-api-errors.json`); statuses are strings there. */
interface IndexEntry {
  name: string;
  code: string;
  status: string;
  usage?: { fapi?: boolean; bapi?: boolean };
}

const indexPath = fileURLToPath(new URL('../../shared/reference/clerk-api-errors.json', import.meta.url));
const indexAvailable = fs.existsSync(indexPath);
const entries = Object.entries(catalog) as [string, CatalogEntry][];

const indexTitle = indexAvailable
  ? "error catalogue against Clerk's error index"
  : `error catalogue against Clerk's error index — SKIPPED: ${indexPath} not found (it lives in ../shared/reference)`;

describe.skipIf(!indexAvailable)(
  indexTitle,
  () => {
    const index = indexAvailable ? (JSON.parse(fs.readFileSync(indexPath, 'utf8')) as IndexEntry[]) : [];

    it('the index is a non-empty list of coded errors', () => {
      expect(Array.isArray(index)).toBe(true);
      expect(index.length).toBeGreaterThan(0);
      expect(index.every((entry) => typeof entry.code === 'string' && typeof entry.status === 'string')).toBe(true);
    });

    it.each(entries.filter(([, entry]) => !entry.rosterExtension))('%s: its code is a Backend API code of Clerk', (_name, entry) => {
      const withCode = index.filter((candidate) => candidate.code === entry.code);
      expect(withCode, `code "${entry.code}" is not in Clerk's error index; mark it rosterExtension if it is Roster's own`).not.toEqual([]);
      // Entries marked frontendApiCode reuse a code Clerk answers on its Frontend API (e.g. user_locked
      // at sign-in) for the same situation on a Backend API route that Clerk leaves unspecified.
      // Entries marked genericCode reuse a code the index marks for neither API (too_many_requests).
      if (!entry.frontendApiCode && !entry.genericCode) {
        expect(
          withCode.some((candidate) => candidate.usage?.bapi === true),
          `code "${entry.code}" is in the index but never used by the Backend API`,
        ).toBe(true);
      }
    });

    it.each(entries.filter(([, entry]) => !entry.rosterExtension))('%s: its status matches the index', (_name, entry) => {
      const statuses = index.filter((candidate) => candidate.code === entry.code).map((candidate) => Number(candidate.status));
      expect(statuses, `status ${entry.status} of "${entry.code}" is not among the index's statuses ${statuses.join(', ')}`).toContain(entry.status);
    });
  },
);

describe('error catalogue', () => {
  it.each(entries)('%s has a 4xx/5xx status, a snake_case code and a message', (_name, entry) => {
    expect(entry.status).toBeGreaterThanOrEqual(400);
    expect(entry.status).toBeLessThan(600);
    expect(entry.code).toMatch(/^[a-z][a-z0-9_]*$/);
    expect(entry.message.length).toBeGreaterThan(0);
  });

  it('declares each variant once (a code may recur with another status or message, as in Clerk\'s index)', () => {
    const variants = entries.map(([, entry]) => `${entry.code}|${entry.status}|${entry.message}`);
    expect(variants.length).toBe(new Set(variants).size);
  });
});

describe('every error Roster sends comes from the catalogue', () => {
  const srcDir = fileURLToPath(new URL('../src/', import.meta.url));
  // The one module allowed to construct a ClerkError: it does so from a catalogue entry, by name.
  const catalogueModule = path.join('lib', 'errors', 'catalog.ts');

  function sourceFiles(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return sourceFiles(full);
      return entry.name.endsWith('.ts') ? [full] : [];
    });
  }

  it('no source file outside lib/errors/catalog.ts constructs or subclasses ClerkError', () => {
    const offenders = sourceFiles(srcDir)
      .filter((file) => path.relative(srcDir, file) !== catalogueModule)
      .flatMap((file) =>
        fs
          .readFileSync(file, 'utf8')
          .split('\n')
          .flatMap((line, index) => (/new\s+ClerkError\b|extends\s+ClerkError\b/.test(line) ? [`${path.relative(srcDir, file)}:${index + 1}: ${line.trim()}`] : [])),
      );
    expect(offenders, 'throw a named catalogue error (errors.x(...)) instead; add an entry in lib/errors/ if none fits').toEqual([]);
  });

  it('the builder groups name each error once (none hides another in `errors`)', () => {
    const names = [requestErrors, userErrors, organizationErrors, sessionErrors, imageErrors, verificationErrors, frontendErrors, ticketErrors, invitationErrors, oauthErrors, passkeyErrors, webhookErrors].flatMap((group) => Object.keys(group));
    expect(names.filter((name, index) => names.indexOf(name) !== index)).toEqual([]);
    expect(Object.keys(errors).sort()).toEqual([...names].sort());
  });

  it.each(Object.entries(errors))('errors.%s answers with a catalogue entry\'s status and code', (_name, build) => {
    const error = (build as (...args: unknown[]) => unknown)('param', 'value', ['allowed']);
    expect(error).toBeInstanceOf(ClerkError);
    const { status, code } = error as ClerkError;
    expect(entries.some(([, entry]) => entry.status === status && entry.code === code), `${status} ${code} is no catalogue entry`).toBe(true);
  });
});
