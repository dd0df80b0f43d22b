// Drives Clerk's OAuth redirect flow over raw HTTP as a browser would: the provider's authorize URL (the loopback
// mock answers at once with a redirect), then Roster's /v1/oauth_callback with the browser's cookies.
import type { fapiBrowser } from './fapi-client.js';
import { PAGE_ORIGIN } from './fapi-client.js';

export const SSO_CALLBACK_URL = `${PAGE_ORIGIN}/sign-in/sso-callback`;
export const AFTER_SIGN_IN_URL = `${PAGE_ORIGIN}/`;

type Browser = ReturnType<typeof fapiBrowser>;

/** Follows a provider URL (the mock authorizes at once) to the callback URL it redirects to. */
export async function authorizeAtProvider(providerUrl: string): Promise<URL> {
  const response = await fetch(providerUrl, { redirect: 'manual' });
  const location = response.headers.get('location');
  if (response.status !== 302 || !location) throw new Error(`the provider answered ${response.status} without a redirect`);
  return new URL(location);
}

/** Calls Roster's callback (path and query of `callbackUrl`) as the browser; the answer's status and Location. */
export async function callBack(browser: Browser, callbackUrl: URL): Promise<{ status: number; location: string | null; body: unknown }> {
  const path = callbackUrl.pathname.replace(/^\/fapi/, '') + callbackUrl.search;
  const response = await browser.call('GET', path);
  return { status: response.status, location: response.headers.get('location'), body: response.body };
}

/**
 * Starts an OAuth sign-in (or sign-up) with `strategy`, goes through the provider and back; returns the client as
 * the browser then reads it (`GET /v1/client`), and the callback's answer.
 */
export async function oauthRoundTrip(browser: Browser, kind: 'sign_ins' | 'sign_ups', strategy = 'oauth_google') {
  const started = await browser.call('POST', `/v1/client/${kind}`, { strategy, redirect_url: SSO_CALLBACK_URL, action_complete_redirect_url: AFTER_SIGN_IN_URL });
  if (started.status !== 200) throw new Error(`starting the OAuth ${kind} answered ${started.status}: ${JSON.stringify(started.body)}`);
  const verification = kind === 'sign_ins' ? started.body.response.first_factor_verification : started.body.response.verifications.external_account;
  const providerUrl: string = verification.external_verification_redirect_url;
  const callbackUrl = await authorizeAtProvider(providerUrl);
  const callback = await callBack(browser, callbackUrl);
  const client = await browser.call('GET', '/v1/client');
  return { started: started.body.response, providerUrl, callbackUrl, callback, client: client.body.response };
}
