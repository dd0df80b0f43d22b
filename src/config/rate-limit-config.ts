import { ConfigError } from './config-error.js';

/**
 * Clerk's documented Backend API rate limits, by name. Each is counted per instance (every node, every key),
 * except `update_user`, which is counted per instance and user.
 * - `bapi`: every Backend API request with a valid key (Clerk's general limit), except those `create_user`
 *   counts and `GET /v1/jwks` (no limit).
 * - `create_user`: `POST /v1/users`, its own rule (spec 2026-05-12: 1000 per 10 s on production, 100 on development).
 * - `update_user`: `PATCH /v1/users/{user_id}`, `PATCH`/`PUT /v1/users/{user_id}/metadata`: 10 per 10 s per user.
 * - `organization_invitations`: `POST /v1/organizations/{id}/invitations`: 250 per hour.
 * - `organization_invitations_bulk`: `POST /v1/organizations/{id}/invitations/bulk`: 50 per hour.
 * - `fapi`: every Frontend API request, per client IP address (browsers never spend the Backend API's budget).
 * - `fapi_attempts`: the Frontend API's steps that check a secret or send a code (new sign-ins and sign-ups,
 *   the signed-in user's `change_password`, `remove_password`, new email addresses and their codes,
 *   `attempt_*`, `prepare_*`), per client IP: password spraying across many accounts, which per-user lockout
 *   cannot see, is slowed here.
 */
export const RATE_LIMIT_RULES = [
  'bapi',
  'create_user',
  'update_user',
  'organization_invitations',
  'organization_invitations_bulk',
  'fapi',
  'fapi_attempts',
] as const;
export type RateLimitRuleName = (typeof RATE_LIMIT_RULES)[number];

/** At most `max` requests in each fixed window of `windowInSeconds`. */
export interface RateLimit {
  max: number;
  windowInSeconds: number;
}

/** Clerk's instance kinds: `sk_live_` keys belong to a production instance, `sk_test_` keys to a development one. */
export type InstanceKind = 'production' | 'development';

export interface RateLimitConfig {
  /** `ROSTER_RATE_LIMITS=off` turns every limit off (bulk imports, benchmarks). @default true */
  enabled: boolean;
  /** @default production when any secret key is `sk_live_…`, else development */
  instanceKind: InstanceKind;
  /** When set, counters live in this Redis, so every node enforces one limit; else in each node's memory. */
  redisUrl: string | null;
  /** Each rule's limit; null where `ROSTER_RATE_LIMIT_<RULE>=off` turned that rule off. */
  rules: Readonly<Record<RateLimitRuleName, RateLimit | null>>;
}

const perTenSeconds = (max: number): RateLimit => ({ max, windowInSeconds: 10 });
const perHour = (max: number): RateLimit => ({ max, windowInSeconds: 3600 });

/** Clerk's numbers (docs: "Rate limits"; spec 2026-05-12 for CreateUser). */
export const CLERK_RATE_LIMITS: Readonly<Record<InstanceKind, Readonly<Record<RateLimitRuleName, RateLimit>>>> = {
  production: {
    bapi: perTenSeconds(1000),
    create_user: perTenSeconds(1000),
    update_user: perTenSeconds(10),
    organization_invitations: perHour(250),
    organization_invitations_bulk: perHour(50),
    fapi: perTenSeconds(300),
    fapi_attempts: perTenSeconds(20),
  },
  development: {
    bapi: perTenSeconds(100),
    create_user: perTenSeconds(100),
    update_user: perTenSeconds(10),
    organization_invitations: perHour(250),
    organization_invitations_bulk: perHour(50),
    fapi: perTenSeconds(300),
    fapi_attempts: perTenSeconds(20),
  },
};

const UNIT_SECONDS = { s: 1, m: 60, h: 3600 } as const;
const MAX_WINDOW_SECONDS = 86_400;

/** `ROSTER_RATE_LIMIT_CREATE_USER` for `create_user`. */
export const ruleVariable = (rule: RateLimitRuleName): string => `ROSTER_RATE_LIMIT_${rule.toUpperCase()}`;

/** `<max>/<window>` (`1000/10s`, `250/1h`, `20/1m`), or `off`. */
function parseRule(name: string, raw: string): RateLimit | null {
  const value = raw.trim().toLowerCase();
  if (value === 'off') return null;
  const match = /^(\d{1,9})\/(\d{1,5})([smh])$/.exec(value);
  const max = Number(match?.[1]);
  const windowInSeconds = Number(match?.[2]) * UNIT_SECONDS[(match?.[3] ?? 's') as keyof typeof UNIT_SECONDS];
  if (!match || max < 1 || windowInSeconds < 1 || windowInSeconds > MAX_WINDOW_SECONDS) {
    throw new ConfigError(`${name} must be <requests>/<window> with the window in s, m or h, at most 24h (e.g. 1000/10s or 250/1h), or "off", got "${raw}"`);
  }
  return { max, windowInSeconds };
}

function enabledFrom(env: NodeJS.ProcessEnv): boolean {
  const raw = env.ROSTER_RATE_LIMITS?.trim().toLowerCase();
  if (raw === undefined || raw === '' || raw === 'on') return true;
  if (raw === 'off') return false;
  throw new ConfigError(`ROSTER_RATE_LIMITS must be on or off, got "${env.ROSTER_RATE_LIMITS}"`);
}

function redisUrlFrom(env: NodeJS.ProcessEnv): string | null {
  const raw = env.REDIS_URL?.trim();
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('REDIS_URL must be a redis:// or rediss:// URL');
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') throw new ConfigError('REDIS_URL must be a redis:// or rediss:// URL');
  return raw;
}

/** Rate limits from the environment: Clerk's numbers for the instance's kind, with any per-rule overrides. */
export function loadRateLimitConfig(env: NodeJS.ProcessEnv): RateLimitConfig {
  // As Clerk: the keys say the instance's kind. No key at all means a generated sk_test_ key.
  const keys = (env.ROSTER_SECRET_KEYS ?? '').split(',').map((key) => key.trim());
  const instanceKind: InstanceKind = keys.some((key) => key.startsWith('sk_live_')) ? 'production' : 'development';
  const defaults = CLERK_RATE_LIMITS[instanceKind];
  const known = new Set(RATE_LIMIT_RULES.map(ruleVariable));
  const unknown = Object.keys(env).find((name) => name.startsWith('ROSTER_RATE_LIMIT_') && !known.has(name));
  // A misspelt override would otherwise leave Clerk's number in place without a word.
  if (unknown) throw new ConfigError(`${unknown} is not a rate limit; the rules are ${[...known].join(', ')}`);
  const rules = Object.fromEntries(
    RATE_LIMIT_RULES.map((rule) => {
      const name = ruleVariable(rule);
      const raw = env[name];
      return [rule, raw === undefined || raw.trim() === '' ? defaults[rule] : parseRule(name, raw)];
    }),
  ) as Record<RateLimitRuleName, RateLimit | null>;
  return Object.freeze({ enabled: enabledFrom(env), instanceKind, redisUrl: redisUrlFrom(env), rules: Object.freeze(rules) });
}
