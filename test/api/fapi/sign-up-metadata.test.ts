// Review 2: `unsafe_metadata` at a Frontend API sign-up arrives as JSON text inside a form field, so none of the
// rules the Backend API applies to JSON bodies (src/http/json-body.ts: at most 64 levels, no NUL) nor the 8 KiB
// metadata limit (src/domain/metadata.ts) are applied to it. Anyone can send it: no key, no cookie.
import { describe, expect, it } from 'vitest';
import { uniqueEmail } from '../../helpers/fixtures.js';
import { useTestServer } from '../../helpers/test-server.js';
import { cookieFrom, form, raw } from '../../helpers/fapi-raw-http.js';

const ORIGIN = 'http://localhost:5173';
const PASSWORD = 'correct horse battery 42';
const FORM = { origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' };
const nested = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

describe('Frontend API sign-up: unsafe_metadata', () => {
  const server = useTestServer();

  const signUp = (fields: Record<string, string>) => raw(server.baseUrl, 'POST', '/fapi/v1/client/sign_ups', { headers: FORM, body: form(fields) });

  it('answers a 4xx, not a 500, for metadata nested thousands of levels deep', async () => {
    const answer = await signUp({ email_address: uniqueEmail('deep'), unsafe_metadata: nested(5000) });
    // Now: 500 internal_clerk_error (RangeError: Maximum call stack size exceeded in JSON.stringify, sign-up-service.ts toUpdate).
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
  });

  it('refuses metadata over 8 KiB when the sign-up is made, as the Backend API does', async () => {
    const answer = await signUp({ email_address: uniqueEmail('big'), unsafe_metadata: JSON.stringify({ blob: 'x'.repeat(900_000) }) });
    // Now: 200, the ~900 KB document is stored on the sign-up row and echoed in every client answer (1.8 MB each).
    expect(answer.status).toBe(422);
  });

  it('cannot create a user whose metadata the Backend API would refuse (65+ levels, NUL)', async () => {
    for (const metadata of [nested(200), '{"a":"\\u0000"}']) {
      const email = uniqueEmail('meta+clerk_test');
      const created = await signUp({ email_address: email, password: PASSWORD, unsafe_metadata: metadata });
      if (created.status !== 200) continue; // refused up front: what the Backend API would do
      const headers = { ...FORM, cookie: `__client=${cookieFrom(created, '__client')}` };
      const id = created.json.response.id as string;
      await raw(server.baseUrl, 'POST', `/fapi/v1/client/sign_ups/${id}/prepare_verification`, { headers, body: form({ strategy: 'email_code' }) });
      const attempt = await raw(server.baseUrl, 'POST', `/fapi/v1/client/sign_ups/${id}/attempt_verification`, { headers, body: form({ strategy: 'email_code', code: '424242' }) });
      // Now: complete, with a user whose unsafe_metadata is 200 levels deep / holds NUL.
      expect([metadata.slice(0, 20), attempt.json?.response?.status]).not.toEqual([metadata.slice(0, 20), 'complete']);
    }
  });
});
