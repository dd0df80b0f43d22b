// GET /fapi/npm/@clerk/{clerk-js,ui}@{version}/dist/{file}: Clerk's browser bundles served from Roster's own
// node_modules, without credentials, with caching, compression and nothing outside the dist folders.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { findBundleFile, locateBundlePackage } from '../../../src/http/fapi/bundle-files.js';
import { rawRequest } from '../../helpers/raw-http.js';
import { useTestServer } from '../../helpers/test-server.js';

const clerkJs = locateBundlePackage('@clerk/clerk-js');
const ui = locateBundlePackage('@clerk/ui');
const major = (version: string) => version.split('.')[0]!;
const onDisk = (distDir: string, file: string) => fs.readFileSync(path.join(distDir, file));
/** A chunk clerk.browser.js loads relative to its own URL. */
const chunk = fs.readdirSync(clerkJs.distDir).find((name) => name.startsWith('vendors_clerk.browser_'))!;

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** One request over node:http, which adds no Accept-Encoding of its own and keeps the body's bytes. */
function request(baseUrl: string, target: string, options: { method?: string; headers?: Record<string, string> } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = http.request(`${baseUrl}${target}`, { method: options.method ?? 'GET', headers: options.headers ?? {} }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (data: Buffer) => chunks.push(data));
      response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

describe("Clerk's browser bundles", () => {
  const server = useTestServer();
  const get = (target: string, headers: Record<string, string> = {}) => request(server.baseUrl, target, { headers });
  const clerkJsUrl = (version: string, file = 'clerk.browser.js') => `/fapi/npm/@clerk/clerk-js@${version}/dist/${file}`;
  const uiUrl = (version: string, file = 'ui.browser.js') => `/fapi/npm/@clerk/ui@${version}/dist/${file}`;

  it('serves clerk.browser.js at its exact version, without credentials, as JavaScript cached for good', async () => {
    const answer = await get(clerkJsUrl(clerkJs.version));
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('application/javascript; charset=utf-8');
    expect(answer.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(answer.headers['content-encoding']).toBeUndefined();
    expect(answer.headers['content-length']).toBe(String(answer.body.length));
    expect(answer.headers.etag).toMatch(/^"[0-9a-f]+-[0-9a-f]+"$/);
    expect(Date.parse(answer.headers['last-modified']!)).not.toBeNaN();
    expect(answer.headers['access-control-allow-origin']).toBe('*');
    expect(answer.headers.vary).toBe('Accept-Encoding');
    expect(answer.body.equals(onDisk(clerkJs.distDir, 'clerk.browser.js'))).toBe(true);
  });

  it('serves the installed version for its major, a range or latest, cached briefly', async () => {
    for (const version of [major(clerkJs.version), 'latest', `%5E${clerkJs.version}`, `~${clerkJs.version}`, `${major(clerkJs.version)}.x`]) {
      const answer = await get(clerkJsUrl(version));
      expect([version, answer.status]).toEqual([version, 200]);
      expect(answer.headers['cache-control']).toBe('public, max-age=600');
      expect(answer.body.equals(onDisk(clerkJs.distDir, 'clerk.browser.js'))).toBe(true);
    }
  });

  it('serves @clerk/ui the same way', async () => {
    for (const version of [ui.version, major(ui.version), 'latest']) {
      const answer = await get(uiUrl(version));
      expect([version, answer.status]).toEqual([version, 200]);
      expect(answer.headers['content-type']).toBe('application/javascript; charset=utf-8');
      expect(answer.body.equals(onDisk(ui.distDir, 'ui.browser.js'))).toBe(true);
    }
  });

  it('serves every file of dist: chunks, nested files, stylesheets and source maps with their types', async () => {
    const cases: [string, string, string][] = [
      [clerkJsUrl(clerkJs.version, chunk), path.join(clerkJs.distDir, chunk), 'application/javascript; charset=utf-8'],
      [uiUrl(ui.version, 'themes/shadcn.css'), path.join(ui.distDir, 'themes/shadcn.css'), 'text/css; charset=utf-8'],
      [uiUrl(ui.version, 'index.js.map'), path.join(ui.distDir, 'index.js.map'), 'application/json'],
    ];
    for (const [url, file, type] of cases) {
      const answer = await get(url);
      expect([url, answer.status, answer.headers['content-type']]).toEqual([url, 200, type]);
      expect(answer.body.equals(fs.readFileSync(file))).toBe(true);
    }
  });

  it('answers an unknown version with a Clerk-shaped 404', async () => {
    for (const version of ['5', '7', '6.39.0', `${clerkJs.version}-beta.1`, 'beta', 'snapshot', '%5E7.0.0', '0']) {
      const answer = await get(clerkJsUrl(version));
      expect([version, answer.status, answer.headers['content-type']]).toEqual([version, 404, 'application/json']);
      expect(JSON.parse(answer.body.toString()).errors[0].code).toBe('resource_not_found');
      expect(answer.headers['cache-control']).toBe('no-store');
    }
    expect((await get(uiUrl('0'))).status).toBe(404);
  });

  it('answers an unknown file, a folder or a hidden name with a Clerk-shaped 404', async () => {
    for (const file of ['nothing.js', 'types', 'themes/', '.hidden', 'clerk.browser.js/x', 'a'.repeat(600)]) {
      const answer = await get(clerkJsUrl(clerkJs.version, file));
      expect([file, answer.status]).toEqual([file, 404]);
      expect(JSON.parse(answer.body.toString()).errors[0].code).toBe('resource_not_found');
    }
  });

  it('serves nothing outside dist, however the path is spelled', async () => {
    const port = Number(new URL(server.baseUrl).port);
    const prefix = `/fapi/npm/@clerk/clerk-js@${clerkJs.version}/dist`;
    const targets = [
      `${prefix}/../package.json`,
      `${prefix}/types/../../package.json`,
      `${prefix}/..%2Fpackage.json`,
      `${prefix}/%2e%2e/package.json`,
      `${prefix}/%2E%2E%2Fpackage.json`,
      `${prefix}/./clerk.browser.js`,
      `${prefix}//etc/passwd`,
      `${prefix}/..\\package.json`,
      `${prefix}/%5C..%5Cpackage.json`,
      `${prefix}/%2Fetc%2Fpasswd`,
      `/fapi/npm/@clerk/clerk-js@..%2F..%2F/dist/package.json`,
      `/fapi/npm/@clerk/clerk-js@${clerkJs.version}/dist/../../../../../../etc/passwd`,
    ];
    for (const target of targets) {
      const answer = await rawRequest(port, { method: 'GET', target });
      expect([target, answer.status]).toEqual([target, 404]);
      expect(answer.body).not.toContain('"version"');
      expect(answer.body).not.toContain('root:');
    }
  });

  it('compresses with brotli or gzip as the client accepts, and not what it refuses or what is too small to gain', async () => {
    const original = onDisk(clerkJs.distDir, 'clerk.browser.js');
    const br = await get(clerkJsUrl(clerkJs.version), { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-length']).toBe(String(br.body.length));
    expect(br.body.length).toBeLessThan(original.length / 2);
    expect(brotliDecompressSync(br.body).equals(original)).toBe(true);

    const gzip = await get(clerkJsUrl(clerkJs.version), { 'accept-encoding': 'gzip;q=1, br;q=0' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).equals(original)).toBe(true);
    expect(gzip.headers.etag).not.toBe(br.headers.etag);

    const refused = await get(clerkJsUrl(clerkJs.version), { 'accept-encoding': 'br;q=0, gzip;q=0' });
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(refused.body.equals(original)).toBe(true);

    const tiny = fs.readdirSync(clerkJs.distDir).find((name) => name.endsWith('.js') && fs.statSync(path.join(clerkJs.distDir, name)).size < 1024)!;
    const small = await get(clerkJsUrl(clerkJs.version, tiny), { 'accept-encoding': 'br' });
    expect([small.status, small.headers['content-encoding']]).toEqual([200, undefined]);
  });

  it('answers 304 to a client whose copy is current (ETag or date)', async () => {
    const first = await get(clerkJsUrl(clerkJs.version), { 'accept-encoding': 'br' });
    const byTag = await get(clerkJsUrl(clerkJs.version), { 'accept-encoding': 'br', 'if-none-match': first.headers.etag! });
    expect([byTag.status, byTag.body.length]).toEqual([304, 0]);
    expect(byTag.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    // The brotli copy's tag does not stand for the uncompressed one.
    expect((await get(clerkJsUrl(clerkJs.version), { 'if-none-match': first.headers.etag! })).status).toBe(200);
    const byDate = await get(clerkJsUrl(clerkJs.version), { 'if-modified-since': first.headers['last-modified']! });
    expect(byDate.status).toBe(304);
    const older = new Date(Date.parse(first.headers['last-modified']!) - 60_000).toUTCString();
    expect((await get(clerkJsUrl(clerkJs.version), { 'if-modified-since': older })).status).toBe(200);
  });

  it('answers HEAD with the headers of GET and no body', async () => {
    const size = onDisk(clerkJs.distDir, 'clerk.browser.js').length;
    const head = await request(server.baseUrl, clerkJsUrl(major(clerkJs.version)), { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers['content-type']).toBe('application/javascript; charset=utf-8');
    expect(head.headers['content-length']).toBe(String(size));
    expect(head.body.length).toBe(0);
    const compressed = await request(server.baseUrl, clerkJsUrl(major(clerkJs.version)), { method: 'HEAD', headers: { 'accept-encoding': 'br' } });
    expect([compressed.status, compressed.headers['content-encoding'], compressed.body.length]).toEqual([200, 'br', 0]);
    expect((await request(server.baseUrl, clerkJsUrl('7'), { method: 'HEAD' })).status).toBe(404);
  });
});

describe('findBundleFile', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'roster-bundles-'));
  const dist = path.join(root, 'dist');
  fs.mkdirSync(path.join(dist, 'nested'), { recursive: true });
  fs.writeFileSync(path.join(dist, 'nested', 'inside.js'), 'inside');
  fs.writeFileSync(path.join(root, 'secret.txt'), 'outside');
  fs.symlinkSync(path.join(root, 'secret.txt'), path.join(dist, 'link.js'));
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('finds regular files inside dist only, whatever the path says or a symlink points to', async () => {
    expect(await findBundleFile(dist, 'nested/inside.js')).toMatchObject({ size: 6 });
    for (const relative of ['../secret.txt', 'nested/../../secret.txt', '/etc/passwd', 'link.js', 'nested', '', 'nested//inside.js', 'nested\\inside.js']) {
      expect([relative, await findBundleFile(dist, relative)]).toEqual([relative, null]);
    }
  });
});
