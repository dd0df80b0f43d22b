import { expectFapiSpec, expectSpec, FAPI_PREFIX, specAvailable, validateSchema } from '../helpers/openapi.js';
import { checkAgainstRosterDocument } from '../helpers/roster-document.js';

/**
 * Every JSON answer from a Roster test server — whether the test called it with fetch or through
 * @clerk/backend (which binds global fetch when it loads, after this setup file) — is validated
 * against Clerk's spec for its operation and status. Backend API answers (`/v1/…`) are checked against the
 * Backend API spec and against the response schema Roster's own OpenAPI document declares for them (so the
 * document cannot drift from the code); Frontend API answers (`/fapi/v1/…`, `POST ?_method=X` read as X)
 * against the Frontend API spec only, since FAPI routes are hidden from Roster's document. A mismatch
 * rejects the call, failing the test.
 */
const realFetch = globalThis.fetch.bind(globalThis);

/** Test servers listen on 127.0.0.1; FAPI tests may call them as localhost, the host browsers share cookies with. */
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost']);

/**
 * Clerk's operations that `@clerk/backend` calls but Clerk's published spec lacks (the handshake's nonce
 * redemption, the deprecated session verification): their answers are held to Roster's document, and their
 * errors to Clerk's error shape. Roster's own extensions (`/v1/roster/…`) are held to the same.
 */
const OUTSIDE_CLERK_SPEC = [
  /^GET \/v1\/clients\/handshake_payload$/,
  /^POST \/v1\/sessions\/[^/]+\/verify$/,
  // Roster's extensions of the Backend API (webhook endpoints): Roster's document describes them.
  /^[A-Z]+ \/v1\/roster\//,
];

function expectBackendSpec(method: string, url: URL, status: number, body: unknown): void {
  const operation = `${method.toUpperCase()} ${url.pathname}`;
  if (!OUTSIDE_CLERK_SPEC.some((pattern) => pattern.test(operation))) return expectSpec(method, `${url.pathname}${url.search}`, status, body);
  if (status < 400 || !specAvailable) return;
  const result = validateSchema('ClerkErrors', body);
  if (!result.ok) throw new Error(`${operation} -> ${status} is not a ClerkErrors body:\n${result.errors}`);
}

globalThis.fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
  const response = await realFetch(input, init);
  const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
  const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
  const contentType = response.headers.get('content-type');
  // clerk-js parses any JSON media type; @clerk/backend only exactly `application/json` (its answers are held to that).
  const isFapi = LOCAL_HOSTS.has(url.hostname) && url.pathname.startsWith(`${FAPI_PREFIX}/v1/`) && contentType?.split(';')[0]?.trim() === 'application/json';
  // Roster's own OpenAPI document is not an operation of Clerk's.
  const isBapi =
    url.hostname === '127.0.0.1' && url.pathname.startsWith('/v1') && url.pathname !== '/v1/openapi.json' && contentType === 'application/json';
  if (!isFapi && !isBapi) return response;
  const text = await response.clone().text();
  if (!text) return response;
  const body = JSON.parse(text);
  if (isFapi) {
    expectFapiSpec(method, `${url.pathname}${url.search}`, response.status, body);
    return response;
  }
  expectBackendSpec(method, url, response.status, body);
  const mismatch = await checkAgainstRosterDocument(url.origin, method, url.pathname, response.status, body, realFetch);
  if (mismatch) throw new Error(`Roster's OpenAPI document does not describe ${method} ${url.pathname} -> ${response.status}:\n${mismatch}\nbody: ${text.slice(0, 2000)}`);
  return response;
};
