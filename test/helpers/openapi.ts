/**
 * Test helper: validate HTTP response bodies against Clerk's OpenAPI specs, the Backend API's
 * (`clerk-bapi-2026-05-12.yml`, plus `POST /users/{user_id}/totp` from an older spec) and the Frontend
 * API's (`clerk-fapi-2026-05-12.yml`).
 *
 * The specs live outside the project, in `../shared/reference/` (relative to the project root).
 * When a spec is absent, its `…Available` flag is false, its `expect…` function is a no-op and spec tests
 * should be skipped with `describe.skipIf(!specAvailable)` / `describe.skipIf(!fapiSpecAvailable)`.
 *
 * - Backend API: requests are `/v1/<rest>`; the spec's paths are `/<rest>`.
 * - Frontend API: Roster mounts it under `/fapi`, so requests are `/fapi/v1/<rest>`; the spec's paths are
 *   `/v1/<rest>`. clerk-js sends only GET and POST, the other verbs as `POST …?_method=PATCH|PUT|DELETE`:
 *   such an answer is validated against the overridden method's operation.
 */
import { createSpecValidator, pathOf, type SpecRequest } from './openapi-spec.js';

export type { ResolvedOperation, ValidationResult } from './openapi-spec.js';
export { toJsonSchema } from './openapi-schema.js';

/** Roster's path prefix for the Frontend API. */
export const FAPI_PREFIX = '/fapi';

const bapi = createSpecValidator({
  mainFile: 'clerk-bapi-2026-05-12.yml',
  extraFiles: ['clerk-bapi-create-user-totp-2024-10-01.yml'],
  toSpecRequest: (method, url) => ({ method, path: pathOf(url, '/v1') }),
  paginatedWrapsArrays: true,
});

const OVERRIDABLE_METHODS = new Set(['PATCH', 'PUT', 'DELETE']);

/**
 * The Frontend API operation a request addresses: `/fapi` dropped from the path (a path without it is
 * taken as already relative to the FAPI's base), and `POST ?_method=X` read as X.
 */
export function toFapiSpecRequest(method: string, url: string): SpecRequest {
  const path = pathOf(url, FAPI_PREFIX);
  const query = /\?([^#]*)/.exec(url)?.[1] ?? '';
  const override = new URLSearchParams(query).get('_method')?.toUpperCase();
  const overridden = method.toUpperCase() === 'POST' && override !== undefined && OVERRIDABLE_METHODS.has(override);
  return { method: overridden ? override : method, path };
}

const fapi = createSpecValidator({ mainFile: 'clerk-fapi-2026-05-12.yml', toSpecRequest: toFapiSpecRequest });

/** True when `../shared/reference/` (with the main BAPI spec) exists. */
export const specAvailable: boolean = bapi.available;
/** Human readable reason to use when skipping Backend API spec-validation tests. */
export const specSkipReason: string = bapi.skipReason;

/**
 * Finds the documented Backend API operation for an actual request (e.g. `POST /v1/users/ban?x=1`),
 * or undefined when none is documented.
 */
export const resolveOperation = bapi.resolveOperation;

/**
 * Validates a response body against the Backend API's documented response for (method, url, status).
 * `url` is the actual request path, optionally with `/v1` prefix, query string or origin.
 * Undocumented operations/statuses are reported as mismatches; a documented response without
 * a JSON schema accepts any body. Throws when the spec is not available.
 */
export const validateResponse = bapi.validateResponse;

/**
 * Vitest convenience: throws a readable Error when the body does not match the Backend API spec.
 * No-op when the spec folder is absent (`specAvailable === false`).
 */
export const expectSpec = bapi.expectSpec;

/** Validates a Backend API body against one of the spec's component schemas (e.g. `ClerkErrors`). */
export const validateSchema = bapi.validateSchema;

/** True when `../shared/reference/clerk-fapi-2026-05-12.yml` exists. */
export const fapiSpecAvailable: boolean = fapi.available;
/** Human readable reason to use when skipping Frontend API spec-validation tests. */
export const fapiSpecSkipReason: string = fapi.skipReason;

/** The documented Frontend API operation for a request (`/fapi/v1/…`, `_method` honoured), or undefined. */
export const resolveFapiOperation = fapi.resolveOperation;

/**
 * Validates a Frontend API answer: `url` is the request's URL (`/fapi/v1/client?_method=DELETE`, with or
 * without origin). Throws when the spec is not available.
 */
export const validateFapiResponse = fapi.validateResponse;

/**
 * Vitest convenience for Frontend API answers, e.g. those a browser test captures itself: throws a
 * readable Error on a mismatch. No-op when the FAPI spec is absent.
 */
export const expectFapiSpec = fapi.expectSpec;

/** Validates a Frontend API body against one of the spec's component schemas (e.g. `Client.Environment`). */
export const validateFapiSchema = fapi.validateSchema;
