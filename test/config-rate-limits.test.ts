// loadConfig's rate limits: Clerk's numbers for the instance's kind (sk_live_ keys: production), ROSTER_RATE_LIMITS,
// REDIS_URL and the per-rule overrides; a bad value stops the start with a message naming the variable.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config/config.js';
import { TEST_SECRET_KEY } from './helpers/test-server.js';

const LIVE_KEY = `sk_live_${'Pr0ductionKey'.repeat(2)}`;
const PUBLIC_URL = 'https://auth.example.com';

const expectConfigError = (env: NodeJS.ProcessEnv, pattern: RegExp) => {
  expect(() => loadConfig(env)).toThrow(ConfigError);
  expect(() => loadConfig(env)).toThrow(pattern);
};

describe('rate-limit configuration', () => {
  it("gives a development instance (sk_test_ keys, or none yet) Clerk's development numbers", () => {
    for (const env of [{ ROSTER_SECRET_KEYS: TEST_SECRET_KEY }, {}]) {
      expect(loadConfig(env).rateLimits).toEqual({
        enabled: true,
        instanceKind: 'development',
        redisUrl: null,
        rules: {
          bapi: { max: 100, windowInSeconds: 10 },
          create_user: { max: 100, windowInSeconds: 10 },
          update_user: { max: 10, windowInSeconds: 10 },
          organization_invitations: { max: 250, windowInSeconds: 3600 },
          organization_invitations_bulk: { max: 50, windowInSeconds: 3600 },
          fapi: { max: 300, windowInSeconds: 10 },
          fapi_attempts: { max: 20, windowInSeconds: 10 },
        },
      });
    }
  });

  it("gives a production instance (any sk_live_ key) Clerk's production numbers", () => {
    for (const keys of [LIVE_KEY, `${TEST_SECRET_KEY},${LIVE_KEY}`]) {
      const { rateLimits } = loadConfig({ ROSTER_SECRET_KEYS: keys, ROSTER_PUBLIC_URL: PUBLIC_URL });
      expect(rateLimits.instanceKind).toBe('production');
      expect(rateLimits.rules.bapi).toEqual({ max: 1000, windowInSeconds: 10 });
      expect(rateLimits.rules.create_user).toEqual({ max: 1000, windowInSeconds: 10 });
      expect(rateLimits.rules.update_user).toEqual({ max: 10, windowInSeconds: 10 });
    }
  });

  it('turns off with ROSTER_RATE_LIMITS=off, and takes REDIS_URL', () => {
    expect(loadConfig({ ROSTER_RATE_LIMITS: 'off' }).rateLimits.enabled).toBe(false);
    expect(loadConfig({ ROSTER_RATE_LIMITS: 'ON' }).rateLimits.enabled).toBe(true);
    expect(loadConfig({ REDIS_URL: 'redis://:secret@cache.internal:6380/2' }).rateLimits.redisUrl).toBe('redis://:secret@cache.internal:6380/2');
    expect(loadConfig({ REDIS_URL: 'rediss://cache.internal' }).rateLimits.redisUrl).toBe('rediss://cache.internal');
  });

  it('takes a rule as <requests>/<window> in s, m or h, or off', () => {
    const { rules } = loadConfig({
      ROSTER_RATE_LIMIT_BAPI: '5000/10s',
      ROSTER_RATE_LIMIT_CREATE_USER: '20/1m',
      ROSTER_RATE_LIMIT_UPDATE_USER: 'off',
      ROSTER_RATE_LIMIT_ORGANIZATION_INVITATIONS: '10/24h',
      ROSTER_RATE_LIMIT_ORGANIZATION_INVITATIONS_BULK: ' ',
      ROSTER_RATE_LIMIT_FAPI_ATTEMPTS: '5/1m',
    }).rateLimits;
    expect(rules).toEqual({
      bapi: { max: 5000, windowInSeconds: 10 },
      create_user: { max: 20, windowInSeconds: 60 },
      update_user: null,
      organization_invitations: { max: 10, windowInSeconds: 86_400 },
      organization_invitations_bulk: { max: 50, windowInSeconds: 3600 },
      fapi: { max: 300, windowInSeconds: 10 },
      fapi_attempts: { max: 5, windowInSeconds: 60 },
    });
  });

  it('refuses bad values, naming the variable', () => {
    expectConfigError({ ROSTER_RATE_LIMITS: 'no' }, /ROSTER_RATE_LIMITS must be on or off/);
    for (const value of ['1000', '1000/10', '0/10s', '10/0s', '10/25h', '-1/10s', '1.5/10s', '10 per 10s', '10/10d']) {
      expectConfigError({ ROSTER_RATE_LIMIT_BAPI: value }, /ROSTER_RATE_LIMIT_BAPI must be <requests>\/<window>/);
    }
    expectConfigError({ ROSTER_RATE_LIMIT_CREATEUSER: '1/1s' }, /ROSTER_RATE_LIMIT_CREATEUSER is not a rate limit; the rules are ROSTER_RATE_LIMIT_BAPI, ROSTER_RATE_LIMIT_CREATE_USER/);
    for (const url of ['localhost:6379', 'http://cache:6379', 'not a url']) expectConfigError({ REDIS_URL: url }, /REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL/);
  });
});
