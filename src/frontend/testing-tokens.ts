import { timingSafeEqual } from 'node:crypto';
import type { Clock } from '../lib/clock.js';
import { createKeyedHash } from '../lib/keyed-hash.js';

/** Clerk's testing tokens last an hour. */
export const TESTING_TOKEN_LIFETIME_SECONDS = 3600;

export interface TestingToken {
  token: string;
  /** Unix seconds. */
  expiresAt: number;
}

/**
 * Testing tokens (`POST /v1/testing_tokens`): end-to-end suites pass one as `__clerk_testing_token` on Frontend API
 * requests of a development instance, which then skip the Frontend API's per-IP rate limits (Roster's only "bot
 * protection"). A token is `<issued-at seconds>-<HMAC>` under a key derived from the instance key: no storage, the
 * same answer on every node.
 */
export function createTestingTokens(deps: { instanceKey: Uint8Array; clock: Clock }) {
  const mac = createKeyedHash(deps.instanceKey, 'testing-tokens');
  const sign = (issuedAt: number) => mac.digest(String(issuedAt)).toString('base64url');
  return {
    issue(): TestingToken {
      const issuedAt = Math.floor(deps.clock.nowMs() / 1000);
      return { token: `${issuedAt}-${sign(issuedAt)}`, expiresAt: issuedAt + TESTING_TOKEN_LIFETIME_SECONDS };
    },

    /** Whether `token` is one this instance issued and it has not expired. */
    isValid(token: string): boolean {
      const match = /^(\d{1,12})-([A-Za-z0-9_-]{43})$/.exec(token);
      if (!match) return false;
      const issuedAt = Number(match[1]);
      const nowSeconds = Math.floor(deps.clock.nowMs() / 1000);
      if (issuedAt > nowSeconds + 60 || issuedAt + TESTING_TOKEN_LIFETIME_SECONDS <= nowSeconds) return false;
      const expected = Buffer.from(sign(issuedAt));
      const given = Buffer.from(match[2]!);
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
  };
}

export type TestingTokens = ReturnType<typeof createTestingTokens>;
