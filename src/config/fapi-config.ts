import { ConfigError } from './config-error.js';

/** Where browsers reach Roster's Frontend API, and which pages may call it. */
export interface FapiConfig {
  /**
   * The Frontend API's public URL (what clerk-js's `proxyUrl` is set to). Null: derived at start from
   * `ROSTER_PUBLIC_URL` + `/fapi`, else `http://localhost:<port>/fapi`.
   */
  frontendApiUrl: string | null;
  /** Origins (`scheme://host[:port]`) whose pages may call the Frontend API, besides the defaults. */
  allowedOrigins: readonly string[];
  /**
   * `ROSTER_COOKIE_DOMAIN`: the domain the cookies an app's server must read are set on, when the Frontend API and
   * the app are on different hosts of one site (`example.com` for `clerk.example.com` and `app.example.com`):
   * production's `__client_uat` and handshake nonce. Null: the Frontend API's host only.
   */
  cookieDomain: string | null;
}

function parseOrigin(raw: string, name: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${name} entries must be origins like https://app.example.com, got "${raw}"`);
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.pathname !== '/' || url.search || url.hash || url.username) {
    throw new ConfigError(`${name} entries must be origins like https://app.example.com (no path), got "${raw}"`);
  }
  return url.origin;
}

export function loadFapiConfig(env: NodeJS.ProcessEnv): FapiConfig {
  let frontendApiUrl: string | null = null;
  const raw = env.ROSTER_FRONTEND_API_URL?.trim();
  if (raw) {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new ConfigError(`ROSTER_FRONTEND_API_URL must be an http(s) URL, got "${raw}"`);
    }
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.search || url.hash || url.username) {
      throw new ConfigError(`ROSTER_FRONTEND_API_URL must be an http(s) URL without query or credentials, got "${raw}"`);
    }
    frontendApiUrl = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  }
  const allowedOrigins = (env.ROSTER_ALLOWED_ORIGINS ?? '')
    .split(',')
    .map((value) => value.trim())
    .filter(Boolean)
    .map((value) => parseOrigin(value, 'ROSTER_ALLOWED_ORIGINS'));
  const cookieDomain = env.ROSTER_COOKIE_DOMAIN?.trim().toLowerCase().replace(/^\./, '') || null;
  if (cookieDomain !== null && !/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/.test(cookieDomain)) {
    throw new ConfigError(`ROSTER_COOKIE_DOMAIN must be a domain name such as example.com, got "${env.ROSTER_COOKIE_DOMAIN}"`);
  }
  if (cookieDomain !== null && frontendApiUrl !== null) {
    const host = new URL(frontendApiUrl).hostname;
    if (host !== cookieDomain && !host.endsWith(`.${cookieDomain}`)) {
      throw new ConfigError(`ROSTER_COOKIE_DOMAIN (${cookieDomain}) must be the Frontend API's host or a parent of it (${host})`);
    }
  }
  return Object.freeze({ frontendApiUrl, allowedOrigins: Object.freeze(allowedOrigins), cookieDomain });
}
