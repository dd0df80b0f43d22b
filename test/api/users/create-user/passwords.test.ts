// POST /v1/users with a password: Clerk's password policy, its byte cap, and skip_password_checks.
import { describe, expect, it } from 'vitest';
import { createUserHelpers } from '../../../helpers/create-user-helpers.js';
import { uniqueEmail } from '../../../helpers/fixtures.js';
import { useTestServer } from '../../../helpers/test-server.js';

const server = useTestServer();
const { createRaw, expectRejected } = createUserHelpers(() => server);

describe('POST /v1/users: password', () => {
  it('sets a password: password_enabled and password_last_updated_at', async () => {
    const res = await createRaw({ email_address: [uniqueEmail()], password: 'correct horse battery staple 42' });
    expect(res.status).toBe(200);
    expect(res.body.password_enabled).toBe(true);
    expect(res.body.password_last_updated_at).toBe(server.clock.nowMs());
    expect(JSON.stringify(res.body)).not.toContain('correct horse');
  });

  it('refuses a password shorter than 8 characters', async () => {
    await expectRejected({ email_address: [uniqueEmail()], password: 'x9!Qz' }, 422, 'form_password_length_too_short', 'password');
  });

  it('refuses breached passwords with form_password_pwned', async () => {
    for (const password of ['password123', '12345678']) {
      await expectRejected({ email_address: [uniqueEmail()], password }, 422, 'form_password_pwned', 'password');
    }
  });

  it('accepts exactly 72 bytes and refuses more (form_password_size_in_bytes_exceeded), multi-byte characters counted in bytes', async () => {
    const ok = await createRaw({ email_address: [uniqueEmail()], password: `${'k7'.repeat(35)}Zq` });
    expect(ok.status).toBe(200);
    await expectRejected({ email_address: [uniqueEmail()], password: 'k'.repeat(73) }, 422, 'form_password_size_in_bytes_exceeded', 'password');
    // 37 characters, 74 bytes.
    await expectRejected({ email_address: [uniqueEmail()], password: 'é'.repeat(37) }, 422, 'form_password_size_in_bytes_exceeded', 'password');
  });

  it('skip_password_checks allows a short or breached password, but never more than 72 bytes', async () => {
    for (const password of ['abc', 'password123']) {
      const res = await createRaw({ email_address: [uniqueEmail()], password, skip_password_checks: true });
      expect(res.status).toBe(200);
      expect(res.body.password_enabled).toBe(true);
    }
    await expectRejected(
      { email_address: [uniqueEmail()], password: 'z'.repeat(73), skip_password_checks: true },
      422,
      'form_password_size_in_bytes_exceeded',
      'password',
    );
  });
});
