import { ConfigError } from './config-error.js';

export type UserVerification = 'required' | 'preferred' | 'discouraged';

/** WebAuthn settings of the instance's passkeys. */
export interface PasskeyConfig {
  /**
   * `ROSTER_PASSKEY_RP_ID`: the relying party id (a registrable domain the app's pages are on, e.g. `example.com`);
   * null: the Frontend API's host name (`localhost` in development).
   */
  rpId: string | null;
  /** `ROSTER_PASSKEY_RP_NAME`: shown by authenticators; null: the application's name. */
  rpName: string | null;
  /** `ROSTER_PASSKEY_USER_VERIFICATION`: whether the authenticator must verify the person (PIN, biometrics). @default preferred */
  userVerification: UserVerification;
  /** `ROSTER_PASSKEY_MAX_PER_USER`: Clerk's limit of passkeys per account. @default 10 */
  maxPerUser: number;
}

const VERIFICATIONS: readonly UserVerification[] = ['required', 'preferred', 'discouraged'];
const RP_ID = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;

export function loadPasskeyConfig(env: NodeJS.ProcessEnv): Readonly<PasskeyConfig> {
  const rpId = env.ROSTER_PASSKEY_RP_ID?.trim().toLowerCase() || null;
  if (rpId !== null && !RP_ID.test(rpId)) throw new ConfigError(`ROSTER_PASSKEY_RP_ID must be a domain name (example.com), got "${rpId}"`);
  const rpName = env.ROSTER_PASSKEY_RP_NAME?.trim() || null;
  const verification = (env.ROSTER_PASSKEY_USER_VERIFICATION?.trim().toLowerCase() || 'preferred') as UserVerification;
  if (!VERIFICATIONS.includes(verification)) throw new ConfigError(`ROSTER_PASSKEY_USER_VERIFICATION must be one of ${VERIFICATIONS.join(', ')}`);
  const maxText = env.ROSTER_PASSKEY_MAX_PER_USER?.trim();
  const maxPerUser = maxText ? Number(maxText) : 10;
  if (!Number.isInteger(maxPerUser) || maxPerUser < 1 || maxPerUser > 100) throw new ConfigError('ROSTER_PASSKEY_MAX_PER_USER must be an integer between 1 and 100');
  return Object.freeze({ rpId, rpName, userVerification: verification, maxPerUser });
}
