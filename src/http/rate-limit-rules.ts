import type { RateLimitRuleName } from '../config/rate-limit-config.js';
import { FRONTEND_API_PREFIX } from './route-auth.js';

/**
 * Which of Clerk's rate limits count a request to a route, by the route that runs (its method and path
 * template), never by the URL text. Every Backend API route counts toward `bapi` unless listed here.
 */
interface EndpointRule {
  method: string;
  /** A route's path template, as registered. */
  url: string;
  rule: RateLimitRuleName;
  /**
   * Counted by `rule` instead of the general limit. Clerk's docs listed "Create users" apart from "All other
   * endpoints", and the 2026-05-12 spec gives CreateUser numbers of its own.
   */
  insteadOfGeneral?: true;
}

export const ENDPOINT_RULES: readonly EndpointRule[] = [
  { method: 'POST', url: '/v1/users', rule: 'create_user', insteadOfGeneral: true },
  // "10 requests per 10 seconds per user", on top of the instance's general limit.
  { method: 'PATCH', url: '/v1/users/:user_id', rule: 'update_user' },
  { method: 'PATCH', url: '/v1/users/:user_id/metadata', rule: 'update_user' },
  { method: 'PUT', url: '/v1/users/:user_id/metadata', rule: 'update_user' },
  { method: 'POST', url: '/v1/organizations/:organization_id/invitations', rule: 'organization_invitations' },
  { method: 'POST', url: '/v1/organizations/:organization_id/invitations/bulk', rule: 'organization_invitations_bulk' },
];

/** Routes Clerk does not limit at all ("Get the JWKS of the instance: no rate limit"). */
export const UNLIMITED_ROUTES: readonly { method: string; url: string }[] = [{ method: 'GET', url: '/v1/jwks' }];

/** Rules counted per user: the route's `user_id` joins the counter's key. */
export const PER_USER_RULES: ReadonlySet<RateLimitRuleName> = new Set(['update_user']);

/** Rules counted per client IP address (the Frontend API's: browsers have no key). */
export const PER_IP_RULES: ReadonlySet<RateLimitRuleName> = new Set(['fapi', 'fapi_attempts']);

/** Frontend API steps that check a secret or send a code. */
const FAPI_ATTEMPT = /^\/fapi\/v1\/client\/(sign_ins|sign_ups)(\/:[a-z_]+\/((attempt|prepare)_[a-z_]+|reset_password))?$/;
/** The signed-in user's own: a password checked or hashed, an address added, a code sent (SMS costs money) or checked. */
const FAPI_ME_ATTEMPT =
  /^\/fapi\/v1\/me\/(change_password|remove_password|email_addresses(\/:[a-z_]+\/(attempt|prepare)_verification)?|phone_numbers\/:phone_number_id\/(attempt|prepare)_verification|totp\/attempt_verification)$/;
/** A new attempt, a step of one, or more sign-up fields (which check addresses and hash passwords too). */
const isFapiAttempt = (method: string, url: string): boolean =>
  (method === 'POST' && (FAPI_ATTEMPT.test(url) || FAPI_ME_ATTEMPT.test(url))) || (method === 'PATCH' && url === '/fapi/v1/client/sign_ups/:sign_up_id');

/**
 * The rules that count a request to `method url` (a route's template); undefined `url` is a request no route
 * matched, which counts toward the general limit only.
 */
export function rulesForRoute(method: string, url: string | undefined): RateLimitRuleName[] {
  // Fastify's HEAD twin of a GET route is limited as its GET.
  const asGet = method === 'HEAD' ? 'GET' : method;
  if (url?.startsWith(FRONTEND_API_PREFIX)) return ['fapi', ...(isFapiAttempt(asGet, url) ? (['fapi_attempts'] as const) : [])];
  if (UNLIMITED_ROUTES.some((route) => route.method === asGet && route.url === url)) return [];
  const own = ENDPOINT_RULES.filter((entry) => entry.method === asGet && entry.url === url);
  return [...(own.some((entry) => entry.insteadOfGeneral) ? [] : ['bapi' as const]), ...own.map((entry) => entry.rule)];
}
