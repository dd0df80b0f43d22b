import type { TestServer } from './test-server.js';

export const PAGE_ORIGIN = 'http://localhost:5173';

export interface FapiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

/**
 * A browser's view of the Frontend API, the way clerk-js calls it: form bodies, `POST ?_method=…` for other
 * verbs, the page's Origin, and a cookie jar holding what the FAPI sets (`__client`). Answers are spec-checked by
 * test/setup/validate-responses.ts.
 */
export function fapiBrowser(server: () => TestServer, origin: string = PAGE_ORIGIN) {
  const jar = new Map<string, string>();
  async function call<T = any>(method: string, path: string, form?: Record<string, string>, extraHeaders: Record<string, string> = {}): Promise<FapiResponse<T>> {
    const tunnelled = method !== 'GET' && method !== 'POST';
    const separator = path.includes('?') ? '&' : '?';
    const url = `${server().baseUrl}/fapi${path}${separator}__clerk_api_version=2025-11-10&_clerk_js_version=6.40.0${tunnelled ? `&_method=${method}` : ''}`;
    const headers: Record<string, string> = { origin, ...extraHeaders };
    if (jar.size > 0) headers.cookie = [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
    let body: string | undefined;
    if (form !== undefined) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(form).toString();
    }
    const response = await fetch(url, { method: tunnelled ? 'POST' : method, headers, body, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const index = pair!.indexOf('=');
      const name = pair!.slice(0, index);
      const value = pair!.slice(index + 1);
      if (/max-age=0/i.test(line) || value === '') jar.delete(name);
      else jar.set(name, value);
    }
    const text = await response.text();
    const parsed = response.headers.get('content-type')?.startsWith('application/json') && text ? JSON.parse(text) : text;
    return { status: response.status, headers: response.headers, body: parsed as T };
  }
  return { call, jar };
}
