import type { PasskeyRecord } from '../../../passkeys/passkey-record.js';
import type { PasskeyJSON } from './schemas.js';

/**
 * Clerk's `Passkey` on a Backend API User: its name, its last use and its (always verified) registration.
 * `last_used_at` is a required integer in the Backend API's spec, so a passkey never used since it was registered
 * shows its registration time; the verification's `expire_at` may be null there, and a completed registration has
 * no deadline left.
 */
export function toPasskeyJSONOfUser(passkey: PasskeyRecord): PasskeyJSON {
  return {
    id: passkey.id,
    object: 'passkey',
    name: passkey.name,
    last_used_at: passkey.lastUsedAtMs ?? passkey.createdAtMs,
    verification: { object: 'verification_passkey', status: 'verified', strategy: 'passkey', attempts: null, expire_at: null },
  };
}
