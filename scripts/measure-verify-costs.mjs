#!/usr/bin/env node
// npm run build && node scripts/measure-verify-costs.mjs — what one verification of an imported digest costs at
// Roster's cost caps: wall time and peak memory (RSS growth) of a wrong password, each case in a fresh process so
// memory does not carry over. Also a wrong backup code against the most bcrypt work an import may hold.
// MEASURE_RUNS (default 3) processes per case; the table shows the slowest run and the largest RSS growth.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { hash as bcryptHash } from '@node-rs/bcrypt';
import { createKeyedHash } from '../dist/lib/keyed-hash.js';
import { createBackupCodes } from '../dist/mfa/backup-codes.js';
import { createHasherRegistry } from '../dist/passwords/registry.js';

const B = '$2y$04$hD7nJChm65QWwKFLJHwiPe4hHVIpookAnaC.H2wat1qDd.3CaxTz2';
const bcrypt = (cost) => B.replace('$04$', `$${cost}$`);
const argon = (variant, params) => `$${variant}$v=19$${params}$c2FaT2tibmRVRDRRekhEVg$54k7O779ZiPLsKx6qs+kMr7/pbxxgqXy4kUSUUwy5HU`;
const W_SALT = 'I4R9MgUYGpmRsSmM';
const werkzeug = (n, r, p) => `scrypt:${n}:${r}:${p}$${W_SALT}$${'ab'.repeat(64)}`;
const FB = ['lSrfV15cpx95/sZS2W9c9Kp6i/LVgQNDNC/qzrCnh1SAyZvqmZqAjTdn3aoItz+VHjoZilo78198JAdRuid5lQ==', '42xEC+ixf3L2lw==',
  'jxspr8Ki0RYycVU8zykbdLGjFQ3McFUH0uiiTvC8pVMXAn210wjLNmdZJzxUECKbm0QsEmYUSDzZvpjeJ9WmXA==', 'Bw=='];
const firebase = (rounds, memoryCost) => [...FB, rounds, memoryCost].join('$');
const B64_32 = Buffer.alloc(32, 1).toString('base64');
const HEX64 = 'ab'.repeat(64);
const SHA512_B64 = Buffer.alloc(64, 1).toString('base64');

/** [label, password_hasher, digest at a cap] — every digest must be valid (asserted). */
const CASES = [
  ['bcrypt cost 13', 'bcrypt', bcrypt(13)],
  ['bcrypt_sha256_django cost 13', 'bcrypt_sha256_django', `bcrypt_sha256$${bcrypt(13)}`],
  ['bcrypt_peppered cost 13', 'bcrypt_peppered', `${bcrypt(13)}$pepper`],
  ['argon2id m=102400 t=10 p=1', 'argon2id', argon('argon2id', 'm=102400,t=10,p=1')],
  ['argon2id m=102400 t=10 p=16', 'argon2id', argon('argon2id', 'm=102400,t=10,p=16')],
  ['argon2id m=65536 t=16 p=1', 'argon2id', argon('argon2id', 'm=65536,t=16,p=1')],
  ['argon2i m=102400 t=10 p=1', 'argon2i', argon('argon2i', 'm=102400,t=10,p=1')],
  ['scrypt_werkzeug N=2^16 r=8 p=2', 'scrypt_werkzeug', werkzeug(2 ** 16, 8, 2)],
  ['scrypt_werkzeug N=2^18 r=2 p=2', 'scrypt_werkzeug', werkzeug(2 ** 18, 2, 2)],
  ['scrypt_werkzeug N=2^15 r=8 p=4', 'scrypt_werkzeug', werkzeug(2 ** 15, 8, 4)],
  ['scrypt_werkzeug N=2^10 r=64 p=16', 'scrypt_werkzeug', werkzeug(2 ** 10, 64, 16)],
  ['scrypt_firebase rounds=8 mem_cost=16', 'scrypt_firebase', firebase(8, 16)],
  ['scrypt_firebase rounds=2 mem_cost=18', 'scrypt_firebase', firebase(2, 18)],
  ['pbkdf2_sha1 3,000,000 (20-byte key)', 'pbkdf2_sha1', `pbkdf2_sha1$3000000$salt$${'ab'.repeat(20)}$20`],
  ['pbkdf2_sha1 1,500,000 (32-byte key)', 'pbkdf2_sha1', `pbkdf2_sha1$1500000$salt$${'ab'.repeat(32)}`],
  ['pbkdf2_sha256 3,000,000', 'pbkdf2_sha256', `pbkdf2_sha256$3000000$c2FsdA==$${B64_32}`],
  ['pbkdf2_sha256_django 3,000,000', 'pbkdf2_sha256_django', `pbkdf2_sha256$3000000$salt$${B64_32}`],
  ['pbkdf2_sha512 1,500,000', 'pbkdf2_sha512', `pbkdf2_sha512$1500000$salt$${HEX64}`],
  ['pbkdf2_sha512_hex 1,500,000', 'pbkdf2_sha512_hex', `pbkdf2_sha512_hex$1500000$abcd$${HEX64}`],
  ['sha512_symfony 100,000', 'sha512_symfony', `sha512_symfony$100000$salt$${SHA512_B64}`],
  ['phpass 2^19', 'phpass', '$P$HV7qMYJaNX.l6KcuWXSAd8eCqQYPMb/'],
  ['md5_phpass 2^19', 'md5_phpass', '$H$HV7qMYJaNX.l6KcuWXSAd8eCqQYPMb/'],
];
/** [label, bcrypt cost, count, keyed count]: a wrong backup code against a user's stored codes. */
const BACKUP_CASES = [
  ['backup codes: 12 bcrypt cost 10', 10, 12, 0],
  ['backup codes: 6 bcrypt cost 11', 11, 6, 0],
  ['backup codes: 3 bcrypt cost 12', 12, 3, 0],
  ['backup codes: 50 keyed (plain)', 0, 0, 50],
];

const peakRssKiB = () => process.resourceUsage().maxRSS;

/** In a child: one case, measured after a warm-up; prints {ms, rssMiB}. */
async function measureOne(index) {
  let run;
  if (index < CASES.length) {
    const [, name, digest] = CASES[index];
    const hasher = createHasherRegistry().get(name);
    if (!hasher.isValidDigest(digest)) throw new Error(`${name}: ${digest} is not valid under the caps`);
    run = () => hasher.verify(digest, 'a wrong password');
  } else {
    const [, cost, count, keyed] = BACKUP_CASES[index - CASES.length];
    const codes = createBackupCodes(createKeyedHash(Buffer.alloc(32, 7), 'backup-codes'));
    const stored = [
      ...(await Promise.all(Array.from({ length: count }, (_, i) => bcryptHash(`code-${i}`, cost)))),
      ...Array.from({ length: keyed }, (_, i) => codes.toStored(`code-${i}`)),
    ];
    run = async () => (await codes.find(stored, 'a wrong code')) >= 0;
  }
  const before = peakRssKiB();
  const start = performance.now();
  if (await run()) throw new Error('a wrong password verified');
  const ms = performance.now() - start;
  process.stdout.write(JSON.stringify({ ms, rssMiB: (peakRssKiB() - before) / 1024 }));
}

if (process.argv[2] === '--one') {
  await measureOne(Number(process.argv[3]));
} else {
  const runs = Number(process.env.MEASURE_RUNS ?? 3);
  const self = fileURLToPath(import.meta.url);
  const labels = [...CASES.map(([label]) => label), ...BACKUP_CASES.map(([label]) => label)];
  console.log('| case | slowest of', runs, 'runs | peak RSS growth |');
  console.log('|---|---|---|');
  for (const [index, label] of labels.entries()) {
    const results = Array.from({ length: runs }, () => JSON.parse(execFileSync(process.execPath, [self, '--one', String(index)], { encoding: 'utf8' })));
    const ms = Math.max(...results.map((r) => r.ms));
    const rss = Math.max(...results.map((r) => r.rssMiB));
    console.log(`| ${label} | ${ms.toFixed(0)} ms | ${rss.toFixed(0)} MiB |`);
  }
}
