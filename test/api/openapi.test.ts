// GET /v1/openapi.json and GET /roster/docs: Roster's own description of what it serves, generated from the
// route schemas; checked against the route table and against Clerk's spec.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clerkSpecAvailable, contradictions, findClerkSpecOperations } from '../helpers/clerk-spec-compare.js';
import { routeTable } from '../helpers/route-table.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

const ROSTER_EXTENSION_TAG = 'Roster extensions';
/** Routes that describe the API rather than being part of it. */
const UNDOCUMENTED = new Set([
  'GET /v1/openapi.json',
  'GET /roster/docs',
  'GET /roster/docs/swagger-ui.css',
  'GET /roster/docs/swagger-ui-bundle.js',
  // Clerk's browser bundles: static files, as Clerk's CDN serves them.
  'GET /fapi/npm/@clerk/clerk-js@:version/dist/*',
  'GET /fapi/npm/@clerk/ui@:version/dist/*',
]);

const toTemplate = (url: string) => url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

describe("Roster's OpenAPI document", () => {
  let server: TestServer;
  let document: Record<string, any>;
  const operations: { method: string; path: string; operation: Record<string, any> }[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    const response = await fetch(`${server.baseUrl}/v1/openapi.json`);
    expect(response.status).toBe(200);
    document = (await response.json()) as Record<string, any>;
    for (const [path, item] of Object.entries(document.paths as Record<string, Record<string, any>>)) {
      for (const [method, operation] of Object.entries(item)) operations.push({ method: method.toUpperCase(), path, operation });
    }
  });
  afterAll(async () => server.close());

  it('is served without a key, as OpenAPI 3 naming Roster, with the secret key as the default security', () => {
    expect(document.openapi).toMatch(/^3\./);
    expect(document.info.title).toBe('Roster');
    expect(document.components.securitySchemes.secretKey).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(document.security).toEqual([{ secretKey: [] }]);
  });

  it('lists every served route once, and nothing that is not served', () => {
    const served = routeTable(server.app)
      .filter((route) => route.method !== 'HEAD' && !UNDOCUMENTED.has(`${route.method} ${route.url}`))
      // The Frontend API's contract is Clerk's FAPI spec: its routes are hidden from Roster's document.
      .filter((route) => !route.url.startsWith('/fapi/'))
      .map((route) => `${route.method} ${toTemplate(route.url)}`)
      .sort();
    const documented = operations.map(({ method, path }) => `${method} ${path}`).sort();
    expect(documented).toEqual([...new Set(served)]);
  });

  it('gives every operation a unique operationId and a tag; public routes need no key', () => {
    const ids = operations.map(({ operation }) => operation.operationId);
    expect(ids.every((id) => typeof id === 'string' && id.length > 0)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { operation } of operations) expect(operation.tags).toHaveLength(1);
    const health = operations.find(({ path }) => path === '/healthz')!;
    expect(health.operation).toMatchObject({ security: [], tags: [ROSTER_EXTENSION_TAG] });
  });

  it.skipIf(!clerkSpecAvailable)("uses Clerk's operationId for every operation of Clerk's spec, and contradicts none of them", () => {
    const problems: string[] = [];
    let compared = 0;
    for (const { method, path, operation } of operations) {
      const clerk = findClerkSpecOperations(method, path);
      if (!clerk.length) {
        if (operation.tags[0] !== ROSTER_EXTENSION_TAG) problems.push(`${method} ${path}: tagged ${operation.tags[0]} but not in Clerk's spec`);
        continue;
      }
      compared++;
      if (operation.operationId !== clerk[0]!.operation.operationId) {
        problems.push(`${method} ${path}: operationId ${operation.operationId}, Clerk's is ${clerk[0]!.operation.operationId}`);
      }
      for (const problem of contradictions(document, operation, clerk)) problems.push(`${method} ${path} (${operation.operationId}): ${problem}`);
    }
    expect(problems).toEqual([]);
    expect(compared).toBeGreaterThan(60);
  });

  it('declares, for every operation, its path parameters, a body where Clerk takes one, and its success answer', () => {
    const problems: string[] = [];
    for (const { method, path, operation } of operations) {
      const declared = new Set(((operation.parameters ?? []) as { in: string; name: string }[]).filter((p) => p.in === 'path').map((p) => p.name));
      for (const [, name] of path.matchAll(/\{([^}]+)\}/g)) if (!declared.has(name!)) problems.push(`${method} ${path}: path parameter ${name} undeclared`);
      const success = Object.keys(operation.responses ?? {}).filter((status) => /^2\d\d$/.test(status));
      if (!success.length) problems.push(`${method} ${path}: no success answer declared`);
      for (const status of success) {
        if (!operation.responses[status].content) problems.push(`${method} ${path}: answer ${status} has no content schema`);
      }
      const clerk = clerkSpecAvailable ? findClerkSpecOperations(method, path)[0] : undefined;
      if (clerk?.operation.requestBody && !operation.requestBody) problems.push(`${method} ${path}: Clerk takes a body, Roster declares none`);
    }
    expect(problems).toEqual([]);
  });

  it('serves a docs page that loads the document and its assets from Roster itself, without a key', async () => {
    const page = await fetch(`${server.baseUrl}/roster/docs`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await page.text();
    expect(html).toContain("url: '/v1/openapi.json'");
    for (const asset of ['/roster/docs/swagger-ui.css', '/roster/docs/swagger-ui-bundle.js']) {
      expect(html).toContain(asset);
      const response = await fetch(`${server.baseUrl}${asset}`);
      expect(response.status).toBe(200);
      expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(10_000);
    }
  });
});
