#!/usr/bin/env node
// npm run seed -- --users N [--database-url URL] [--schema NAME] [--data-dir DIR] [--append] [--password-share F]
//
// Fills a development database with realistic fake users (scripts/lib/fake-users.mjs): SQLite in the data
// directory `npm start` uses (ROSTER_DATA_DIR, default ./data), or PostgreSQL with --database-url or
// DATABASE_URL. Runs the migrations first, refuses a database that already has users unless --append, and
// ends with ANALYZE. With SEED_PASSWORD set, a share of the users (--password-share, default 0.1) get that
// password (one argon2id digest, computed once and shared; neither is ever printed).
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openTarget, seedInto } from './lib/seed-target.mjs';

const usage = `usage: npm run seed -- --users N [--database-url URL] [--schema NAME] [--data-dir DIR] [--append] [--password-share F] [--batch N]`;

let options;
try {
  ({ values: options } = parseArgs({
    options: {
      users: { type: 'string' },
      'database-url': { type: 'string' },
      schema: { type: 'string' },
      'data-dir': { type: 'string' },
      append: { type: 'boolean', default: false },
      'password-share': { type: 'string', default: '0.1' },
      batch: { type: 'string', default: '5000' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  }));
} catch (error) {
  console.error(`${error.message}\n${usage}`);
  process.exit(2);
}
if (options.help) {
  console.log(usage);
  process.exit(0);
}
const users = Number(options.users?.replace(/_/g, ''));
const passwordShare = Number(options['password-share']);
const batchSize = Number(options.batch);
if (!Number.isInteger(users) || users < 1 || users > 100_000_000) fail('--users must be a whole number between 1 and 100,000,000');
if (!(passwordShare >= 0 && passwordShare <= 1)) fail('--password-share must be between 0 and 1');
if (!Number.isInteger(batchSize) || batchSize < 1) fail('--batch must be a positive whole number');

const target = await openTarget({
  databaseUrl: options['database-url'] ?? process.env.DATABASE_URL ?? null,
  schema: options.schema,
  dataDir: options['data-dir'] ? path.resolve(options['data-dir']) : undefined,
});
try {
  const existing = await target.countUsers();
  if (existing > 0 && !options.append) {
    fail(`${target.description} already has ${existing.toLocaleString('en-US')} users: refusing to seed it. Pass --append to add ${users.toLocaleString('en-US')} more, or point --data-dir / --database-url at an empty database.`);
  }
  const result = await seedInto(target, { users, startIndex: existing, batchSize, password: process.env.SEED_PASSWORD || null, passwordShare });
  console.log(`seeded ${users.toLocaleString('en-US')} users in ${result.seconds.toFixed(1)} s (${Math.round(users / result.seconds).toLocaleString('en-US')} users/s) into ${target.description}; ${(existing + users).toLocaleString('en-US')} users in all`);
  if (result.passwordUsers > 0) console.log(`${result.passwordUsers.toLocaleString('en-US')} of them have the password in SEED_PASSWORD`);
  console.log(`start Roster on it:  ${target.startCommand}`);
} finally {
  await target.close();
}

function fail(message) {
  console.error(`seed: ${message}`);
  process.exit(1);
}
