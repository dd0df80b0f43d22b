import path from 'node:path';
import { ConfigError } from './config-error.js';
import { loadEmailConfig, type EmailConfig } from './email-config.js';
import { loadSmsConfig, type SmsConfig } from './sms-config.js';
import { loadOAuthConfig, type OAuthConfig } from './oauth-config.js';
import { loadWebhookConfig, type WebhookConfig } from './webhook-config.js';
import { loadPasskeyConfig, type PasskeyConfig } from './passkey-config.js';
import { loadFapiConfig, type FapiConfig } from './fapi-config.js';
import { loadFrontendConfig, type FrontendConfig } from './frontend-config.js';
import { loadOrganizationConfig, type OrganizationConfig } from './organization-config.js';
import { loadRateLimitConfig, type RateLimitConfig } from './rate-limit-config.js';
import { loadSessionConfig, type SessionConfig } from './session-config.js';

export { ConfigError };

export const KNOWN_API_VERSIONS = ['2021-02-05', '2024-10-01', '2025-04-10', '2025-11-10', '2026-05-12'] as const;
export type ApiVersion = (typeof KNOWN_API_VERSIONS)[number];

export type IdentifierType = 'email_address' | 'phone_number' | 'web3_wallet' | 'username';
const IDENTIFIER_TYPES: readonly IdentifierType[] = ['email_address', 'phone_number', 'web3_wallet', 'username'];

/** Account lockout policy (Clerk's "user lockout" setting). */
export interface LockoutPolicy {
  /** Failed verifications before the user is locked; `null` turns lockout off. @default 10 */
  maxAttempts: number | null;
  /** How long a lockout lasts; `null` means it never expires. @default 3600 */
  durationInSeconds: number | null;
}

export interface Config {
  port: number;
  host: string;
  /** Where the SQLite file and generated secrets live. @default ./data */
  dataDir: string;
  /** PostgreSQL connection string; when absent, Roster uses SQLite in `dataDir`. */
  databaseUrl: string | null;
  sqliteFile: string;
  /** SQLite read workers for searches, deep offsets and counts (0: on the main connection; null: one per core, at most 4). */
  sqliteReadWorkers: number | null;
  /** Secret keys accepted as `Authorization: Bearer …`; empty means "generate one in dataDir". */
  secretKeys: readonly string[];
  defaultApiVersion: ApiVersion;
  bodyLimitInBytes: number;
  /** A connection that has not sent a whole request (headers and body) within this time is closed. @default 30 */
  requestTimeoutInSeconds: number;
  lockout: LockoutPolicy;
  passwordMinLength: number;
  /** Identification types every user must keep at least one of (Clerk's "required" identifiers). */
  requiredIdentifiers: readonly IdentifierType[];
  /** 32-byte key sealing secrets at rest (TOTP secrets); null means "use the one in dataDir". */
  instanceKey: Buffer | null;
  /** Issuer shown in authenticator apps for TOTP URIs. @default Roster */
  totpIssuer: string;
  /** Base URL used in `image_url`; when absent, derived from the request's Host. */
  publicUrl: string | null;
  logLevel: string;
  organizations: OrganizationConfig;
  sessions: SessionConfig;
  rateLimits: RateLimitConfig;
  /** The Frontend API: its public URL and the origins allowed to call it. */
  fapi: FapiConfig;
  /** Email delivery (SMTP) and the application's name in messages. */
  email: EmailConfig;
  /** SMS delivery (the signed webhook) for phone codes. */
  sms: SmsConfig;
  /** OAuth providers people sign in with (`ROSTER_OAUTH_PROVIDERS`). */
  oauth: OAuthConfig;
  /** Passkeys (WebAuthn): relying party, user verification, the limit per user. */
  passkeys: PasskeyConfig;
  /** Webhook delivery: polling, timeouts, retries, disabling. */
  webhooks: WebhookConfig;
  /** What the Frontend API offers: sign-up mode and attributes, sign-in identifiers, URLs, names. */
  frontend: FrontendConfig;
}

function intFrom(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer between ${min} and ${max}, got "${raw}"`);
  }
  return value;
}

function nullableIntFrom(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, nullWord: string): number | null {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === nullWord) return null;
  return intFrom(env, name, fallback, min);
}

/**
 * On PostgreSQL several nodes share one database, so a key generated into one node's data directory is
 * always a mistake: its secret key works on that node only and its instance key seals secrets the other
 * nodes cannot open. Both come from the environment instead.
 */
function requireSharedKeys(keys: { secretKeys: readonly string[]; instanceKey: Buffer | null }): void {
  const missing = [...(keys.secretKeys.length === 0 ? ['ROSTER_SECRET_KEYS'] : []), ...(keys.instanceKey ? [] : ['ROSTER_INSTANCE_KEY'])];
  if (missing.length === 0) return;
  throw new ConfigError(
    `DATABASE_URL is set (PostgreSQL), so ${missing.join(' and ')} must be set too, with the same value on every node (Roster does not generate keys per node on PostgreSQL)`,
  );
}

/** Reads configuration from the environment; validated, frozen, and failing fast with a clear message. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Readonly<Config> {
  const dataDir = path.resolve(env.ROSTER_DATA_DIR || './data');
  const defaultApiVersion = (env.ROSTER_DEFAULT_API_VERSION || '2025-11-10') as ApiVersion;
  if (!KNOWN_API_VERSIONS.includes(defaultApiVersion)) {
    throw new ConfigError(`ROSTER_DEFAULT_API_VERSION must be one of ${KNOWN_API_VERSIONS.join(', ')}`);
  }
  const secretKeys = (env.ROSTER_SECRET_KEYS ?? '')
    .split(',')
    .map((key) => key.trim())
    .filter(Boolean);
  for (const key of secretKeys) {
    if (!/^sk_(test|live)_[A-Za-z0-9]{16,}$/.test(key)) {
      throw new ConfigError('ROSTER_SECRET_KEYS entries must look like sk_test_… or sk_live_… (at least 16 letters or digits)');
    }
  }
  const requiredIdentifiers = (env.ROSTER_REQUIRED_IDENTIFIERS ?? 'email_address')
    .split(',')
    .map((value) => value.trim())
    .filter(Boolean) as IdentifierType[];
  for (const type of requiredIdentifiers) {
    if (!IDENTIFIER_TYPES.includes(type)) {
      throw new ConfigError(`ROSTER_REQUIRED_IDENTIFIERS entries must be among ${IDENTIFIER_TYPES.join(', ')}`);
    }
  }
  const maxAttempts = nullableIntFrom(env, 'ROSTER_LOCKOUT_MAX_ATTEMPTS', 10, 5, 'off');
  const durationInSeconds = nullableIntFrom(env, 'ROSTER_LOCKOUT_DURATION_SECONDS', 3600, 1, 'never');
  let instanceKey: Buffer | null = null;
  if (env.ROSTER_INSTANCE_KEY) {
    instanceKey = Buffer.from(env.ROSTER_INSTANCE_KEY, 'base64');
    if (instanceKey.length !== 32) throw new ConfigError('ROSTER_INSTANCE_KEY must be 32 bytes, base64-encoded');
  }
  const publicUrl = env.ROSTER_PUBLIC_URL ? env.ROSTER_PUBLIC_URL.replace(/\/+$/, '') : null;
  if (publicUrl && !/^https?:\/\/[^\s/]+/.test(publicUrl)) throw new ConfigError('ROSTER_PUBLIC_URL must be an http(s) URL');
  // Behind a proxy the Host header is the client's to choose: a production instance must not build URLs from it.
  if (!publicUrl && secretKeys.some((key) => key.startsWith('sk_live_'))) {
    throw new ConfigError('ROSTER_PUBLIC_URL is required when a secret key is sk_live_… (set it to the URL clients reach Roster at)');
  }
  const databaseUrl = env.DATABASE_URL || null;
  if (databaseUrl) requireSharedKeys({ secretKeys, instanceKey });

  return Object.freeze({
    port: intFrom(env, 'PORT', 3000, 0, 65535),
    host: env.HOST || '127.0.0.1',
    dataDir,
    databaseUrl,
    sqliteFile: path.resolve(dataDir, env.ROSTER_SQLITE_FILE || 'roster.db'),
    sqliteReadWorkers: env.ROSTER_SQLITE_READ_WORKERS ? intFrom(env, 'ROSTER_SQLITE_READ_WORKERS', 0, 0, 16) : null,
    secretKeys: Object.freeze(secretKeys),
    defaultApiVersion,
    bodyLimitInBytes: intFrom(env, 'ROSTER_BODY_LIMIT_BYTES', 1_048_576, 1024),
    requestTimeoutInSeconds: intFrom(env, 'ROSTER_REQUEST_TIMEOUT_SECONDS', 30, 1, 3600),
    lockout: Object.freeze({ maxAttempts, durationInSeconds }),
    passwordMinLength: intFrom(env, 'ROSTER_PASSWORD_MIN_LENGTH', 8, 1, 72),
    requiredIdentifiers: Object.freeze(requiredIdentifiers),
    instanceKey,
    totpIssuer: env.ROSTER_TOTP_ISSUER || 'Roster',
    publicUrl,
    logLevel: env.ROSTER_LOG_LEVEL || 'info',
    organizations: loadOrganizationConfig(env),
    sessions: loadSessionConfig(env),
    rateLimits: loadRateLimitConfig(env),
    fapi: loadFapiConfig(env),
    email: loadEmailConfig(env),
    sms: loadSmsConfig(env),
    oauth: loadOAuthConfig(env),
    passkeys: loadPasskeyConfig(env),
    webhooks: loadWebhookConfig(env),
    frontend: loadFrontendConfig(env),
  });
}
