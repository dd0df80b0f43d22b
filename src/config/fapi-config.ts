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
  return Object.freeze({ frontendApiUrl, allowedOrigins: Object.freeze(allowedOrigins) });
}
