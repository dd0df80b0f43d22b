import type { ClerkOperation } from '../../src/http/clerk-operations.js';
import type { RouteEntry } from './route-table.js';

export const COVERAGE_START = '<!-- coverage:start -->';
export const COVERAGE_END = '<!-- coverage:end -->';

/** `GET /v1/users/{}`: a method and path with parameter names erased, for Fastify's `:name` and the spec's `{name}` alike. */
function routeKey(method: string, path: string): string {
  return `${method} ${path.replace(/\{[^}/]+\}/g, '{}').replace(/:[^/]+/g, '{}')}`;
}

/** Fastify's `/v1/users/:user_id` written as the spec writes paths, `/v1/users/{user_id}`. */
const asTemplate = (url: string): string => url.replace(/:([^/]+)/g, '{$1}');

/**
 * The README's coverage section (markers included): per tag of Clerk's spec, how many of its operations
 * Roster serves, and which it does not serve yet. An operation is served when Roster registers a route with
 * its method and path template (parameter names aside).
 */
export function renderCoverageSection(operations: readonly ClerkOperation[], routes: readonly RouteEntry[], specVersion: string): string {
  const served = new Set(routes.map((route) => routeKey(route.method, route.url)));
  const inSpec = new Set(operations.map((op) => routeKey(op.method, op.path)));
  const byTag = new Map<string, { served: number; missing: string[] }>();
  for (const op of operations) {
    const tag = byTag.get(op.tag) ?? { served: 0, missing: [] };
    if (served.has(routeKey(op.method, op.path))) tag.served += 1;
    else tag.missing.push(op.operationId);
    byTag.set(op.tag, tag);
  }
  const tags = [...byTag.keys()].sort();
  const servedTotal = tags.reduce((sum, tag) => sum + byTag.get(tag)!.served, 0);
  const rows = tags.map((name) => {
    const tag = byTag.get(name)!;
    const missing = tag.missing.length === 0 ? '—' : tag.missing.map((id) => `\`${id}\``).join(', ');
    return `| ${name} | ${tag.served} / ${tag.served + tag.missing.length} | ${missing} |`;
  });
  // Roster's own /v1 routes that this spec lacks (HEAD twins of GET routes aside).
  const beyond = routes
    .filter((route) => route.url.startsWith('/v1/') && route.method !== 'HEAD' && !inSpec.has(routeKey(route.method, route.url)))
    .map((route) => `\`${route.method} ${asTemplate(route.url)}\``);
  const lines = [
    COVERAGE_START,
    '<!-- Written by `npm run coverage` from src/http/clerk-operations.ts and Roster\'s route table; a test fails when it is stale. -->',
    '',
    `Coverage of Clerk's Backend API spec ${specVersion}, by the spec's tags (an operation with several tags counts under its`,
    `first): Roster serves ${servedTotal} of its ${operations.length} operations. The others answer 403 \`feature_not_implemented\`,`,
    'naming the operation (`Roster does not serve ListWaitlistEntries (GET /v1/waitlist_entries) yet`); paths in no Clerk spec answer 404.',
    '',
    '| Tag | Served | Not served yet |',
    '|---|---|---|',
    ...rows,
  ];
  if (beyond.length > 0) lines.push('', `Served beyond this spec: ${[...new Set(beyond)].sort().join(', ')}.`);
  lines.push(COVERAGE_END);
  return lines.join('\n');
}

/** The README's coverage section as it stands (markers included), or undefined when the markers are missing. */
export function readCoverageSection(readme: string): string | undefined {
  const start = readme.indexOf(COVERAGE_START);
  const end = readme.indexOf(COVERAGE_END, start);
  if (start === -1 || end === -1) return undefined;
  return readme.slice(start, end + COVERAGE_END.length);
}

/** The README with its coverage section replaced by `section` (the markers must already be in place). */
export function replaceCoverageSection(readme: string, section: string): string {
  const current = readCoverageSection(readme);
  if (current === undefined) throw new Error(`README.md has no ${COVERAGE_START} … ${COVERAGE_END} section`);
  return readme.replace(current, () => section);
}
