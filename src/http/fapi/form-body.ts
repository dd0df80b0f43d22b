import type { FastifyRequest } from 'fastify';
import { errors } from '../../lib/error-catalog.js';

/**
 * `application/x-www-form-urlencoded`, as clerk-js sends every Frontend API body. Accepted on Frontend API
 * routes only (the Backend API speaks JSON). A key given twice becomes an array; values are strict UTF-8.
 */
export function parseFormBody(request: FastifyRequest, body: Buffer, done: (error: Error | null, value?: unknown) => void): void {
  if (request.routeOptions.config.auth !== 'frontend') {
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
  for (const [key, value] of new URLSearchParams(text)) {
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
