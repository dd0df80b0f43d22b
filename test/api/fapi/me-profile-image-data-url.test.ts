// Regression (issue 12 review): POST /v1/me/profile_image's string form strips a `data:` URL prefix with
// DATA_URL_PREFIX (me-profile-image-routes.ts), `^data:[a-z0-9.+/-]*(;[a-z0-9=-]+)*;base64,`. On a body of a few MB
// of `;a` parameters (well under the 13.3 MB base64 body limit) V8's backtracking overflows its stack: the RangeError
// escapes the route and a client's malformed upload is answered 500 instead of 400.
import { describe, expect, it } from 'vitest';
import { fapiBrowser } from '../../helpers/fapi-client.js';
import { uniqueTag } from '../../helpers/fixtures.js';
import { useTestServer } from '../../helpers/test-server.js';

const PASSWORD = 'correct horse battery 42';

describe('a malformed data: URL upload is a client error', () => {
  const server = useTestServer();

  it('answers 400 (not 500) to a data: URL with millions of parameters', async () => {
    const email = `img-${uniqueTag()}+clerk_test@example.com`;
    await server.clerk.users.createUser({ emailAddress: [email], password: PASSWORD });
    const browser = fapiBrowser(() => server);
    const signIn = await browser.call('POST', '/v1/client/sign_ins', { identifier: email, strategy: 'password', password: PASSWORD });
    const cookie = [...browser.jar].map(([name, value]) => `${name}=${value}`).join('; ');
    const body = `data:${';a'.repeat(3_000_000)}`;
    const answer = await server.app.inject({
      method: 'POST',
      url: `/fapi/v1/me/profile_image?_clerk_session_id=${signIn.body.response.created_session_id}`,
      headers: { origin: 'http://localhost:5173', cookie, 'content-type': 'application/octet-stream' },
      body,
    });
    expect(answer.statusCode, answer.body.slice(0, 300)).toBe(400);
    expect(JSON.parse(answer.body).errors[0].code).toBe('request_body_invalid');
  });
});
