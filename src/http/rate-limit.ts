import fastifyRateLimit, { type FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { RATE_LIMIT_RULES, type RateLimitConfig, type RateLimitRuleName } from '../config/rate-limit-config.js';
import { errors } from '../lib/error-catalog.js';
import { PER_IP_RULES, PER_USER_RULES, rulesForRoute } from './rate-limit-rules.js';
import { FRONTEND_API_PREFIX } from './route-auth.js';
import { closeRateLimitRedis, connectRateLimitRedis, createRedisStore, rateLimitKeyPrefix } from './rate-limit-store.js';

type Limiter = ReturnType<FastifyInstance['createRateLimit']>;

export interface RateLimitOptions {
  config: RateLimitConfig;
  /** Names this instance's counters in Redis (rate-limit-store.ts). */
  instanceKey: Uint8Array;
  /** Frontend API requests this answers true for skip the limits (a development instance's testing tokens). */
  exemptFrontendRequest?: (request: FastifyRequest) => boolean;
}

/**
 * The counter a request adds to under `rule`: the instance's, or the instance's for one user. The key names the
 * rule's numbers too, so a changed rule starts a fresh counter instead of inheriting the old window in Redis.
 */
function keyGenerator(rule: RateLimitRuleName, limit: { max: number; windowInSeconds: number }): (request: FastifyRequest) => string {
  const name = `${rule}:${limit.max}/${limit.windowInSeconds}s`;
  if (PER_IP_RULES.has(rule)) return (request) => `${name}:${request.ip}`;
  if (!PER_USER_RULES.has(rule)) return () => name;
  return (request) => `${name}:${(request.params as { user_id?: string }).user_id ?? ''}`;
}

/**
 * Clerk's Backend API rate limits, per instance: counted in this node's memory, or in Redis when
 * `REDIS_URL` is set so that every node enforces one limit. Each request is counted by the rules of the route
 * that runs (rate-limit-rules.ts), after its key was checked and before its body is read; public routes and
 * requests refused for their key are not counted, so no one without the key spends the instance's budget.
 * Past a limit: 429 `too_many_requests` with `Retry-After`, the seconds until the window that refused it ends.
 * If Redis cannot be reached, requests are not limited (logged): refusing every request would be worse.
 *
 * Call after installRouteAuth and before any route is registered.
 */
export async function installRateLimits(app: FastifyInstance, { config, instanceKey, exemptFrontendRequest }: RateLimitOptions): Promise<void> {
  if (!config.enabled) return;
  let store: FastifyRateLimitStoreCtor | undefined;
  if (config.redisUrl) {
    const redis = await connectRateLimitRedis(config.redisUrl, instanceKey, app.log);
    app.addHook('onClose', async () => closeRateLimitRedis(redis));
    store = createRedisStore(redis, rateLimitKeyPrefix(instanceKey));
  }
  // global: false: the plugin adds no hook of its own; the hook below decides which limits count a request.
  await app.register(fastifyRateLimit, { global: false, skipOnError: true, ...(store ? { store } : {}) });

  const limiters = new Map<RateLimitRuleName, Limiter>();
  for (const rule of RATE_LIMIT_RULES) {
    const limit = config.rules[rule];
    if (limit) limiters.set(rule, app.createRateLimit({ max: limit.max, timeWindow: limit.windowInSeconds * 1000, keyGenerator: keyGenerator(rule, limit) }));
  }
  const limitersByRoute = new Map<string, Limiter[]>();
  const limitersFor = (request: FastifyRequest): Limiter[] => {
    // A path no route serves counts toward the general limit of its API: the Frontend API's unknown paths are
    // browsers' (per IP, needing no key), never the Backend API's instance budget.
    const unroutedFrontend = request.is404 && (request.raw.url ?? '').startsWith(FRONTEND_API_PREFIX);
    const url = request.is404 ? (unroutedFrontend ? FRONTEND_API_PREFIX : undefined) : request.routeOptions.url;
    const route = `${request.method} ${url ?? ''}`;
    let found = limitersByRoute.get(route);
    if (!found) {
      found = rulesForRoute(request.method, url).flatMap((rule) => limiters.get(rule) ?? []);
      limitersByRoute.set(route, found);
    }
    return found;
  };

  // preParsing runs after every onRequest hook (so after the route's key check, and app.ts's check of requests
  // no route matches) and before the body is read: a refused request costs no body.
  app.addHook('preParsing', async (request, reply) => {
    if (request.routeOptions.config.auth === 'public') return;
    if (exemptFrontendRequest && (request.raw.url ?? '').startsWith(FRONTEND_API_PREFIX) && exemptFrontendRequest(request)) return;
    const results = await Promise.all(limitersFor(request).map((limiter) => limiter(request)));
    let retryAfterInSeconds = 0;
    for (const result of results) {
      if (!result.isAllowed && result.isExceeded) retryAfterInSeconds = Math.max(retryAfterInSeconds, result.ttlInSeconds, 1);
    }
    if (retryAfterInSeconds === 0) return;
    reply.header('retry-after', String(retryAfterInSeconds));
    throw errors.tooManyRequests(retryAfterInSeconds);
  });
}
