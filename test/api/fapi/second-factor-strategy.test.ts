// Review 2: attempt_second_factor ignores the strategy it is given: `strategy=totp` with a backup code (and
// `strategy=backup_code` with a TOTP code) completes the sign-in, and `last_authentication_strategy` records the
// strategy claimed, not the factor used. Clerk checks the code against the named strategy only.
import { describe, expect, it } from 'vitest';
import { uniqueEmail } from '../../helpers/fixtures.js';
import { useTestServer } from '../../helpers/test-server.js';
import { generateTOTPSecret } from '../../../src/mfa/totp.js';
import { cookieFrom, form, raw } from '../../helpers/fapi-raw-http.js';

const ORIGIN = 'http://localhost:5173';
const PASSWORD = 'correct horse battery 42';
const FORM = { origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' };

describe('Frontend API sign-in: the second factor', () => {
  const server = useTestServer();

  it('checks the code against the strategy named: a backup code is not a TOTP code', async () => {
    const email = uniqueEmail('second-factor');
    const created = await server.api('POST', '/v1/users', { email_address: [email], password: PASSWORD, totp_secret: generateTOTPSecret(), backup_codes: ['backup-code-one'] });
    expect(created.status).toBe(200);
    const signIn = await raw(server.baseUrl, 'POST', '/fapi/v1/client/sign_ins', { headers: FORM, body: form({ identifier: email, strategy: 'password', password: PASSWORD }) });
    expect(signIn.json.response.status).toBe('needs_second_factor');
    const attempt = await raw(server.baseUrl, 'POST', `/fapi/v1/client/sign_ins/${signIn.json.response.id}/attempt_second_factor`, {
      headers: { ...FORM, cookie: `__client=${cookieFrom(signIn, '__client')}` },
      body: form({ strategy: 'totp', code: 'backup-code-one' }),
    });
    // Now: 200 complete.
    expect(attempt.status).toBe(422);
  });
});
