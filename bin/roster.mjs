#!/usr/bin/env node
// `npx roster webhooks …`: manages a running Roster's webhook endpoints through its Backend API (so it works the
// same for one SQLite node and for many nodes on PostgreSQL).
//
//   roster webhooks add <url> [--events user.created,user.updated] [--description "…"]
//   roster webhooks list
//   roster webhooks remove <endpoint_id>
//   roster webhooks rotate <endpoint_id>
//   roster webhooks deliveries <endpoint_id> [--limit 20]
//   roster webhooks replay <endpoint_id> (--delivery <delivery_id> | --since <unix ms> [--until <unix ms>])
//
// Where: --api-url, else ROSTER_API_URL, else http://127.0.0.1:$PORT (3000). The key: ROSTER_SECRET_KEY, else the
// first of ROSTER_SECRET_KEYS, else the one Roster generated into $ROSTER_DATA_DIR/secret-key (./data).
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const USAGE = `usage:
  roster webhooks add <url> [--events type,type] [--description text]
  roster webhooks list
  roster webhooks remove <endpoint_id>
  roster webhooks rotate <endpoint_id>
  roster webhooks deliveries <endpoint_id> [--limit n]
  roster webhooks replay <endpoint_id> (--delivery <delivery_id> | --since <unix ms> [--until <unix ms>])
options: --api-url <url> (ROSTER_API_URL), the key from ROSTER_SECRET_KEY, ROSTER_SECRET_KEYS or <data dir>/secret-key`;

function fail(message) {
  process.stderr.write(`roster: ${message}\n`);
  process.exit(1);
}

function secretKey(env) {
  if (env.ROSTER_SECRET_KEY) return env.ROSTER_SECRET_KEY.trim();
  const listed = env.ROSTER_SECRET_KEYS?.split(',').map((key) => key.trim()).find(Boolean);
  if (listed) return listed;
  const file = path.join(env.ROSTER_DATA_DIR || './data', 'secret-key');
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    return fail(`no secret key: set ROSTER_SECRET_KEY, or run where Roster keeps ${file}`);
  }
}

async function call(base, key, method, url, body) {
  const response = await fetch(`${base}${url}`, {
    method,
    headers: { authorization: `Bearer ${key}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  }).catch((error) => fail(`cannot reach Roster at ${base}: ${error.cause?.message ?? error.message}`));
  const text = await response.text();
  const parsed = text ? JSON.parse(text) : null;
  if (!response.ok) fail(parsed?.errors?.[0]?.long_message ?? parsed?.errors?.[0]?.message ?? `HTTP ${response.status}`);
  return parsed;
}

async function main(argv, env) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'api-url': { type: 'string' },
      events: { type: 'string' },
      description: { type: 'string' },
      limit: { type: 'string' },
      delivery: { type: 'string' },
      since: { type: 'string' },
      until: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [group, command, target] = positionals;
  if (values.help || group !== 'webhooks' || !command) return void process.stdout.write(`${USAGE}\n`);
  const base = (values['api-url'] || env.ROSTER_API_URL || `http://127.0.0.1:${env.PORT || 3000}`).replace(/\/+$/, '');
  const key = secretKey(env);
  const endpoints = '/v1/roster/webhook_endpoints';
  const need = (what) => target || fail(`${command} needs ${what}\n${USAGE}`);
  const print = (value) => process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);

  switch (command) {
    case 'add': {
      const events = values.events ? values.events.split(',').map((type) => type.trim()).filter(Boolean) : undefined;
      const endpoint = await call(base, key, 'POST', endpoints, { url: need('a url'), events, description: values.description });
      print(endpoint);
      process.stderr.write(`roster: keep the secret (${endpoint.secret.slice(0, 10)}…) for your receiver: it is not shown again\n`);
      return;
    }
    case 'list':
      return print((await call(base, key, 'GET', endpoints)).data);
    case 'remove':
      return print(await call(base, key, 'DELETE', `${endpoints}/${encodeURIComponent(need('an endpoint id'))}`));
    case 'rotate':
      return print(await call(base, key, 'POST', `${endpoints}/${encodeURIComponent(need('an endpoint id'))}/rotate_secret`));
    case 'deliveries':
      return print((await call(base, key, 'GET', `${endpoints}/${encodeURIComponent(need('an endpoint id'))}/deliveries?limit=${Number(values.limit ?? 20)}`)).data);
    case 'replay': {
      const body = values.delivery
        ? { delivery_id: values.delivery }
        : { since: Number(values.since ?? fail('replay needs --delivery or --since')), ...(values.until ? { until: Number(values.until) } : {}) };
      return print(await call(base, key, 'POST', `${endpoints}/${encodeURIComponent(need('an endpoint id'))}/replay`, body));
    }
    default:
      fail(`unknown command "webhooks ${command}"\n${USAGE}`);
  }
}

main(process.argv.slice(2), process.env).catch((error) => fail(error instanceof Error ? error.message : String(error)));
