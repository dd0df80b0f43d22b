import { once } from 'node:events';
import type { FastifyBaseLogger } from 'fastify';
import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Redis } from 'ioredis';
import { createKeyedHash } from '../lib/keyed-hash.js';

/** A request never waits longer than this for Redis: past it, the request is not limited (fail open). */
const COMMAND_TIMEOUT_MS = 500;
const CONNECT_TIMEOUT_MS = 2000;

/** Names the instance in Redis without revealing anything of its key. */
const instanceTag = (instanceKey: Uint8Array): string => createKeyedHash(instanceKey, 'rate-limits').digest('redis key prefix').toString('hex').slice(0, 16);

/**
 * The prefix of this instance's counters in Redis, derived from the instance key (the same on every node, and
 * different for each instance): several instances can share one Redis without sharing budgets.
 */
export function rateLimitKeyPrefix(instanceKey: Uint8Array): string {
  return `roster:rate-limits:${instanceTag(instanceKey)}:`;
}

/** The name this instance's connections give themselves (`CLIENT LIST`), so an operator can tell them apart. */
export const rateLimitConnectionName = (instanceKey: Uint8Array): string => `roster-rate-limits-${instanceTag(instanceKey)}`;

/**
 * Connects to the Redis that holds the counters. Commands fail at once while it is unreachable (no offline
 * queue, a short timeout), so Roster answers without limits instead of stalling; that is logged once when it
 * starts and once when Redis is back. Resolves once connected, or after the first failure to connect.
 */
export async function connectRateLimitRedis(url: string, instanceKey: Uint8Array, log: FastifyBaseLogger): Promise<Redis> {
  // Loaded only where Redis is configured: most installations never need the client, and start faster without it.
  const { Redis } = await import('ioredis');
  const redis = new Redis(url, {
    connectionName: rateLimitConnectionName(instanceKey),
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: COMMAND_TIMEOUT_MS,
    connectTimeout: CONNECT_TIMEOUT_MS,
    retryStrategy: (attempts) => Math.min(attempts * 250, 2000),
  });
  let reachable = true;
  redis.on('error', (error: Error) => {
    if (!reachable) return;
    reachable = false;
    log.warn({ err: error }, 'rate limits: Redis is unreachable; requests are not limited until it is back');
  });
  redis.on('ready', () => {
    if (reachable) return;
    reachable = true;
    log.info('rate limits: Redis is reachable again');
  });
  // once() rejects on the first 'error': either way, the first attempt has ended.
  await once(redis, 'ready').catch(() => undefined);
  return redis;
}

/** Closes the connection: politely when connected, at once when not (an unreachable Redis would hold quit()). */
export async function closeRateLimitRedis(redis: Redis): Promise<void> {
  if (redis.status === 'ready') await redis.quit().catch(() => redis.disconnect());
  else redis.disconnect();
}

// One fixed window per key: the first hit starts it, the key expires with it. A key found without an expiry
// (never left so by this script, but a window must never become permanent) is given one.
const INCREMENT_SCRIPT = `
local current = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {current, ttl}
`;

interface RedisWithIncrement extends Redis {
  rosterRateLimitIncrement(key: string, windowInMs: number): Promise<[number, number]>;
}

/**
 * A store for @fastify/rate-limit that keeps counters in Redis under `prefix`. Every limiter shares it: the
 * keys already name their rule (rate-limit.ts), so child stores are this one.
 */
export function createRedisStore(redis: Redis, prefix: string): FastifyRateLimitStoreCtor {
  if (!('rosterRateLimitIncrement' in redis)) redis.defineCommand('rosterRateLimitIncrement', { numberOfKeys: 1, lua: INCREMENT_SCRIPT });
  const client = redis as RedisWithIncrement;
  return class RedisRateLimitStore implements FastifyRateLimitStore {
    incr(key: string, callback: (error: Error | null, result?: { current: number; ttl: number }) => void, timeWindow: number): void {
      client.rosterRateLimitIncrement(`${prefix}${key}`, timeWindow).then(
        ([current, ttl]) => callback(null, { current, ttl }),
        (error: Error) => callback(error),
      );
    }

    child(): FastifyRateLimitStore {
      return this;
    }
  };
}
