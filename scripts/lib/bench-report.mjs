// The Markdown `npm run bench` prints and writes to docs/benchmarks.md: the machine, the run, and one table per
// kind of measurement, each row with its target and whether it was met.
import os from 'node:os';
import { formatCount } from './progress.mjs';

const ms = (value) => (value === null || value === undefined || Number.isNaN(value) ? '–' : value < 10 ? value.toFixed(2) : value.toFixed(0));
const percent = (share) => (Number.isFinite(share) ? `${Math.round(share * 100)} %` : '–');
const verdict = (met) => (met === null || met === undefined ? '' : met ? 'yes' : '**no**');
const escape = (text) => String(text).replace(/\|/g, '\\|');

/** The machine the numbers were measured on. */
function machine() {
  const cpus = os.cpus();
  const models = [...new Set(cpus.map((cpu) => cpu.model.trim()))].join(', ');
  return `${models}, ${cpus.length} logical cores (${os.availableParallelism()} available); ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM; ${os.type()} ${os.release()} ${os.arch()}; Node ${process.version}`;
}

/** The section of one run (one dialect). */
function dialectSection(report) {
  const lines = [];
  const push = (...more) => lines.push(...more);
  const load = (r) => (report.generator === 'wrk' ? `wrk -t1 -c${r}` : `autocannon, ${r} connection${r === 1 ? '' : 's'}`);
  push(
    `## ${DIALECT_NAMES[report.dialect]}, ${formatCount(report.users)} users`,
    '',
    `- **Date**: ${report.date.toISOString()}`,
    `- **Machine**: ${machine()}`,
    `- **Database**: ${report.dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'}, ${formatCount(report.users)} users${report.seededSeconds ? ` (seeded in ${Math.round(report.seededSeconds)} s)` : ''}`,
    `- **Load generator**: ${report.generator === 'wrk' ? 'wrk -t1 (autocannon for one-connection runs and the password storm)' : 'autocannon'}; throughput rows ${report.connections} connections for ${report.durationSeconds} s each, latency rows 1 connection for ${report.latencySeconds} s each`,
    `- **Command**: \`${report.command}\``,
    ...(report.note ? [`- **Note**: ${report.note}`] : []),
    `- **Baseline**: ${formatCount(report.baseline.requestsPerSecond)} req/s (${formatCount(report.baseline.before.requestsPerSecond)} before the cases, ${formatCount(report.baseline.after.requestsPerSecond)} after), p99 ${ms(report.baseline.before.p99)} ms, ${formatCount(report.responseBytes)} bytes a response`,
    '',
  );

  const throughput = report.cases.filter((c) => c.mode === 'throughput');
  if (throughput.length) {
    push(
      `### Throughput (${load(report.connections)})`,
      '',
      'Where a row has a value in "GET of one user alongside", a second generator sent `GET /v1/users/{id}` on one connection during',
      'the run. At 50 connections that request queues behind the 50 in flight, so the number shows fairness under saturation, not',
      'event-loop blocking (the one-connection table below judges that). The request still unanswered when a run ends counts with',
      'the time it had waited by then.',
      '',
      '| request | Roster req/s | share of bare node | p50 ms | p99 ms | GET of one user alongside: p99 / max ms | answer | target | met? |',
      '|---|--:|--:|--:|--:|--:|---|---|---|',
    );
    for (const c of throughput) push(throughputRow(c));
    push('', ...afterwards(throughput));
  }

  const latency = report.cases.filter((c) => c.mode === 'latency');
  if (latency.length) {
    push(
      `### Latency (1 connection)`,
      '',
      'Where a row has a value in "GET of one user alongside", a second generator sent `GET /v1/users/{id}` on one connection',
      'during the run: a p99 under 20 ms says the request never held the event loop.',
      '',
      '| request | req/s | p50 ms | p99 ms | max ms | GET of one user alongside: p99 / max ms | answer | target | met? |',
      '|---|--:|--:|--:|--:|--:|---|---|---|',
    );
    for (const c of latency) push(latencyRow(c));
    push('', ...afterwards(latency));
  }

  if (report.storm) {
    const { storm } = report;
    push(
      `### Creating users with passwords (${load(report.connections)})`,
      '',
      '| measurement | value | target | met? |',
      '|---|--:|---|---|',
      `| raw argon2id rate (Roster's hasher, ${storm.cores} at a time, no HTTP) | ${storm.raw.hashesPerSecond.toFixed(1)} hashes/s | | |`,
      `| \`POST /v1/users\` with a password | ${storm.created.requestsPerSecond.toFixed(1)} users/s (${percent(storm.share)} of raw; p99 ${ms(storm.created.p99)} ms${storm.created.non2xx ? `; ${storm.created.non2xx} non-2xx` : ''}) | ≥ ${Math.round(report.targets.createShareOfArgon2 * 100)} % of raw | ${verdict(storm.met)} |`,
      `| \`GET /v1/users/{id}\` meanwhile, 1 connection | p99 ${ms(storm.probe.p99)} ms, max ${ms(storm.probe.max)} ms | p99 < ${report.targets.probeP99Ms} ms | ${verdict(storm.probeMet)} |`,
      '',
    );
  }

  const readySorted = [...report.readyRuns].sort((a, b) => a - b);
  const readyMedian = readySorted[Math.floor(readySorted.length / 2)];
  push(
    '### Start and memory',
    '',
    '| measurement | value | target | met? |',
    '|---|--:|---|---|',
    `| ready: spawn → first 200 from \`/healthz\` (${report.readyRuns.length} starts on the existing database, median) | ${Math.round(readyMedian)} ms (${report.readyRuns.map((v) => Math.round(v)).join(', ')}) | < ${report.targets.readyMs} ms | ${verdict(readyMedian < report.targets.readyMs)} |`,
    `| Roster's peak RSS (VmHWM) after every run above | ${Math.round(report.memory.peakMB)} MB (${Math.round(report.memory.currentMB)} MB at the end) | < ${report.targets.rssMB} MB | ${verdict(Number.isFinite(report.memory.peakMB) ? report.memory.peakMB < report.targets.rssMB : null)} |`,
    '',
  );
  return `${lines.join('\n')}\n`;
}

/** A note on the cases whose requests were still running after their run (they weigh on nothing measured later). */
function afterwards(cases) {
  const busy = cases.filter((c) => c.measured?.after && c.measured.after.waitedMs > 1000);
  if (busy.length === 0) return [];
  const lines = busy.map(
    (c) =>
      `- ${escape(c.label)}: ${c.measured.after.restarted ? `still busy ${Math.round(c.measured.after.waitedMs / 1000)} s after the run; Roster was restarted` : `busy for ${Math.round(c.measured.after.waitedMs / 1000)} s after the run`}`,
  );
  return ['Roster was still answering these cases\' requests when the run ended; the next case waited for them (or for a restart):', '', ...lines, ''];
}

function throughputRow(c) {
  const m = c.measured;
  if (!m || m.error) return `| ${escape(c.label)} | ${escape(m?.error ?? 'not run')} | | | | | | ${escape(c.verdict.text)} | |`;
  const probe = !m.probe ? '' : `${ms(m.probe.p99)} / ${ms(m.probe.max)} (${formatCount(m.probe.ok2xx)} answered)`;
  return `| ${escape(c.label)} | ${formatCount(m.requestsPerSecond)}${m.non2xx ? ` (${m.non2xx} non-2xx)` : ''} | ${percent(m.share)} | ${ms(m.p50)} | ${ms(m.p99)} | ${probe} | ${escape(m.rows)} | ${escape(c.verdict.text)} | ${verdict(c.verdict.met)} |`;
}

function latencyRow(c) {
  const m = c.measured;
  if (!m || m.error) return `| ${escape(c.label)} | ${escape(m?.error ?? 'not run')} | | | | | | ${escape(c.verdict.text)} | |`;
  const probe = !m.probe ? '' : `${ms(m.probe.p99)} / ${ms(m.probe.max)}`;
  return `| ${escape(c.label)} | ${m.requestsPerSecond.toFixed(1)} | ${ms(m.p50)} | ${ms(m.p99)} | ${ms(m.max)} | ${probe} | ${escape(m.rows)} | ${escape(c.verdict.text)} | ${verdict(c.verdict.met)} |`;
}

const DIALECT_NAMES = { sqlite: 'SQLite', postgres: 'PostgreSQL' };
const HEADER = `# Benchmarks

Written by \`npm run bench\` (scripts/bench.mjs); run it again to refresh this page. A run replaces the section of its
database (SQLite or PostgreSQL) and keeps the other's. Roster and a bare \`node:http\` server (the baseline, answering
every request with \`JSON.stringify\` of one of the database's users) run as child processes and are driven over
loopback by a load generator in a process of its own. "Share of bare node" is Roster's req/s over the baseline's in the
same run (the mean of a baseline run before the cases and one after them). Targets are those of issue 10.
`;

/** `<!-- bench:sqlite -->` … `<!-- /bench:sqlite -->`: one run's section, with its numbers as JSON for later runs. */
const sectionPattern = (dialect) => new RegExp(`<!-- bench:${dialect} -->\\n([\\s\\S]*?)<!-- /bench:${dialect} -->\\n?`);
const dataPattern = /<!-- bench-data (.*) -->/;

/** The latency numbers a later run of the other database compares itself with. */
function comparable(report) {
  return {
    dialect: report.dialect,
    users: report.users,
    date: report.date.toISOString(),
    cases: Object.fromEntries(
      report.cases.filter((c) => c.measured && !c.measured.error).map((c) => [c.id, { label: c.label, mode: c.mode, p50: c.measured.p50, p99: c.measured.p99 }]),
    ),
  };
}

/**
 * The whole page after this run: the previous page's other-dialect section kept (from `previous`, the file's
 * text, if any), this run's section replaced, and, when both are there at the same user count, PostgreSQL's
 * latency against SQLite's (target: within 2×). Returns `{ page, section }` (section: this run's Markdown).
 */
export function writeReport(report, previous = '') {
  const section = dialectSection(report);
  const data = comparable(report);
  const sections = {};
  const datas = {};
  for (const dialect of Object.keys(DIALECT_NAMES)) {
    const match = sectionPattern(dialect).exec(previous);
    if (!match) continue;
    sections[dialect] = match[1];
    const json = dataPattern.exec(match[1]);
    if (json) datas[dialect] = JSON.parse(json[1]);
  }
  sections[report.dialect] = `${section}\n<!-- bench-data ${JSON.stringify(data)} -->\n`;
  datas[report.dialect] = data;
  let page = HEADER;
  for (const dialect of Object.keys(DIALECT_NAMES)) {
    if (sections[dialect]) page += `\n<!-- bench:${dialect} -->\n${sections[dialect]}<!-- /bench:${dialect} -->\n`;
  }
  const comparison = compareDialects(datas.sqlite, datas.postgres, report.targets.postgresFactor);
  if (comparison) page += `\n${comparison}`;
  return { page, section: comparison && report.dialect === 'postgres' ? `${section}\n${comparison}` : section };
}

/** PostgreSQL's p99 over SQLite's, request by request (both at one connection, same user count). */
function compareDialects(sqlite, postgres, factor) {
  if (!sqlite || !postgres) return null;
  const lines = ['## PostgreSQL against SQLite', ''];
  if (sqlite.users !== postgres.users) {
    lines.push(`The two sections were measured at different user counts (${formatCount(sqlite.users)} and ${formatCount(postgres.users)}): no comparison.`, '');
    return lines.join('\n');
  }
  lines.push(
    `Latency at one connection, from the two sections above (SQLite ${sqlite.date.slice(0, 10)}, PostgreSQL ${postgres.date.slice(0, 10)}).`,
    '',
    '| request | SQLite p50 / p99 ms | PostgreSQL p50 / p99 ms | PostgreSQL p99 ÷ SQLite p99 | target | met? |',
    '|---|--:|--:|--:|---|---|',
  );
  for (const [id, pgCase] of Object.entries(postgres.cases)) {
    const sqliteCase = sqlite.cases[id];
    if (pgCase.mode !== 'latency' || !sqliteCase) continue;
    const ratio = pgCase.p99 / sqliteCase.p99;
    lines.push(
      `| ${escape(pgCase.label)} | ${ms(sqliteCase.p50)} / ${ms(sqliteCase.p99)} | ${ms(pgCase.p50)} / ${ms(pgCase.p99)} | ${Number.isFinite(ratio) ? ratio.toFixed(2) : '–'} | ≤ ${factor}× | ${verdict(Number.isFinite(ratio) ? ratio <= factor : null)} |`,
    );
  }
  lines.push('');
  return lines.join('\n');
}
