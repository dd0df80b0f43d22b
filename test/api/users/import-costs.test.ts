// Bounded cost for imported credentials: password digests over the cost caps are refused at import (POST and
// PATCH /v1/users), imported digests are verified in the bounded pool (429 too_many_requests when its queue is
// full, before any lockout attempt is taken), and backup codes are stored as a keyed hash, bcrypt only for
// imported digests within a total cost.
import fs from 'node:fs';
import { hash as bcryptHash } from '@node-rs/bcrypt';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../src/app.js';
import { errors } from '../../../src/lib/error-catalog.js';
import { newId } from '../../../src/lib/ids.js';
import { ALL_HASHERS, createHasherRegistry } from '../../../src/passwords/registry.js';
import type { VerificationPool } from '../../../src/passwords/verification-pool.js';
import { listUnconsumedBackupCodes, replaceBackupCodes } from '../../../src/storage/repositories/credentials-repository.js';
import { expectClerkError } from '../../helpers/assertions.js';
import { uniqueEmail } from '../../helpers/fixtures.js';
import { startTestServer, TEST_SECRET_KEY, type ApiResponse, type TestServer } from '../../helpers/test-server.js';

const fixtureDigest = (name: string, index = 0): { password: string; digest: string } =>
  JSON.parse(fs.readFileSync(new URL(`../../fixtures/password-digests/${name}.json`, import.meta.url), 'utf8')).vectors[index];

// Well-formed digests to change the cost parameters of (their hashes match nothing: only import is tested).
const B = '$2y$04$hD7nJChm65QWwKFLJHwiPe4hHVIpookAnaC.H2wat1qDd.3CaxTz2';
const bcryptOfCost = (cost: number) => B.replace('$04$', `$${String(cost).padStart(2, '0')}$`);
const argon = (variant: string, params: string) => `$${variant}$v=19$${params}$c2FaT2tibmRVRDRRekhEVg$54k7O779ZiPLsKx6qs+kMr7/pbxxgqXy4kUSUUwy5HU`;
const [, W_SALT, W_HASH] = fixtureDigest('scrypt_werkzeug').digest.split('$') as [string, string, string];
const werkzeug = (n: number, r: number, p: number) => `scrypt:${n}:${r}:${p}$${W_SALT}$${W_HASH}`;
const FB = fixtureDigest('scrypt_firebase').digest.split('$');
const firebase = (rounds: number, memoryCost: number) => [...FB.slice(0, 4), String(rounds), String(memoryCost)].join('$');
const HEX32 = 'ab'.repeat(32);
const HEX64 = 'ab'.repeat(64);
const B64_32 = Buffer.alloc(32, 1).toString('base64');
const PHPASS = '$P$BV7qMYJaNX.l6KcuWXSAd8eCqQYPMb/'; // count `B` = 2^13
const phpassOfLog2 = (prefix: string, log2: number) => `${prefix}${'./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'[log2]}${PHPASS.slice(4)}`;

/** Digests the previous caps accepted and the new ones refuse: each costs over ~1 s or ~64 MiB to verify. */
const OVER_THE_CAPS: Array<[string, string, string]> = [
  ['bcrypt', bcryptOfCost(17), 'cost 17: ~8 s'],
  ['bcrypt', bcryptOfCost(14), 'cost 14: ~1 s'],
  ['bcrypt_sha256_django', `bcrypt_sha256$${bcryptOfCost(17)}`, 'cost 17'],
  ['bcrypt_peppered', `${bcryptOfCost(17)}$pepper`, 'cost 17'],
  ['argon2id', argon('argon2id', 'm=262144,t=4,p=1'), '256 MiB'],
  ['argon2i', argon('argon2i', 'm=131072,t=8,p=1'), '128 MiB'],
  ['scrypt_werkzeug', werkzeug(2 ** 20, 2, 1), '256 MiB'],
  ['scrypt_werkzeug', werkzeug(2 ** 17, 8, 1), '128 MiB'],
  ['scrypt_werkzeug', werkzeug(2 ** 15, 8, 16), 'N·r·p = 2^22: ~1.2 s'],
  ['scrypt_werkzeug', werkzeug(2 ** 18, 2, 4), 'N·r·p = 2^21, small r: ~1.1 s'],
  ['scrypt_firebase', firebase(2, 20), '256 MiB'],
  ['scrypt_firebase', firebase(8, 17), '128 MiB'],
  ['pbkdf2_sha1', `pbkdf2_sha1$5000000$salt$${HEX32}`, '10,000,000 SHA-1 blocks'],
  ['pbkdf2_sha1', `pbkdf2_sha1$2000000$salt$${HEX32}`, '4,000,000 SHA-1 blocks'],
  ['pbkdf2_sha256', `pbkdf2_sha256$10000000$c2FsdA==$${B64_32}`, '10,000,000 iterations'],
  ['pbkdf2_sha256_django', `pbkdf2_sha256$10000000$salt$${B64_32}`, '10,000,000 iterations'],
  ['pbkdf2_sha512', `pbkdf2_sha512$10000000$salt$${HEX64}`, '10,000,000 iterations'],
  ['pbkdf2_sha512_hex', `pbkdf2_sha512_hex$10000000$abcd$${HEX64}`, '10,000,000 iterations'],
  ['phpass', phpassOfLog2('$P$', 20), '2^20 md5'],
  ['md5_phpass', phpassOfLog2('$H$', 20), '2^20 md5'],
];

/** Real systems' defaults and the new caps themselves: still imported. */
const WITHIN_THE_CAPS: Array<[string, string, string]> = [
  ['bcrypt', bcryptOfCost(13), 'the cap'],
  ['bcrypt', bcryptOfCost(12), 'Django, Devise, Laravel, PHP 8.4'],
  ['argon2id', argon('argon2id', 'm=102400,t=2,p=8'), "Django's Argon2PasswordHasher"],
  ['argon2id', argon('argon2id', 'm=65536,t=3,p=4'), 'argon2-cffi ≥ 21.2'],
  ['argon2i', argon('argon2i', 'm=65536,t=4,p=1'), 'PHP'],
  ['scrypt_werkzeug', werkzeug(2 ** 15, 8, 1), "Werkzeug's default"],
  ['scrypt_werkzeug', werkzeug(2 ** 15, 8, 4), 'N·r·p = 2^20, the cap'],
  ['scrypt_werkzeug', werkzeug(2 ** 16, 8, 1), '64 MiB, the cap'],
  ['scrypt_firebase', firebase(8, 14), "Firebase's default"],
  ['pbkdf2_sha256_django', `pbkdf2_sha256$1200000$salt$${B64_32}`, 'Django 6.0'],
  ['pbkdf2_sha256_django', `pbkdf2_sha256$3000000$salt$${B64_32}`, 'the cap'],
  ['pbkdf2_sha1', `pbkdf2_sha1$1300000$salt$${HEX32}`, "OWASP's figure with Clerk's 32-byte key"],
  ['pbkdf2_sha512', `pbkdf2_sha512$1500000$salt$${HEX64}`, 'the cap'],
  ['phpass', phpassOfLog2('$P$', 19), "passlib's default, the cap"],
];

/** A pool that runs every check at once and counts them. */
function countingPool(): VerificationPool & { runs: number } {
  const pool = {
    runs: 0,
    running: 0,
    queued: 0,
    run<T>(check: () => Promise<T>): Promise<T> {
      pool.runs++;
      return check();
    },
  };
  return pool;
}

/** A pool that holds every check until `admit()`: what a queue full of slow checks does to the last one. */
function gatedPool(): { pool: VerificationPool; admit: () => void } {
  let admit: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (admit = resolve));
  return { pool: { running: 1, queued: 0, run: async (check) => gate.then(check) }, admit };
}

/** A pool whose queue is full: it refuses every check, as the real one does past `maxQueued`. */
const fullPool: VerificationPool = {
  running: 1,
  queued: 32,
  run: () => Promise.reject(errors.tooManyRequests()),
};

describe('bounded cost of imported credentials', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server.close());

  const createUser = async (body: Record<string, unknown>): Promise<any> => {
    const response = await server.api('POST', '/v1/users', { email_address: [uniqueEmail('cost')], ...body });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body;
  };

  /** A second app over the same database, whose hasher registry checks imported digests in `pool`. */
  async function appWithPool(pool: VerificationPool): Promise<FastifyInstance> {
    const hashers = createHasherRegistry(ALL_HASHERS, { importedDigestChecks: pool });
    return buildApp({ config: server.config, database: server.database, clock: server.clock, hashers, logger: false });
  }

  async function inject(app: FastifyInstance, url: string, body: unknown): Promise<ApiResponse> {
    const response = await app.inject({
      method: 'POST',
      url,
      headers: { authorization: `Bearer ${TEST_SECRET_KEY}`, 'content-type': 'application/json' },
      payload: JSON.stringify(body),
    });
    const headers = new Headers(Object.entries(response.headers).map(([name, value]): [string, string] => [name, String(value)]));
    return { status: response.statusCode, headers, body: response.json() };
  }

  async function attemptsRemaining(userId: string): Promise<{ locked: boolean; verification_attempts_remaining: number }> {
    const { locked, verification_attempts_remaining } = (await server.api('GET', `/v1/users/${userId}`)).body;
    return { locked, verification_attempts_remaining };
  }

  describe('password digests over the cost caps', () => {
    it.each(OVER_THE_CAPS)('%s: %s (%s) is refused at import with 422 form_password_digest_invalid_code', async (hasher, digest) => {
      const created = await server.api('POST', '/v1/users', { email_address: [uniqueEmail('cost')], password_digest: digest, password_hasher: hasher });
      expectClerkError(created, 422, 'form_password_digest_invalid_code', 'password_digest');
      const user = await createUser({});
      const updated = await server.api('PATCH', `/v1/users/${user.id}`, { password_digest: digest, password_hasher: hasher });
      expectClerkError(updated, 422, 'form_password_digest_invalid_code', 'password_digest');
    });

    it.each(WITHIN_THE_CAPS)('%s: %s (%s) is still imported', async (hasher, digest) => {
      const user = await createUser({ password_digest: digest, password_hasher: hasher });
      expect(user.password_enabled).toBe(true);
    });
  });

  describe('the verification pool', () => {
    it('checks an imported digest in the pool, then (re-hashed to argon2id by Roster) never again', async () => {
      const pool = countingPool();
      const app = await appWithPool(pool);
      try {
        const { password, digest } = fixtureDigest('bcrypt');
        const user = await createUser({ password_digest: digest, password_hasher: 'bcrypt' });
        expect((await inject(app, `/v1/users/${user.id}/verify_password`, { password })).status).toBe(200);
        expect(pool.runs).toBe(1);
        expect((await inject(app, `/v1/users/${user.id}/verify_password`, { password })).status).toBe(200);
        expect(pool.runs).toBe(1);
        // An argon2id digest Roster did not write (other parameters) is imported too: pooled, then re-hashed.
        const imported = fixtureDigest('argon2id');
        const other = await createUser({ password_digest: imported.digest, password_hasher: 'argon2id' });
        expect((await inject(app, `/v1/users/${other.id}/verify_password`, { password: imported.password })).status).toBe(200);
        expect((await inject(app, `/v1/users/${other.id}/verify_password`, { password: imported.password })).status).toBe(200);
        expect(pool.runs).toBe(2);
      } finally {
        await app.close();
      }
    });

    it('never pools Roster\'s own argon2id digests, so new-password users verify even when the pool is full', async () => {
      const app = await appWithPool(fullPool);
      try {
        const user = await createUser({ password: 'own-argon2id-password' });
        expect((await inject(app, `/v1/users/${user.id}/verify_password`, { password: 'own-argon2id-password' })).status).toBe(200);
        expectClerkError(await inject(app, `/v1/users/${user.id}/verify_password`, { password: 'wrong-password-1' }), 422, 'incorrect_password');
      } finally {
        await app.close();
      }
    });

    it('checks a user who was banned while the check waited in the pool as banned', async () => {
      const { pool, admit } = gatedPool();
      const app = await appWithPool(pool);
      try {
        const { password, digest } = fixtureDigest('pbkdf2_sha256_django');
        const user = await createUser({ password_digest: digest, password_hasher: 'pbkdf2_sha256_django' });
        const waiting = inject(app, `/v1/users/${user.id}/verify_password`, { password });
        await new Promise((resolve) => setTimeout(resolve, 50));
        expect((await server.api('POST', `/v1/users/${user.id}/ban`)).status).toBe(200);
        admit();
        expectClerkError(await waiting, 403, 'user_banned');
      } finally {
        await app.close();
      }
    });

    it('checks the password the user has once the check leaves the pool, not the one they had when it queued', async () => {
      const { pool, admit } = gatedPool();
      const app = await appWithPool(pool);
      try {
        const { password, digest } = fixtureDigest('pbkdf2_sha256_django');
        const changed = await createUser({ password_digest: digest, password_hasher: 'pbkdf2_sha256_django' });
        const removed = await createUser({ password_digest: digest, password_hasher: 'pbkdf2_sha256_django' });
        const deleted = await createUser({ password_digest: digest, password_hasher: 'pbkdf2_sha256_django' });
        const waiting = [changed, removed, deleted].map((user) => inject(app, `/v1/users/${user.id}/verify_password`, { password }));
        await new Promise((resolve) => setTimeout(resolve, 50));
        expect((await server.api('PATCH', `/v1/users/${changed.id}`, { password: 'a brand new password 77', skip_password_checks: true })).status).toBe(200);
        expect((await server.api('POST', `/v1/users/${removed.id}/remove_password`)).status).toBe(200);
        expect((await server.api('DELETE', `/v1/users/${deleted.id}`)).status).toBe(200);
        admit();
        const [afterChange, afterRemoval, afterDeletion] = await Promise.all(waiting);
        expectClerkError(afterChange!, 422, 'incorrect_password');
        expectClerkError(afterRemoval!, 400, 'no_password_set');
        expectClerkError(afterDeletion!, 404, 'resource_not_found');
      } finally {
        await app.close();
      }
    });

    it('answers 429 too_many_requests when the pool is full, without taking a lockout attempt', async () => {
      const app = await appWithPool(fullPool);
      try {
        const { password, digest } = fixtureDigest('pbkdf2_sha256_django');
        const user = await createUser({ password_digest: digest, password_hasher: 'pbkdf2_sha256_django' });
        for (let i = 0; i < 12; i++) {
          const response = await inject(app, `/v1/users/${user.id}/verify_password`, { password: i % 2 ? password : 'wrong' });
          expectClerkError(response, 429, 'too_many_requests');
          expect(response.body.errors[0]).toMatchObject({ message: 'Too many requests', long_message: 'Too many requests, retry later' });
          expect(response.headers.get('retry-after')).toBe('1');
        }
        expect(await attemptsRemaining(user.id)).toEqual({ locked: false, verification_attempts_remaining: 10 });
        // The regular app's pool has room: the password still verifies.
        expect((await server.api('POST', `/v1/users/${user.id}/verify_password`, { password })).status).toBe(200);
      } finally {
        await app.close();
      }
    });
  });

  describe('backup codes', () => {
    it('stores a plain code as its keyed hash (hmac-sha256$…, never bcrypt); it verifies once', async () => {
      const user = await createUser({ backup_codes: ['kh-code-0001', 'kh-code-0002'] });
      const stored = await listUnconsumedBackupCodes(server.database.db, user.id);
      expect(stored).toHaveLength(2);
      for (const row of stored) {
        expect(row.digest).toMatch(/^hmac-sha256\$[A-Za-z0-9_-]{43}$/);
        expect(row.digest).not.toMatch(/^\$2/);
      }
      const verify = () => server.api('POST', `/v1/users/${user.id}/verify_totp`, { code: 'kh-code-0001' });
      expect(await verify()).toMatchObject({ status: 200, body: { verified: true, code_type: 'backup_code' } });
      expectClerkError(await verify(), 422, 'totp_incorrect_code', 'code');
      expect(await listUnconsumedBackupCodes(server.database.db, user.id)).toHaveLength(1);
    });

    it('checks plain codes without the pool (one HMAC), so they verify even when it is full', async () => {
      const app = await appWithPool(fullPool);
      try {
        const codes = Array.from({ length: 50 }, (_, i) => `many-code-${i}`);
        const user = await createUser({ backup_codes: codes });
        expectClerkError(await inject(app, `/v1/users/${user.id}/verify_totp`, { code: 'not-a-code' }), 422, 'totp_incorrect_code', 'code');
        expect((await inject(app, `/v1/users/${user.id}/verify_totp`, { code: 'many-code-49' })).body).toEqual({ verified: true, code_type: 'backup_code' });
      } finally {
        await app.close();
      }
    });

    it('checks bcrypt codes in the pool: 429 when it is full, before any lockout attempt is taken', async () => {
      const digest = await bcryptHash('bcrypt-code-1', 4);
      const user = await createUser({ backup_codes: [digest] });
      const counting = countingPool();
      const full = await appWithPool(fullPool);
      const counted = await appWithPool(counting);
      try {
        expectClerkError(await inject(full, `/v1/users/${user.id}/verify_totp`, { code: 'bcrypt-code-1' }), 429, 'too_many_requests');
        expect(await attemptsRemaining(user.id)).toEqual({ locked: false, verification_attempts_remaining: 10 });
        expect((await inject(counted, `/v1/users/${user.id}/verify_totp`, { code: 'bcrypt-code-1' })).body).toEqual({ verified: true, code_type: 'backup_code' });
        expect(counting.runs).toBe(1);
      } finally {
        await full.close();
        await counted.close();
      }
    });

    it('rows stored as bcrypt before keyed hashes keep working, each once', async () => {
      const user = await createUser({ backup_codes: ['placeholder-code'] });
      const now = server.clock.nowMs();
      const row = async (code: string) => ({ id: newId('bkc', now), user_id: user.id, digest: await bcryptHash(code, 10), consumed_at: null, created_at: now });
      await replaceBackupCodes(server.database.db, user.id, [await row('legacy-code-1'), await row('legacy-code-2')]);
      const verify = (code: string) => server.api('POST', `/v1/users/${user.id}/verify_totp`, { code });
      expect(await verify('legacy-code-2')).toMatchObject({ status: 200, body: { verified: true, code_type: 'backup_code' } });
      expectClerkError(await verify('legacy-code-2'), 422, 'totp_incorrect_code', 'code');
      expect(await verify('legacy-code-1')).toMatchObject({ status: 200, body: { verified: true, code_type: 'backup_code' } });
    });

    it('refuses imported bcrypt codes over 12·2^10 rounds together (e.g. 4 of cost 12, 13 of cost 10), and a cost over 12', async () => {
      const send = (codes: string[]) => server.api('POST', '/v1/users', { email_address: [uniqueEmail('cost')], backup_codes: codes });
      expectClerkError(await send(Array(4).fill(bcryptOfCost(12))), 422, 'form_param_value_invalid', 'backup_codes');
      expectClerkError(await send(Array(13).fill(bcryptOfCost(10))), 422, 'form_param_value_invalid', 'backup_codes');
      expectClerkError(await send([bcryptOfCost(13)]), 422, 'form_param_value_invalid', 'backup_codes');
      const user = await createUser({});
      expectClerkError(await server.api('PATCH', `/v1/users/${user.id}`, { backup_codes: Array(50).fill(bcryptOfCost(12)) }), 422, 'form_param_value_invalid', 'backup_codes');
      // Within the limit, next to any number of plain codes.
      expect((await send([...Array(3).fill(bcryptOfCost(12)), 'plain-1'])).status).toBe(200);
      expect((await send([...Array(12).fill(bcryptOfCost(10)), ...Array(30).fill('plain-2')])).status).toBe(200);
    });
  });
});
