import fs from 'node:fs';
import { ConfigError } from './config-error.js';
import { OAUTH_PRESETS, type ProfileMapping } from './oauth-presets.js';

/** One provider people may sign in with, as configured: a preset filled in, or any OpenID Connect issuer. */
export interface OAuthProviderConfig {
  /** Clerk's strategy: `oauth_google`, `oauth_custom_acme`, … */
  strategy: string;
  name: string;
  clientId: string;
  /** Never logged, never answered. */
  clientSecret: string;
  /** OpenID Connect issuer (discovery, ID tokens checked); null for a plain OAuth 2.0 provider. */
  issuer: string | null;
  authorizationEndpoint: string | null;
  tokenEndpoint: string | null;
  userinfoEndpoint: string | null;
  scopes: readonly string[];
  profile: ProfileMapping;
}

export interface OAuthConfig {
  /** By strategy, in the order configured (the order of the sign-in buttons). */
  providers: readonly OAuthProviderConfig[];
}

const PROVIDER_NAME = /^(?:custom_[a-z]+|[a-z][a-z_]*[a-z])$/;
const FIELDS = new Set(['provider', 'name', 'client_id', 'client_secret', 'issuer', 'authorization_endpoint', 'token_endpoint', 'userinfo_endpoint', 'scopes']);

/** Loopback hosts may be plain HTTP (a provider in the same machine or a test); everything else must be HTTPS. */
export function isLoopbackUrl(url: URL): boolean {
  return url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]';
}

function endpoint(value: unknown, what: string): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw new ConfigError(`ROSTER_OAUTH_PROVIDERS: ${what} must be a URL string`);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`ROSTER_OAUTH_PROVIDERS: ${what} is not a URL`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackUrl(url))) {
    throw new ConfigError(`ROSTER_OAUTH_PROVIDERS: ${what} must be https:// (http:// only on localhost)`);
  }
  return value.replace(/\/+$/, '');
}

function parseProvider(raw: unknown, index: number): OAuthProviderConfig {
  const where = `ROSTER_OAUTH_PROVIDERS[${index}]`;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new ConfigError(`${where} must be an object`);
  const entry = raw as Record<string, unknown>;
  for (const key of Object.keys(entry)) if (!FIELDS.has(key)) throw new ConfigError(`${where}: unknown field "${key}"`);
  const provider = typeof entry.provider === 'string' ? entry.provider.replace(/^oauth_/, '') : '';
  if (!PROVIDER_NAME.test(provider)) {
    throw new ConfigError(`${where}: provider must be a preset (${Object.keys(OAUTH_PRESETS).join(', ')}) or custom_<lowercase letters>`);
  }
  const preset = OAUTH_PRESETS[provider];
  if (!preset && !provider.startsWith('custom_')) throw new ConfigError(`${where}: unknown provider "${provider}"; custom providers are named custom_<letters>`);
  for (const key of ['client_id', 'client_secret'] as const) {
    if (typeof entry[key] !== 'string' || !(entry[key] as string).trim()) throw new ConfigError(`${where} (${provider}): ${key} is required`);
  }
  const issuer = endpoint(entry.issuer, `${provider}.issuer`) ?? (entry.authorization_endpoint ? null : (preset?.issuer ?? null));
  const authorizationEndpoint = endpoint(entry.authorization_endpoint, `${provider}.authorization_endpoint`) ?? (issuer ? null : (preset?.authorizationEndpoint ?? null));
  const tokenEndpoint = endpoint(entry.token_endpoint, `${provider}.token_endpoint`) ?? (issuer ? null : (preset?.tokenEndpoint ?? null));
  const userinfoEndpoint = endpoint(entry.userinfo_endpoint, `${provider}.userinfo_endpoint`) ?? (issuer ? null : (preset?.userinfoEndpoint ?? null));
  if (preset?.needsIssuer && !issuer) throw new ConfigError(`${where} (${provider}): give the issuer of your tenant (${preset.needsIssuer})`);
  if (!issuer && !(authorizationEndpoint && tokenEndpoint && userinfoEndpoint)) {
    throw new ConfigError(`${where} (${provider}): give an OpenID Connect issuer, or authorization_endpoint, token_endpoint and userinfo_endpoint`);
  }
  let scopes = preset?.scopes ?? ['openid', 'email', 'profile'];
  if (entry.scopes !== undefined) {
    if (!Array.isArray(entry.scopes) || !entry.scopes.every((scope) => typeof scope === 'string' && /^[\x21-\x7e]+$/.test(scope))) {
      throw new ConfigError(`${where} (${provider}): scopes must be an array of scope strings`);
    }
    scopes = entry.scopes as string[];
  }
  const name = typeof entry.name === 'string' && entry.name.trim() ? entry.name.trim() : (preset?.name ?? provider.replace(/^custom_/, ''));
  return Object.freeze({
    strategy: `oauth_${provider}`,
    name,
    clientId: (entry.client_id as string).trim(),
    clientSecret: entry.client_secret as string,
    issuer,
    authorizationEndpoint,
    tokenEndpoint,
    userinfoEndpoint,
    scopes: Object.freeze([...scopes]),
    // A custom provider's user info is read as OpenID Connect claims; a preset's as the provider writes it.
    profile: preset?.profile ?? 'oidc',
  });
}

/**
 * The OAuth providers, from `ROSTER_OAUTH_PROVIDERS` (a JSON array) or `ROSTER_OAUTH_PROVIDERS_FILE` (a file
 * holding one). Errors name the provider and the field, never a secret.
 */
export function loadOAuthConfig(env: NodeJS.ProcessEnv): Readonly<OAuthConfig> {
  const inline = env.ROSTER_OAUTH_PROVIDERS?.trim();
  const file = env.ROSTER_OAUTH_PROVIDERS_FILE?.trim();
  if (inline && file) throw new ConfigError('set ROSTER_OAUTH_PROVIDERS or ROSTER_OAUTH_PROVIDERS_FILE, not both');
  let text = inline;
  if (file) {
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      throw new ConfigError(`ROSTER_OAUTH_PROVIDERS_FILE: cannot read ${file}`);
    }
  }
  if (!text) return Object.freeze({ providers: Object.freeze([]) });
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ConfigError('ROSTER_OAUTH_PROVIDERS is not valid JSON (expected an array of providers)');
  }
  if (!Array.isArray(parsed)) throw new ConfigError('ROSTER_OAUTH_PROVIDERS must be a JSON array of providers');
  const providers = parsed.map(parseProvider);
  const seen = new Set<string>();
  for (const provider of providers) {
    if (seen.has(provider.strategy)) throw new ConfigError(`ROSTER_OAUTH_PROVIDERS: ${provider.strategy} is configured twice`);
    seen.add(provider.strategy);
  }
  return Object.freeze({ providers: Object.freeze(providers) });
}
