// Links external accounts straight into the database (no browser flow): the provider's answer is made up, its
// tokens are any strings (the mock provider refreshes any refresh token).
import { linkExternalAccount } from '../../../src/oauth/external-accounts.js';
import type { ProviderIdentity } from '../../../src/oauth/provider-client.js';
import { createSecretBox } from '../../../src/lib/secret-box.js';
import { uniqueTag } from '../../helpers/fixtures.js';
import type { TestServer } from '../../helpers/test-server.js';

export interface SeedOptions {
  provider?: string;
  providerUserId?: string;
  accessToken?: string;
  /** null: the provider gave none. */
  refreshToken?: string | null;
  idToken?: string | null;
  /** Unix ms; null: the provider did not say. @default an hour from the server's clock */
  expiresAtMs?: number | null;
  emailAddress?: string;
  imageUrl?: string | null;
}

/** Links a verified external account to `userId` and returns its row (tokens sealed as the server seals them). */
export async function seedExternalAccount(server: TestServer, userId: string, options: SeedOptions = {}) {
  const tag = uniqueTag();
  const identity: ProviderIdentity = {
    profile: {
      providerUserId: options.providerUserId ?? `sub-${tag}`,
      emailAddress: options.emailAddress ?? `ext-${tag}@example.com`,
      emailAddressVerified: true,
      firstName: 'Ada',
      lastName: 'Lovelace',
      imageUrl: options.imageUrl === undefined ? 'https://images.example.com/ada.png' : options.imageUrl,
      username: null,
      phoneNumber: null,
    },
    tokens: {
      accessToken: options.accessToken ?? `access-${tag}`,
      refreshToken: options.refreshToken === undefined ? `refresh-${tag}` : options.refreshToken,
      idToken: options.idToken ?? null,
      expiresAtMs: options.expiresAtMs === undefined ? server.clock.nowMs() + 3_600_000 : options.expiresAtMs,
      scopes: ['openid', 'email', 'profile'],
    },
  };
  const secretBox = createSecretBox(server.config.instanceKey!);
  return linkExternalAccount({ secretBox }, server.database.db, { userId, provider: options.provider ?? 'oauth_google', identity, nowMs: server.clock.nowMs() });
}
