import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/lib/ids.js';
import { createDatabase, type RosterDatabase } from '../../src/storage/database.js';
import { migrateToLatest } from '../../src/storage/migrate.js';
import { insertIdentifications } from '../../src/storage/repositories/identifications-repository.js';
import { countUsers, listUsers, type UserListFilter } from '../../src/storage/repositories/user-list-repository.js';
import { refreshUserSearchDoc } from '../../src/storage/repositories/user-search-repository.js';
import { deleteUser, insertUser } from '../../src/storage/repositories/users-repository.js';
import { dropTestSchema, testDatabaseUrl, withSchemaLock } from '../helpers/test-server.js';

/**
 * The search planner answers the same rows whichever way it reads them: a needle most users contain is served
 * by walking the ordering and testing each row, a rare one by the trigram index, a short one by testing rows.
 * Each answer is checked against the same search done here in JavaScript over the seeded users.
 */
const USERS = 240;
const FIRST = ['Grace', 'Ada', 'Élodie', 'élodie'];

interface Seeded {
  id: string;
  createdAt: number;
  doc: string;
  names: string;
  email: string;
  banned: boolean;
}

describe(`user search: the planner's access paths agree with a plain search (${testDatabaseUrl ? 'PostgreSQL' : 'SQLite'})`, () => {
  let database: RosterDatabase;
  let dir: string;
  const schema = testDatabaseUrl ? `roster_test_${randomBytes(6).toString('hex')}` : undefined;
  const seeded: Seeded[] = [];

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'roster-planner-'));
    // A file, not memory: lists run on the read workers, as they do in a server.
    database = await createDatabase({ databaseUrl: testDatabaseUrl, sqliteFile: path.join(dir, 'roster.db'), pgSchema: schema, sqliteReadWorkers: 2 });
    await withSchemaLock(() => migrateToLatest(database));
    const base = Date.UTC(2025, 0, 1);
    await database.db.transaction().execute(async (trx) => {
      for (let i = 0; i < USERS; i++) {
        const createdAt = base + i * 1000;
        const id = newId('user', createdAt);
        // Two in three are Hoppers (a needle for the walk), one user is a Zebulon (a needle for the index).
        const firstName = i === 77 ? 'Zebulon' : FIRST[i % FIRST.length]!;
        const lastName = i % 3 === 2 ? 'Lovelace' : 'Hopper';
        const email = `${firstName.toLowerCase()}.${lastName.toLowerCase()}${i}@example${i % 7}.com`;
        const emailId = newId('idn', createdAt);
        await insertUser(trx, {
          id, external_id: null, username: null, username_normalized: null, first_name: firstName, last_name: lastName, locale: null,
          password_digest: null, password_hasher: null, password_last_updated_at: null,
          public_metadata: '{}', private_metadata: '{}', unsafe_metadata: '{}',
          primary_email_address_id: emailId, primary_email_address: email, primary_phone_number_id: null, primary_phone_number: null,
          primary_web3_wallet_id: null, primary_web3_wallet: null, banned: i % 5 === 0 ? 1 : 0, locked_at: null, failed_verification_attempts: 0,
          delete_self_enabled: 1, create_organization_enabled: 1, create_organizations_limit: null, bypass_client_trust: 0,
          mfa_enabled_at: null, mfa_disabled_at: null, legal_accepted_at: null, last_sign_in_at: null, last_active_at: null,
          sessions_revoked_at: null, totp_verified: 0, mfa_active: 0, created_at: createdAt, updated_at: createdAt,
        });
        await insertIdentifications(trx, [
          { id: emailId, user_id: id, type: 'email_address', identifier: email, verified: 1, reserved: 0, reserved_for_second_factor: 0, default_second_factor: 0, position: 0, created_at: createdAt, updated_at: createdAt },
        ]);
        await refreshUserSearchDoc(trx, id);
        const names = `${firstName} ${lastName}`;
        seeded.push({ id, createdAt, names, email, doc: [id, email, names].join('\n').toLowerCase(), banned: i % 5 === 0 });
      }
    });
  });

  afterAll(async () => {
    await dropTestSchema(database, schema);
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const newestFirst = (users: Seeded[]) => [...users].sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1));

  const cases: [string, UserListFilter, (user: Seeded) => boolean][] = [
    ['a needle two in three users contain', { query: 'hopper' }, (u) => u.doc.includes('hopper')],
    ['a needle one user contains', { query: 'zebulon' }, (u) => u.doc.includes('zebulon')],
    ['a needle nobody contains', { query: 'qqqxq' }, () => false],
    ['a one-character needle', { query: 'Z' }, (u) => u.doc.includes('z')],
    ['a two-character needle', { query: '9@' }, (u) => u.doc.includes('9@')],
    ['a common name search with another filter', { nameQuery: 'hopp', banned: true }, (u) => u.names.toLowerCase().includes('hopp') && u.banned],
    ['two searches, one common and one rare', { query: 'hopper', emailAddressQuery: 'zebulon' }, (u) => u.doc.includes('hopper') && u.email.includes('zebulon')],
    ['a LIKE wildcard taken literally', { query: '%' }, () => false],
    // Case folds beyond ASCII on every path: the index folds it, and documents are stored folded for the walk.
    ['a non-ASCII needle in capitals, common', { query: 'ÉLODIE' }, (u) => u.doc.includes('élodie')],
    ['a non-ASCII needle, common, with a filter', { nameQuery: 'Élo', banned: false }, (u) => u.names.toLowerCase().includes('élo') && !u.banned],
    ['a one-character non-ASCII needle', { query: 'É' }, (u) => u.doc.includes('é')],
  ];

  it.each(cases)('lists %s: the same users in the same order, at every page size', async (_name, filter, matches) => {
    const expected = newestFirst(seeded.filter(matches)).map((user) => user.id);
    for (const [limit, offset] of [[10, 0], [5, 30], [500, 0]] as const) {
      const rows = await listUsers(database.reads, filter, { orderBy: 'created_at', direction: 'desc', limit, offset });
      expect(rows.map((row) => row.user.id)).toEqual(expected.slice(offset, offset + limit));
    }
    expect(await countUsers(database.reads, filter)).toBe(expected.length);
  });

  it('counts every user from the trigger-kept count, through inserts and deletes', async () => {
    expect(await countUsers(database.reads, {})).toBe(USERS);
    await deleteUser(database.db, seeded[0]!.id);
    expect(await countUsers(database.reads, {})).toBe(USERS - 1);
    expect(await countUsers(database.reads, { banned: false })).toBe(seeded.slice(1).filter((user) => !user.banned).length);
  });
});
