// Review 2: the handshake checks `redirect_url`'s origin only. A `blob:` URL has the origin of the page that made
// it, so `blob:http://localhost:5173/…` passes and the answer is a 307 to a non-http URL carrying the handshake
// token (a signed session token for the browser's session) in its query. Browsers refuse to follow it today, but
// the check promises "a page of an allowed origin", and the token should only ever travel to http(s) pages.
import { describe, expect, it } from 'vitest';
import { useTestServer } from '../../helpers/test-server.js';
import { raw } from '../../helpers/fapi-raw-http.js';

describe('the handshake redirect_url', () => {
  const server = useTestServer();

  it('is refused when it is not an http(s) URL, even if its origin is allowed', async () => {
    const target = 'blob:http://localhost:5173/5b1f2a4e-0000-4000-8000-000000000000';
    const answer = await raw(server.baseUrl, 'GET', `/fapi/v1/client/handshake?format=token&redirect_url=${encodeURIComponent(target)}`, { headers: { accept: 'text/html' } });
    // Now: 307, Location: blob:http://localhost:5173/…?__clerk_handshake=<JWT>
    expect([answer.status, answer.headers.location ?? null]).toEqual([422, null]);
  });
});
