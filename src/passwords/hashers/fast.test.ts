import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PasswordHasher } from '../password-hasher.js';
import { phpassEncode64 } from './fast-shared.js';
import { ldapSshaHasher } from './ldap-ssha.js';
import { md5Hasher } from './md5.js';
import { md5PhpassHasher } from './md5-phpass.js';
import { md5SaltedHasher } from './md5-salted.js';
import { phpassHasher } from './phpass.js';
import { sha256Hasher } from './sha256.js';
import { sha256SaltedHasher } from './sha256-salted.js';
import { sha512SymfonyHasher } from './sha512-symfony.js';
import { countTurnsDuring } from '../../../test/helpers/event-loop.js';

interface Fixture {
  hasher: string;
  made_with: string;
  vectors: { password: string; digest: string; note: string }[];
}

const fixture = (name: string): Fixture =>
  JSON.parse(readFileSync(new URL(`../../../test/fixtures/password-digests/${name}.json`, import.meta.url), 'utf8')) as Fixture;

/** Replaces one character of the checksum (5th from the end) with a different one of the same alphabet. */
function mutate(digest: string): string {
  const at = digest.length - 5;
  const c = digest[at] as string;
  let replacement: string;
  if (c >= '0' && c <= '9') replacement = c === '9' ? '8' : String(Number(c) + 1);
  else if (/[a-zA-Z]/.test(c)) replacement = /[fFzZ]/.test(c) ? String.fromCharCode(c.charCodeAt(0) - 1) : String.fromCharCode(c.charCodeAt(0) + 1);
  else replacement = c === '.' ? '/' : c === '/' ? '+' : '/';
  return digest.slice(0, at) + replacement + digest.slice(at + 1);
}

const LONG_PASSWORD = 'x'.repeat(4097);

const SHA512_OF_PASSWORD_B64 = createHash('sha512').update('password').digest('base64');
/** 20 + 5 bytes, so its base64 ends in `==`. */
const SSHA_SAMPLE = `{SSHA}${Buffer.concat([createHash('sha1').update('passwordabcde').digest(), Buffer.from('abcde')]).toString('base64')}`;

/** Per format: its hasher and digests that must be rejected. */
const FORMATS: { hasher: PasswordHasher; malformed: string[] }[] = [
  {
    hasher: md5Hasher,
    malformed: [
      '',
      '5f4dcc3b5aa765d61d8327deb882cf9', // 31 hex
      '5f4dcc3b5aa765d61d8327deb882cf99a', // 33 hex
      '5f4dcc3b5aa765d61d8327deb882cf9g', // not hex
      '{MD5}X03MO1qnZdYdgyfeuILPmQ==', // ldap_md5 spelling
      'salt$5f4dcc3b5aa765d61d8327deb882cf99', // md5_salted spelling
      ' 5f4dcc3b5aa765d61d8327deb882cf99',
      '5f4dcc3b5aa765d61d8327deb882cf99\n',
    ],
  },
  {
    hasher: sha256Hasher,
    malformed: [
      '',
      '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a0', // 63 hex
      '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08aa', // 66 hex
      '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a0z',
      '5f4dcc3b5aa765d61d8327deb882cf99', // an md5
      'n4bQgYhMfWWaL+qgxVrQFaO/TxsrC4Is0V1sFbDwCgg=', // base64 of the right bytes
      'sha256$9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
    ],
  },
  {
    hasher: md5SaltedHasher,
    malformed: [
      '',
      '5f4dcc3b5aa765d61d8327deb882cf99', // missing salt
      '$5f4dcc3b5aa765d61d8327deb882cf99', // empty salt
      'salt$', // missing hash
      'salt$5f4dcc3b5aa765d61d8327deb882cf9', // 31 hex
      'salt$5f4dcc3b5aa765d61d8327deb882cf9x', // not hex
      'salt$9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08', // 64 hex
      'sa$lt$5f4dcc3b5aa765d61d8327deb882cf99', // extra part
      '5f4dcc3b5aa765d61d8327deb882cf99$salt', // reversed
    ],
  },
  {
    hasher: sha256SaltedHasher,
    malformed: [
      '',
      '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08', // missing salt
      '$9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08', // empty salt
      'salt$5f4dcc3b5aa765d61d8327deb882cf99', // 32 hex
      'salt$9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a0g', // not hex
      'a$b$9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08', // extra part
    ],
  },
  {
    hasher: phpassHasher,
    malformed: [
      '',
      '$H$9phpBB3aby9KJuAzsu5BGM6BFrdrOE.', // phpBB3's prefix is md5_phpass, not phpass
      '$S$DfvzjfQ4G4ZTLPVCPRjyrDrn4Fq2Gv6D7h9xLdtfREbjPKtTdQA1', // Drupal 7 sha512
      '$2y$10$abcdefghijklmnopqrstuu5Y6bjJcW9H0nxo0F0gSnyaYJTZrw2uO', // bcrypt
      '$P$BV7qMYJaNX.l6KcuWXSAd8eCqQYPMb', // 33 characters
      '$P$BV7qMYJaNX.l6KcuWXSAd8eCqQYPMb/x', // 35 characters
      '$P$4V7qMYJaNX.l6KcuWXSAd8eCqQYPMb/', // count 2^6 < phpass's minimum 2^7
      '$P$JV7qMYJaNX.l6KcuWXSAd8eCqQYPMb/', // count 2^21 > Roster's cap 2^19
      '$P$IV7qMYJaNX.l6KcuWXSAd8eCqQYPMb/', // count 2^20 > Roster's cap 2^19
      '$P$zV7qMYJaNX.l6KcuWXSAd8eCqQYPMb/', // count 2^63
      '$P$BV7qMYJaNX.l6KcuWXSAd8eCqQYPMbA', // last checksum char carries 2 bits: ./01 only
      '$P$BV7q-YJaNX.l6KcuWXSAd8eCqQYPMb/', // salt outside ./0-9A-Za-z
      '$P$BV7qMYJaNX.l6KcuWXSAd8eCqQY+Mb/', // checksum outside ./0-9A-Za-z
      'P$BV7qMYJaNX.l6KcuWXSAd8eCqQYPMb/',
      '$p$BV7qMYJaNX.l6KcuWXSAd8eCqQYPMb/',
    ],
  },
  {
    hasher: md5PhpassHasher,
    malformed: [
      '',
      '$S$DfvzjfQ4G4ZTLPVCPRjyrDrn4Fq2Gv6D7h9xLdtfREbjPKtTdQA1',
      '$X$9phpBB3aby9KJuAzsu5BGM6BFrdrOE.', // unknown prefix
      '$H$9phpBB3aby9KJuAzsu5BGM6BFrdrOE', // 33 characters
      '$H$4phpBB3aby9KJuAzsu5BGM6BFrdrOE.', // count 2^6
      '$H$JphpBB3aby9KJuAzsu5BGM6BFrdrOE.', // count 2^21
      '$H$9phpBB3aby9KJuAzsu5BGM6BFrdrOEz', // last checksum char
      '$H$9php B3aby9KJuAzsu5BGM6BFrdrOE.', // space in salt
      'U$P$7portablebM6bluDLTm23RJB90s9mv0', // Drupal 7's md5(md5) upgrade marker
    ],
  },
  {
    hasher: ldapSshaHasher,
    malformed: [
      '',
      '{SSHA}',
      `{SHA}${createHash('sha1').update('password').digest('base64')}`, // unsalted
      `{SSHA}${createHash('sha1').update('password').digest('base64')}`, // 20 bytes: no salt
      `{SSHA}${Buffer.alloc(20 + 65).toString('base64')}`, // 65-byte salt
      SSHA_SAMPLE.replace(/=+$/, ''), // padding removed
      `${SSHA_SAMPLE.slice(0, 10)}*${SSHA_SAMPLE.slice(11)}`, // not base64
      `{SSHA}${Buffer.concat([createHash('sha1').update('passwordabcde').digest(), Buffer.from('abcde')]).toString('base64url')}`, // base64url
      `${SSHA_SAMPLE.slice(0, -3)}R==`, // same bytes, unused trailing bits set (not canonical)
      SSHA_SAMPLE.slice(6), // no scheme
      `{SSHA256}${SSHA_SAMPLE.slice(6)}`,
      `{SMD5}${SSHA_SAMPLE.slice(6)}`,
    ],
  },
  {
    hasher: sha512SymfonyHasher,
    malformed: [
      '',
      `sha512_symfony$5000$salt`, // missing hash
      `sha512_symfony$salt$${SHA512_OF_PASSWORD_B64}`, // missing iterations
      `sha512_symfony$0$salt$${SHA512_OF_PASSWORD_B64}`, // iterations must be > 0
      `sha512_symfony$05000$salt$${SHA512_OF_PASSWORD_B64}`, // not a plain decimal
      `sha512_symfony$-1$salt$${SHA512_OF_PASSWORD_B64}`,
      `sha512_symfony$100001$salt$${SHA512_OF_PASSWORD_B64}`, // over Roster's cap
      `sha512_symfony$99999999999999999999$salt$${SHA512_OF_PASSWORD_B64}`,
      `sha512_symfony$5000$s{al}t$${SHA512_OF_PASSWORD_B64}`, // Symfony refuses { } in salts
      `sha512_symfony$5000$sa$lt$${SHA512_OF_PASSWORD_B64}`, // extra part
      `sha512_symfony$5000$salt$${SHA512_OF_PASSWORD_B64.replace(/=+$/, '')}`, // padding removed
      `sha512_symfony$5000$salt$${createHash('sha512').update('password').digest('hex')}`, // hex, not base64
      `sha512_symfony$5000$salt$${createHash('sha256').update('password').digest('base64')}`, // 32 bytes
      `sha512_symfony$5000$salt$${SHA512_OF_PASSWORD_B64.slice(0, 84)}*${SHA512_OF_PASSWORD_B64.slice(85)}`,
      `sha256_symfony$5000$salt$${SHA512_OF_PASSWORD_B64}`, // wrong prefix
      `$5000$salt$${SHA512_OF_PASSWORD_B64}`,
    ],
  },
];

describe.each(FORMATS)('$hasher.name', ({ hasher, malformed }) => {
  const { hasher: name, made_with, vectors } = fixture(hasher.name);

  it('has a fixture for this hasher, made by the original ecosystem, with the required kinds of vectors', () => {
    expect(name).toBe(hasher.name);
    expect(made_with.length).toBeGreaterThan(0);
    expect(vectors.length).toBeGreaterThanOrEqual(3);
    expect(vectors.some((v) => /[^\x00-\x7f]/.test(v.password))).toBe(true);
    expect(vectors.some((v) => Buffer.byteLength(v.password) > 72)).toBe(true);
  });

  it.each(vectors)('verifies $digest ($note)', async ({ password, digest }) => {
    expect(hasher.isValidDigest(digest)).toBe(true);
    expect(await hasher.verify(digest, password)).toBe(true);
  });

  it.each(vectors)('rejects a wrong password for $digest', async ({ password, digest }) => {
    expect(await hasher.verify(digest, `${password}x`)).toBe(false);
    if (password !== '') expect(await hasher.verify(digest, password.slice(0, -1))).toBe(false);
    expect(await hasher.verify(digest, password.toUpperCase() === password ? 'other' : password.toUpperCase())).toBe(false);
  });

  it.each(vectors)('rejects $digest with one checksum character changed', async ({ password, digest }) => {
    const changed = mutate(digest);
    expect(changed).not.toBe(digest);
    expect(await hasher.verify(changed, password)).toBe(false);
  });

  it.each(vectors)('rejects $digest truncated', async ({ password, digest }) => {
    expect(hasher.isValidDigest(digest.slice(0, -1))).toBe(false);
    expect(await hasher.verify(digest.slice(0, -1), password)).toBe(false);
    expect(await hasher.verify(digest.slice(0, -4), password)).toBe(false);
  });

  it.each(malformed)('rejects the malformed digest %j', async (digest) => {
    expect(hasher.isValidDigest(digest)).toBe(false);
    expect(await hasher.verify(digest, 'password')).toBe(false);
  });

  it("does not verify another format's vectors", async () => {
    for (const other of FORMATS.filter((f) => f.hasher !== hasher)) {
      for (const v of fixture(other.hasher.name).vectors) {
        // `$P$` digests are valid for both phpass and md5_phpass, by design.
        const phpassFamily = [phpassHasher, md5PhpassHasher];
        if (phpassFamily.includes(hasher) && phpassFamily.includes(other.hasher) && v.digest.startsWith('$P$')) continue;
        expect(hasher.isValidDigest(v.digest)).toBe(false);
        expect(await hasher.verify(v.digest, v.password)).toBe(false);
      }
    }
  });
});

describe('hex digests', () => {
  it('accept upper-case hex', async () => {
    expect(await md5Hasher.verify('5F4DCC3B5AA765D61D8327DEB882CF99', 'password')).toBe(true);
    expect(await sha256Hasher.verify('9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08', 'test')).toBe(true);
    const salted = fixture('md5_salted').vectors[0]!;
    const [salt, hex] = salted.digest.split('$') as [string, string];
    expect(await md5SaltedHasher.verify(`${salt}$${hex.toUpperCase()}`, salted.password)).toBe(true);
  });

  it('hash password then salt, not salt then password', async () => {
    const salt = 'NaCl';
    const saltFirstMd5 = createHash('md5').update(`${salt}password`).digest('hex');
    const saltFirstSha256 = createHash('sha256').update(`${salt}password`).digest('hex');
    expect(await md5SaltedHasher.verify(`${salt}$${saltFirstMd5}`, 'password')).toBe(false);
    expect(await sha256SaltedHasher.verify(`${salt}$${saltFirstSha256}`, 'password')).toBe(false);
    const passwordFirst = createHash('md5').update(`password${salt}`).digest('hex');
    expect(await md5SaltedHasher.verify(`${salt}$${passwordFirst}`, 'password')).toBe(true);
  });
});

describe('phpass portable hashes', () => {
  /** A well-formed `$P$` digest at the given log2 count (its checksum matches no password). */
  const withCount = (log2: number, prefix = '$P$'): string =>
    `${prefix}${'./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'[log2]}saltsalt${phpassEncode64(Buffer.alloc(16))}`;

  it('accepts counts from 2^7 to the 2^19 cap, and no others', () => {
    expect(phpassHasher.isValidDigest(withCount(6))).toBe(false);
    for (let log2 = 7; log2 <= 19; log2++) expect(phpassHasher.isValidDigest(withCount(log2))).toBe(true);
    for (let log2 = 20; log2 <= 30; log2++) expect(phpassHasher.isValidDigest(withCount(log2))).toBe(false);
  });

  it('md5_phpass takes both the $H$ and the $P$ spelling of one hash; phpass takes $P$ only', async () => {
    const v = fixture('md5_phpass').vectors.find((x) => x.digest.startsWith('$H$'))!;
    const asP = `$P$${v.digest.slice(3)}`;
    expect(await md5PhpassHasher.verify(v.digest, v.password)).toBe(true);
    expect(await md5PhpassHasher.verify(asP, v.password)).toBe(true);
    expect(await phpassHasher.verify(asP, v.password)).toBe(true);
    expect(phpassHasher.isValidDigest(v.digest)).toBe(false);
  });

  it('encodes 16 zero bytes as 22 dots (phpass encode64)', () => {
    expect(phpassEncode64(Buffer.alloc(16))).toBe('.'.repeat(22));
  });

  it('never verifies a password over 4096 bytes, as phpass', async () => {
    const v = fixture('phpass').vectors[0]!;
    expect(await phpassHasher.verify(v.digest, LONG_PASSWORD)).toBe(false);
    expect(await md5PhpassHasher.verify(v.digest, LONG_PASSWORD)).toBe(false);
  });

  it('yields to the event loop while iterating', async () => {
    const { result, turns } = await countTurnsDuring(() => phpassHasher.verify(withCount(16), 'password'));
    expect(result).toBe(false);
    // 2^16 iterations in slices of 2048: other work ran between slices.
    expect(turns).toBeGreaterThanOrEqual(16);
  });
});

describe('sha512_symfony', () => {
  it('accepts 1 to 100,000 iterations', () => {
    expect(sha512SymfonyHasher.isValidDigest(`sha512_symfony$1$salt$${SHA512_OF_PASSWORD_B64}`)).toBe(true);
    expect(sha512SymfonyHasher.isValidDigest(`sha512_symfony$100000$salt$${SHA512_OF_PASSWORD_B64}`)).toBe(true);
    expect(sha512SymfonyHasher.isValidDigest(`sha512_symfony$100001$salt$${SHA512_OF_PASSWORD_B64}`)).toBe(false);
  });

  it('hashes the bare password for an empty salt or the PHP-falsy salt "0", password{salt} otherwise', async () => {
    expect(await sha512SymfonyHasher.verify(`sha512_symfony$1$$${SHA512_OF_PASSWORD_B64}`, 'password')).toBe(true);
    expect(await sha512SymfonyHasher.verify(`sha512_symfony$1$0$${SHA512_OF_PASSWORD_B64}`, 'password')).toBe(true);
    expect(await sha512SymfonyHasher.verify(`sha512_symfony$1$00$${SHA512_OF_PASSWORD_B64}`, 'password')).toBe(false);
    const braced = createHash('sha512').update('password{00}').digest('base64');
    expect(await sha512SymfonyHasher.verify(`sha512_symfony$1$00$${braced}`, 'password')).toBe(true);
  });

  it('never verifies a password over 4096 bytes, as Symfony', async () => {
    const hash = createHash('sha512').update(LONG_PASSWORD).digest('base64');
    expect(await sha512SymfonyHasher.verify(`sha512_symfony$1$$${hash}`, LONG_PASSWORD)).toBe(false);
    const short = 'x'.repeat(4096);
    const shortHash = createHash('sha512').update(short).digest('base64');
    expect(await sha512SymfonyHasher.verify(`sha512_symfony$1$$${shortHash}`, short)).toBe(true);
  });
});

describe('ldap_ssha', () => {
  it('matches the {SSHA} label case-insensitively', async () => {
    const v = fixture('ldap_ssha').vectors[0]!;
    const lower = `{ssha}${v.digest.slice(6)}`;
    expect(ldapSshaHasher.isValidDigest(lower)).toBe(true);
    expect(await ldapSshaHasher.verify(lower, v.password)).toBe(true);
  });

  it('takes salts of 1 to 64 bytes', async () => {
    for (const size of [1, 64]) {
      const salt = Buffer.alloc(size, 7);
      const digest = `{SSHA}${Buffer.concat([createHash('sha1').update('password').update(salt).digest(), salt]).toString('base64')}`;
      expect(await ldapSshaHasher.verify(digest, 'password')).toBe(true);
    }
  });
});

describe('verify never throws', () => {
  it.each(FORMATS)('$hasher.name', async ({ hasher }) => {
    for (const digest of ['\u0000', '$'.repeat(10_000), '{SSHA}' + 'A'.repeat(100_000), '\ud800']) {
      await expect(hasher.verify(digest, '\ud800')).resolves.toBe(false);
    }
  });
});
