import { expectSpec } from '../helpers/openapi.js';
import { checkAgainstRosterDocument } from '../helpers/roster-document.js';

/**
 * Every JSON answer from a Roster test server — whether the test called it with fetch or through
 * @clerk/backend (which binds global fetch when it loads, after this setup file) — is validated
 * against Clerk's spec for its operation and status, and against the response schema Roster's own OpenAPI
 * document declares for it (so the document cannot drift from the code). A mismatch rejects the call,
 * failing the test.
 */
const realFetch = globalThis.fetch.bind(globalThis);

globalThis.fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
  const response = await realFetch(input, init);
  const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
  const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
  // Roster's own OpenAPI document is not an operation of Clerk's.
  if (url.hostname === '127.0.0.1' && url.pathname.startsWith('/v1') && url.pathname !== '/v1/openapi.json' && response.headers.get('content-type') === 'application/json') {
    const text = await response.clone().text();
    if (text) {
      const body = JSON.parse(text);
      expectSpec(method, `${url.pathname}${url.search}`, response.status, body);
      const mismatch = await checkAgainstRosterDocument(url.origin, method, url.pathname, response.status, body, realFetch);
      if (mismatch) throw new Error(`Roster's OpenAPI document does not describe ${method} ${url.pathname} -> ${response.status}:\n${mismatch}\nbody: ${text.slice(0, 2000)}`);
    }
  }
  return response;
};
