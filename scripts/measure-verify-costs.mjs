#!/usr/bin/env node
// npm run build && node scripts/measure-verify-costs.mjs — what one verification of an imported digest costs at
// Roster's cost caps: wall time and peak memory (RSS growth) of a wrong password, each case in a fresh process so
// memory does not carry over. Also a wrong backup code against the most bcrypt work an import may hold.
// MEASURE_RUNS (default 3) processes per case, MEASURE_ONLY=<text> only the cases whose label has it; the table shows the slowest run and the largest RSS growth.
// The wrong password is 16 bytes unless a case names its length: phpass and sha512_symfony rehash the password
// (and Symfony's salt) every iteration, so they are also measured with the longest password{salt} their work
// budget (src/passwords/hashers/stretch.ts) lets through, and with one it refuses. The other formats hash the
// password once, so a 1,000,000-byte password (about the body limit) shows what length costs them.
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

/** [label, password_hasher, digest at a cap, wrong password's length in bytes (default: 16)] — every digest must
 *  be valid (asserted). */
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
  // Long passwords: the iterated formats at their budget, and just over it (refused uncomputed).
  ['phpass 2^19, 103-byte password (budget)', 'phpass', '$P$HV7qMYJaNX.l6KcuWXSAd8eCqQYPMb/', 103],
  ['phpass 2^19, 104-byte password (refused)', 'phpass', '$P$HV7qMYJaNX.l6KcuWXSAd8eCqQYPMb/', 104],
  ['phpass 2^19, 4096-byte password (refused)', 'phpass', '$P$HV7qMYJaNX.l6KcuWXSAd8eCqQYPMb/', 4096],
  ['md5_phpass 2^19, 103-byte password (budget)', 'md5_phpass', '$H$HV7qMYJaNX.l6KcuWXSAd8eCqQYPMb/', 103],
  ['md5_phpass 2^19, 4096-byte password (refused)', 'md5_phpass', '$H$HV7qMYJaNX.l6KcuWXSAd8eCqQYPMb/', 4096],
  ['phpass 2^16, 999-byte password (budget)', 'phpass', '$P$EV7qMYJaNX.l6KcuWXSAd8eCqQYPMb/', 999],
  ['phpass 2^14, 4071-byte password (budget)', 'phpass', '$P$CV7qMYJaNX.l6KcuWXSAd8eCqQYPMb/', 4071],
  ['phpass 2^13, 4096-byte password (WordPress)', 'phpass', '$P$BV7qMYJaNX.l6KcuWXSAd8eCqQYPMb/', 4096],
  ['sha512_symfony 100,000, 4096-byte password, 16-byte salt', 'sha512_symfony', `sha512_symfony$100000$${'s'.repeat(16)}$${SHA512_B64}`, 4096],
  ['sha512_symfony 100,000, 4096 + 1,069-byte salt (budget)', 'sha512_symfony', `sha512_symfony$100000$${'s'.repeat(1069)}$${SHA512_B64}`, 4096],
  ['sha512_symfony 100,000, 4096 + 1,070-byte salt (refused)', 'sha512_symfony', `sha512_symfony$100000$${'s'.repeat(1070)}$${SHA512_B64}`, 4096],
  ['sha512_symfony 5,000, 4096 + 103,213-byte salt (budget)', 'sha512_symfony', `sha512_symfony$5000$${'s'.repeat(103_213)}$${SHA512_B64}`, 4096],
  ['sha512_symfony 1, 1,000,000-byte salt', 'sha512_symfony', `sha512_symfony$1$${'s'.repeat(1_000_000)}$${SHA512_B64}`, 4096],
  // One pass over the password: length costs them little.
  ['md5, 1,000,000-byte password', 'md5', 'ab'.repeat(16), 1_000_000],
  ['sha256_salted, 1,000,000-byte password', 'sha256_salted', `salt$${'ab'.repeat(32)}`, 1_000_000],
  ['ldap_ssha, 1,000,000-byte password', 'ldap_ssha', `{SSHA}${Buffer.alloc(24, 1).toString('base64')}`, 1_000_000],
  ['pbkdf2_sha256 3,000,000, 1,000,000-byte password', 'pbkdf2_sha256', `pbkdf2_sha256$3000000$c2FsdA==$${B64_32}`, 1_000_000],
  ['pbkdf2_sha512 1,500,000, 1,000,000-byte password', 'pbkdf2_sha512', `pbkdf2_sha512$1500000$salt$${HEX64}`, 1_000_000],
  ['scrypt_werkzeug N=2^16 r=8 p=2, 1,000,000-byte password', 'scrypt_werkzeug', werkzeug(2 ** 16, 8, 2), 1_000_000],
  ['argon2id m=102400 t=10 p=1, 1,000,000-byte password', 'argon2id', argon('argon2id', 'm=102400,t=10,p=1'), 1_000_000],
  ['bcrypt cost 13, 1,000,000-byte password', 'bcrypt', bcrypt(13), 1_000_000],
  ['bcrypt_sha256_django cost 13, 1,000,000-byte password', 'bcrypt_sha256_django', `bcrypt_sha256$${bcrypt(13)}`, 1_000_000],
  ['bcrypt_peppered cost 13, 1,000,000-byte password', 'bcrypt_peppered', `${bcrypt(13)}$pepper`, 1_000_000],
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
    const [, name, digest, passwordBytes] = CASES[index];
    const hasher = createHasherRegistry().get(name);
    if (!hasher.isValidDigest(digest)) throw new Error(`${name}: ${digest.slice(0, 80)} is not valid under the caps`);
    const password = passwordBytes === undefined ? 'a wrong password' : 'x'.repeat(passwordBytes);
    run = () => hasher.verify(digest, password);
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
  // The fastest run shows the cost itself when other work shares the machine; the slowest is what the README quotes.
  console.log('| case | fastest | slowest of', runs, 'runs | peak RSS growth |');
  console.log('|---|---|---|---|');
  for (const [index, label] of labels.entries()) {
    if (process.env.MEASURE_ONLY && !label.includes(process.env.MEASURE_ONLY)) continue;
    const results = Array.from({ length: runs }, () => JSON.parse(execFileSync(process.execPath, [self, '--one', String(index)], { encoding: 'utf8' })));
    const fastest = Math.min(...results.map((r) => r.ms));
    const ms = Math.max(...results.map((r) => r.ms));
    const rss = Math.max(...results.map((r) => r.rssMiB));
    console.log(`| ${label} | ${fastest.toFixed(0)} ms | ${ms.toFixed(0)} ms | ${rss.toFixed(0)} MiB |`);
  }
}
