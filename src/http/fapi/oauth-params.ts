import { errors } from '../../lib/error-catalog.js';
import type { OAuthStartRequest } from '../../clients/oauth-attempts.js';
import type { FapiContext } from './fapi-context.js';
import type { formFields } from './form-fields.js';

/** The longest strategy name a request may carry (Clerk's are far shorter); longer ones are refused unechoed. */
const MAX_STRATEGY_LENGTH = 64;

/** Clerk's strategy names for OAuth (`oauth_google`, `oauth_custom_acme`); refuses an oversized `strategy` outright. */
export function isOAuthStrategy(strategy: string | undefined): strategy is string {
  if (strategy !== undefined && strategy.length > MAX_STRATEGY_LENGTH) throw errors.paramMaxLengthExceeded('strategy', MAX_STRATEGY_LENGTH);
  return strategy !== undefined && /^oauth_[a-z0-9_]+$/.test(strategy);
}

const MAX_URL_LENGTH = 2048;

/** The Frontend API's callback, as registered at every provider. */
export const oauthCallbackUrl = (ctx: Pick<FapiContext, 'instance'>) => `${ctx.instance.url()}/v1/oauth_callback`;

/**
 * A redirect URL after the provider: an absolute http(s) URL on an origin the instance allows (what clerk-js
 * sends), so the callback can never bounce a browser, and its new session, to someone else's site.
 */
export function parseRedirectUrl(ctx: Pick<FapiContext, 'instance'>, value: string | undefined, paramName: string, required: boolean): string | null {
  if (value === undefined || value === '') {
    if (required) throw errors.paramMissing(paramName);
    return null;
  }
  if (value.length > MAX_URL_LENGTH) throw errors.invalidRedirectUrl(paramName);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw errors.invalidRedirectUrl(paramName);
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password) throw errors.invalidRedirectUrl(paramName);
  if (!ctx.instance.isAllowedOrigin(url.origin)) throw errors.redirectUrlDomainMismatch(paramName);
  return url.href;
}

/** The fields of an OAuth start (`strategy`, `redirect_url`, `action_complete_redirect_url`, OIDC hints). */
export function oauthStartRequest(ctx: Pick<FapiContext, 'instance' | 'oauthProviders'>, form: ReturnType<typeof formFields>, strategy: string): OAuthStartRequest {
  if (!ctx.oauthProviders.has(strategy)) throw errors.oauthProviderNotEnabled(strategy);
  const short = (name: string) => {
    const value = form.string(name);
    if (value !== undefined && value.length > 256) throw errors.paramMaxLengthExceeded(name, 256);
    return value || undefined;
  };
  return {
    strategy,
    redirectUrl: parseRedirectUrl(ctx, form.string('redirect_url'), 'redirect_url', true)!,
    actionCompleteRedirectUrl: parseRedirectUrl(ctx, form.string('action_complete_redirect_url'), 'action_complete_redirect_url', false),
    callbackUrl: oauthCallbackUrl(ctx),
    loginHint: short('oidc_login_hint'),
    prompt: short('oidc_prompt'),
  };
}
