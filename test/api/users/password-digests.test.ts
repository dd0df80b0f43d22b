// Imported passwords: password_digest + password_hasher on create and update (the import rules, one known-answer
// fixture per hasher), and the transparent upgrade to argon2id on the first successful verification.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createHasherRegistry } from '../../../src/passwords/registry.js';
import { expectClerkError, expectSdkError } from '../../helpers/assertions.js';
import { credentialHelpers, md5hex, PASSWORD, WRONG_PASSWORD } from '../../helpers/credential-helpers.js';
import { uniqueEmail } from '../../helpers/fixtures.js';
import { useTestServer } from '../../helpers/test-server.js';

const FIXTURE_DIR = new URL('../../fixtures/password-digests/', import.meta.url);
interface DigestVector {
  password: string;
  digest: string;
}
/** Every registered hasher that has a known-answer fixture file, with that file's first vector. */
const HASHERS_WITH_FIXTURES: Array<[string, DigestVector]> = createHasherRegistry()
  .names()
  .filter((name) => fs.existsSync(new URL(`${name}.json`, FIXTURE_DIR)))
  .map((name) => {
    const fixture = JSON.parse(fs.readFileSync(new URL(`${name}.json`, FIXTURE_DIR), 'utf8')) as { vectors: DigestVector[] };
    return [name, fixture.vectors[0]!];
  });

describe('credentials and MFA', () => {
  const server = useTestServer();
  const { createUser, getUser, verifyPassword, storedPassword, api } = credentialHelpers(() => server);

  describe('transparent upgrade of imported digests', () => {
    it('the first successful verification re-hashes an md5 digest to argon2id', async () => {
      const user = await createUser({ password_digest: md5hex(PASSWORD), password_hasher: 'md5' });
      expect(user.password_enabled).toBe(true);
      expect(await storedPassword(user.id)).toEqual({ password_hasher: 'md5', password_digest: md5hex(PASSWORD) });
      expect(await verifyPassword(user.id, PASSWORD)).toMatchObject({ status: 200, body: { verified: true } });
      const stored = await storedPassword(user.id);
      expect(stored?.password_hasher).toBe('argon2id');
      expect(stored?.password_digest).toMatch(/^\$argon2id\$/);
      expect(await verifyPassword(user.id, PASSWORD)).toMatchObject({ status: 200, body: { verified: true } });
      expectClerkError(await verifyPassword(user.id, WRONG_PASSWORD), 422, 'incorrect_password');
      expect((await getUser(user.id)).password_enabled).toBe(true);
    });

    it('a wrong password never upgrades the digest', async () => {
      const user = await createUser({ password_digest: md5hex(PASSWORD), password_hasher: 'md5' });
      expectClerkError(await verifyPassword(user.id, WRONG_PASSWORD), 422, 'incorrect_password');
      expect(await storedPassword(user.id)).toEqual({ password_hasher: 'md5', password_digest: md5hex(PASSWORD) });
    });

    it('@clerk/backend createUser with passwordDigest and passwordHasher imports a verifiable password', async () => {
      const created = await server.clerk.users.createUser({
        emailAddress: [uniqueEmail('sdk')],
        passwordDigest: md5hex(PASSWORD),
        passwordHasher: 'md5',
      });
      expect(created.passwordEnabled).toBe(true);
      expect(await server.clerk.users.verifyPassword({ userId: created.id, password: PASSWORD })).toEqual({ verified: true });
      await expectSdkError(server.clerk.users.verifyPassword({ userId: created.id, password: WRONG_PASSWORD }), 422, 'incorrect_password');
    });
  });

  describe('password digest import rules', () => {
    const targets = {
      'POST /v1/users': async (body: Record<string, unknown>) => api('POST', '/v1/users', { email_address: [uniqueEmail('digest')], ...body }),
      'PATCH /v1/users/{user_id}': async (body: Record<string, unknown>) => {
        const user = await createUser();
        return api('PATCH', `/v1/users/${user.id}`, body);
      },
    };

    describe.each(Object.entries(targets))('%s', (_label, send) => {
      it('rejects an unknown hasher with 422 form_param_value_invalid (password_hasher)', async () => {
        expectClerkError(await send({ password_digest: md5hex(PASSWORD), password_hasher: 'rot13' }), 422, 'form_param_value_invalid', 'password_hasher');
      });

      it('rejects awscognito with a 422 that says Cognito cannot be verified', async () => {
        const response = await send({ password_digest: 'awscognito#us-east-1_abc#client#user', password_hasher: 'awscognito' });
        expectClerkError(response, 422, 'form_param_value_invalid', 'password_hasher');
        expect(response.body.errors[0].long_message).toMatch(/cognito/i);
      });

      it('rejects a digest malformed for its hasher with 422 form_password_digest_invalid_code (password_digest)', async () => {
        const malformed = md5hex(PASSWORD).slice(0, 31);
        expectClerkError(await send({ password_digest: malformed, password_hasher: 'md5' }), 422, 'form_password_digest_invalid_code', 'password_digest');
        expectClerkError(await send({ password_digest: `${md5hex(PASSWORD).slice(0, 31)}z`, password_hasher: 'md5' }), 422, 'form_password_digest_invalid_code', 'password_digest');
      });

      it('rejects a digest without a hasher with 422 form_param_missing (password_hasher)', async () => {
        expectClerkError(await send({ password_digest: md5hex(PASSWORD) }), 422, 'form_param_missing', 'password_hasher');
      });

      it('rejects password and password_digest together with 422', async () => {
        const response = await send({ password: PASSWORD, password_digest: md5hex(PASSWORD), password_hasher: 'md5' });
        expectClerkError(response, 422, 'form_param_value_invalid');
      });
    });

    it('PATCH with a digest replaces the password, and the new one verifies', async () => {
      const user = await createUser({ password: PASSWORD });
      const response = await api('PATCH', `/v1/users/${user.id}`, { password_digest: md5hex('another horse 7'), password_hasher: 'md5' });
      expect(response.status).toBe(200);
      expect(response.body.password_enabled).toBe(true);
      expectClerkError(await verifyPassword(user.id, PASSWORD), 422, 'incorrect_password');
      expect((await verifyPassword(user.id, 'another horse 7')).status).toBe(200);
    });

    it('has a fixture for at least the fast hashers', () => {
      expect(HASHERS_WITH_FIXTURES.map(([name]) => name)).toEqual(expect.arrayContaining(['md5', 'sha256', 'phpass']));
    });

    describe.each(HASHERS_WITH_FIXTURES)('hasher %s', (name, vector) => {
      it('accepts its fixture digest on create, and verify_password with the fixture password answers 200', async () => {
        const user = await createUser({ password_digest: vector.digest, password_hasher: name });
        expect(user.password_enabled).toBe(true);
        expectClerkError(await verifyPassword(user.id, `${vector.password}-not-it`), 422, 'incorrect_password');
        expect(await verifyPassword(user.id, vector.password)).toMatchObject({ status: 200, body: { verified: true } });
        // Re-hashed to argon2id on that first success, and still the same password; kept as imported when the digest
        // accepts other passwords too (Devise's long pepper: rehash-fidelity.test.ts).
        const onlyOne = createHasherRegistry().get(name)!.acceptsOnly?.(vector.digest, vector.password) ?? true;
        expect((await storedPassword(user.id))?.password_hasher).toBe(onlyOne ? 'argon2id' : name);
        expect(await verifyPassword(user.id, vector.password)).toMatchObject({ status: 200, body: { verified: true } });
      });
    });
  });
});
