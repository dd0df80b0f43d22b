import type { FastifyRequest } from 'fastify';
import { errors } from '../../lib/error-catalog.js';

/**
 * `application/x-www-form-urlencoded`, as clerk-js sends every Frontend API body. Accepted on Frontend API
 * routes only (the Backend API speaks JSON). A key given twice becomes an array; values are strict UTF-8.
 */
export function parseFormBody(request: FastifyRequest, body: Buffer, done: (error: Error | null, value?: unknown) => void): void {
  // Frontend API routes, including the public one a provider posts its answer to (POST /fapi/v1/oauth_callback).
  if (request.routeOptions.config.auth !== 'frontend' && !request.routeOptions.url?.startsWith('/fapi/')) {
    done(errors.paramValueInvalid('Content-Type', 'The Backend API accepts JSON bodies (application/json).'));
    return;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    done(errors.malformedRequestParameters());
    return;
  }
  const result: Record<string, string | string[]> = Object.create(null);
  for (const pair of text.split('&')) {
    if (pair === '') continue;
    const at = pair.indexOf('=');
    let key: string;
    let value: string;
    try {
      // decodeURIComponent is strict: a percent-encoded byte sequence that is not UTF-8 (`%FF`) is refused, never
      // turned into U+FFFD, as query strings are.
      key = decodeURIComponent((at < 0 ? pair : pair.slice(0, at)).replace(/\+/g, ' '));
      value = at < 0 ? '' : decodeURIComponent(pair.slice(at + 1).replace(/\+/g, ' '));
    } catch {
      done(errors.malformedRequestParameters());
      return;
    }
    // No Roster value holds NUL, and PostgreSQL text cannot: refused for every field, as in JSON bodies.
    if (key.includes('\0') || value.includes('\0')) {
      done(errors.paramValueInvalid(key.replace(/\0/g, ''), `${key.replace(/\0/g, '')} must not contain NUL characters.`));
      return;
    }
    const existing = result[key];
    if (existing === undefined) result[key] = value;
    else result[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  done(null, result);
}

/** Methods clerk-js tunnels through `POST ?_method=…`. */
const OVERRIDABLE = new Set(['PATCH', 'PUT', 'DELETE']);

/**
 * clerk-js sends only GET and POST; other verbs arrive as `POST …?_method=PATCH|PUT|DELETE`. Runs before
 * routing (Fastify's `rewriteUrl`), so the request is routed, authenticated and validated as the verb it
 * names. Only for Frontend API paths: the Backend API never tunnels methods.
 */
export function applyMethodOverride(raw: { method?: string | undefined; url?: string | undefined }): void {
  const url = raw.url ?? '';
  if (raw.method !== 'POST' || !url.startsWith('/fapi/')) return;
  const query = url.indexOf('?');
  if (query < 0) return;
  const method = new URLSearchParams(url.slice(query + 1)).get('_method')?.toUpperCase();
  if (method && OVERRIDABLE.has(method)) raw.method = method;
}
