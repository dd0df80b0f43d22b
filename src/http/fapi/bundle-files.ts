import { readFileSync } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, extname, join, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlibConstants, gzip } from 'node:zlib';

/** One of Clerk's browser packages installed with Roster, whose `dist` folder Roster serves. */
export interface BundlePackage {
  name: string;
  /** The installed version, from its package.json. */
  version: string;
  /** The real path of its `dist` folder (symlinks resolved), which no served file may leave. */
  distDir: string;
}

/**
 * Finds `name` in Roster's own dependencies (never the working directory): resolves its entry point and
 * walks up to the package.json that names it. clerk-js does not export its package.json, so that cannot
 * be resolved directly.
 */
export function locateBundlePackage(name: string): BundlePackage {
  const entry = createRequire(import.meta.url).resolve(name);
  for (let dir = dirname(entry); dir !== dirname(dir); dir = dirname(dir)) {
    let manifest: { name?: string; version?: string };
    try {
      manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as typeof manifest;
    } catch {
      continue;
    }
    if (manifest.name !== name) continue;
    if (typeof manifest.version !== 'string') throw new Error(`${name}: package.json has no version`);
    return { name, version: manifest.version, distDir: join(dir, 'dist') };
  }
  throw new Error(`${name}: package.json not found above ${entry}`);
}

/** A file to serve: its real path, size and modification time. */
export interface BundleFile {
  path: string;
  size: number;
  mtimeMs: number;
}

/**
 * Segments of the names in Clerk's dist folders: letters, digits, `-`, `_`, `.`, never starting with a dot (no
 * `..`, no hidden files). The router and request-target.ts already refuse dot segments and encoded slashes;
 * this check does not depend on them.
 */
const SAFE_RELATIVE_PATH = /^[A-Za-z0-9_-][A-Za-z0-9._-]*(?:\/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$/;
const MAX_PATH_LENGTH = 512;

/** The regular file at `relativePath` inside the package's dist folder, or null when there is none. */
export async function findBundleFile(distDir: string, relativePath: string): Promise<BundleFile | null> {
  if (relativePath.length > MAX_PATH_LENGTH || !SAFE_RELATIVE_PATH.test(relativePath)) return null;
  try {
    const root = await realpath(distDir);
    // A symlink inside dist could point anywhere: the resolved file must still be under dist.
    const path = await realpath(join(root, relativePath));
    if (!path.startsWith(root + sep)) return null;
    const stats = await stat(path);
    return stats.isFile() ? { path, size: stats.size, mtimeMs: stats.mtimeMs } : null;
  } catch {
    return null;
  }
}

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'application/javascript; charset=utf-8',
  '.mjs': 'application/javascript; charset=utf-8',
  '.cjs': 'application/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  // Exactly `application/json`, as every JSON answer of Roster's (app.ts).
  '.map': 'application/json',
  '.json': 'application/json',
  '.ts': 'text/plain; charset=utf-8',
};

/** The file's Content-Type by extension (type declarations as plain text; anything else as bytes). */
export const contentTypeOf = (path: string): string => CONTENT_TYPES[extname(path)] ?? 'application/octet-stream';

export type ContentEncoding = 'br' | 'gzip';

/** Below this a compressed body saves less than its headers cost. */
const MIN_COMPRESSIBLE_BYTES = 1024;

/**
 * The encoding to answer with, from `Accept-Encoding`: brotli before gzip, neither when refused (`q=0`), when
 * the file is too small to gain, or when it is not text.
 */
export function chooseEncoding(acceptEncoding: string | undefined, file: BundleFile): ContentEncoding | null {
  if (!acceptEncoding || file.size < MIN_COMPRESSIBLE_BYTES || contentTypeOf(file.path) === 'application/octet-stream') return null;
  const accepted = new Map<string, number>();
  for (const part of acceptEncoding.toLowerCase().split(',')) {
    const [coding = '', ...params] = part.split(';').map((piece) => piece.trim());
    const q = params.find((param) => param.startsWith('q='));
    accepted.set(coding, q === undefined ? 1 : Number(q.slice(2)) || 0);
  }
  const acceptable = (coding: ContentEncoding) => (accepted.get(coding) ?? accepted.get('*') ?? 0) > 0;
  if (acceptable('br')) return 'br';
  if (acceptable('gzip')) return 'gzip';
  return null;
}

const compressors: Record<ContentEncoding, (input: Buffer) => Promise<Buffer>> = {
  // Quality 9 gets within 10% of brotli's best at a fifteenth of its time (45 ms for clerk's 500 KB chunk).
  br: (input) => promisify(brotliCompress)(input, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 9, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: input.length } }),
  gzip: (input) => promisify(gzip)(input, { level: 9 }),
};

/**
 * Compressed copies of bundle files, made once per file and encoding on first request (off the event loop, in
 * zlib's thread pool) and kept: the set is bounded by the installed dist folders, and the bundles are served
 * over and over. Precompressing at start would cost seconds for thousands of files a browser never asks for.
 */
export function createCompressedFileCache(): (file: BundleFile, encoding: ContentEncoding) => Promise<Buffer> {
  const cache = new Map<string, Promise<Buffer>>();
  return (file, encoding) => {
    const key = `${encoding}:${file.mtimeMs}:${file.path}`;
    let compressed = cache.get(key);
    if (!compressed) {
      compressed = readFile(file.path).then(compressors[encoding]);
      // A failure (file removed mid-read) is not remembered.
      compressed.catch(() => cache.delete(key));
      cache.set(key, compressed);
    }
    return compressed;
  };
}

/** A strong ETag per file version and encoding (each encoding is a different representation). */
export function etagOf(file: BundleFile, encoding: ContentEncoding | null): string {
  return `"${file.size.toString(16)}-${Math.floor(file.mtimeMs).toString(16)}${encoding ? `-${encoding}` : ''}"`;
}

/** Whether the client's cached copy (If-None-Match, else If-Modified-Since) is still this one. */
export function isNotModified(headers: { 'if-none-match'?: string; 'if-modified-since'?: string }, etag: string, file: BundleFile): boolean {
  const ifNoneMatch = headers['if-none-match'];
  if (ifNoneMatch !== undefined) {
    // Weak comparison, as RFC 9110 asks for If-None-Match.
    return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || tag.trim().replace(/^W\//, '') === etag);
  }
  const since = Date.parse(headers['if-modified-since'] ?? '');
  return !Number.isNaN(since) && Math.floor(file.mtimeMs / 1000) * 1000 <= since;
}
