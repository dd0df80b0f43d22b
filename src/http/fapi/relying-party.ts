import type { RelyingParty } from '../../passkeys/passkey-service.js';
import type { FapiContext } from './fapi-context.js';

/**
 * The WebAuthn relying party of the Frontend API: the configured id, else the FAPI's host name (`localhost` in
 * development; WebAuthn refuses an IP address such as `127.0.0.1`), named as configured or after the application;
 * an authenticator's answer is accepted from the page origins the FAPI itself accepts.
 */
export function fapiRelyingParty(ctx: Pick<FapiContext, 'config' | 'instance'>): RelyingParty {
  return {
    id: ctx.config.passkeys.rpId ?? new URL(ctx.instance.url()).hostname,
    name: ctx.config.passkeys.rpName ?? ctx.config.email.appName,
    isAllowedOrigin: (origin) => ctx.instance.isAllowedOrigin(origin),
  };
}
