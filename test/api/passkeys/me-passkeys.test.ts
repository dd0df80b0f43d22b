// Issue 14: passkeys registered from the profile (/v1/me/passkeys): creation options as the verification's nonce,
// the authenticator's attestation checked (origin, relying party, single-use challenge), renamed, deleted, limited.
import { describe, expect, it } from 'vitest';
import { fapiBrowser } from '../../helpers/fapi-client.js';
import { registerPasskey, signedInBrowser } from '../../helpers/passkey-helpers.js';
import { createSoftAuthenticator } from '../../helpers/soft-authenticator.js';
import { useTestServer } from '../../helpers/test-server.js';

describe('Frontend API: passkeys from the profile', () => {
  const server = useTestServer();

  it('POST answers an unverified passkey whose nonce is the creation options; the attestation verifies it', async () => {
    const { browser, userId, email } = await signedInBrowser(server);
    const created = await browser.call('POST', '/v1/me/passkeys');
    expect(created.status).toBe(200);
    const passkey = created.body.response;
    expect(passkey).toMatchObject({ object: 'passkey', id: expect.stringMatching(/^idn_/), name: 'Passkey', last_used_at: null });
    expect(passkey.verification).toMatchObject({ object: 'verification_passkey', status: 'unverified', strategy: 'passkey', attempts: null });
    expect(passkey.verification.expire_at).toBe(passkey.created_at + 5 * 60 * 1000);
    const creation = JSON.parse(passkey.verification.nonce);
    expect(creation.rp).toEqual({ id: 'localhost', name: 'Roster' });
    expect(creation.user.name).toBe(email);
    expect(Buffer.from(creation.user.id, 'base64url').toString()).toBe(userId);
    expect(creation.authenticatorSelection).toMatchObject({ residentKey: 'required' });
    expect(creation.challenge).toMatch(/^[A-Za-z0-9_-]{20,}$/);

    const authenticator = createSoftAuthenticator();
    const verified = await browser.call('POST', `/v1/me/passkeys/${passkey.id}/attempt_verification`, {
      strategy: 'passkey',
      public_key_credential: authenticator.register(creation),
    });
    expect(verified.status).toBe(200);
    expect(verified.body.response).toMatchObject({ object: 'passkey', id: passkey.id, verification: { status: 'verified', strategy: 'passkey' } });
    expect(verified.body.response.verification.nonce).toBeUndefined();

    // Read back; a second attestation for it is refused.
    const read = await browser.call('GET', `/v1/me/passkeys/${passkey.id}`);
    expect(read.body.response.verification.status).toBe('verified');
    const again = await browser.call('POST', `/v1/me/passkeys/${passkey.id}/attempt_verification`, {
      strategy: 'passkey',
      public_key_credential: authenticator.register(creation),
    });
    expect(again.status).toBe(400);
    expect(again.body.errors[0].code).toBe('verification_already_verified');
  });

  it('refuses an attestation from another origin or for another relying party, and a challenge used or expired', async () => {
    const { browser } = await signedInBrowser(server);
    const authenticator = createSoftAuthenticator();
    const start = async () => {
      const created = await browser.call('POST', '/v1/me/passkeys');
      return { id: created.body.response.id as string, creation: JSON.parse(created.body.response.verification.nonce) };
    };
    const attempt = (id: string, credential: string) =>
      browser.call('POST', `/v1/me/passkeys/${id}/attempt_verification`, { strategy: 'passkey', public_key_credential: credential });

    const wrongOrigin = await start();
    const refused = await attempt(wrongOrigin.id, authenticator.register(wrongOrigin.creation, { origin: 'https://evil.example' }));
    expect(refused.status).toBe(422);
    expect(refused.body.errors[0]).toMatchObject({ code: 'passkey_invalid_public_key_credential', meta: { param_name: 'public_key_credential' } });
    // The challenge was used by that attempt: the right answer now finds none.
    const replay = await attempt(wrongOrigin.id, authenticator.register(wrongOrigin.creation));
    expect(replay.status).toBe(400);
    expect(replay.body.errors[0].code).toBe('passkey_invalid_verification');

    const wrongRp = await start();
    const otherRp = await attempt(wrongRp.id, authenticator.register(wrongRp.creation, { rpId: 'example.com' }));
    expect(otherRp.status).toBe(422);
    expect(otherRp.body.errors[0].code).toBe('passkey_invalid_public_key_credential');

    const late = await start();
    server.clock.advanceMs(5 * 60 * 1000 + 1000);
    const expired = await attempt(late.id, authenticator.register(late.creation));
    expect(expired.status).toBe(400);
    expect(expired.body.errors[0].code).toBe('passkey_invalid_verification');
  });

  it('refuses a malformed public_key_credential with 422', async () => {
    const { browser } = await signedInBrowser(server);
    const created = await browser.call('POST', '/v1/me/passkeys');
    for (const credential of ['not json', '{"id":1}', '']) {
      const answer = await browser.call('POST', `/v1/me/passkeys/${created.body.response.id}/attempt_verification`, { strategy: 'passkey', public_key_credential: credential });
      expect(answer.status).toBe(422);
      expect(answer.body.errors[0].code).toBe('passkey_invalid_public_key_credential');
    }
  });

  it('renames and deletes a passkey; another user\'s passkey is not found', async () => {
    const { browser } = await signedInBrowser(server);
    const { verified } = await registerPasskey(browser, createSoftAuthenticator());
    const id = verified.body.response.id;
    const renamed = await browser.call('PATCH', `/v1/me/passkeys/${id}`, { name: '  Work laptop ' });
    expect(renamed.status).toBe(200);
    expect(renamed.body.response).toMatchObject({ id, name: 'Work laptop' });
    const empty = await browser.call('PATCH', `/v1/me/passkeys/${id}`, { name: ' ' });
    expect(empty.status).toBe(422);
    expect(empty.body.errors[0]).toMatchObject({ code: 'form_param_missing', meta: { param_name: 'name' } });

    const other = await signedInBrowser(server);
    for (const [method, path] of [
      ['GET', `/v1/me/passkeys/${id}`],
      ['PATCH', `/v1/me/passkeys/${id}`],
      ['DELETE', `/v1/me/passkeys/${id}`],
      ['POST', `/v1/me/passkeys/${id}/attempt_verification`],
    ] as const) {
      const answer = await other.browser.call(method, path, method === 'GET' ? undefined : { name: 'Mine', strategy: 'passkey', public_key_credential: '{}' });
      expect(answer.status, `${method} ${path}`).toBe(404);
      expect(answer.body.errors[0].code).toBe('resource_not_found');
    }

    const deleted = await browser.call('DELETE', `/v1/me/passkeys/${id}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body.response).toEqual({ object: 'passkey', id, deleted: true });
    expect((await browser.call('GET', `/v1/me/passkeys/${id}`)).status).toBe(404);
  });

  it('needs a browser with a signed-in session', async () => {
    const anonymous = fapiBrowser(() => server);
    const answer = await anonymous.call('POST', '/v1/me/passkeys');
    expect(answer.status).toBe(400);
    expect(answer.body.errors[0].code).toBe('client_not_found');
  });
});

describe('Frontend API: the passkey limit', () => {
  const server = useTestServer({ ROSTER_PASSKEY_MAX_PER_USER: '1' });

  it('refuses a passkey beyond ROSTER_PASSKEY_MAX_PER_USER with 403 passkey_quota_exceeded', async () => {
    const { browser } = await signedInBrowser(server);
    expect((await registerPasskey(browser, createSoftAuthenticator())).verified.status).toBe(200);
    const second = await browser.call('POST', '/v1/me/passkeys');
    expect(second.status).toBe(403);
    expect(second.body.errors[0].code).toBe('passkey_quota_exceeded');
  });
});
