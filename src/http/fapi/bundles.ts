// GET /fapi/npm/@clerk/clerk-js@{version}/dist/{file} and GET /fapi/npm/@clerk/ui@{version}/dist/{file} — Clerk's
// browser bundles and their chunks, served from Roster's own node_modules, where Clerk's CDN would serve them
// for a proxied Frontend API (`<proxyUrl>/npm/@clerk/…`), so a browser needs no host but Roster.
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { Type } from 'typebox';
import { errors } from '../../lib/error-catalog.js';
import { isExactVersion, satisfiesVersionRequest } from '../../lib/version-range.js';
import type { RosterApp } from '../roster-app.js';
import {
  chooseEncoding,
  contentTypeOf,
  createCompressedFileCache,
  etagOf,
  findBundleFile,
  isNotModified,
  locateBundlePackage,
  type BundlePackage,
} from './bundle-files.js';

/** The path prefix of the bundles, under the Frontend API's base. */
export const BUNDLES_PATH = '/fapi/npm';

/** The packages served, by the name their URL uses after `@clerk/`. */
const PACKAGES = { 'clerk-js': '@clerk/clerk-js', ui: '@clerk/ui' } as const;

/** `/fapi/npm/@clerk/<slug>@:version/dist/*`: the route of one package, as PUBLIC_ROUTES lists it. */
export const bundleRouteUrl = (slug: keyof typeof PACKAGES): string => `${BUNDLES_PATH}/@clerk/${slug}@:version/dist/*`;

/** A version URL's content never changes; a major, a range or `latest` moves when Roster's dependency does. */
const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';
const MOVING_CACHE = 'public, max-age=600';

const BundleParams = Type.Object({ version: Type.String(), '*': Type.String() });

/**
 * Registers both packages' routes. Each answers the installed version when it satisfies the URL's version
 * (exact, major, `^`/`~` range or `latest`), else 404; every file of the package's dist folder is reachable
 * (the bundles load their chunks relative to their own URL), nothing outside it.
 */
export function registerBundleRoutes(app: RosterApp): void {
  const compressed = createCompressedFileCache();
  for (const [slug, name] of Object.entries(PACKAGES) as [keyof typeof PACKAGES, string][]) {
    const bundlePackage: BundlePackage = locateBundlePackage(name);
    app.get(bundleRouteUrl(slug), { config: { auth: 'public' }, schema: { hide: true, params: BundleParams } }, async (request, reply) => {
      const { version, '*': relativePath } = request.params;
      if (!satisfiesVersionRequest(bundlePackage.version, version)) throw errors.resourceNotFound();
      const file = await findBundleFile(bundlePackage.distDir, relativePath);
      if (!file) throw errors.resourceNotFound();

      const encoding = chooseEncoding(request.headers['accept-encoding'], file);
      const etag = etagOf(file, encoding);
      reply
        .header('cache-control', isExactVersion(version) ? IMMUTABLE_CACHE : MOVING_CACHE)
        .header('etag', etag)
        .header('last-modified', new Date(file.mtimeMs).toUTCString())
        .header('vary', 'Accept-Encoding')
        // Clerk's script loaders (@clerk/shared loadClerkJSScript) add crossorigin="anonymous", which makes the
        // bundle a CORS request; without this the browser refuses a bundle from another origin than the page.
        // No credentials are involved, so any origin may read these public files.
        .header('access-control-allow-origin', '*')
        .header('cross-origin-resource-policy', 'cross-origin');
      if (isNotModified(request.headers, etag, file)) return reply.code(304).send();

      reply.type(contentTypeOf(file.path));
      if (encoding) {
        const body = await compressed(file, encoding);
        // On HEAD, Fastify sends the headers with this body's length and drops the body.
        return reply.header('content-encoding', encoding).send(body);
      }
      reply.header('content-length', file.size);
      // On HEAD, Fastify keeps the length set here for a stream payload; an empty one spares reading the file.
      return reply.send(request.method === 'HEAD' ? Readable.from([]) : createReadStream(file.path));
    });
  }
}
