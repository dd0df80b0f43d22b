// loadConfig's key rules: on PostgreSQL both keys come from the environment (a per-node generated key
// is always a mistake there), and any sk_live_ key requires ROSTER_PUBLIC_URL.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config/config.js';
import { TEST_SECRET_KEY } from './helpers/test-server.js';

const LIVE_KEY = `sk_live_${'Pr0ductionKey'.repeat(2)}`;
const newInstanceKey = () => randomBytes(32).toString('base64');

const expectConfigError = (run: () => unknown, pattern: RegExp) => {
  expect(run).toThrow(ConfigError);
  expect(run).toThrow(pattern);
};

describe('loadConfig', () => {
  describe('on PostgreSQL (DATABASE_URL) both keys come from the environment', () => {
    const DATABASE_URL = 'postgres://roster@db.invalid:5432/roster';

    it('refuses to start without ROSTER_SECRET_KEYS and ROSTER_INSTANCE_KEY, naming both', () => {
      expectConfigError(() => loadConfig({ DATABASE_URL }), /ROSTER_SECRET_KEYS and ROSTER_INSTANCE_KEY must be set/);
    });

    it('names the one that is missing', () => {
      expectConfigError(() => loadConfig({ DATABASE_URL, ROSTER_SECRET_KEYS: TEST_SECRET_KEY }), /so ROSTER_INSTANCE_KEY must be set/);
      expectConfigError(() => loadConfig({ DATABASE_URL, ROSTER_INSTANCE_KEY: newInstanceKey() }), /so ROSTER_SECRET_KEYS must be set/);
      expectConfigError(() => loadConfig({ DATABASE_URL, ROSTER_SECRET_KEYS: ' , ', ROSTER_INSTANCE_KEY: newInstanceKey() }), /ROSTER_SECRET_KEYS/);
    });

    it('starts with both', () => {
      const config = loadConfig({ DATABASE_URL, ROSTER_SECRET_KEYS: TEST_SECRET_KEY, ROSTER_INSTANCE_KEY: newInstanceKey() });
      expect(config.databaseUrl).toBe(DATABASE_URL);
    });

    it('on SQLite, both may still be generated into the data directory', () => {
      expect(loadConfig({ ROSTER_DATA_DIR: '/nonexistent/roster' }).secretKeys).toEqual([]);
    });
  });

  describe('sk_live_ keys require ROSTER_PUBLIC_URL', () => {
    it('refuses any sk_live_ key without ROSTER_PUBLIC_URL', () => {
      expectConfigError(() => loadConfig({ ROSTER_SECRET_KEYS: LIVE_KEY }), /ROSTER_PUBLIC_URL is required when a secret key is sk_live_/);
      expectConfigError(() => loadConfig({ ROSTER_SECRET_KEYS: `${TEST_SECRET_KEY},${LIVE_KEY}` }), /ROSTER_PUBLIC_URL/);
    });

    it('accepts sk_live_ keys with ROSTER_PUBLIC_URL, and sk_test_ keys without it', () => {
      expect(loadConfig({ ROSTER_SECRET_KEYS: LIVE_KEY, ROSTER_PUBLIC_URL: 'https://auth.example.com/' }).publicUrl).toBe('https://auth.example.com');
      expect(loadConfig({ ROSTER_SECRET_KEYS: TEST_SECRET_KEY }).publicUrl).toBeNull();
    });
  });
});

