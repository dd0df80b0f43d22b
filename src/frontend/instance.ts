import { createHash } from 'node:crypto';

export type InstanceType = 'development' | 'production';

/** Like Clerk: an instance whose secret keys are all `sk_test_` keys is a development instance. */
export function instanceTypeOf(secretKeys: readonly string[]): InstanceType {
  return secretKeys.every((key) => key.startsWith('sk_test_')) ? 'development' : 'production';
}

/**
 * `pk_test_`/`pk_live_` + base64(`<host[:port]><path>$`) of the Frontend API's URL. Clerk's SDKs refuse a
 * decoded key without a dot, so a dotless host (`localhost`) gets Clerk's own `clerk.` prefix
 * (`clerk.localhost:3000/fapi`, a name browsers resolve to loopback too). With `proxyUrl` set, as Roster's
 * clients are, the SDKs send requests to the proxy URL and use the key's host for nothing else.
 */
export function publishableKeyFor(frontendApiUrl: string, instanceType: InstanceType): string {
  const prefix = instanceType === 'development' ? 'pk_test_' : 'pk_live_';
  return `${prefix}${Buffer.from(`${frontendApiNameOf(frontendApiUrl)}$`).toString('base64')}`;
}

/** What the publishable key names: `<host[:port]><path>`, `clerk.` before a dotless host. */
function frontendApiNameOf(frontendApiUrl: string): string {
  const url = new URL(frontendApiUrl);
  const host = url.hostname.includes('.') ? url.host : `clerk.${url.host}`;
  return `${host}${url.pathname.replace(/\/+$/, '')}`;
}

/**
 * The `iss` of the Frontend API's session tokens: the publishable key's name with the URL's scheme. Clerk's
 * middleware compares a token's issuer, scheme removed, with the name in the publishable key to tell its own
 * instance's tokens from another's; a mismatch makes it read other cookie names and never sign the visitor in.
 */
export function frontendApiIssuerFor(frontendApiUrl: string): string {
  return `${new URL(frontendApiUrl).protocol}//${frontendApiNameOf(frontendApiUrl)}`;
}

/** The suffix of Clerk's suffixed cookie names: the first 8 characters of base64url(SHA-1(publishable key)). */
export function cookieSuffixOf(publishableKey: string): string {
  return createHash('sha1').update(publishableKey).digest('base64').replace(/\+/g, '-').replace(/\//g, '_').slice(0, 8);
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Whether a page at `origin` may call the Frontend API. */
export function isAllowedOrigin(
  origin: string,
  rules: { instanceType: InstanceType; allowedOrigins: readonly string[]; frontendApiOrigin: string },
): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  // Only a bare origin: a header carrying a path, credentials or another scheme is not one.
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin !== origin) return false;
  if (origin === rules.frontendApiOrigin || rules.allowedOrigins.includes(origin)) return true;
  // Development instances accept any page on this machine, as Clerk's accept localhost on any port.
  return rules.instanceType === 'development' && (LOOPBACK_HOSTS.has(url.hostname) || url.hostname.endsWith('.localhost'));
}

export interface FrontendInstance {
  readonly instanceType: InstanceType;
  /** The Frontend API's public URL, without a trailing slash. */
  url(): string;
  /** The `iss` of session tokens minted through the Frontend API (frontendApiIssuerFor). */
  issuer(): string;
  publishableKey(): string;
  cookieSuffix(): string;
  /** Cookies get `Secure` when the Frontend API is served over https. */
  secureCookies(): boolean;
  isAllowedOrigin(origin: string): boolean;
}

/**
 * The instance as the Frontend API presents it. The URL may depend on the port the server listens on
 * (port 0 in tests), so it is resolved on first use, after `listen`.
 */
export function createFrontendInstance(options: {
  secretKeys: readonly string[];
  frontendApiUrl: string | null;
  publicUrl: string | null;
  allowedOrigins: readonly string[];
  listeningPort: () => number;
}): FrontendInstance {
  const instanceType = instanceTypeOf(options.secretKeys);
  let resolved: { url: string; publishableKey: string; cookieSuffix: string; origin: string } | undefined;
  const resolve = () => {
    if (!resolved) {
      const url = options.frontendApiUrl ?? (options.publicUrl ? `${options.publicUrl}/fapi` : `http://localhost:${options.listeningPort()}/fapi`);
      const publishableKey = publishableKeyFor(url, instanceType);
      resolved = { url, publishableKey, cookieSuffix: cookieSuffixOf(publishableKey), origin: new URL(url).origin };
    }
    return resolved;
  };
  return {
    instanceType,
    url: () => resolve().url,
    issuer: () => frontendApiIssuerFor(resolve().url),
    publishableKey: () => resolve().publishableKey,
    cookieSuffix: () => resolve().cookieSuffix,
    secureCookies: () => resolve().url.startsWith('https:'),
    isAllowedOrigin: (origin) =>
      isAllowedOrigin(origin, { instanceType, allowedOrigins: options.allowedOrigins, frontendApiOrigin: resolve().origin }),
  };
}
