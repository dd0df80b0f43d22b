// What a page asked of the network. clerk-js renders its components even when the Frontend API fails, so a
// browser test proves what happened by the requests clerk-js made and how Roster answered them.
import type { BrowserContext, Page, Request } from 'playwright-core';
import { createWaiters } from '../../helpers/waiters.js';

export interface RecordedRequest {
  /** The method on the wire (clerk-js sends only GET and POST). */
  method: string;
  /** The method the FAPI routes it as: `_method` of a POST (`PATCH`, `PUT`, `DELETE`), else `method`. */
  effectiveMethod: string;
  url: string;
  /** The path after the recorded base, e.g. `/v1/client` for `<fapi>/v1/client`. */
  path: string;
  query: URLSearchParams;
  /** The response status; null while pending or when the request failed. */
  status: number | null;
  /** Why the request failed (network error, blocked), if it did. */
  failure: string | null;
  resourceType: string;
}

export interface RequestRecorder {
  /** Every request to the base so far, in the order they were made. */
  readonly requests: readonly RecordedRequest[];
  /** The Frontend API calls (`<base>/v1/…`), as `METHOD /path status` lines, for readable assertions. */
  calls(): string[];
  /** Resolves with the first request (answered or failed) that `matches`; rejects after `timeoutMs`. */
  waitFor(matches: (request: RecordedRequest) => boolean, timeoutMs?: number): Promise<RecordedRequest>;
}

/** Records every request `page` makes under `baseUrl` (e.g. the FAPI URL), with its status once answered. */
export function recordRequests(page: Page, baseUrl: string): RequestRecorder {
  const base = baseUrl.replace(/\/+$/, '');
  const requests: RecordedRequest[] = [];
  const byRequest = new Map<Request, RecordedRequest>();
  const waiters = createWaiters();
  const notify = waiters.wake;

  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(`${base}/`)) return;
    const parsed = new URL(url);
    const method = request.method();
    const override = parsed.searchParams.get('_method');
    const recorded: RecordedRequest = {
      method,
      effectiveMethod: method === 'POST' && override ? override.toUpperCase() : method,
      url,
      path: parsed.pathname.slice(new URL(base).pathname.replace(/\/+$/, '').length),
      query: parsed.searchParams,
      status: null,
      failure: null,
      resourceType: request.resourceType(),
    };
    requests.push(recorded);
    byRequest.set(request, recorded);
  });
  page.on('requestfinished', async (request) => {
    const recorded = byRequest.get(request);
    if (!recorded) return;
    try {
      recorded.status = (await request.response())?.status() ?? null;
    } catch (error) {
      // The page or its context closed meanwhile: the request stays unanswered in the record.
      recorded.failure = `no response: ${(error as Error).message}`;
    }
    notify();
  });
  page.on('requestfailed', (request) => {
    const recorded = byRequest.get(request);
    if (!recorded) return;
    recorded.failure = request.failure()?.errorText ?? 'failed';
    notify();
  });

  return {
    requests,
    calls: () => requests.filter((r) => r.path.startsWith('/v1/')).map((r) => `${r.effectiveMethod} ${r.path} ${r.status ?? r.failure ?? 'pending'}`),
    waitFor(matches, timeoutMs = 15_000) {
      return waiters.waitFor(
        () => requests.find((r) => (r.status !== null || r.failure !== null) && matches(r)),
        timeoutMs,
        () => `no matching request within ${timeoutMs} ms; seen: ${requests.map((r) => `${r.effectiveMethod} ${r.path} ${r.status ?? r.failure ?? 'pending'}`).join(', ') || 'none'}`,
      );
    },
  };
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Aborts every request of `context` to a host other than localhost/127.0.0.1 (CDNs, telemetry, captcha,
 * fonts) and returns the list they are recorded in, so a test can assert that none was attempted.
 */
export async function blockOffsiteRequests(context: BrowserContext): Promise<string[]> {
  const attempted: string[] = [];
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if ((url.protocol === 'http:' || url.protocol === 'https:') && LOCAL_HOSTS.has(url.hostname)) return route.continue();
    attempted.push(url.href);
    return route.abort('blockedbyclient');
  });
  return attempted;
}

export interface RecordedError {
  /** `METHOD /path` as in RequestRecorder.calls() (the effective method). */
  call: string;
  status: number;
  /** The `code`s of the answer's `errors` (Clerk's error body), empty when it had none. */
  codes: string[];
}

/**
 * Every Frontend API answer of `page` under `baseUrl` with a status of 400 or more, with Clerk's error codes from
 * its body: what the page was told, to set beside what its component shows.
 */
export function recordErrorAnswers(page: Page, baseUrl: string): RecordedError[] {
  const base = baseUrl.replace(/\/+$/, '');
  const answers: RecordedError[] = [];
  page.on('response', async (response) => {
    const url = new URL(response.url());
    if (!response.url().startsWith(`${base}/`) || response.status() < 400) return;
    const method = response.request().method();
    const override = url.searchParams.get('_method');
    const call = `${method === 'POST' && override ? override.toUpperCase() : method} ${url.pathname.slice(new URL(base).pathname.replace(/\/+$/, '').length)}`;
    const entry: RecordedError = { call, status: response.status(), codes: [] };
    answers.push(entry);
    try {
      const body = (await response.json()) as { errors?: { code?: string }[] };
      entry.codes.push(...(body.errors ?? []).map((error) => String(error.code)));
    } catch {
      // Not JSON, or the page closed before the body was read: the status alone is recorded.
    }
  });
  return answers;
}
