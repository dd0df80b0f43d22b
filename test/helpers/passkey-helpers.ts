import { expect } from 'vitest';
import { fapiBrowser } from './fapi-client.js';
import { uniqueTag } from './fixtures.js';
import { createSoftAuthenticator, type CeremonyOptions, type SoftAuthenticator } from './soft-authenticator.js';
import type { TestServer } from './test-server.js';

export const PASSKEY_PASSWORD = 'correct horse battery 42';

/** A user signed in through the Frontend API with a password: the browser and the user's id and address. */
export async function signedInBrowser(server: TestServer) {
  const email = `pk-${uniqueTag()}+clerk_test@example.com`;
  const user = await server.clerk.users.createUser({ emailAddress: [email], password: PASSKEY_PASSWORD });
  const browser = fapiBrowser(() => server);
  const signIn = await browser.call('POST', '/v1/client/sign_ins', { identifier: email, strategy: 'password', password: PASSKEY_PASSWORD });
  expect(signIn.body.response.status).toBe('complete');
  return { browser, userId: user.id, email };
}

/** Registers a passkey of `authenticator` from the profile (POST, then attempt_verification); the verified passkey JSON. */
export async function registerPasskey(browser: ReturnType<typeof fapiBrowser>, authenticator: SoftAuthenticator, options: CeremonyOptions = {}) {
  const created = await browser.call('POST', '/v1/me/passkeys');
  expect(created.status).toBe(200);
  const creation = JSON.parse(created.body.response.verification.nonce);
  const verified = await browser.call('POST', `/v1/me/passkeys/${created.body.response.id}/attempt_verification`, {
    strategy: 'passkey',
    public_key_credential: authenticator.register(creation, options),
  });
  return { created, verified };
}

/** A user with one registered passkey, signed out: the authenticator holding it and a fresh browser. */
export async function userWithPasskey(server: TestServer) {
  const { browser, userId, email } = await signedInBrowser(server);
  const authenticator = createSoftAuthenticator();
  const { verified } = await registerPasskey(browser, authenticator);
  expect(verified.status).toBe(200);
  return { userId, email, authenticator, passkeyId: verified.body.response.id as string, browser: fapiBrowser(() => server), owner: browser };
}
