// What `npm run bench` measures, and the targets of issue 10 each measurement is held to.
//
// Throughput cases run at --connections (50) for --duration. Latency cases run on one connection ("p99 < 50 ms
// at one connection", the "single request" rows); those marked `probe` have a second generator sending
// GET /v1/users/{id} on one connection meanwhile, whose p99 tells whether the case blocks the event loop
// ("no request that blocks the event loop for more than 20 ms"). At 50 connections the same probe would
// measure queueing behind 50 requests in flight, which every server shows, so there it is only reported.

/** Share-of-baseline and latency thresholds of the issue. */
export const TARGETS = {
  getUserShare: 0.5,
  listShare: 0.35,
  /** A starting_after page, and the unfiltered count, compared with the first page and GET of one user. */
  asFastAs: 0.9,
  filterP99Ms: 50,
  countP99Ms: 100,
  /** GET /v1/users/{id} alongside a slow case or the password storm. */
  probeP99Ms: 20,
  createShareOfArgon2: 0.9,
  rssMB: 400,
  readyMs: 1000,
  /** PostgreSQL's latency against SQLite's at the same user count. */
  postgresFactor: 2,
};

/**
 * The cases, given targets picked from the seeded data: `ids` (user ids spread over the table), `cursor` (a
 * user id in the middle, for starting_after), `users` (how many), `lastActiveBefore` (a timestamp half
 * the users are before), `phoneDigits` and `usernamePart` (substrings of a seeded phone and username).
 */
export function benchCases(t) {
  const list = (query) => `/v1/users?limit=10${query ? `&${query}` : ''}`;
  const deepOffset = Math.max(0, Math.floor(t.users * 0.9));
  const share = (minimum) => ({ kind: 'share', minimum });
  const filterLatency = { kind: 'p99', maximumMs: TARGETS.filterP99Ms };
  const countLatency = { kind: 'p99', maximumMs: TARGETS.countP99Ms };
  const noStall = { kind: 'probe', maximumMs: TARGETS.probeP99Ms };
  const fastAndNoStall = { kind: 'p99+probe', maximumMs: TARGETS.filterP99Ms, probeMaximumMs: TARGETS.probeP99Ms };
  const searches = [
    ['query-hopper', 'query=hopper', '…&query=hopper (10 % of users match)'],
    ['name-query', 'name_query=grace%20turing', '…&name_query=grace turing'],
    ['email-query', 'email_address_query=ovelace12', '…&email_address_query=ovelace12'],
    ['phone-query', `phone_number_query=${t.phoneDigits}`, `…&phone_number_query=${t.phoneDigits}`],
    ['username-query', `username_query=${t.usernamePart}`, `…&username_query=${t.usernamePart}`],
    ['query-1char', 'query=a', '…&query=a (one character)'],
    ['query-2chars', 'query=ab', '…&query=ab (two characters)'],
    ['banned', 'banned=true', '…&banned=true'],
    ['last-active-before', `last_active_at_before=${t.lastActiveBefore}`, '…&last_active_at_before=… (half of the users match)'],
  ];
  const orderings = ['-created_at', 'email_address', '-last_sign_in_at', 'username'];

  return [
    // At --connections: req/s against the bare node:http baseline.
    { id: 'get-user', mode: 'throughput', label: 'GET /v1/users/{id}', paths: t.ids.map((id) => `/v1/users/${id}`), target: share(TARGETS.getUserShare) },
    { id: 'list', mode: 'throughput', label: 'GET /v1/users?limit=10', paths: [list()], target: share(TARGETS.listShare) },
    ...orderings.map((order) => ({
      id: `list-order-${order.replace(/^-/, 'desc-')}`,
      mode: 'throughput',
      label: `…&order_by=${order}`,
      paths: [list(`order_by=${encodeURIComponent(order)}`)],
      target: share(TARGETS.listShare),
    })),
    {
      id: 'list-cursor',
      mode: 'throughput',
      label: '…&starting_after={id} (a page in the middle)',
      paths: [list(`starting_after=${t.cursor}`)],
      target: { kind: 'relative', to: 'list', minimum: TARGETS.asFastAs, what: 'the first page' },
    },
    ...searches.map(([id, query, label]) => ({ id, mode: 'throughput', label, paths: [list(query)], probe: true, target: null })),
    { id: 'deep-offset', mode: 'throughput', label: `…&offset=${deepOffset}`, paths: [list(`offset=${deepOffset}`)], probe: true, target: null },
    {
      id: 'count',
      mode: 'throughput',
      label: 'GET /v1/users/count (no filter)',
      paths: ['/v1/users/count'],
      target: { kind: 'relative', to: 'get-user', minimum: TARGETS.asFastAs, what: 'GET of one user' },
    },
    { id: 'count-query-hopper', mode: 'throughput', label: 'GET /v1/users/count?query=hopper', paths: ['/v1/users/count?query=hopper'], probe: true, target: null },

    // One connection: latency of every filter, ordering and search, and of the counts.
    ...searches.map(([id, query, label]) => ({ id: `${id}@1`, mode: 'latency', label, paths: [list(query)], probe: true, target: fastAndNoStall })),
    ...orderings.map((order) => ({
      id: `list-order-${order.replace(/^-/, 'desc-')}@1`,
      mode: 'latency',
      label: `…&order_by=${order}`,
      paths: [list(`order_by=${encodeURIComponent(order)}`)],
      target: filterLatency,
    })),
    { id: 'deep-offset@1', mode: 'latency', label: `…&offset=${deepOffset}`, paths: [list(`offset=${deepOffset}`)], probe: true, target: noStall },
    { id: 'count-query-hopper@1', mode: 'latency', label: 'GET /v1/users/count?query=hopper', paths: ['/v1/users/count?query=hopper'], target: countLatency },
    { id: 'count-query-2chars@1', mode: 'latency', label: 'GET /v1/users/count?query=ab (two characters)', paths: ['/v1/users/count?query=ab'], target: countLatency },
    { id: 'count-query-1char@1', mode: 'latency', label: 'GET /v1/users/count?query=a', paths: ['/v1/users/count?query=a'], target: countLatency },
    { id: 'count-banned@1', mode: 'latency', label: 'GET /v1/users/count?banned=true', paths: ['/v1/users/count?banned=true'], target: countLatency },
    {
      id: 'count-last-active-before@1',
      mode: 'latency',
      label: 'GET /v1/users/count?last_active_at_before=…',
      paths: [`/v1/users/count?last_active_at_before=${t.lastActiveBefore}`],
      target: countLatency,
    },
  ];
}

/** Whether a measured case meets its target: `{ met: boolean | null, text }` (null: nothing to judge). */
export function judge(testCase, measured, byId) {
  const target = testCase.target;
  if (!target || !measured || measured.error) return { met: null, text: target ? describeTarget(target) : '' };
  switch (target.kind) {
    case 'share':
      return { met: measured.share >= target.minimum, text: describeTarget(target) };
    case 'relative': {
      const other = byId.get(target.to);
      if (!other || other.error) return { met: null, text: describeTarget(target) };
      return { met: measured.requestsPerSecond >= target.minimum * other.requestsPerSecond, text: describeTarget(target) };
    }
    case 'p99':
      // No answer within the run at all is no p99 below anything.
      return { met: measured.p99 !== null && measured.p99 < target.maximumMs, text: describeTarget(target) };
    case 'p99+probe':
      if (!measured.probe) return { met: null, text: describeTarget(target) };
      return {
        met: measured.p99 !== null && measured.p99 < target.maximumMs && measured.probe.p99 !== null && measured.probe.p99 < target.probeMaximumMs,
        text: describeTarget(target),
      };
    case 'probe':
      // A probe with no answer at all was held up for the whole run.
      if (!measured.probe) return { met: null, text: describeTarget(target) };
      return { met: measured.probe.p99 !== null && measured.probe.p99 < target.maximumMs, text: describeTarget(target) };
    default:
      return { met: null, text: '' };
  }
}

function describeTarget(target) {
  switch (target.kind) {
    case 'share':
      return `≥ ${Math.round(target.minimum * 100)} % of bare node`;
    case 'relative':
      return `≥ ${Math.round(target.minimum * 100)} % of ${target.what}'s req/s`;
    case 'p99':
      return `p99 < ${target.maximumMs} ms`;
    case 'probe':
      return `GET of one user alongside: p99 < ${target.maximumMs} ms`;
    case 'p99+probe':
      return `p99 < ${target.maximumMs} ms; GET of one user alongside: p99 < ${target.probeMaximumMs} ms`;
    default:
      return '';
  }
}

/**
 * Request targets from the data itself, through the API (`api(url)` → a fetch Response with the secret key): user ids spread over the whole table (for GET of
 * one user), a cursor in the middle, a last_active_at that about half the users are before, and substrings
 * of a real phone number and username.
 */
export async function pickTargets(api, users) {
  const json = async (url) => {
    const response = await api(url);
    if (response.status !== 200) throw new Error(`GET ${url}: HTTP ${response.status} ${await response.text()}`);
    return response.json();
  };
  const ids = [];
  const spread = 8;
  let middle = null;
  for (let k = 0; k < spread; k++) {
    const offset = Math.floor(((k + 0.5) / spread) * Math.max(0, users - 64));
    const page = await json(`/v1/users?limit=64&offset=${offset}&order_by=-created_at`);
    ids.push(...page.map((user) => user.id));
    if (k === spread / 2) middle = page;
  }
  if (ids.length === 0) throw new Error('the database has no users to measure');
  const withPhone = middle.find((user) => user.phone_numbers?.length) ?? middle[0];
  const withUsername = middle.find((user) => user.username) ?? middle[0];
  const phone = withPhone.phone_numbers?.[0]?.phone_number ?? '+14155550100';
  const bySize = [...middle].sort((a, b) => JSON.stringify(a).length - JSON.stringify(b).length);
  // The last activity that half of all users are before: users without one sort last and never match.
  const { total_count: active } = await json('/v1/users/count?last_active_at_since=0');
  const byActivity = await json(`/v1/users?limit=1&offset=${Math.max(0, active - Math.ceil(users / 2))}&order_by=-last_active_at`);
  return {
    ids,
    sampleId: bySize[Math.floor(bySize.length / 2)].id,
    cursor: middle[0].id,
    users,
    lastActiveBefore: byActivity[0]?.last_active_at ?? Date.now(),
    phoneDigits: phone.slice(-7),
    usernamePart: (withUsername.username ?? 'grace').slice(0, 5),
  };
}
