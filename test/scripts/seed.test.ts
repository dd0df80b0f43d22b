// npm run seed: the users it writes (scripts/lib/seed-users.mjs through the storage layer's bulk import) are
// whole users to the API — listed, counted, found by every search, with identifiers that are valid, unique and
// claimed — on SQLite and, with TEST_DATABASE_URL, on PostgreSQL.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createUserFactory } from '../../scripts/lib/fake-users.mjs';
import { seedUsers } from '../../scripts/lib/seed-users.mjs';
import { newId } from '../../src/lib/ids.js';
import { insertUserBatch, withDeferredUserIndexes } from '../../src/storage/repositories/bulk-user-import.js';
import { buildUserSearchDoc } from '../../src/storage/repositories/user-search-repository.js';
import { normalizeEmailAddress, normalizePhoneNumber, normalizeUsername } from '../../src/users/identifiers.js';
import type { RosterDatabase } from '../../src/storage/database.js';
import { useTestServer } from '../helpers/test-server.js';

const roster = { newId, insertUserBatch, withDeferredUserIndexes };
const SEEDED = 500;

/** The indexes and triggers of the tables a seed writes, as the catalogue describes them. */
async function schemaObjects(database: RosterDatabase): Promise<string[]> {
  const query =
    database.dialect === 'sqlite'
      ? sql<{ line: string }>`SELECT type || ' ' || name || ' ' || coalesce(sql, '') AS line FROM sqlite_master
          WHERE type IN ('index', 'trigger') AND tbl_name IN ('users', 'identifications', 'user_search_docs')`
      : sql<{ line: string }>`SELECT indexname || ' ' || indexdef AS line FROM pg_indexes
          WHERE schemaname = current_schema() AND tablename IN ('users', 'identifications', 'user_search_docs')`;
  const { rows } = await query.execute(database.db);
  return rows.map((row) => row.line).sort();
}

const server = useTestServer();

describe('seeding users', () => {
  let before: string[] = [];
  const all = async () => {
    const { status, body } = await server.api<any[]>('GET', '/v1/users?limit=500&order_by=created_at');
    expect(status).toBe(200);
    return body;
  };

  it('writes whole users: counted, listed oldest to newest, with their identifications', async () => {
    // Small batches and two lanes, so several batches and both paths of the loop are exercised.
    before = await schemaObjects(server.database);
    expect(before.length).toBeGreaterThan(10);
    const result = await seedUsers({ database: server.database, roster, total: SEEDED, batchSize: 120, lanes: 2 });
    expect(result.written).toBe(SEEDED);
    // The indexes and FTS5 triggers set aside for the load are all back, as they were.
    expect(await schemaObjects(server.database)).toEqual(before);

    const count = await server.clerk.users.getCount();
    expect(count).toBe(SEEDED);
    const users = await all();
    expect(users).toHaveLength(SEEDED);
    const createdAt = users.map((user) => user.created_at);
    expect([...createdAt].sort((a, b) => a - b)).toEqual(createdAt);
    for (const user of users) {
      expect(user.created_at).toBeGreaterThan(Date.now() - 3 * 366 * 86_400_000);
      const primary = user.email_addresses.find((email: any) => email.id === user.primary_email_address_id);
      expect(primary?.verification?.status).toBe('verified');
      if (user.phone_numbers.length) expect(user.primary_phone_number_id).toBe(user.phone_numbers[0].id);
    }
    const share = (predicate: (user: any) => boolean) => users.filter(predicate).length / users.length;
    expect(share((user) => user.phone_numbers.length > 0)).toBeGreaterThan(0.55);
    expect(share((user) => user.phone_numbers.length > 0)).toBeLessThan(0.85);
    expect(share((user) => user.banned)).toBeLessThan(0.1);
    expect(share((user) => user.username !== null)).toBeGreaterThan(0.2);
    expect(share((user) => Object.keys(user.public_metadata).length > 0)).toBeGreaterThan(0.1);
    expect(share((user) => user.last_active_at !== null)).toBeGreaterThan(0.7);
  });

  it('every identifier is one Roster would have accepted, and taken: the same address cannot be created again', async () => {
    const users = await all();
    for (const user of users) {
      for (const { email_address: email } of user.email_addresses) expect(normalizeEmailAddress(email)).toBe(email);
      for (const { phone_number: phone } of user.phone_numbers) expect(normalizePhoneNumber(phone)).toBe(phone);
      if (user.username) expect(normalizeUsername(user.username)).toBe(user.username.toLowerCase());
    }
    const taken = users[7].email_addresses[0].email_address;
    const { status, body } = await server.api('POST', '/v1/users', { email_address: [taken] });
    expect(status).toBe(422);
    expect(body.errors[0].code).toBe('form_identifier_exists');
  });

  it('search finds seeded users: query, name_query, email_address_query, phone_number_query (the index was rebuilt)', async () => {
    const users = await all();
    const hoppers = users.filter(
      (user) => user.last_name === 'Hopper' || user.username?.includes('hopper') || user.email_addresses.some((e: any) => e.email_address.includes('hopper')),
    );
    const hopperCount = await server.clerk.users.getCount({ query: 'hopper' });
    expect(hopperCount).toBe(hoppers.length);
    expect(hopperCount / SEEDED).toBeGreaterThan(0.05);
    expect(hopperCount / SEEDED).toBeLessThan(0.16);

    const named = users.find((user) => user.first_name && user.last_name)!;
    const byName = await server.api<any[]>('GET', `/v1/users?limit=500&name_query=${encodeURIComponent(`${named.first_name} ${named.last_name}`)}`);
    expect(byName.body.map((user) => user.id)).toContain(named.id);

    const email = named.email_addresses[0].email_address as string;
    const byEmail = await server.api<any[]>('GET', `/v1/users?email_address_query=${encodeURIComponent(email.slice(2, 12))}`);
    expect(byEmail.body.map((user) => user.id)).toContain(named.id);

    const withPhone = users.find((user) => user.phone_numbers.length > 0)!;
    const digits = (withPhone.phone_numbers[0].phone_number as string).slice(-7);
    const byPhone = await server.api<any[]>('GET', `/v1/users?phone_number_query=${digits}`);
    expect(byPhone.body.map((user) => user.id)).toContain(withPhone.id);
  });

  it("each search document is exactly the one Roster's own writes would produce", async () => {
    const users = await all();
    const docs = await server.database.db.selectFrom('user_search_docs').selectAll().execute();
    expect(docs).toHaveLength(SEEDED);
    const byUser = new Map(docs.map((doc) => [doc.user_id, doc]));
    for (const user of users.slice(0, 50)) {
      const identifications = [
        ...user.email_addresses.map((e: any) => ({ type: 'email_address' as const, identifier: e.email_address })),
        ...user.phone_numbers.map((p: any) => ({ type: 'phone_number' as const, identifier: p.phone_number })),
        ...user.web3_wallets.map((w: any) => ({ type: 'web3_wallet' as const, identifier: w.web3_wallet })),
      ];
      const { id: _id, user_id: _userId, ...stored } = byUser.get(user.id)!;
      expect(stored).toEqual(buildUserSearchDoc({ id: user.id, username: user.username, first_name: user.first_name, last_name: user.last_name }, identifications));
    }
  });

  it('--append continues the numbering: more users, no identifier collides, the indexes stay in place', async () => {
    await seedUsers({ database: server.database, roster, total: 100, startIndex: SEEDED, batchSize: 40 });
    expect(await server.clerk.users.getCount()).toBe(SEEDED + 100);
    expect(await server.clerk.users.getCount({ query: 'hopper' })).toBeGreaterThan(0);
  });
});

describe('setting the indexes aside', () => {
  it('puts every index back when the load fails, and the error comes through', async () => {
    const before = await schemaObjects(server.database);
    const failing = withDeferredUserIndexes(server.database, async () => {
      expect(await schemaObjects(server.database)).not.toEqual(before);
      throw new Error('the load failed');
    });
    await expect(failing).rejects.toThrow('the load failed');
    expect(await schemaObjects(server.database)).toEqual(before);
  });
});

describe('the fake users', () => {
  it('have unique, valid identifiers across 100,000 users, and the shares the benchmarks rely on', () => {
    let counter = 0;
    const cheapId = (prefix: string) => `${prefix}_${(counter++).toString(36)}`;
    const userAt = createUserFactory({ newId: cheapId, total: 100_000, nowMs: Date.UTC(2026, 0, 1) });
    const seen = { email_address: new Set<string>(), phone_number: new Set<string>(), web3_wallet: new Set<string>(), username: new Set<string>(), external: new Set<string>() };
    let hoppers = 0;
    let banned = 0;
    let phonesChecked = 0;
    for (let i = 0; i < 100_000; i++) {
      const { user, identifications } = userAt(i);
      for (const row of identifications) {
        expect(seen[row.type].has(row.identifier)).toBe(false);
        seen[row.type].add(row.identifier);
        // Every 50th phone through libphonenumber (all of them would take seconds); every plan is hit many times.
        if (row.type === 'phone_number' && i % 50 === 0) {
          expect(normalizePhoneNumber(row.identifier)).toBe(row.identifier);
          phonesChecked++;
        }
      }
      if (user.username_normalized) {
        expect(seen.username.has(user.username_normalized)).toBe(false);
        seen.username.add(user.username_normalized);
      }
      if (user.external_id) {
        expect(seen.external.has(user.external_id)).toBe(false);
        seen.external.add(user.external_id);
      }
      if (user.last_name === 'Hopper') hoppers++;
      banned += user.banned ?? 0;
    }
    expect(phonesChecked).toBeGreaterThan(1000);
    expect(hoppers / 100_000).toBeGreaterThan(0.08);
    expect(hoppers / 100_000).toBeLessThan(0.12);
    expect(banned / 100_000).toBeGreaterThan(0.01);
    expect(banned / 100_000).toBeLessThan(0.03);
    const lovelace12 = [...seen.email_address].filter((email) => email.includes('ovelace12')).length;
    expect(lovelace12).toBeLessThan(20);
  });
});
