import type {} from '@fastify/cookie';
import type { FastifyReply, FastifyRequest, onRequestHookHandler } from 'fastify';
import type { ClientService, ClientState } from '../../clients/client-service.js';
import type { SignInService } from '../../clients/sign-in-service.js';
import type { SignUpService } from '../../clients/sign-up-service.js';
import type { Config } from '../../config/config.js';
import type { FrontendInstance } from '../../frontend/instance.js';
import { errors } from '../../lib/error-catalog.js';
import type { Clock } from '../../lib/clock.js';
import type { ClientRow } from '../../storage/tables/client-tables.js';
import type { RouteContext } from '../route-context.js';
import { toClientJSON, type FapiSerializeContext, type SignInFactors } from './serialize/client.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The Frontend API client from the `__client` cookie; null when the browser has none (or an unknown one). */
    fapiClient: ClientRow | null;
    /** The page's origin (an allowed one) when the request carried an Origin header: the tokens' `azp`. */
    fapiOrigin: string | null;
  }
}

export const CLIENT_COOKIE = '__client';
export const CLIENT_UAT_COOKIE = '__client_uat';
/** How long a browser keeps its `__client` cookie. */
const CLIENT_COOKIE_DAYS = 365;

export interface FapiContext extends RouteContext {
  config: Readonly<Config>;
  clock: Clock;
  instance: FrontendInstance;
  clients: ClientService;
  signIns: SignInService;
  signUps: SignUpService;
}

function countHeader(rawHeaders: readonly string[], name: string): number {
  let count = 0;
  for (let i = 0; i < rawHeaders.length; i += 2) if (rawHeaders[i]!.toLowerCase() === name) count++;
  return count;
}

/**
 * The `frontend` route auth: the page's Origin must be one the instance allows (then, and only then, CORS
 * with credentials answers it), and the browser's client is read from its cookie. Requests without an Origin
 * (top-level navigations such as the handshake, and non-browser callers) carry no page to check.
 */
export function createFrontendAuth(ctx: Pick<FapiContext, 'instance' | 'clients'>): onRequestHookHandler {
  return async (request, reply) => {
    if (countHeader(request.raw.rawHeaders, 'origin') > 1) throw errors.multipleOriginHeaders();
    const origin = request.headers.origin;
    reply.header('vary', 'Origin');
    if (origin !== undefined) {
      if (!ctx.instance.isAllowedOrigin(origin)) throw errors.originInvalid();
      reply.header('access-control-allow-origin', origin);
      reply.header('access-control-allow-credentials', 'true');
    }
    request.fapiOrigin = origin ?? null;
    const token = request.cookies[CLIENT_COOKIE];
    request.fapiClient = token ? ((await ctx.clients.authenticate(token)) ?? null) : null;
  };
}

export function fapiSerializeContext(ctx: FapiContext, request: FastifyRequest): FapiSerializeContext {
  return { ...ctx.serializeContext(request), config: ctx.config, nowMs: ctx.clock.nowMs() };
}

function cookieOptions(ctx: FapiContext, httpOnly: boolean) {
  return { path: '/', httpOnly, sameSite: 'lax' as const, secure: ctx.instance.secureCookies(), maxAge: CLIENT_COOKIE_DAYS * 86_400 };
}

/** Cookies the app's own server reads (`__client_uat`, the handshake nonce): on ROSTER_COOKIE_DOMAIN when set. */
export function appCookieDomain(ctx: FapiContext): { domain?: string } {
  return ctx.config.fapi.cookieDomain ? { domain: ctx.config.fapi.cookieDomain } : {};
}

/** Gives the browser its client's cookie secret (a new client's, or the one a sign-in replaced). */
export function setClientCookie(ctx: FapiContext, reply: FastifyReply, token: string | null): void {
  if (token) reply.setCookie(CLIENT_COOKIE, token, cookieOptions(ctx, true));
}

/** The request's client, or a new one (with its cookie set on the reply) for the first step of a sign-in or sign-up. */
export async function ensureClient(ctx: FapiContext, request: FastifyRequest, reply: FastifyReply): Promise<ClientRow> {
  if (request.fapiClient) return request.fapiClient;
  const { client, token } = await ctx.clients.create();
  setClientCookie(ctx, reply, token);
  request.fapiClient = client;
  return client;
}

/** The request's client, or Clerk's `client_not_found` for endpoints that act on one. */
export function requireClient(request: FastifyRequest): ClientRow {
  if (!request.fapiClient) throw errors.clientNotFound();
  return request.fapiClient;
}

/**
 * The client as the Frontend API answers it: with a fresh session token (`azp` = the page's origin) for each
 * of its active sessions, as clerk-js reads `last_active_token` to set its `__session` cookie.
 */
/** Factors the caller already read for a sign-in (the one it answers), so they are not read twice. */
export interface KnownSignInFactors {
  signInId: string;
  factors: SignInFactors;
}

export async function clientJSON(ctx: FapiContext, request: FastifyRequest, reply: FastifyReply, client: ClientRow, known?: KnownSignInFactors) {
  const state: ClientState = await ctx.clients.state(await ctx.clients.reload(client));
  const tokens = new Map<string, string>();
  for (const { session } of state.sessions) {
    const { jwt } = await ctx.sessions.createToken(session.id, { issuer: ctx.instance.issuer(), azp: request.fapiOrigin });
    tokens.set(session.id, jwt);
  }
  let signInFactors: SignInFactors | null = null;
  if (state.signIn) signInFactors = known?.signInId === state.signIn.id ? known.factors : await ctx.signIns.factorsOf(state.signIn);
  // Production clients do not write `__client_uat` themselves: the Frontend API keeps it in step.
  if (ctx.instance.instanceType === 'production') {
    const uat = state.sessions.length > 0 ? String(Math.floor(Math.max(...state.sessions.map((item) => item.session.created_at)) / 1000)) : '0';
    for (const name of [CLIENT_UAT_COOKIE, `${CLIENT_UAT_COOKIE}_${ctx.instance.cookieSuffix()}`]) {
      reply.setCookie(name, uat, { ...cookieOptions(ctx, false), ...appCookieDomain(ctx) });
    }
  }
  const cookieExpiresAt = state.client.created_at + CLIENT_COOKIE_DAYS * 86_400_000;
  return toClientJSON(state, { tokens, signInFactors, cookieExpiresAt }, fapiSerializeContext(ctx, request));
}

/** `{ response, client }`: what every Frontend API mutation answers. */
export async function envelope<T>(ctx: FapiContext, request: FastifyRequest, reply: FastifyReply, response: T, known?: KnownSignInFactors) {
  const client = request.fapiClient ? await clientJSON(ctx, request, reply, request.fapiClient, known) : null;
  return { response, client };
}
