import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PasswordHasher } from '../password-hasher.js';
import { argon2idHasher, argon2iHasher } from './argon2.js';
import { bcryptHasher } from './bcrypt.js';
import { bcryptPepperedHasher } from './bcrypt-peppered.js';
import { bcryptSha256DjangoHasher } from './bcrypt-sha256-django.js';
import { pbkdf2Sha1Hasher } from './pbkdf2-sha1.js';
import { pbkdf2Sha256Hasher } from './pbkdf2-sha256.js';
import { pbkdf2Sha256DjangoHasher } from './pbkdf2-sha256-django.js';
import { pbkdf2Sha512Hasher } from './pbkdf2-sha512.js';
import { pbkdf2Sha512HexHasher } from './pbkdf2-sha512-hex.js';
import { scryptFirebaseHasher } from './scrypt-firebase.js';
import { scryptWerkzeugHasher } from './scrypt-werkzeug.js';

interface Vector {
  password: string;
  digest: string;
  note: string;
  /** Passwords the original ecosystem rejects for this digest. */
  wrong_passwords?: string[];
}

interface Fixture {
  hasher: string;
  made_with: string;
  vectors: Vector[];
}

const fixture = (name: string): Fixture =>
  JSON.parse(readFileSync(new URL(`../../../test/fixtures/password-digests/${name}.json`, import.meta.url), 'utf8')) as Fixture;

/** Start and end of the `$`-separated part `index` (negative: from the end). */
function part(digest: string, index: number): [number, number] {
  const parts = digest.split('$');
  const at = index < 0 ? parts.length + index : index;
  const start = parts.slice(0, at).reduce((sum, p) => sum + p.length + 1, 0);
  return [start, start + (parts[at] as string).length];
}

/** The 31-character bcrypt checksum of a digest whose bcrypt hash starts at `offset`. */
const bcryptChecksum = (offset: number) => (): [number, number] => [offset + 29, offset + 60];

/** The digest with the middle character of [start, end) replaced by another of the same alphabet. */
function changeOneCharacter(digest: string, [start, end]: [number, number], alphabet: 'hex' | 'base64'): string {
  const at = Math.floor((start + end) / 2);
  const current = digest[at] as string;
  const replacement = alphabet === 'hex' ? (current === '0' ? '1' : '0') : current === 'A' ? 'B' : 'A';
  return digest.slice(0, at) + replacement + digest.slice(at + 1);
}

interface Format {
  hasher: PasswordHasher;
  /** Where the hash (the part a password determines) lies, and its alphabet. */
  hash: (digest: string) => [number, number];
  alphabet: 'hex' | 'base64';
  /**
   * Whether a digest cut short can still be an equivalent one, so that only cuts into the hash's first bytes are
   * sure to fail: a pepper beyond bcrypt's 72 bytes; a PBKDF2 key sized by its hash, of which a byte-aligned prefix
   * is the same password's shorter key (see "format details").
   */
  cutMayStayEquivalent?: boolean;
  malformed: string[];
  /** Valid digests at the edges of the caps (checked with isValidDigest only, never computed). */
  atCaps: string[];
}

const F = {
  bcrypt: fixture('bcrypt'),
  bcryptSha256Django: fixture('bcrypt_sha256_django'),
  bcryptPeppered: fixture('bcrypt_peppered'),
  argon2i: fixture('argon2i'),
  argon2id: fixture('argon2id'),
  scryptWerkzeug: fixture('scrypt_werkzeug'),
  scryptFirebase: fixture('scrypt_firebase'),
  pbkdf2Sha1: fixture('pbkdf2_sha1'),
  pbkdf2Sha256: fixture('pbkdf2_sha256'),
  pbkdf2Sha256Django: fixture('pbkdf2_sha256_django'),
  pbkdf2Sha512: fixture('pbkdf2_sha512'),
  pbkdf2Sha512Hex: fixture('pbkdf2_sha512_hex'),
};
const first = (f: Fixture): string => (f.vectors[0] as Vector).digest;

// A valid bcrypt hash to build malformed ones from.
const B = '$2y$04$hD7nJChm65QWwKFLJHwiPe4hHVIpookAnaC.H2wat1qDd.3CaxTz2';
const withCost = (cost: string, bcrypt = B): string => bcrypt.replace('$04$', `$${cost}$`);
const SALT16 = 'c2FaT2tibmRVRDRRekhEVg'; // 16 bytes, unpadded base64
const HASH32 = '54k7O779ZiPLsKx6qs+kMr7/pbxxgqXy4kUSUUwy5HU'; // 32 bytes, unpadded base64
const argon = (variant: string, params: string, salt = SALT16, hash = HASH32): string => `$${variant}$${params}$${salt}$${hash}`;
const HEX64 = 'ab'.repeat(64); // 64 bytes
const HEX32 = 'ab'.repeat(32);
const B64_32 = Buffer.alloc(32, 1).toString('base64');
const W = first(F.scryptWerkzeug);
const [, W_SALT, W_HASH] = W.split('$') as [string, string, string];
const FB = first(F.scryptFirebase);
const FB_PARTS = FB.split('$') as [string, string, string, string, string, string];
const fb = (changes: Partial<Record<0 | 1 | 2 | 3 | 4 | 5, string>>): string =>
  FB_PARTS.map((p, i) => changes[i as 0 | 1 | 2 | 3 | 4 | 5] ?? p).join('$');

const FORMATS: Format[] = [
  {
    hasher: bcryptHasher,
    hash: bcryptChecksum(0),
    alphabet: 'base64',
    malformed: [
      '',
      B.replace('$2y$', '$2x$'), // crypt_blowfish's buggy-variant marker
      B.replace('$2y$', '$2$'),
      B.replace('$2y$', '$3a$'),
      withCost('03'), // below bcrypt's floor
      withCost('14'), // above the cap
      withCost('17'), // the old cap: about 8 s
      withCost('4'),
      withCost('31'),
      B.slice(0, -1),
      `${B}A`,
      B.slice(0, 28) + 'f' + B.slice(29), // salt's last character with its unused bits set
      B.slice(0, -1) + '3', // checksum's last character with its unused bits set
      B.slice(0, 40) + '+' + B.slice(41), // not bcrypt's alphabet
      B.slice(0, 40) + '=' + B.slice(41),
      `${B}$pepper`, // bcrypt_peppered
      `bcrypt_sha256$${B}`, // bcrypt_sha256_django
      ` ${B}`,
      `${B}\n`,
      B.slice(1),
    ],
    atCaps: [withCost('13'), B.replace('$2y$', '$2a$'), B.replace('$2y$', '$2b$')],
  },
  {
    hasher: bcryptSha256DjangoHasher,
    hash: bcryptChecksum('bcrypt_sha256$'.length),
    alphabet: 'base64',
    malformed: [
      '',
      B, // plain bcrypt
      `bcrypt_sha256${B}`,
      `bcrypt_sha256$$${B}`,
      `bcrypt_sha256$${B.slice(1)}`,
      `bcrypt$${B}`,
      `BCRYPT_SHA256$${B}`,
      `bcrypt_sha256$${withCost('14')}`,
      `bcrypt_sha256$${B.replace('$2y$', '$2x$')}`,
      `bcrypt_sha256$${B.slice(0, -1)}`,
      `bcrypt_sha256$${B}$extra`,
    ],
    atCaps: [`bcrypt_sha256$${withCost('13')}`],
  },
  {
    hasher: bcryptPepperedHasher,
    hash: bcryptChecksum(0),
    alphabet: 'base64',
    cutMayStayEquivalent: true,
    malformed: [
      '',
      B, // no pepper: that is `bcrypt`
      `${B}$`, // empty pepper
      `${B}pepper`, // no separator
      `${withCost('14')}$pepper`,
      `${B.replace('$2y$', '$2x$')}$pepper`,
      `${B.slice(0, -1)}$pepper`,
      `${B.slice(0, 28)}f${B.slice(29)}$pepper`,
      `pepper$${B}`,
    ],
    atCaps: [`${withCost('13')}$p`, `${B}$$`, `${B}$ünïcødé pepper`],
  },
  ...(['argon2i', 'argon2id'] as const).map(
    (variant): Format => ({
      hasher: variant === 'argon2i' ? argon2iHasher : argon2idHasher,
      hash: (digest) => part(digest, -1),
      alphabet: 'base64',
      malformed: [
        '',
        argon(variant === 'argon2i' ? 'argon2id' : 'argon2i', 'v=19$m=1024,t=2,p=1'), // the other variant
        argon('argon2d', 'v=19$m=1024,t=2,p=1'),
        argon(variant, 'v=19$m=1024,t=2,p=1').slice(1), // no leading $
        argon(variant, 'v=20$m=1024,t=2,p=1'),
        argon(variant, 'v=019$m=1024,t=2,p=1'),
        argon(variant, 'v=19$m=01024,t=2,p=1'),
        argon(variant, 'v=19$t=2,m=1024,p=1'), // parameters out of order
        argon(variant, 'v=19$m=1024,t=2'),
        argon(variant, 'v=19$m=1024,t=2,p=1,keyid=abc'),
        argon(variant, 'v=19$m=0,t=2,p=1'),
        argon(variant, 'v=19$m=1024,t=0,p=1'),
        argon(variant, 'v=19$m=102401,t=1,p=1'), // memory over the cap
        argon(variant, 'v=19$m=262144,t=1,p=1'), // the old cap: 256 MiB
        argon(variant, 'v=19$m=1024,t=17,p=1'), // passes over the cap
        argon(variant, 'v=19$m=1024,t=2,p=17'), // lanes over the cap
        argon(variant, 'v=19$m=102400,t=11,p=1'), // m·t over the cap
        argon(variant, 'v=19$m=15,t=2,p=2'), // m < 8·p
        argon(variant, 'v=19$m=1024,t=2,p=1', Buffer.alloc(7, 1).toString('base64').replace(/=+$/, '')), // 7-byte salt
        argon(variant, 'v=19$m=1024,t=2,p=1', `${SALT16}==`), // padded
        argon(variant, 'v=19$m=1024,t=2,p=1', SALT16.slice(0, -1) + 'W'), // unused trailing bits set
        argon(variant, 'v=19$m=1024,t=2,p=1', SALT16, `${HASH32.slice(0, 10)}!${HASH32.slice(11)}`),
        argon(variant, 'v=19$m=1024,t=2,p=1', SALT16, 'AAA'), // 2-byte hash
        `$${variant}$v=19$m=1024,t=2,p=1$${SALT16}`,
        `${argon(variant, 'v=19$m=1024,t=2,p=1')}$`,
      ],
      atCaps: [
        argon(variant, 'v=19$m=102400,t=10,p=16'),
        argon(variant, 'v=19$m=65536,t=16,p=1'),
        argon(variant, 'm=1024,t=2,p=1'),
        argon(variant, 'v=16$m=8,t=1,p=1', Buffer.alloc(8, 1).toString('base64').replace(/=+$/, ''), 'AAAAAA'),
      ],
    }),
  ),
  {
    hasher: scryptWerkzeugHasher,
    hash: (digest) => part(digest, -1),
    alphabet: 'hex',
    malformed: [
      '',
      `pbkdf2:sha256:600000$${W_SALT}$${W_HASH}`, // Werkzeug's other method
      `SCRYPT:1024:8:1$${W_SALT}$${W_HASH}`,
      `scrypt:1024:8$${W_SALT}$${W_HASH}`,
      `scrypt:1024:8:1:1$${W_SALT}$${W_HASH}`,
      `scrypt:1000:8:1$${W_SALT}$${W_HASH}`, // N not a power of two
      `scrypt:1:8:1$${W_SALT}$${W_HASH}`,
      `scrypt:0:8:1$${W_SALT}$${W_HASH}`,
      `scrypt:2097152:1:1$${W_SALT}$${W_HASH}`, // N over 2^20
      `scrypt:1048576:8:1$${W_SALT}$${W_HASH}`, // 1 GiB
      `scrypt:1048576:2:1$${W_SALT}$${W_HASH}`, // 256 MiB: the old cap
      `scrypt:131072:8:1$${W_SALT}$${W_HASH}`, // 128 MiB
      `scrypt:65536:1:1$${W_SALT}$${W_HASH}`, // N not below 2^(16·r)
      `scrypt:32768:8:17$${W_SALT}$${W_HASH}`, // p over the cap
      `scrypt:32768:16:16$${W_SALT}$${W_HASH}`, // N·r·p over the cap
      `scrypt:32768:8:16$${W_SALT}$${W_HASH}`, // N·r·p = 2^22: the old cap
      `scrypt:32768:8:8$${W_SALT}$${W_HASH}`, // N·r·p = 2^21
      `scrypt:262144:2:4$${W_SALT}$${W_HASH}`, // 64 MiB, N·r·p = 2^21
      `scrypt:01024:8:1$${W_SALT}$${W_HASH}`,
      `scrypt:+1024:8:1$${W_SALT}$${W_HASH}`,
      `scrypt:1024:8:1$$${W_HASH}`, // empty salt
      `scrypt:1024:8:1$${W_SALT}$${W_HASH.toUpperCase()}`, // Werkzeug compares lowercase hex
      `scrypt:1024:8:1$${W_SALT}$${W_HASH.slice(0, -2)}`,
      `scrypt:1024:8:1$${W_SALT}$${W_HASH}ab`,
      `scrypt:1024:8:1$${W_SALT}$${Buffer.from(W_HASH, 'hex').toString('base64')}`,
      `scrypt:1024:8:1$${W_SALT}`,
      `${W}$extra`,
      `$$${W}`,
      `scrypt:1024:8:1$${W_SALT}$${W_HASH.slice(0, 60)}g${W_HASH.slice(61)}`,
    ],
    atCaps: [
      `scrypt:65536:8:1$${W_SALT}$${W_HASH}`, // 64 MiB
      `scrypt:262144:2:1$${W_SALT}$${W_HASH}`, // N = 2^18 (the largest), 64 MiB
      `scrypt:32768:8:4$${W_SALT}$${W_HASH}`, // N·r·p = 2^20
      `scrypt:262144:2:2$${W_SALT}$${W_HASH}`, // 64 MiB, N·r·p = 2^20
      `scrypt:32768:1:1$${W_SALT}$${W_HASH}`, // N just below 2^(16·r)
      `scrypt$${W_SALT}$${W_HASH}`, // Werkzeug's defaults
      `$scrypt:1024:8:1$${W_SALT}$${W_HASH}`, // Clerk's page's spelling
      `scrypt:1024:8:1$sält$${W_HASH}`,
    ],
  },
  {
    hasher: scryptFirebaseHasher,
    hash: (digest) => part(digest, 0),
    alphabet: 'base64',
    malformed: [
      '',
      FB_PARTS.slice(0, 5).join('$'),
      `${FB}$1`,
      fb({ 0: '!!!' }),
      fb({ 0: '' }),
      fb({ 1: '' }),
      fb({ 2: '' }),
      fb({ 1: 'sält' }),
      fb({ 3: '?' }),
      fb({ 4: '0' }),
      fb({ 5: '0' }),
      fb({ 4: '08' }),
      fb({ 4: 'x' }),
      fb({ 5: '21' }), // N over 2^20
      fb({ 4: '3', 5: '20' }), // 384 MiB
      fb({ 4: '2', 5: '20' }), // 256 MiB: the old cap
      fb({ 4: '2', 5: '19' }), // 128 MiB
      fb({ 0: 'Bw==' }), // hash shorter than the signer key
      fb({ 0: FB_PARTS[0].replace(/[+/]/g, (c) => (c === '+' ? '-' : '_')) }), // URL-safe alphabet
      [FB_PARTS[4], FB_PARTS[5], ...FB_PARTS.slice(0, 4)].join('$'), // numbers first
    ],
    atCaps: [fb({ 4: '2', 5: '18' }), fb({ 3: '' }), fb({ 4: '16', 5: '14' }), fb({ 4: '8', 5: '14' })],
  },
  {
    hasher: pbkdf2Sha1Hasher,
    hash: (digest) => part(digest, 3),
    alphabet: 'hex',
    malformed: [
      '',
      `pbkdf2_sha256$1000$salt$${HEX32}`,
      `PBKDF2_SHA1$1000$salt$${HEX32}`,
      'pbkdf2_sha1$1000$salt',
      `pbkdf2_sha1$1000$salt$${HEX32}$32$x`,
      `pbkdf2_sha1$0$salt$${HEX32}`,
      `pbkdf2_sha1$01000$salt$${HEX32}`,
      `pbkdf2_sha1$-1$salt$${HEX32}`,
      `pbkdf2_sha1$1e3$salt$${HEX32}`,
      `pbkdf2_sha1$1500001$salt$${HEX32}`, // 2 blocks of SHA-1: over the cap
      `pbkdf2_sha1$3000001$abcd$${'ab'.repeat(20)}$20`, // 1 block: over the cap
      `pbkdf2_sha1$1000$$${HEX32}`, // empty salt
      `pbkdf2_sha1$1000$salt$${HEX32.slice(0, -1)}`, // odd hex
      `pbkdf2_sha1$1000$salt$${HEX32.slice(0, -2)}zz`,
      `pbkdf2_sha1$1000$salt$${'ab'.repeat(20)}`, // 20-byte hash, default key length 32
      `pbkdf2_sha1$1000$salt$${HEX32}$20`, // key length disagrees
      `pbkdf2_sha1$1000$salt$${HEX32}$032`,
      `pbkdf2_sha1$1000$salt$${HEX32}$0`,
      `pbkdf2_sha1$1000$salt$${'ab'.repeat(8)}$8`, // under 16 bytes
      `pbkdf2_sha1$1000$salt$${'ab'.repeat(129)}$129`, // over 128 bytes
      `pbkdf2_sha1$1000$salt$${B64_32}`,
    ],
    atCaps: [`pbkdf2_sha1$1500000$salt$${HEX32}`, `pbkdf2_sha1$3000000$abcd$${'ab'.repeat(20)}$20`, `pbkdf2_sha1$1000$deadbeef$${HEX32}$32`],
  },
  {
    hasher: pbkdf2Sha256Hasher,
    hash: (digest) => part(digest, 3),
    alphabet: 'base64',
    cutMayStayEquivalent: true,
    malformed: [
      '',
      `pbkdf2_sha1$1000$c2FsdA==$${B64_32}`,
      `pbkdf2-sha256$1000$c2FsdA==$${B64_32}`,
      `$pbkdf2-sha256$1000$c2FsdA$${B64_32}`, // passlib's
      'pbkdf2_sha256$1000$c2FsdA==',
      `pbkdf2_sha256$1000$c2FsdA==$${B64_32}$x`,
      `pbkdf2_sha256$0$c2FsdA==$${B64_32}`,
      `pbkdf2_sha256$3000001$c2FsdA==$${B64_32}`,
      `pbkdf2_sha256$10000000$c2FsdA==$${B64_32}`, // the old cap
      `pbkdf2_sha256$1000$$${B64_32}`,
      `pbkdf2_sha256$1000$sält$${B64_32}`, // salt not base64
      `pbkdf2_sha256$1000$c2FsdA==$!!${B64_32.slice(2)}`,
      `pbkdf2_sha256$1000$c2FsdA==$${Buffer.alloc(8, 1).toString('base64')}`, // 8-byte hash
      `pbkdf2_sha256$1000$c2FsdA==$${Buffer.alloc(129, 1).toString('base64')}`,
      `pbkdf2_sha256$1000$c2FsdA==$${Buffer.alloc(32, 0xfb).toString('base64url')}`, // URL-safe alphabet
    ],
    atCaps: [`pbkdf2_sha256$3000000$c2FsdA==$${B64_32}`, `pbkdf2_sha256$1000$c2FsdA$${B64_32.replace(/=+$/, '')}`],
  },
  {
    hasher: pbkdf2Sha256DjangoHasher,
    hash: (digest) => part(digest, 3),
    alphabet: 'base64',
    malformed: [
      '',
      `pbkdf2_sha1$1000$salt$${B64_32}`, // Django's SHA-1 hasher
      `pbkdf2_sha256_django$1000$salt$${B64_32}`,
      'pbkdf2_sha256$1000$salt',
      `pbkdf2_sha256$1000$sa$lt$${B64_32}`,
      `pbkdf2_sha256$1000$$${B64_32}`,
      `pbkdf2_sha256$0$salt$${B64_32}`,
      `pbkdf2_sha256$ 1000$salt$${B64_32}`,
      `pbkdf2_sha256$3000001$salt$${B64_32}`,
      `pbkdf2_sha256$1000$salt$${B64_32.replace(/=+$/, '')}`, // Django always pads
      `pbkdf2_sha256$1000$salt$${Buffer.alloc(31, 1).toString('base64')}`,
      `pbkdf2_sha256$1000$salt$${Buffer.alloc(64, 1).toString('base64')}`,
      `pbkdf2_sha256$1000$salt$${HEX32}`,
      `pbkdf2_sha256$1000$salt$${B64_32.slice(0, 20)}!${B64_32.slice(21)}`,
    ],
    atCaps: [`pbkdf2_sha256$3000000$salt$${B64_32}`, `pbkdf2_sha256$1$sält with spaces$${B64_32}`],
  },
  {
    hasher: pbkdf2Sha512Hasher,
    hash: (digest) => part(digest, 3),
    alphabet: 'hex',
    cutMayStayEquivalent: true,
    malformed: [
      '',
      `pbkdf2_sha512_hex$1000$abcd$${HEX64}`,
      `pbkdf2_sha256$1000$salt$${HEX64}`,
      'pbkdf2_sha512$1000$salt',
      `pbkdf2_sha512$1000$sa$lt$${HEX64}`,
      `pbkdf2_sha512$1000$$${HEX64}`,
      `pbkdf2_sha512$0$salt$${HEX64}`,
      `pbkdf2_sha512$1500001$salt$${HEX64}`,
      `pbkdf2_sha512$1000$salt$${HEX64.slice(0, -1)}`,
      `pbkdf2_sha512$1000$salt$${HEX64.slice(0, -2)}zz`,
      `pbkdf2_sha512$1000$salt$${Buffer.from(HEX64, 'hex').toString('base64')}`,
      `pbkdf2_sha512$1000$salt$${'ab'.repeat(8)}`,
    ],
    atCaps: [`pbkdf2_sha512$1500000$salt$${HEX64}`, `pbkdf2_sha512$1000$salt$${HEX64.toUpperCase()}`],
  },
  {
    hasher: pbkdf2Sha512HexHasher,
    hash: (digest) => part(digest, 3),
    alphabet: 'hex',
    cutMayStayEquivalent: true,
    malformed: [
      '',
      `pbkdf2_sha512$1000$abcd$${HEX64}`,
      'pbkdf2_sha512_hex$1000$abcd',
      `pbkdf2_sha512_hex$1000$ab$cd$${HEX64}`,
      `pbkdf2_sha512_hex$1000$$${HEX64}`,
      `pbkdf2_sha512_hex$1000$salt$${HEX64}`, // salt not hex
      `pbkdf2_sha512_hex$1000$abc$${HEX64}`, // odd-length salt
      `pbkdf2_sha512_hex$0$abcd$${HEX64}`,
      `pbkdf2_sha512_hex$1500001$abcd$${HEX64}`,
      `pbkdf2_sha512_hex$1000$abcd$${HEX64.slice(0, -1)}`,
      `pbkdf2_sha512_hex$1000$abcd$${Buffer.from(HEX64, 'hex').toString('base64')}`,
      `pbkdf2_sha512_hex$1000$abcd$${'ab'.repeat(129)}`,
    ],
    atCaps: [`pbkdf2_sha512_hex$1500000$abcd$${HEX64}`, `pbkdf2_sha512_hex$1$ABCD$${HEX64}`],
  },
];

describe.each(FORMATS.map((format) => [format.hasher.name, format] as const))('%s', (name, format) => {
  const { hasher } = format;
  const { vectors, hasher: fixtureName } = fixture(name);

  it('has a fixture with at least 3 vectors, one non-ASCII and one long (> 72 bytes) password', () => {
    expect(fixtureName).toBe(name);
    expect(vectors.length).toBeGreaterThanOrEqual(3);
    expect(vectors.some((v) => /[^\x00-\x7f]/.test(v.password))).toBe(true);
    expect(vectors.some((v) => Buffer.byteLength(v.password) > 72)).toBe(true);
  });

  it('accepts every vector as a valid digest', () => {
    for (const { digest } of vectors) expect(hasher.isValidDigest(digest), digest).toBe(true);
  });

  it('verifies every vector', async () => {
    const results = await Promise.all(vectors.map((v) => hasher.verify(v.digest, v.password)));
    expect(results).toEqual(vectors.map(() => true));
  });

  it('does not verify a wrong password', async () => {
    const cases = vectors.flatMap((v) => [
      [v.digest, `x${v.password}`],
      [v.digest, v.password === '' ? ' ' : (v.password.startsWith('A') ? 'B' : 'A') + v.password.slice(1)],
      ...(v.wrong_passwords ?? []).map((w) => [v.digest, w]),
    ]) as [string, string][];
    const results = await Promise.all(cases.map(([digest, password]) => hasher.verify(digest, password)));
    expect(results.map((ok, i) => (ok ? cases[i] : null)).filter(Boolean)).toEqual([]);
  });

  it('does not verify a digest with one character of its hash changed', async () => {
    const changed = vectors.map((v) => changeOneCharacter(v.digest, format.hash(v.digest), format.alphabet));
    for (const digest of changed) expect(hasher.isValidDigest(digest), digest).toBe(true);
    const results = await Promise.all(changed.map((digest, i) => hasher.verify(digest, (vectors[i] as Vector).password)));
    expect(results).toEqual(vectors.map(() => false));
  });

  it('does not verify a truncated digest', async () => {
    const cases = vectors.flatMap((v) => [
      [v.digest.slice(0, format.hash(v.digest)[0]), v.password], // the hash cut off
      [v.digest.slice(0, format.hash(v.digest)[0] + 20), v.password], // 20 characters of it left
      ...(format.cutMayStayEquivalent
        ? []
        : [
            [v.digest.slice(0, -1), v.password],
            [v.digest.slice(0, Math.ceil(v.digest.length / 2)), v.password],
          ]),
    ]) as [string, string][];
    const results = await Promise.all(cases.map(([digest, password]) => hasher.verify(digest, password)));
    expect(results.map((ok, i) => (ok ? cases[i] : null)).filter(Boolean)).toEqual([]);
  });

  it('rejects malformed digests, and verify answers false for them without throwing', async () => {
    for (const digest of format.malformed) expect(hasher.isValidDigest(digest), JSON.stringify(digest)).toBe(false);
    const results = await Promise.all(format.malformed.map((digest) => hasher.verify(digest, 'password')));
    expect(results).toEqual(format.malformed.map(() => false));
  });

  it('accepts digests at the edges of its caps', () => {
    for (const digest of format.atCaps) expect(hasher.isValidDigest(digest), digest).toBe(true);
  });

  it('runs off the event loop', async () => {
    // The costliest vector (the realistic one) takes tens of milliseconds at least: timers must keep firing.
    const costliest = vectors.find((v) => /realistic/.test(v.note)) ?? (vectors[0] as Vector);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    try {
      expect(await hasher.verify(costliest.digest, costliest.password)).toBe(true);
    } finally {
      clearInterval(timer);
    }
    expect(ticks).toBeGreaterThan(0);
  });
});

describe('format details', () => {
  it('scrypt_werkzeug takes Clerk\'s `$`-led spelling of a Werkzeug digest as the same digest', async () => {
    for (const v of F.scryptWerkzeug.vectors.slice(0, 2)) expect(await scryptWerkzeugHasher.verify(`$${v.digest}`, v.password)).toBe(true);
  });

  it('pbkdf2_sha256 and pbkdf2_sha256_django read the same-looking digest differently (decoded vs literal salt)', async () => {
    const django = F.pbkdf2Sha256Django.vectors.find((v) => v.digest.includes('$c2FsdHNhbHQ=$')) as Vector;
    expect(pbkdf2Sha256Hasher.isValidDigest(django.digest)).toBe(true);
    expect(await pbkdf2Sha256DjangoHasher.verify(django.digest, django.password)).toBe(true);
    expect(await pbkdf2Sha256Hasher.verify(django.digest, django.password)).toBe(false);
  });

  it('bcrypt_peppered appends the pepper: the bare bcrypt hash verifies password+pepper under `bcrypt`', async () => {
    const v = F.bcryptPeppered.vectors[1] as Vector;
    const pepper = v.digest.slice(61);
    expect(await bcryptHasher.verify(v.digest.slice(0, 60), v.password + pepper)).toBe(true);
    expect(await bcryptHasher.verify(v.digest.slice(0, 60), v.password)).toBe(false);
  });

  it('pbkdf2 formats sized by their hash: a hash cut at a byte boundary is the same password\'s shorter key', async () => {
    // PBKDF2's first k bytes do not depend on the length asked for, and these formats take the length from the hash:
    // a digest cut that way still verifies the same password (no other), down to the 16-byte floor. Clerk documents
    // no fixed length for them; pbkdf2_sha1 (explicit key length) and pbkdf2_sha256_django (32 bytes) are exact.
    const v = F.pbkdf2Sha512Hex.vectors[0] as Vector;
    expect(await pbkdf2Sha512HexHasher.verify(v.digest.slice(0, -2), v.password)).toBe(true);
    expect(await pbkdf2Sha512HexHasher.verify(v.digest.slice(0, -2), `x${v.password}`)).toBe(false);
    expect(pbkdf2Sha512HexHasher.isValidDigest(v.digest.slice(0, v.digest.length - 128 + 30))).toBe(false);
  });

  it('argon2i and argon2id do not verify each other\'s digests', async () => {
    const i = F.argon2i.vectors[0] as Vector;
    const id = F.argon2id.vectors[0] as Vector;
    expect(argon2idHasher.isValidDigest(i.digest)).toBe(false);
    expect(await argon2idHasher.verify(i.digest, i.password)).toBe(false);
    expect(await argon2iHasher.verify(id.digest, id.password)).toBe(false);
  });

  it('verify answers false for inputs that are not digests at all', async () => {
    for (const format of FORMATS) {
      for (const digest of ['$', '$$$$$', '\u0000', 'x'.repeat(10_000)]) {
        expect(format.hasher.isValidDigest(digest)).toBe(false);
        expect(await format.hasher.verify(digest, '')).toBe(false);
      }
    }
  });
});
