// SQLite's plans for the external-account reads: the provider filters of `GET /v1/users` and `/count`, and the
// accounts read with each user's details. Each uses an index; none reads a table whole.
import { describe, expect, it } from 'vitest';
import { useSqlitePlans } from '../helpers/sqlite-plans.js';
import { withDetails } from '../../src/storage/repositories/user-details-repository.js';
import { userIdsMatching } from '../../src/storage/repositories/user-list-repository.js';

describe('external account queries use indexes (SQLite)', () => {
  const database = useSqlitePlans();
  const { plan } = database;

  /** The external_accounts table is searched through `index`, never scanned. */
  const expectSearched = (details: string[], index: string) => {
    // The details read the table as `e`.
    const accesses = details.filter((detail) => /^(SCAN|SEARCH) (external_accounts|e) /.test(detail));
    expect(accesses.length, details.join('\n')).toBeGreaterThan(0);
    for (const detail of accesses) expect(detail, details.join('\n')).toMatch(new RegExp(`^SEARCH .* USING (COVERING )?INDEX ${index} `));
  };

  it('provider with provider_user_id: the (provider, provider_user_id) unique index', async () => {
    const query = userIdsMatching(database.db, { externalAccounts: { provider: 'oauth_google', providerUserIds: ['a', 'b'] } });
    expectSearched(await plan(query), 'external_accounts_provider_subject_key');
  });

  it('provider_user_id alone: its own index; provider alone: the unique index by its first column', async () => {
    expectSearched(await plan(userIdsMatching(database.db, { externalAccounts: { providerUserIds: ['a'] } })), 'external_accounts_provider_user_id_idx');
    expectSearched(await plan(userIdsMatching(database.db, { externalAccounts: { provider: 'oauth_google' } })), 'external_accounts_provider_subject_key');
  });

  it("a user's accounts, read with their details: the (user_id, provider) unique index", async () => {
    const query = withDetails(database.db, database.db.selectFrom('users').selectAll().where('users.id', '=', 'user_x'));
    expectSearched(await plan(query), 'external_accounts_user_provider_key');
  });
});
