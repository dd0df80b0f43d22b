import { CHALLENGE_LIFETIME_MS } from '../../../passkeys/passkey-service.js';
import type { PasskeyRow } from '../../../storage/tables/passkey-tables.js';

/**
 * `Client.Passkey`. A passkey waiting for its authenticator shows an `unverified` verification that expires with
 * its registration challenge; `nonce` (the creation options as JSON text, which clerk-js turns into the
 * `publicKey` of `navigator.credentials.create`) only in the answer that issued them.
 */
export function toPasskeyJSON(row: PasskeyRow, options: { nonce?: string } = {}) {
  const verified = row.verification_status === 'verified';
  return {
    object: 'passkey' as const,
    id: row.id,
    name: row.name,
    last_used_at: row.last_used_at === null ? null : Number(row.last_used_at),
    verification: {
      object: 'verification_passkey' as const,
      status: (verified ? 'verified' : 'unverified') as 'verified' | 'unverified',
      strategy: 'passkey' as const,
      ...(options.nonce !== undefined ? { nonce: options.nonce } : {}),
      attempts: null,
      // When the registration challenge expired (or expires), as Clerk keeps it on a verified passkey too.
      expire_at: Number(row.created_at) + CHALLENGE_LIFETIME_MS,
    },
    created_at: Number(row.created_at),
    updated_at: Number(row.updated_at),
  };
}
