// The load generator of `npm run bench`, run as its own process (fork) so that it never shares an event loop
// with what it measures. It receives one run's description as an IPC message, drives it with autocannon, and
// answers with the counts and the latency percentiles of the 2xx answers (computed here from every response
// time, not from autocannon's millisecond histogram, so sub-millisecond p50s stay readable).
import autocannon from 'autocannon';

process.once('message', async (spec) => {
  try {
    process.send({ ok: true, result: await run(spec) });
  } catch (error) {
    process.send({ ok: false, error: error instanceof Error ? error.stack : String(error) });
  }
});

/**
 * spec: { url, connections, durationSeconds, headers, method, paths: string[], body?: { createUserTag, password } }. `paths` are taken in turn by each connection (rotating, e.g. over many user ids).
 */
async function run(spec) {
  let sequence = 0;
  const request = {
    method: spec.method ?? 'GET',
    setupRequest(req) {
      const n = sequence++;
      req.path = spec.paths[n % spec.paths.length];
      if (spec.body) {
        // A new user per request: a unique address (this run's tag and a counter) and a strong password.
        req.body = JSON.stringify({ email_address: [`storm-${spec.body.createUserTag}-${n}@bench.example`], password: spec.body.password });
        req.headers = { ...req.headers, 'content-type': 'application/json' };
      }
      return req;
    },
  };
  const latencies = [];
  let lastAnswerAt = performance.now();
  const instance = autocannon({
    url: spec.url,
    connections: spec.connections,
    duration: spec.durationSeconds,
    headers: spec.headers,
    requests: [request],
    // The server is the thing under test: a slow answer is data, not a timeout.
    timeout: 120,
  });
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    lastAnswerAt = performance.now();
    if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
  });
  const result = await new Promise((resolve, reject) => {
    instance.on('done', resolve);
    instance.on('error', reject);
  });
  // On one connection the request still unanswered when the run ends was sent at the last answer: it has
  // waited at least this long, and counts with that wait (a probe stuck behind a stalled server would
  // otherwise show only the quick answers it got before the stall).
  let unanswered = null;
  if (spec.connections === 1) {
    unanswered = performance.now() - lastAnswerAt;
    latencies.push(unanswered);
  }
  latencies.sort((a, b) => a - b);
  const percentile = (p) => (latencies.length ? latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)] : null);
  const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, { count }]) => [code, Number(count)]));
  return {
    ok2xx: latencies.length - (unanswered === null ? 0 : 1),
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes,
    durationSeconds: result.duration,
    requestsPerSecond: (latencies.length - (unanswered === null ? 0 : 1)) / result.duration,
    p50: percentile(50),
    p90: percentile(90),
    p99: percentile(99),
    max: latencies.length ? latencies[latencies.length - 1] : null,
    /** One connection: how long the request left unanswered at the end had waited (counted in the percentiles). */
    unansweredMs: unanswered,
  };
}
