// GET /v1/openapi.json — Roster's own OpenAPI document, generated from the route schemas (public).
// GET /roster/docs — a page to browse it (Swagger UI, served from Roster's own dependencies: no CDN).
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import fastifySwagger from '@fastify/swagger';
import { CLERK_OPERATIONS, CLERK_SPEC_VERSION } from './clerk-operations.js';
export const OPENAPI_PATH = '/v1/openapi.json';
export const DOCS_PATH = '/roster/docs';
/** Roster's additions to Clerk's API carry this tag, so the document says which operations are Clerk's. */
export const ROSTER_EXTENSION_TAG = 'Roster extensions';
/** `/v1/users/:user_id` → `/v1/users/{user_id}`, the spec's spelling. */
export const toOpenApiPath = (url) => url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
/**
 * Clerk's operations by `METHOD /path`: the current spec's, plus the one the brief names that the spec has since
 * dropped (create TOTP, from the 2024-10-01 spec).
 */
const clerkOperations = new Map([...CLERK_OPERATIONS, { method: 'POST', path: '/v1/users/{user_id}/totp', operationId: 'CreateUserTOTP', tag: 'Users' }].map((operation) => [
    `${operation.method} ${operation.path}`,
    operation,
]));
/** `GET /roster/avatars/:seed` → `RosterGetAvatarsSeed`: stable ids for Roster's own operations. */
function extensionOperationId(method, url) {
    const words = url.split(/[^A-Za-z0-9]+/).filter((word) => word && word !== 'roster' && word !== 'v1');
    return `Roster${method[0]}${method.slice(1).toLowerCase()}${words.map((word) => word[0].toUpperCase() + word.slice(1)).join('')}`;
}
/**
 * Names each route's operation: Clerk's operationId and tag where the route serves an operation of Clerk's
 * spec, a `Roster…` id under {@link ROSTER_EXTENSION_TAG} otherwise; a route may name its own. Public routes
 * need no key; every other route needs the secret key.
 */
function describeOperation(route) {
    const method = Array.isArray(route.method) ? route.method[0] : route.method;
    if (method === 'HEAD')
        return;
    const schema = (route.schema ??= {});
    const clerk = clerkOperations.get(`${method} ${toOpenApiPath(route.url)}`);
    schema.operationId ??= clerk?.operationId ?? extensionOperationId(method, route.url);
    schema.tags ??= [clerk?.tag ?? ROSTER_EXTENSION_TAG];
    if (route.config?.auth === 'public')
        schema.security ??= [];
}
/** Registers the document generator (before any route, so it sees them all) and the two public pages. */
export async function registerOpenApi(app) {
    // From dist/http or src/http alike, the package root is two folders up.
    const { version } = createRequire(import.meta.url)('../../package.json');
    app.addHook('onRoute', describeOperation);
    await app.register(fastifySwagger, {
        openapi: {
            openapi: '3.1.0',
            info: {
                title: 'Roster',
                version,
                description: `The operations this Roster serves. Operations tagged with one of Clerk's tags follow Clerk's Backend API ` +
                    `(spec ${CLERK_SPEC_VERSION}) and keep its operationIds; "${ROSTER_EXTENSION_TAG}" are Roster's own.`,
            },
            servers: [{ url: '/' }],
            components: { securitySchemes: { secretKey: { type: 'http', scheme: 'bearer', description: 'A secret key (`sk_test_…`/`sk_live_…`).' } } },
            security: [{ secretKey: [] }],
        },
        hideUntagged: false,
        exposeHeadRoutes: false,
        // Used for the document only: the routes' own schemas (and validation) stay as declared.
        transform: ({ schema, url, route }) => ({ schema: withMultipartBody(schema, route.config?.multipartFields), url }),
    });
    app.get(OPENAPI_PATH, { config: { auth: 'public' }, schema: { hide: true } }, async () => app.swagger());
    const assets = join(dirname(createRequire(import.meta.url).resolve('@fastify/swagger-ui/package.json')), 'static');
    // Read once, on first use: the page is public, so each request must cost no disk read.
    const cache = new Map();
    const asset = (name) => {
        if (!cache.has(name))
            cache.set(name, readFile(join(assets, name)));
        return cache.get(name);
    };
    app.get(DOCS_PATH, { config: { auth: 'public' }, schema: { hide: true } }, async (_request, reply) => reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(DOCS_PAGE));
    app.get(`${DOCS_PATH}/swagger-ui.css`, { config: { auth: 'public' }, schema: { hide: true } }, async (_request, reply) => reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=86400').send(await asset('swagger-ui.css')));
    app.get(`${DOCS_PATH}/swagger-ui-bundle.js`, { config: { auth: 'public' }, schema: { hide: true } }, async (_request, reply) => reply.type('text/javascript; charset=utf-8').header('cache-control', 'public, max-age=86400').send(await asset('swagger-ui-bundle.js')));
}
/** A multipart route's form, as the document's request body. */
function withMultipartBody(schema, fields) {
    if (!fields)
        return schema;
    const properties = Object.fromEntries(Object.entries(fields).map(([name, kind]) => [name, kind === 'file' ? { type: 'string', format: 'binary' } : { type: 'string' }]));
    const required = Object.entries(fields).filter(([, kind]) => kind === 'file').map(([name]) => name);
    return { ...schema, consumes: ['multipart/form-data'], body: { type: 'object', properties, required } };
}
const DOCS_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Roster API</title><link rel="stylesheet" href="${DOCS_PATH}/swagger-ui.css"></head>
<body><div id="docs"></div>
<script src="${DOCS_PATH}/swagger-ui-bundle.js"></script>
<script>SwaggerUIBundle({ url: '${OPENAPI_PATH}', dom_id: '#docs', deepLinking: true });</script>
</body>
</html>
`;
//# sourceMappingURL=openapi.js.map