// Review: the transports an attestation names are the browser's to say, so anything may arrive. They were stored
// as sent and handed back in every later ceremony's options (allowCredentials, excludeCredentials), where a
// string or an object instead of an array of transport names makes navigator.credentials.get/create throw: the
// user's passkey sign-in by identifier broke for good. Only known transport names are kept.
import { describe, expect, it } from 'vitest';
import { fapiBrowser } from '../../helpers/fapi-client.js';
import { signedInBrowser } from '../../helpers/passkey-helpers.js';
import { createSoftAuthenticator } from '../../helpers/soft-authenticator.js';
import { useTestServer } from '../../helpers/test-server.js';

describe('Frontend API: transports of a registered passkey', () => {
  const server = useTestServer();

  /** Registers a passkey whose attestation names `transports`; its credential id. */
  async function registerWithTransports(browser: ReturnType<typeof fapiBrowser>, transports: unknown) {
    const authenticator = createSoftAuthenticator();
    const created = await browser.call('POST', '/v1/me/passkeys');
    const credential = JSON.parse(authenticator.register(JSON.parse(created.body.response.verification.nonce)));
    credential.response.transports = transports;
    const verified = await browser.call('POST', `/v1/me/passkeys/${created.body.response.id}/attempt_verification`, {
      strategy: 'passkey',
      public_key_credential: JSON.stringify(credential),
    });
    expect(verified.status).toBe(200);
    return authenticator.credentialId;
  }

  it('keeps only known transport names, so later options stay what a browser accepts', async () => {
    const { browser, email } = await signedInBrowser(server);
    const plain = await registerWithTransports(browser, 'usb');
    const mixed = await registerWithTransports(browser, ['usb', 7, { evil: true }, 'nfc', 'usb', 'x'.repeat(1000)]);

    const next = await browser.call('POST', '/v1/me/passkeys');
    const creation = JSON.parse(next.body.response.verification.nonce);
    // Both registered in the same millisecond: their order is the ids'.
    const expected = [
      { id: plain, type: 'public-key', transports: [] },
      { id: mixed, type: 'public-key', transports: ['usb', 'nfc'] },
    ];
    expect(creation.excludeCredentials).toHaveLength(2);
    expect(creation.excludeCredentials).toEqual(expect.arrayContaining(expected));

    const other = fapiBrowser(() => server);
    const signIn = await other.call('POST', '/v1/client/sign_ins', { identifier: email });
    const prepared = await other.call('POST', `/v1/client/sign_ins/${signIn.body.response.id}/prepare_first_factor`, { strategy: 'passkey' });
    expect(prepared.status).toBe(200);
    const request = JSON.parse(prepared.body.response.first_factor_verification.nonce);
    expect(request.allowCredentials).toHaveLength(2);
    expect(request.allowCredentials).toEqual(expect.arrayContaining(expected));
  });
});
