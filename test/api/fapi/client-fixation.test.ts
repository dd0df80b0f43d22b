// Review 2: the `__client` secret is never rotated. Whoever knows the secret a browser holds before it signs in
// holds the session it gets afterwards: a cookie planted by a sibling subdomain (`Domain=example.com; Path=/fapi`,
// sent first by the browser), by a network attacker on any http page of the site (the cookie is not `__Host-`), or,
// in development, by any other server on localhost (cookies do not isolate ports). Session fixation.
import { describe, expect, it } from 'vitest';
import { uniqueEmail } from '../../helpers/fixtures.js';
import { useTestServer } from '../../helpers/test-server.js';
import { cookieFrom, form, raw } from '../../helpers/fapi-raw-http.js';

const ORIGIN = 'http://localhost:5173';
const PASSWORD = 'correct horse battery 42';

describe('Frontend API: the __client secret across a sign-in', () => {
  const server = useTestServer();

  it('is replaced when a sign-in completes; the secret from before it holds no session', async () => {
    const email = uniqueEmail('fixation');
    await server.clerk.users.createUser({ emailAddress: [email], password: PASSWORD });

    // The attacker makes a client and plants its secret in the victim's browser.
    const planted = cookieFrom(await raw(server.baseUrl, 'PUT', '/fapi/v1/client', { headers: { origin: ORIGIN } }), '__client')!;

    // The victim signs in with the planted cookie.
    const signIn = await raw(server.baseUrl, 'POST', '/fapi/v1/client/sign_ins', {
      headers: { origin: ORIGIN, cookie: `__client=${planted}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: form({ identifier: email, strategy: 'password', password: PASSWORD }),
    });
    expect(signIn.json.response.status).toBe('complete');
    const sessionId = signIn.json.response.created_session_id as string;

    // The attacker, still holding the planted secret, asks for the victim's session token.
    const stolen = await raw(server.baseUrl, 'POST', `/fapi/v1/client/sessions/${sessionId}/tokens`, { headers: { origin: ORIGIN, cookie: `__client=${planted}` } });
    // Now: 200 with a session token of the victim, and no new __client cookie was set at sign-in.
    expect({ rotated: cookieFrom(signIn, '__client') !== undefined && cookieFrom(signIn, '__client') !== planted, stolen: stolen.status === 200 ? 'token minted' : 'refused' }).toEqual({
      rotated: true,
      stolen: 'refused',
    });
  });
});
