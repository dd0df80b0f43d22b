// POST /v1/users/{user_id}/verify_password on imported digests that accept more than one password: the transparent
// re-hash to argon2id must never change which passwords a user can sign in with. bcrypt reads 72 bytes of
// password (+ pepper) and a NUL; PBKDF2 and scrypt key an HMAC with the password, which stands a long key in for its
// hash. Digests from each such format are imported, verified with one member of a family, and every member is checked
// to verify still; passwords that are the only ones their digest accepts are still upgraded.
import { createHash, pbkdf2Sync } from 'node:crypto';
import fs from 'node:fs';
import { hash as bcryptHash } from '@node-rs/bcrypt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueEmail } from '../../helpers/fixtures.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';

/** How every digest Roster writes begins (src/passwords/argon2id.ts). */
const OWN_DIGEST_PREFIX = '$argon2id$v=19$m=19456,t=2,p=1$';
const SALT = Buffer.from('0123456789abcdef');

/** Exactly 72 ASCII bytes: what bcrypt reads of any password that begins with them. */
const BYTES_72 = 'the first seventy-two bytes of a long passphrase, all that bcrypt reads!';
/** 70 ASCII bytes and a two-byte é: 72 bytes, 71 characters. */
const UTF8_72 = `${'x'.repeat(70)}é`;

/** Over SHA-1's 64-byte HMAC block, and its SHA-1 is NUL-free ASCII: the raw hash is a second password. */
const LONG_SHA1_KEY = 'long passphrase for the hmac key, longer than sixty-four bytes, number 1417247';
const SHA1_OF_LONG_KEY = createHash('sha1').update(LONG_SHA1_KEY).digest().toString('utf8');

const bcryptOf = async (secret: string, version: '2a' | '2b' | '2y'): Promise<string> =>
  (await bcryptHash(Buffer.from(secret, 'utf8'), 4, SALT)).replace(/^\$2[aby]\$/, `$${version}$`);
const pbkdf2Sha1Of = (password: string): string =>
  `pbkdf2_sha1$1000$${SALT.toString('hex')}$${pbkdf2Sync(Buffer.from(password, 'utf8'), SALT, 1000, 32, 'sha1').toString('hex')}`;

interface Family {
  name: string;
  hasher: string;
  digest: () => Promise<string>;
  /** Passwords the digest accepts alike; each one is presented first in turn. */
  members: string[];
}

const DEVISE = JSON.parse(fs.readFileSync(new URL('../../fixtures/password-digests/bcrypt_peppered.json', import.meta.url), 'utf8'))
  .vectors[0] as { password: string; digest: string };
const DEVISE_PEPPER = DEVISE.digest.slice(61);
const SHORT_PEPPER = 'pep';
const PASSWORD_69 = 'p'.repeat(69);

const FAMILIES: Family[] = [
  ...(['2a', '2b', '2y'] as const).map((version) => ({
    name: `bcrypt $${version}$, passwords sharing their first 72 bytes`,
    hasher: 'bcrypt',
    digest: () => bcryptOf(`${BYTES_72} the real ending`, version),
    members: [`${BYTES_72} the real ending`, `${BYTES_72} another ending`, BYTES_72],
  })),
  {
    name: 'bcrypt, 72 bytes ending in a two-byte character',
    hasher: 'bcrypt',
    digest: () => bcryptOf(`${UTF8_72}tail`, '2b'),
    members: [`${UTF8_72}tail`, UTF8_72, `${UTF8_72}other`],
  },
  {
    name: 'bcrypt_peppered, password + pepper at 72 bytes',
    hasher: 'bcrypt_peppered',
    digest: async () => `${await bcryptOf(PASSWORD_69 + SHORT_PEPPER, '2a')}$${SHORT_PEPPER}`,
    // 69 + 3 bytes fill bcrypt's 72: password+pepper itself, and anything after, is the same key.
    members: [PASSWORD_69, PASSWORD_69 + SHORT_PEPPER, `${PASSWORD_69 + SHORT_PEPPER}!`],
  },
  {
    name: "bcrypt_peppered with Devise's 128-character pepper, a short password",
    hasher: 'bcrypt_peppered',
    digest: async () => DEVISE.digest,
    // The pepper fills the 72 bytes: the password followed by the pepper's start is the same key.
    members: [DEVISE.password, DEVISE.password + DEVISE_PEPPER.slice(0, 72 - DEVISE.password.length)],
  },
  {
    name: 'pbkdf2_sha1, a password over the HMAC block and its raw SHA-1',
    hasher: 'pbkdf2_sha1',
    digest: async () => pbkdf2Sha1Of(LONG_SHA1_KEY),
    members: [LONG_SHA1_KEY, SHA1_OF_LONG_KEY],
  },
];

/** Passwords that are the only ones their digest accepts: the first verification upgrades them to argon2id. */
const ONLY_ONES: Array<{ name: string; hasher: string; password: string; digest: () => Promise<string>; longer: string }> = [
  ...(['2a', '2b', '2y'] as const).map((version) => ({
    name: `bcrypt $${version}$, 71 bytes`,
    hasher: 'bcrypt',
    password: BYTES_72.slice(0, 71),
    digest: () => bcryptOf(BYTES_72.slice(0, 71), version),
    longer: BYTES_72,
  })),
  {
    name: 'bcrypt_peppered, password + pepper at 71 bytes',
    hasher: 'bcrypt_peppered',
    password: 'p'.repeat(68),
    digest: async () => `${await bcryptOf('p'.repeat(68) + SHORT_PEPPER, '2a')}$${SHORT_PEPPER}`,
    longer: 'p'.repeat(68) + SHORT_PEPPER,
  },
  {
    name: 'pbkdf2_sha1, within the HMAC block',
    hasher: 'pbkdf2_sha1',
    password: 'correct horse battery staple',
    digest: async () => pbkdf2Sha1Of('correct horse battery staple'),
    longer: 'correct horse battery staple!',
  },
];

describe('verify_password re-hashes an imported digest only when that keeps every password it accepts', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ ROSTER_LOCKOUT_MAX_ATTEMPTS: 'off' });
  });
  afterAll(async () => server.close());

  const createUser = async (hasher: string, digest: string): Promise<string> => {
    const response = await server.api('POST', '/v1/users', { email_address: [uniqueEmail('rehash')], password_digest: digest, password_hasher: hasher });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body.id;
  };
  const verify = async (id: string, password: string): Promise<number> =>
    (await server.api('POST', `/v1/users/${id}/verify_password`, { password })).status;
  const stored = (id: string) =>
    server.database.db.selectFrom('users').select(['password_hasher', 'password_digest']).where('id', '=', id).executeTakeFirstOrThrow();

  describe.each(FAMILIES)('$name', (family) => {
    it.each(family.members.map((first, index) => [index, first]))('presenting member %i first keeps every member verifying', async (_index, first) => {
      const digest = await family.digest();
      const id = await createUser(family.hasher, digest);
      expect(await verify(id, first)).toBe(200);
      for (const member of family.members) expect(await verify(id, member), JSON.stringify(member)).toBe(200);
      // Twice over: no verification on the way changed the digest either.
      for (const member of family.members) expect(await verify(id, member), JSON.stringify(member)).toBe(200);
      expect(await stored(id)).toEqual({ password_hasher: family.hasher, password_digest: digest });
      expect(await verify(id, 'not any of them')).toBe(422);
    });
  });

  it.each(ONLY_ONES)('$name: upgraded to argon2id, and still the one password', async ({ hasher, password, digest, longer }) => {
    const id = await createUser(hasher, await digest());
    expect(await verify(id, longer)).toBe(422);
    expect(await verify(id, password)).toBe(200);
    const after = await stored(id);
    expect(after.password_hasher).toBe('argon2id');
    expect(after.password_digest!.startsWith(OWN_DIGEST_PREFIX)).toBe(true);
    expect(await verify(id, password)).toBe(200);
    expect(await verify(id, longer)).toBe(422);
  });

  it('a 20-byte password is kept on pbkdf2_sha1: it may be the raw SHA-1 of a longer real password', async () => {
    const password = 'twenty bytes exactly';
    expect(Buffer.byteLength(password)).toBe(20);
    const digest = pbkdf2Sha1Of(password);
    const id = await createUser('pbkdf2_sha1', digest);
    expect(await verify(id, password)).toBe(200);
    expect(await stored(id)).toEqual({ password_hasher: 'pbkdf2_sha1', password_digest: digest });
  });
});
