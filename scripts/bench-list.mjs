#!/usr/bin/env node
// npm run bench — seeds BENCH_USERS users (default 100000) into a fresh database and times the list,
// search, cursor and count queries through the HTTP layer (in-process, app.inject). SQLite by default;
// PostgreSQL when BENCH_DATABASE_URL is set (a throwaway schema, dropped at the end).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { buildApp } from '../dist/app.js';
import { loadConfig } from '../dist/config/config.js';
import { systemClock } from '../dist/lib/clock.js';
import { newId } from '../dist/lib/ids.js';
import { createHasherRegistry } from '../dist/passwords/registry.js';
import { createDatabase, refreshPlannerStatistics } from '../dist/storage/database.js';
import { migrateToLatest } from '../dist/storage/migrate.js';
import { insertIdentifications } from '../dist/storage/repositories/identifications-repository.js';
import { refreshUserSearchDoc } from '../dist/storage/repositories/user-search-repository.js';
import { insertUser } from '../dist/storage/repositories/users-repository.js';

const USERS = Number(process.env.BENCH_USERS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const KEY = `sk_test_${'BenchmarkKey'.repeat(3)}`;
const FIRST = ['ada', 'grace', 'alan', 'barbara', 'edsger', 'donald', 'frances', 'john', 'katherine', 'linus'];
const LAST = ['lovelace', 'hopper', 'turing', 'liskov', 'dijkstra', 'knuth', 'allen', 'backus', 'johnson', 'torvalds'];

const emailOf = (i) => `${FIRST[i % 10]}.${LAST[Math.floor(i / 10) % 10]}${i}@example${i % 97}.com`;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'roster-bench-'));
const config = loadConfig({ ROSTER_DATA_DIR: dir, ROSTER_SECRET_KEYS: KEY, ROSTER_INSTANCE_KEY: Buffer.alloc(32, 7).toString('base64') });
const schema = process.env.BENCH_DATABASE_URL ? `roster_bench_${Date.now()}` : undefined;
const database = await createDatabase({ databaseUrl: process.env.BENCH_DATABASE_URL ?? null, sqliteFile: config.sqliteFile, pgSchema: schema });
await migrateToLatest(database);

console.log(`seeding ${USERS} users into ${database.dialect}…`);
let started = performance.now();
const base = Date.UTC(2024, 0, 1);
const BATCH = 1000;
for (let offset = 0; offset < USERS; offset += BATCH) {
  await database.db.transaction().execute(async (trx) => {
    for (let i = offset; i < Math.min(USERS, offset + BATCH); i++) {
      const createdAt = base + i * 1000;
      const id = newId('user', createdAt);
      const email = emailOf(i);
      const phone = `+1415${String(5_000_000 + i).padStart(7, '0')}`;
      const emailId = newId('idn', createdAt);
      await insertUser(trx, {
        id, external_id: `ext_${i}`, username: `user_${i}`, username_normalized: `user_${i}`,
        first_name: FIRST[i % 10], last_name: LAST[Math.floor(i / 10) % 10], locale: null,
        password_digest: null, password_hasher: null, password_last_updated_at: null,
        public_metadata: '{}', private_metadata: '{}', unsafe_metadata: '{}',
        primary_email_address_id: emailId, primary_email_address: email, primary_phone_number_id: null, primary_phone_number: null,
        primary_web3_wallet_id: null, primary_web3_wallet: null, banned: i % 50 === 0 ? 1 : 0, locked_at: null, failed_verification_attempts: 0,
        delete_self_enabled: 1, create_organization_enabled: 1, create_organizations_limit: null, bypass_client_trust: 0,
        mfa_enabled_at: null, mfa_disabled_at: null, legal_accepted_at: null, last_sign_in_at: null, last_active_at: null,
        sessions_revoked_at: null, created_at: createdAt, updated_at: createdAt,
      });
      await insertIdentifications(trx, [
        { id: emailId, user_id: id, type: 'email_address', identifier: email, verified: 1, reserved: 0, reserved_for_second_factor: 0, default_second_factor: 0, position: 0, created_at: createdAt, updated_at: createdAt },
        { id: newId('idn', createdAt), user_id: id, type: 'phone_number', identifier: phone, verified: 1, reserved: 0, reserved_for_second_factor: 0, default_second_factor: 0, position: 1, created_at: createdAt, updated_at: createdAt },
      ]);
      await refreshUserSearchDoc(trx, id);
    }
  });
}
console.log(`seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
// As after any bulk import: fresh statistics, so plans do not depend on when autovacuum last ran.
await refreshPlannerStatistics(database);

const app = await buildApp({ config, database, clock: systemClock, hashers: createHasherRegistry(), logger: false });
const middle = await app.inject({ method: 'GET', url: `/v1/users?limit=1&offset=${Math.floor(USERS / 2)}`, headers: { authorization: `Bearer ${KEY}` } });
const cursor = JSON.parse(middle.body)[0]?.id;

const cases = [
  ['list default (newest 10)', '/v1/users'],
  ['list limit=500', '/v1/users?limit=500'],
  ['email_address exact', `/v1/users?email_address=${encodeURIComponent(emailOf(USERS - 9))}`],
  ['username exact', `/v1/users?username=USER_${USERS >> 1}`],
  ['external_id include', `/v1/users?external_id=ext_42&external_id=ext_4242`],
  ['query (substring, 5 chars)', '/v1/users?query=ovela&limit=10'],
  ['query (rare substring)', `/v1/users?query=${USERS - 3}%40example&limit=10`],
  ['email_address_query', '/v1/users?email_address_query=hopper12&limit=10'],
  ['phone_number_query', '/v1/users?phone_number_query=5001234'],
  ['name_query', '/v1/users?name_query=grace%20turing&limit=10'],
  ['banned=true', '/v1/users?banned=true&limit=10'],
  ['order_by=username', '/v1/users?order_by=username&limit=10'],
  ['order_by=-email_address', '/v1/users?order_by=-email_address&limit=10'],
  ['created_at range', `/v1/users?created_at_after=${base + 1000 * (USERS >> 2)}&created_at_before=${base + 1000 * (USERS >> 1)}`],
  ['starting_after (middle cursor)', `/v1/users?starting_after=${cursor}&limit=100`],
  ['offset (middle)', `/v1/users?offset=${USERS >> 1}&limit=10`],
  ['count (all)', '/v1/users/count'],
  ['count query=hopper', '/v1/users/count?query=hopper'],
];

console.log(`\n${'case'.padEnd(34)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)}  rows`);
for (const [name, url] of cases) {
  const times = [];
  let rows = 0;
  for (let run = 0; run < RUNS; run++) {
    started = performance.now();
    const response = await app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${KEY}` } });
    times.push(performance.now() - started);
    if (response.statusCode !== 200) throw new Error(`${name}: ${response.statusCode} ${response.body}`);
    const body = JSON.parse(response.body);
    rows = Array.isArray(body) ? body.length : body.total_count;
  }
  times.sort((a, b) => a - b);
  const pct = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))].toFixed(2);
  console.log(`${name.padEnd(34)} ${pct(0.5).padStart(8)} ${pct(0.95).padStart(8)}  ${rows}`);
}

await app.close();
if (schema) await sql`DROP SCHEMA IF EXISTS ${sql.id(schema)} CASCADE`.execute(database.db);
await database.close();
fs.rmSync(dir, { recursive: true, force: true });
